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
import { formPage, page } from "../render.tsx";
import { ConfirmStep, isConfirmed } from "../views/confirm.tsx";
import { DataTable, type Column } from "../views/data-table.tsx";
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
  const content = <EmploymentsPanel employments={employments} companies={companies} today={formatDate(c.var.deps.clock.now())} failure={failure} query={c.req.query()} />;
  if (isHtmx(c) && failure) return c.html(content, status);
  return personPage(c, TAB, content, status);
}

type EmploymentRows = Awaited<ReturnType<typeof listPersonEmployments>>;
type PersonCompanies = Awaited<ReturnType<typeof listPersonCompanies>>;
type Query = Record<string, string>;

const statusLabel = (status: string, of: Record<string, { label: string }>) => of[status]?.label ?? status;

function employmentColumns(today: string, failure?: Failure): Column<EmploymentRows[number]>[] {
  return [
    { key: "foretag", label: "Företag", value: ({ company }) => company.name },
    { key: "orgnr", label: "Organisationsnummer", value: ({ company }) => formatOrgNumber(company.orgNumber) },
    { key: "startdatum", label: "Startdatum", value: ({ employment }) => employment.startDate },
    { key: "slutdatum", label: "Slutdatum", value: ({ employment }) => employment.endDate ?? null },
    {
      key: "status",
      label: "Status",
      value: ({ employment }) => statusLabel(employment.status, EMPLOYMENT_STATUS),
      groupable: true,
      render: ({ employment: e }) => (
        <>
          <StatusChip status={e.status} of={EMPLOYMENT_STATUS} />
          {e.status === "rejected" && e.reason ? <p class="hint">Motivering: {e.reason}</p> : null}
        </>
      ),
    },
    {
      key: "atgard",
      label: "Åtgärd",
      value: () => null,
      sortable: false,
      render: ({ employment: e, company }) => <RowAction id={e.id} status={e.status} company={company.name} today={today} failure={failure?.employmentId === e.id ? failure : undefined} />,
    },
  ];
}

const EmploymentsPanel = ({ employments, companies, today, failure, query }: { employments: EmploymentRows; companies: PersonCompanies; today: string; failure?: Failure; query?: Query }) => (
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
      <DataTable
        prefix="anstallning"
        caption="Anställningar"
        columns={employmentColumns(today, failure)}
        rows={employments}
        path={TAB}
        query={query}
        empty="Du har inga anställningar ännu. Välj Ny anställning för att koppla dig till ett företag."
      />
    </section>
    <MyCompanies companies={companies} query={query} />
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
    // A plain post: its answer is the confirm step, which names the consequence.
    return (
      <form method="post" action={`${TAB}/${id}/avsluta`} class="row-form" novalidate>
        <Field id={`slutdatum-${id}`} name="slutdatum" label="Slutdatum" type="date" required value={failure?.values?.slutdatum ?? today} errors={failure?.errors} />
        <button type="submit" class="button button--secondary" aria-label={`Avsluta anställning på ${company}`}>
          Avsluta anställning
        </button>
      </form>
    );
  }
  return null;
};

/** A row of Mina företag: a company the person administers, or one they registered that is not approved. */
interface MyCompany {
  id: string;
  name: string;
  orgNumber: string;
  role: "admin" | "registered";
  status: string;
  decisionReason: string | null;
}

const MY_COMPANY_COLUMNS: Column<MyCompany>[] = [
  { key: "foretag", label: "Företag", value: (co) => co.name, render: (co) => (co.role === "admin" ? <a href={`/min-sida/foretag/${co.id}`}>{co.name}</a> : co.name) },
  { key: "orgnr", label: "Organisationsnummer", value: (co) => formatOrgNumber(co.orgNumber) },
  {
    key: "status",
    label: "Status",
    value: (co) => (co.role === "admin" ? "Certifikatsadministratör" : statusLabel(co.status, COMPANY_STATUS)),
    groupable: true,
    render: (co) =>
      co.role === "admin" ? (
        "Certifikatsadministratör"
      ) : (
        <>
          <StatusChip status={co.status} of={COMPANY_STATUS} />
          {co.status === "refused" && co.decisionReason ? <p class="hint">Motivering: {co.decisionReason}</p> : null}
        </>
      ),
  },
];

function myCompanyRows(companies: PersonCompanies): MyCompany[] {
  return [
    ...companies.administered.map((co) => ({ id: co.id, name: co.name, orgNumber: co.orgNumber, role: "admin" as const, status: co.status, decisionReason: null })),
    ...companies.registered.map((co) => ({ id: co.id, name: co.name, orgNumber: co.orgNumber, role: "registered" as const, status: co.status, decisionReason: co.decisionReason ?? null })),
  ];
}

const MyCompanies = ({ companies, query }: { companies: PersonCompanies; query?: Query }) => (
  <section aria-labelledby="mina-foretag">
    <h2 id="mina-foretag">Mina företag</h2>
    <p>Företag där du är certifikatsadministratör, och företag du har registrerat som väntar på granskning.</p>
    <DataTable prefix="foretag" caption="Mina företag" columns={MY_COMPANY_COLUMNS} rows={myCompanyRows(companies)} path={TAB} query={query} empty="Du är inte certifikatsadministratör för något företag." />
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
      if (!isConfirmed(values)) return await confirmEnd(c, id, values, input.slutdatum);
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

/** "Avsluta anställning" on one's own tab: what ending it means, before it is ended. */
async function confirmEnd(c: Ctx, id: string, values: Values, endDate: string) {
  const row = (await listPersonEmployments(c.var.deps.db, c.var.user!.personId)).find((r) => r.employment.id === id && r.employment.status === "active");
  if (!row) throw new Conflict("Anställningen är inte aktiv.");
  if (endDate < row.employment.startDate) throw new Invalid({ slutdatum: `Slutdatum kan inte vara före startdatum (${row.employment.startDate}).` });
  const company = row.company.name;
  return page(
    c,
    { title: "Avsluta anställningen?" },
    <ConfirmStep
      heading={`Avsluta din anställning på ${company}?`}
      consequences={[
        `Anställningen avslutas med slutdatum ${endDate}. Vill du kopplas till ${company} igen gör du en ny anställning, som företagets certifikatsadministratör bekräftar.`,
        `Från dagen efter räknas dina certifikat inte längre för ${company}s certifikat, och företaget föreslås inte längre som fakturamottagare.`,
        "Är du certifikatsadministratör för företaget slutar du också vara det, om det finns en annan administratör.",
      ]}
      action={`${TAB}/${id}/avsluta`}
      values={values}
      button="Avsluta anställning"
      danger
      cancel={TAB}
      breadcrumbs={
        <nav class="breadcrumbs" aria-label="Du är här">
          <a href="/min-sida">Min Sida</a> › <a href={TAB}>Anställningar</a> › Avsluta anställning
        </nav>
      }
    />,
  );
}

