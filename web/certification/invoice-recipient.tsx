// Step 4, "Ange fakturamottagare". "Fakturan ska skickas till": Företag (Rekommenderad where the
// person is employed; the employer, or another registered company found by its exact
// organisationsnummer), Mig personligen (the profile's billing address), or Alternativ
// fakturaadress. Without JavaScript all three parts show and the chosen radio decides; CSS (:has)
// shows only the chosen part where the browser can.
import type { Context } from "hono";
import { Conflict, Invalid, type FieldErrors } from "../../lib/errors.ts";
import { formatOrgNumber } from "../../lib/identity/orgnummer.ts";
import { getPerson, type Person } from "../../modules/accounts/index.ts";
import { canActAsApplicant, canApplicant, currentStep, processState, setInvoiceRecipient, type RecipientChoice } from "../../modules/certification/index.ts";
import { findCompanyByExactOrgNumber, listPersonEmployments } from "../../modules/employments/index.ts";
import type { AppEnv } from "../env.ts";
import { formValues } from "../form-input.ts";
import { redirectAfterPost } from "../htmx.ts";
import { ErrorSummary, Field } from "../views/form.tsx";
import { formatDate } from "../views/time.ts";
import { applicationFor, subPage } from "./frame.tsx";
import { processUrl } from "./paths.ts";

type Ctx = Context<AppEnv>;
type Values = Record<string, string>;
type Employer = { id: string; name: string; orgNumber: string };

const HEADING = "Ange fakturamottagare";
const LOOKUP = "/min-sida/anstallningar/foretag";

/** The employers of active employments: the companies the form recommends. */
async function employersOf(c: Ctx): Promise<Employer[]> {
  const today = formatDate(c.var.deps.clock.now());
  const rows = await listPersonEmployments(c.var.deps.db, c.var.user!.personId);
  const seen = new Map<string, Employer>();
  for (const { employment, company } of rows) {
    if (employment.status === "active" && (!employment.endDate || employment.endDate >= today)) seen.set(company.id, company);
  }
  return [...seen.values()];
}

const Radio = ({ value, checked, children }: { value: string; checked: boolean; children: unknown }) => (
  <label>
    <input type="radio" name="mottagare" value={value} checked={checked} required />
    <span>{children}</span>
  </label>
);

const PersonalAddress = ({ person }: { person: Person }) =>
  person.addressLine1 && person.postalCode && person.city ? (
    <address>
      {person.billingName || `${person.givenName} ${person.familyName}`}
      <br />
      {person.addressLine1}
      {person.addressLine2 ? (
        <>
          <br />
          {person.addressLine2}
        </>
      ) : null}
      <br />
      {person.postalCode} {person.city}
      <br />
      {person.country || "Sverige"}
    </address>
  ) : (
    <p>
      Du har ingen faktureringsadress ännu. Ange den under <a href="/min-sida/andra-uppgifter">Ändra uppgifter</a>, eller välj Alternativ fakturaadress.
    </p>
  );

