// Step 4, "Ange fakturamottagare" (Spara leads to "Granska och skicka in", which sends it). "Fakturan ska skickas till": Företag (Rekommenderad where the
// person is employed; the employer, or another registered company found by its exact
// organisationsnummer), Mig personligen (the profile's billing address), or Alternativ
// fakturaadress. Without JavaScript all three parts show and the chosen radio decides; CSS (:has)
// shows only the chosen part where the browser can.
import type { Context } from "hono";
import { Conflict, Invalid, type FieldErrors } from "../../lib/errors.ts";
import { formatOrgNumber } from "../../lib/identity/orgnummer.ts";
import { getPerson, type Person } from "../../modules/accounts/index.ts";
import { canActAsApplicant, canApplicant, processState, setInvoiceRecipient, type LoadedApplication, type RecipientChoice } from "../../modules/certification/index.ts";
import { findCompanyByExactOrgNumber, listPersonEmployments } from "../../modules/employments/index.ts";
import type { AppEnv } from "../env.ts";
import { formValues } from "../form-input.ts";
import { redirectAfterPost } from "../htmx.ts";
import { ErrorSummary, Field } from "../views/form.tsx";
import { formatDate } from "../views/time.ts";
import { applicationFor, subPage } from "./frame.tsx";
import { processUrl } from "./paths.ts";
import { t } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;
type Values = Record<string, string>;
type Employer = { id: string; name: string; orgNumber: string };


const LOOKUP = "/min-sida/anstallningar/foretag";

/** The employers of active employments: the companies the form recommends. */
async function employersOf(c: Ctx): Promise<Employer[]> {
  return (await employmentsOf(c)).employers;
}

/** Active employers, and the companies whose confirmation of an employment is still awaited. */
async function employmentsOf(c: Ctx): Promise<{ employers: Employer[]; pending: Employer[] }> {
  const today = formatDate(c.var.deps.clock.now());
  const rows = await listPersonEmployments(c.var.deps.db, c.var.user!.personId);
  const employers = new Map<string, Employer>();
  const pending = new Map<string, Employer>();
  for (const { employment, company } of rows) {
    if (employment.status === "active" && (!employment.endDate || employment.endDate >= today)) employers.set(company.id, company);
    if (employment.status === "requested") pending.set(company.id, company);
  }
  for (const id of employers.keys()) pending.delete(id);
  return { employers: [...employers.values()], pending: [...pending.values()] };
}

/** The form's values for the recipient already chosen, when the applicant comes back to change it. */
function valuesOfRecipient(r: NonNullable<LoadedApplication["recipient"]>, employers: Employer[]): Values {
  const values: Values = { referens: r.reference ?? "" };
  if (r.kind === "personal") return { ...values, mottagare: "personlig" };
  if (r.kind === "company") {
    const employer = employers.find((e) => e.id === r.companyId);
    return { ...values, mottagare: "foretag", ...(employer ? { arbetsgivare: employer.id } : {}) };
  }
  return { ...values, mottagare: "alternativ", namn: r.name, adressrad1: r.addressLine1, adressrad2: r.addressLine2 ?? "", ort: r.city, land: r.country, postnummer: r.postalCode, telefon: r.phone ?? "", epost: r.email ?? "" };
}

/**
 * The manual: "om din anställningsförfrågan inte har hunnit accepteras", use Alternativ
 * fakturaadress. Here the company can also be found by its organisationsnummer, so both are said.
 */
const PendingEmployment = ({ pending }: { pending: Employer[] }) =>
  pending.length === 0 ? null : (
    <div class="notice notice--info" id="vantande-anstallning">
      <p>
        {t("recipient.pending", pending.map((e) => `${e.name} (${formatOrgNumber(e.orgNumber)})`).join(t("common.and")))}
      </p>
    </div>
  );

const Radio = ({ value, checked, children }: { value: string; checked: boolean; children: unknown }) => (
  <label>
    <input type="radio" name="mottagare" value={value} checked={checked} required />
    <span>{children}</span>
  </label>
);

