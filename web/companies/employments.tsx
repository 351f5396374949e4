// Min Sida, tab Anställningar: the person's employments with their actions, "Ny anställning"
// (the company named by its full organisationsnummer, nothing partial) and "Mina företag".
import { Hono, type Context } from "hono";
import type { Child } from "hono/jsx";
import { z } from "zod";
import { Conflict, Invalid, type FieldErrors } from "../../lib/errors.ts";
import { formatOrgNumber } from "../../lib/identity/orgnummer.ts";
import { cancelEmploymentRequest, endEmployment, findCompanyByExactOrgNumber, listPersonCompanies, listPersonEmployments, requestEmployment } from "../../modules/employments/index.ts";
import type { AppEnv } from "../env.ts";
import { formValues, parseForm } from "../form-input.ts";
import { isHtmx, redirectAfterPost } from "../htmx.ts";
import { personPage } from "../portal/person-page.tsx";
import { formPage } from "../render.tsx";
import { ErrorSummary, Field } from "../views/form.tsx";
import { formatDate } from "../views/time.ts";
import { dateField, orgNumberField } from "./fields.ts";
import { COMPANY_STATUS, EMPLOYMENT_STATUS, StatusChip } from "./labels.tsx";

type Ctx = Context<AppEnv>;
type Values = Record<string, string>;

const TAB = "/min-sida/anstallningar";
const NEW = `${TAB}/ny`;
const LOOKUP = `${TAB}/foretag`;
const PANEL = "anstallningar-innehall";

/** A failed action on the tab: the message on top, and at the row's field when there is one. */
interface Failure {
  employmentId: string;
  message: string;
  errors?: FieldErrors;
  values?: Values;
}

/** The tab, whole page or (for htmx) just its content. */
export async function employmentsTab(c: Ctx, failure?: Failure, status: 200 | 409 | 422 = 200) {
  const { db } = c.var.deps;
  const personId = c.var.user!.personId;
  const [employments, companies] = await Promise.all([listPersonEmployments(db, personId), listPersonCompanies(db, personId)]);
  const content = <EmploymentsPanel employments={employments} companies={companies} today={formatDate(c.var.deps.clock.now())} failure={failure} />;
  if (isHtmx(c) && failure) return c.html(content, status);
  return personPage(c, TAB, content, status);
}

type EmploymentRows = Awaited<ReturnType<typeof listPersonEmployments>>;
type PersonCompanies = Awaited<ReturnType<typeof listPersonCompanies>>;