const PersonForm = ({ action, cancel, employers, person, values, errors }: { action: string; cancel: string; employers: Employer[]; person: Person; values: Values; errors?: FieldErrors }) => {
  const chosen = values.mottagare ?? (employers.length ? "foretag" : person.addressLine1 ? "personlig" : "alternativ");
  const mottagareError = errors?.mottagare;
  return (
    <form method="post" action={action} hx-post={action} hx-target="this" hx-swap="outerHTML" class="form recipient-form" novalidate>
      <ErrorSummary errors={errors} />
      <fieldset class="radio-group radio-group--inline" aria-describedby={mottagareError ? "mottagare-error" : undefined}>
        <legend>Fakturan ska skickas till</legend>
        <Radio value="foretag" checked={chosen === "foretag"}>
          Företag {employers.length ? <strong class="badge">Rekommenderad</strong> : null}
        </Radio>
        <Radio value="personlig" checked={chosen === "personlig"}>
          Mig personligen
        </Radio>
        <Radio value="alternativ" checked={chosen === "alternativ"}>
          Alternativ fakturaadress
        </Radio>
        {mottagareError ? (
          <p class="error" id="mottagare-error">
            <span class="visually-hidden">Fel: </span>
            {mottagareError}
          </p>
        ) : null}
      </fieldset>

      <fieldset class="recipient-option" data-for="foretag">
        <legend>Företag</legend>
        {employers.length ? (
          <div class={errors?.arbetsgivare ? "field field--error" : "field"}>
            <label for="f-arbetsgivare">Fakturamottagare</label>
            <p class="hint" id="f-arbetsgivare-hint">
              Baserat på din anställning
            </p>
            <select id="f-arbetsgivare" name="arbetsgivare" aria-describedby="f-arbetsgivare-hint">
              {employers.map((e) => (
                <option value={e.id} selected={values.arbetsgivare === e.id}>
                  {e.name} ({formatOrgNumber(e.orgNumber)})
                </option>
              ))}
            </select>
          </div>
        ) : (
          <p class="hint">Du har ingen aktiv anställning här. Sök fram företaget med dess organisationsnummer.</p>
        )}
        <Field
          name="foretag"
          label="Sök efter annat företag"
          hint="Sök fram ett registrerat företag med fullständigt organisationsnummer. Endast exakt matchning ger resultat."
          value={values.foretag}
          errors={errors}
          inputmode="numeric"
          autocomplete="off"
          maxlength={13}
          attrs={{ "hx-get": LOOKUP, "hx-trigger": "input changed delay:300ms", "hx-target": "#foretag-traff", "hx-swap": "innerHTML" }}
        >
          <div id="foretag-traff" class="lookup" aria-live="polite"></div>
        </Field>
      </fieldset>

      <fieldset class="recipient-option" data-for="personlig">
        <legend>Mig personligen</legend>
        <PersonalAddress person={person} />
      </fieldset>

      <fieldset class="recipient-option" data-for="alternativ">
        <legend>Alternativ fakturaadress</legend>
        <Field name="namn" label="Namn" value={values.namn} errors={errors} autocomplete="organization" maxlength={200} hint="Lämnas det tomt ställs fakturan till dig." />
        <Field name="adressrad1" label="Adressrad 1" required value={values.adressrad1} errors={errors} autocomplete="address-line1" maxlength={200} />
        <Field name="adressrad2" label="Adressrad 2" value={values.adressrad2} errors={errors} autocomplete="address-line2" maxlength={200} />
        <Field name="ort" label="Ort" required value={values.ort} errors={errors} autocomplete="address-level2" maxlength={100} />
        <Field name="land" label="Land" required value={values.land ?? "Sverige"} errors={errors} autocomplete="country-name" maxlength={100} />
        <Field name="postnummer" label="Postnummer" required value={values.postnummer} errors={errors} autocomplete="postal-code" maxlength={20} />
        <Field name="telefon" label="Telefonnummer" type="tel" value={values.telefon} errors={errors} autocomplete="tel" maxlength={40} />
        <Field name="epost" label="E-postadress" type="email" value={values.epost} errors={errors} autocomplete="email" maxlength={200} />
      </fieldset>

      <Field name="referens" label="Fakturareferens/Ordernr" value={values.referens} errors={errors} maxlength={100} />
      <div class="button-row">
        <button type="submit" class="button">
          Spara
        </button>
        <a class="button button--secondary" href={cancel}>
          Avbryt
        </a>
      </div>
    </form>
  );
};

/** A company's application: the invoice goes to the company; only the reference is asked for. */
const CompanyForm = ({ action, cancel, company, values, errors }: { action: string; cancel: string; company: string; values: Values; errors?: FieldErrors }) => (
  <form method="post" action={action} hx-post={action} hx-target="this" hx-swap="outerHTML" class="form" novalidate>
    <ErrorSummary errors={errors} />
    <p>
      Fakturan skickas till företaget som ansöker: <strong>{company}</strong>, till adressen i företagsuppgifterna.
    </p>
    <input type="hidden" name="mottagare" value="foretag" />
    <Field name="referens" label="Fakturareferens/Ordernr" value={values.referens} errors={errors} maxlength={100} />
    <div class="button-row">
      <button type="submit" class="button">
        Spara
      </button>
      <a class="button button--secondary" href={cancel}>
        Avbryt
      </a>
    </div>
  </form>
);