const PersonalAddress = ({ person, editDetails }: { person: Person; editDetails: string }) =>
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
      {person.country || t("recipient.sweden")}
    </address>
  ) : (
    <p>
      {t("recipient.noAddress.before")}
      <a href={editDetails}>{t("minSida.editDetails")}</a>
      {t("recipient.noAddress.after")}
    </p>
  );

const PersonForm = ({ action, cancel, employers, pending, person, values, errors }: { action: string; cancel: string; employers: Employer[]; pending: Employer[]; person: Person; values: Values; errors?: FieldErrors }) => {
  const chosen = values.mottagare ?? (employers.length ? "foretag" : person.addressLine1 ? "personlig" : "alternativ");
  const mottagareError = errors?.mottagare;
  return (
    <form method="post" action={action} hx-post={action} hx-target="this" hx-swap="outerHTML" class="form recipient-form" novalidate>
      <ErrorSummary errors={errors} />
      <fieldset class="radio-group radio-group--inline" aria-describedby={mottagareError ? "mottagare-error" : undefined}>
        <legend>{t("recipient.sendTo")}</legend>
        <Radio value="foretag" checked={chosen === "foretag"}>
          {t("common.company")} {employers.length ? <strong class="badge">{t("recipient.recommended")}</strong> : null}
        </Radio>
        <Radio value="personlig" checked={chosen === "personlig"}>
          {t("recipient.personal")}
        </Radio>
        <Radio value="alternativ" checked={chosen === "alternativ"}>
          {t("recipient.alternative")}
        </Radio>
        {mottagareError ? (
          <p class="error" id="mottagare-error">
            <span class="visually-hidden">{t("form.errorPrefix")}</span>
            {mottagareError}
          </p>
        ) : null}
      </fieldset>

      <fieldset class="recipient-option" data-for="foretag">
        <legend>{t("common.company")}</legend>
        {employers.length ? (
          <div class={errors?.arbetsgivare ? "field field--error" : "field"}>
            <label for="f-arbetsgivare">{t("process.recipient")}</label>
            <p class="hint" id="f-arbetsgivare-hint">
              {t("recipient.byEmployment")}
            </p>
            <select id="f-arbetsgivare" name="arbetsgivare" aria-describedby="f-arbetsgivare-hint">
              {employers.map((e) => (
                <option value={e.id} selected={values.arbetsgivare === e.id}>
                  {e.name} ({formatOrgNumber(e.orgNumber)})
                </option>
              ))}
            </select>
          </div>
        ) : pending.length ? (
          <PendingEmployment pending={pending} />
        ) : (
          <p class="hint">{t("recipient.noEmployment")}</p>
        )}
        <Field
          name="foretag"
          label={t("recipient.searchCompany")}
          hint={t("recipient.searchCompany.hint")}
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
        <legend>{t("recipient.personal")}</legend>
        <PersonalAddress person={person} editDetails={`/min-sida/andra-uppgifter?tillbaka=${encodeURIComponent(action)}`} />
      </fieldset>

      <fieldset class="recipient-option" data-for="alternativ">
        <legend>{t("recipient.alternative")}</legend>
        <Field name="namn" label={t("verify.field.name")} value={values.namn} errors={errors} autocomplete="organization" maxlength={200} hint={t("recipient.name.hint")} />
        <Field name="adressrad1" label={t("address.line1")} required value={values.adressrad1} errors={errors} autocomplete="address-line1" maxlength={200} />
        <Field name="adressrad2" label={t("address.line2")} value={values.adressrad2} errors={errors} autocomplete="address-line2" maxlength={200} />
        <Field name="ort" label={t("common.city")} required value={values.ort} errors={errors} autocomplete="address-level2" maxlength={100} />
        <Field name="land" label={t("address.country")} required value={values.land ?? t("recipient.sweden")} errors={errors} autocomplete="country-name" maxlength={100} />
        <Field name="postnummer" label={t("address.postalCode")} required value={values.postnummer} errors={errors} autocomplete="postal-code" maxlength={20} />
        <Field name="telefon" label={t("common.phoneNumber")} type="tel" value={values.telefon} errors={errors} autocomplete="tel" maxlength={40} />
        <Field name="epost" label={t("common.emailAddress")} type="email" value={values.epost} errors={errors} autocomplete="email" maxlength={200} />
      </fieldset>

      <Field name="referens" label={t("recipient.reference")} value={values.referens} errors={errors} maxlength={100} />
      <div class="button-row">
        <button type="submit" class="button">
          {t("common.save")}
        </button>
        <a class="button button--secondary" href={cancel}>
          {t("common.cancel")}
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
      {t("recipient.company.before")}
      <strong>{company}</strong>
      {t("recipient.company.after")}
    </p>
    <input type="hidden" name="mottagare" value="foretag" />
    <Field name="referens" label={t("recipient.reference")} value={values.referens} errors={errors} maxlength={100} />
    <div class="button-row">
      <button type="submit" class="button">
        {t("common.save")}
      </button>
      <a class="button button--secondary" href={cancel}>
        {t("common.cancel")}
      </a>
    </div>
  </form>
);

export async function recipientPage(c: Ctx, values?: Values, errors?: FieldErrors, status?: 409 | 422) {
  const ctx = await applicationFor(c);
  const id = ctx.app.application.id;
  const action = processUrl(id, "/fakturamottagare");
  const state = processState(ctx.app);
  const allowed = canApplicant(state, "set_recipient");
  const mayAct = await canActAsApplicant(c.var.deps.db, c.var.user!, ctx.app.application);
  const recipient = ctx.app.recipient;
  // Before the application is sent the recipient may be chosen again; back to the summary then.
  const cancel = recipient ? processUrl(id, "/skicka-in") : processUrl(id);
  let form = null;
  if (mayAct && allowed.ok) {
    if (ctx.applicant.kind === "company") {
      form = <CompanyForm action={action} cancel={cancel} company={ctx.applicant.name} values={values ?? { referens: recipient?.reference ?? "" }} errors={errors} />;
    } else {
      const { employers, pending } = await employmentsOf(c);
      const shown = values ?? (recipient ? valuesOfRecipient(recipient, employers) : {});
      form = <PersonForm action={action} cancel={cancel} employers={employers} pending={pending} person={await getPerson(c.var.deps.db, c.var.user!.personId)} values={shown} errors={errors} />;
    }
  }
  return subPage(
    c,
    ctx,
    t("recipient.title"),
    <>
      <p>{t("recipient.intro")}</p>
      {form && recipient ? (
        <p class="notice notice--info">{t("recipient.now", `${recipient.name}, ${recipient.addressLine1}, ${recipient.postalCode} ${recipient.city}`)}</p>
      ) : null}
      {form ?? <p class="notice notice--info">{!mayAct ? t("recipient.onlyApplicant") : allowed.ok ? t("recipient.givenAlready") : allowed.reason}</p>}
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
  if (values.mottagare !== "foretag") return { errors: { mottagare: t("recipient.choose") } };
  if (opt(values.foretag)) {
    const match = await findCompanyByExactOrgNumber(c.var.deps.db, values.foretag!);
    if (!match) return { errors: { foretag: t("recipient.noMatch") } };
    return { choice: { kind: "company", companyId: match.id, reference } };
  }
  const employer = (await employersOf(c)).find((e) => e.id === values.arbetsgivare);
  if (!employer) return { errors: { foretag: t("recipient.chooseEmployer") } };
  return { choice: { kind: "company", companyId: employer.id, reference } };
}

export async function submitRecipient(c: Ctx) {
  const values = await formValues(c);
  const ctx = await applicationFor(c);
  const id = ctx.app.application.id;
  const parsed = await choiceFrom(c, values, ctx.applicant.kind === "company" ? ctx.applicant.companyId : null);
  if ("errors" in parsed) return recipientPage(c, values, parsed.errors, 422);
  let readyToSubmit: boolean;
  try {
    ({ readyToSubmit } = await setInvoiceRecipient(c.var.deps, c.var.user!, { applicationId: id, choice: parsed.choice }));
  } catch (e) {
    if (e instanceof Invalid) return recipientPage(c, values, e.fields, 422);
    if (e instanceof Conflict) return recipientPage(c, values, { mottagare: e.message }, 409);
    throw e;
  }
  // Spara does not send the application: "Granska och skicka in" shows what will be sent.
  return redirectAfterPost(c, processUrl(id, readyToSubmit ? "/skicka-in" : ""));
}