const EmploymentsPanel = ({ employments, companies, today, failure }: { employments: EmploymentRows; companies: PersonCompanies; today: string; failure?: Failure }) => (
  <div id={PANEL}>
    {failure ? (
      <div class="notice notice--error" role="alert">
        <p>{failure.message}</p>
      </div>
    ) : null}
    <section aria-labelledby="anstallningar">
      <h2 id="anstallningar">Anställningar</h2>
      <p>Koppla dig till företaget du arbetar på. Företagets certifikatsadministratör bekräftar anställningen.</p>
      <div class="button-row">
        <a class="button" href={NEW}>
          Ny anställning
        </a>
      </div>
      <p class="hits">{employments.length === 1 ? "1 träff" : `${employments.length} träffar`}</p>
      <div class="table-wrap">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">Företag</th>
              <th scope="col">Organisationsnummer</th>
              <th scope="col">Startdatum</th>
              <th scope="col">Slutdatum</th>
              <th scope="col">Status</th>
              <th scope="col">Åtgärd</th>
            </tr>
          </thead>
          <tbody>
            {employments.length === 0 ? (
              <tr>
                <td colspan={6} class="empty">
                  Du har inga anställningar ännu. Välj Ny anställning för att koppla dig till ett företag.
                </td>
              </tr>
            ) : (
              employments.map(({ employment: e, company }) => (
                <tr>
                  <td>{company.name}</td>
                  <td>{formatOrgNumber(company.orgNumber)}</td>
                  <td>{e.startDate}</td>
                  <td>{e.endDate ?? ""}</td>
                  <td>
                    <StatusChip status={e.status} of={EMPLOYMENT_STATUS} />
                    {e.status === "rejected" && e.reason ? <p class="hint">Motivering: {e.reason}</p> : null}
                  </td>
                  <td>
                    <RowAction id={e.id} status={e.status} company={company.name} today={today} failure={failure?.employmentId === e.id ? failure : undefined} />
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
    <MyCompanies companies={companies} />
  </div>
);

const RowAction = ({ id, status, company, today, failure }: { id: string; status: string; company: string; today: string; failure?: Failure }) => {
  if (status === "requested") {
    return (
      <form method="post" action={`${TAB}/${id}/aterkalla`} hx-post={`${TAB}/${id}/aterkalla`} hx-target={`#${PANEL}`} hx-swap="outerHTML" class="inline-form">
        <button type="submit" class="button button--secondary" aria-label={`Återkalla förfrågan till ${company}`}>
          Återkalla
        </button>
      </form>
    );
  }
  if (status === "active") {
    return (
      <form method="post" action={`${TAB}/${id}/avsluta`} hx-post={`${TAB}/${id}/avsluta`} hx-target={`#${PANEL}`} hx-swap="outerHTML" class="row-form" novalidate>
        <Field id={`slutdatum-${id}`} name="slutdatum" label="Slutdatum" type="date" required value={failure?.values?.slutdatum ?? today} errors={failure?.errors} />
        <button type="submit" class="button button--secondary" aria-label={`Avsluta anställning på ${company}`}>
          Avsluta anställning
        </button>
      </form>
    );
  }
  return null;
};

const MyCompanies = ({ companies }: { companies: PersonCompanies }) => (
  <section aria-labelledby="mina-foretag">
    <h2 id="mina-foretag">Mina företag</h2>
    <p>Företag där du är certifikatsadministratör, och företag du har registrerat som väntar på granskning.</p>
    {companies.administered.length === 0 && companies.registered.length === 0 ? (
      <p class="muted">Du är inte certifikatsadministratör för något företag.</p>
    ) : (
      <div class="table-wrap">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">Företag</th>
              <th scope="col">Organisationsnummer</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {companies.administered.map((co) => (
              <tr>
                <td>
                  <a href={`/min-sida/foretag/${co.id}`}>{co.name}</a>
                </td>
                <td>{formatOrgNumber(co.orgNumber)}</td>
                <td>Certifikatsadministratör</td>
              </tr>
            ))}
            {companies.registered.map((co) => (
              <tr>
                <td>{co.name}</td>
                <td>{formatOrgNumber(co.orgNumber)}</td>
                <td>
                  <StatusChip status={co.status} of={COMPANY_STATUS} />
                  {co.status === "refused" && co.decisionReason ? <p class="hint">Motivering: {co.decisionReason}</p> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
    <p>
      Finns ditt företag inte i tjänsten? <a href="/registrera-foretag">Registrera företag</a>.
    </p>
  </section>
);

// ---------------------------------------------------------------------------------------------
// Ny anställning

const newSchema = z.object({ foretag: orgNumberField("Ange företagets organisationsnummer."), startdatum: dateField("Ange startdatum.") });

type Match = Awaited<ReturnType<typeof findCompanyByExactOrgNumber>>;

/** What the lookup shows below the field: the one company with exactly that number, or a neutral line. */
const LookupResult = ({ input, match }: { input: string; match: Match }) => {
  if (input.trim() === "") return null;
  if (!match) return <p class="hint">Inget företag med exakt det organisationsnumret. Skriv hela numret, tio siffror.</p>;
  return (
    <p class="lookup-match">
      Företag: <strong>{match.name}</strong>, {match.city} ({formatOrgNumber(match.orgNumber)})
    </p>
  );
};

const NewForm = ({ values, errors, match }: { values: Values; errors?: FieldErrors; match: Match }) => (
  <form method="post" action={NEW} hx-post={NEW} hx-target="this" hx-swap="outerHTML" class="form" novalidate>
    <ErrorSummary errors={errors} />
    <Field
      name="foretag"
      label="Företag"
      hint="Sök på fullständigt organisationsnummer. Endast exakt matchning ger resultat."
      required
      value={values.foretag}
      errors={errors}
      inputmode="numeric"
      autocomplete="off"
      maxlength={13}
      attrs={{ "hx-get": LOOKUP, "hx-trigger": "input changed delay:300ms", "hx-target": "#foretag-traff", "hx-swap": "innerHTML" }}
    >
      <div id="foretag-traff" class="lookup" aria-live="polite">
        <LookupResult input={values.foretag ?? ""} match={match} />
      </div>
    </Field>
    <Field name="startdatum" label="Startdatum" type="date" required value={values.startdatum} errors={errors} hint="Dagen du började arbeta på företaget" />
    <div class="button-row">
      <button type="submit" class="button">
        Spara
      </button>
      <a class="button button--secondary" href={TAB}>
        Avbryt
      </a>
    </div>
  </form>
);

const aroundNew = (form: Child) => (
  <section class="narrow">
    <nav class="breadcrumbs" aria-label="Du är här">
      <a href="/min-sida">Min Sida</a> › <a href={TAB}>Anställningar</a> › Ny anställning
    </nav>
    <h1>Ny anställning</h1>
    <p>Ange företagets organisationsnummer och när du började. Företagets certifikatsadministratör får ett mejl och bekräftar anställningen.</p>
    {form}
  </section>
);

async function showNewForm(c: Ctx, values: Values, errors: FieldErrors | undefined, status: 200 | 409 | 422) {
  const match = values.foretag ? await findCompanyByExactOrgNumber(c.var.deps.db, values.foretag) : null;
  return formPage(c, { title: "Ny anställning", status }, <NewForm values={values} errors={errors} match={match} />, aroundNew);
}

/** Mounted under /min-sida (behind requireUser). */
export function employmentRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/anstallningar/ny", (c) => showNewForm(c, {}, undefined, 200));

  app.post("/anstallningar/ny", async (c) => {
    const values = await formValues(c);
    try {
      const input = parseForm(newSchema, values);
      await requestEmployment(c.var.deps, c.var.user!, { orgNumber: input.foretag, startDate: input.startdatum });
    } catch (e) {
      if (e instanceof Invalid) return showNewForm(c, values, e.fields, 422);
      if (e instanceof Conflict) return showNewForm(c, values, { foretag: e.message }, 409);
      throw e;
    }
    return redirectAfterPost(c, TAB);
  });

  // The lookup under the Företag field (htmx): one exact, approved company or nothing.
  app.get("/anstallningar/foretag", async (c) => {
    const input = (c.req.query("foretag") ?? "").slice(0, 40);
    const match = input.trim() ? await findCompanyByExactOrgNumber(c.var.deps.db, input) : null;
    c.header("Cache-Control", "no-store");
    return c.html(<LookupResult input={input} match={match} />);
  });

  app.post("/anstallningar/:id/aterkalla", async (c) => {
    const id = c.req.param("id");
    try {
      await cancelEmploymentRequest(c.var.deps, c.var.user!, id);
    } catch (e) {
      if (e instanceof Conflict) return employmentsTab(c, { employmentId: id, message: e.message }, 409);
      throw e;
    }
    return redirectAfterPost(c, TAB);
  });

  app.post("/anstallningar/:id/avsluta", async (c) => {
    const id = c.req.param("id");
    const values = await formValues(c);
    try {
      const input = parseForm(z.object({ slutdatum: dateField("Ange slutdatum.") }), values);
      await endEmployment(c.var.deps, c.var.user!, { employmentId: id, endDate: input.slutdatum });
    } catch (e) {
      if (e instanceof Invalid) return employmentsTab(c, { employmentId: id, message: Object.values(e.fields).join(" "), errors: e.fields, values }, 422);
      if (e instanceof Conflict) return employmentsTab(c, { employmentId: id, message: e.message }, 409);
      throw e;
    }
    return redirectAfterPost(c, TAB);
  });

  return app;
}