export async function recipientPage(c: Ctx, values: Values = {}, errors?: FieldErrors, status?: 409 | 422) {
  const ctx = await applicationFor(c);
  const id = ctx.app.application.id;
  const action = processUrl(id, "/fakturamottagare");
  const state = processState(ctx.app);
  const allowed = canApplicant(state, "set_recipient");
  const mayAct = await canActAsApplicant(c.var.deps.db, c.var.user!, ctx.app.application);
  let form = null;
  if (mayAct && allowed.ok && currentStep(state) === 4) {
    form =
      ctx.applicant.kind === "company" ? (
        <CompanyForm action={action} cancel={processUrl(id)} company={ctx.applicant.name} values={values} errors={errors} />
      ) : (
        <PersonForm action={action} cancel={processUrl(id)} employers={await employersOf(c)} person={await getPerson(c.var.deps.db, c.var.user!.personId)} values={values} errors={errors} />
      );
  }
  return subPage(
    c,
    ctx,
    HEADING,
    <>
      <p>Ange vart fakturan för certifikatet ska skickas. Uppgifterna sparas med ansökan: ändrar du din profil eller företaget sina uppgifter senare gäller ändå det du anger här.</p>
      {form ?? <p class="notice notice--info">{!mayAct ? "Bara den som ansöker kan ange fakturamottagare." : allowed.ok ? "Fakturamottagare är redan angiven." : allowed.reason}</p>}
    </>,
    { status, form: form ?? undefined },
  );
}

const opt = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

/** The form's values as the module's choice, or the field errors the form shows. */
async function choiceFrom(c: Ctx, values: Values, companyId: string | null): Promise<{ choice: RecipientChoice } | { errors: FieldErrors }> {
  const reference = opt(values.referens);
  if (companyId) return { choice: { kind: "company", companyId, reference } };
  if (values.mottagare === "personlig") return { choice: { kind: "personal", reference } };
  if (values.mottagare === "alternativ") {
    const address = { name: values.namn ?? "", addressLine1: values.adressrad1 ?? "", addressLine2: opt(values.adressrad2), postalCode: values.postnummer ?? "", city: values.ort ?? "", country: values.land ?? "", phone: opt(values.telefon), email: opt(values.epost) };
    return { choice: { kind: "alternative", reference, address } };
  }
  if (values.mottagare !== "foretag") return { errors: { mottagare: "Välj vem fakturan ska skickas till." } };
  if (opt(values.foretag)) {
    const match = await findCompanyByExactOrgNumber(c.var.deps.db, values.foretag!);
    if (!match) return { errors: { foretag: "Inget registrerat företag har exakt det organisationsnumret. Skriv hela numret, tio siffror, eller välj Alternativ fakturaadress." } };
    return { choice: { kind: "company", companyId: match.id, reference } };
  }
  const employer = (await employersOf(c)).find((e) => e.id === values.arbetsgivare);
  if (!employer) return { errors: { foretag: "Välj företaget fakturan ska skickas till, eller sök fram ett annat företag med dess organisationsnummer." } };
  return { choice: { kind: "company", companyId: employer.id, reference } };
}

export async function submitRecipient(c: Ctx) {
  const values = await formValues(c);
  const ctx = await applicationFor(c);
  const id = ctx.app.application.id;
  const parsed = await choiceFrom(c, values, ctx.applicant.kind === "company" ? ctx.applicant.companyId : null);
  if ("errors" in parsed) return recipientPage(c, values, parsed.errors, 422);
  let submitted: boolean;
  try {
    ({ submitted } = await setInvoiceRecipient(c.var.deps, c.var.user!, { applicationId: id, choice: parsed.choice }));
  } catch (e) {
    if (e instanceof Invalid) return recipientPage(c, values, e.fields, 422);
    if (e instanceof Conflict) return recipientPage(c, values, { mottagare: e.message }, 409);
    throw e;
  }
  return redirectAfterPost(c, processUrl(id, submitted ? "?klart=granskas" : ""));
}
