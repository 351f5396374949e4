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
import { t } from "../../lib/i18n/index.ts";

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
    { key: "foretag", label: t("common.company"), value: ({ company }) => company.name },
    { key: "orgnr", label: t("common.orgNumber"), value: ({ company }) => formatOrgNumber(company.orgNumber) },
    { key: "startdatum", label: t("employment.startDate"), value: ({ employment }) => employment.startDate },
    { key: "slutdatum", label: t("employment.endDate"), value: ({ employment }) => employment.endDate ?? null },
    {
      key: "status",
      label: t("cert.status"),
      value: ({ employment }) => statusLabel(employment.status, EMPLOYMENT_STATUS),
      groupable: true,
      render: ({ employment: e }) => (
        <>
          <StatusChip status={e.status} of={EMPLOYMENT_STATUS} />
          {e.status === "rejected" && e.reason ? <p class="hint">{t("mail.reason", e.reason)}</p> : null}
        </>
      ),
    },
    {
      key: "atgard",
      label: t("common.action"),
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
      <h2 id="anstallningar">{t("minSida.tab.employments")}</h2>
      <p>{t("employment.intro")}</p>
      <div class="button-row">
        <a class="button" href={NEW}>
          {t("employment.new")}
        </a>
      </div>
      <DataTable
        prefix="anstallning"
        caption={t("minSida.tab.employments")}
        columns={employmentColumns(today, failure)}
        rows={employments}
        path={TAB}
        query={query}
        empty={t("employment.none")}
      />
    </section>
    <MyCompanies companies={companies} query={query} />
  </div>
);

const RowAction = ({ id, status, company, today, failure }: { id: string; status: string; company: string; today: string; failure?: Failure }) => {
  if (status === "requested") {
    return (
      <form method="post" action={`${TAB}/${id}/aterkalla`} hx-post={`${TAB}/${id}/aterkalla`} hx-target={`#${PANEL}`} hx-swap="outerHTML" class="inline-form">
        <button type="submit" class="button button--secondary" aria-label={t("employment.cancelRequest", company)}>
          {t("employment.cancel")}
        </button>
      </form>
    );
  }
  if (status === "active") {
    // A plain post: its answer is the confirm step, which names the consequence.
    return (
      <form method="post" action={`${TAB}/${id}/avsluta`} class="row-form" novalidate>
        <Field id={`slutdatum-${id}`} name="slutdatum" label={t("employment.endDate")} type="date" required value={failure?.values?.slutdatum ?? today} errors={failure?.errors} />
        <button type="submit" class="button button--secondary" aria-label={t("employment.endAt", company)}>
          {t("employment.end")}
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

const myCompanyColumns = (): Column<MyCompany>[] => [
  { key: "foretag", label: t("common.company"), value: (co) => co.name, render: (co) => (co.role === "admin" ? <a href={`/min-sida/foretag/${co.id}`}>{co.name}</a> : co.name) },
  { key: "orgnr", label: t("common.orgNumber"), value: (co) => formatOrgNumber(co.orgNumber) },
  {
    key: "status",
    label: t("cert.status"),
    value: (co) => (co.role === "admin" ? t("common.companyAdmin") : statusLabel(co.status, COMPANY_STATUS)),
    groupable: true,
    render: (co) =>
      co.role === "admin" ? (
        t("common.companyAdmin")
      ) : (
        <>
          <StatusChip status={co.status} of={COMPANY_STATUS} />
          {co.status === "refused" && co.decisionReason ? <p class="hint">{t("mail.reason", co.decisionReason)}</p> : null}
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
    <h2 id="mina-foretag">{t("employment.myCompanies")}</h2>
    <p>{t("employment.myCompanies.intro")}</p>
    <DataTable prefix="foretag" caption={t("employment.myCompanies")} columns={myCompanyColumns()} rows={myCompanyRows(companies)} path={TAB} query={query} empty={t("employment.myCompanies.none")} />
    <p>
      {t("employment.notListed")} <a href="/registrera-foretag">{t("nav.registerCompany")}</a>.
    </p>
  </section>
);

// ---------------------------------------------------------------------------------------------
// Ny anställning

const newSchema = z.object({ foretag: orgNumberField(() => t("company.orgnr.missing")), startdatum: dateField(() => t("employment.startDate.missing")) });

type Match = Awaited<ReturnType<typeof findCompanyByExactOrgNumber>>;

/** What the lookup shows below the field: the one company with exactly that number, or a neutral line. */
const LookupResult = ({ input, match }: { input: string; match: Match }) => {
  if (input.trim() === "") return null;
  if (!match) return <p class="hint">{t("employment.lookup.none")}</p>;
  return (
    <p class="lookup-match">
      {t("employment.lookup.company")} <strong>{match.name}</strong>, {match.city} ({formatOrgNumber(match.orgNumber)})
    </p>
  );
};

const NewForm = ({ values, errors, match }: { values: Values; errors?: FieldErrors; match: Match }) => (
  <form method="post" action={NEW} hx-post={NEW} hx-target="this" hx-swap="outerHTML" class="form" novalidate>
    <ErrorSummary errors={errors} />
    <Field
      name="foretag"
      label={t("common.company")}
      hint={t("employment.company.hint")}
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
    <Field name="startdatum" label={t("employment.startDate")} type="date" required value={values.startdatum} errors={errors} hint={t("employment.startDate.hint")} />
    <div class="button-row">
      <button type="submit" class="button">
        {t("common.save")}
      </button>
      <a class="button button--secondary" href={TAB}>
        {t("common.cancel")}
      </a>
    </div>
  </form>
);

const aroundNew = (form: Child) => (
  <section class="narrow">
    <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
      <a href="/min-sida">{t("nav.minSida")}</a> › <a href={TAB}>{t("minSida.tab.employments")}</a> › {t("employment.new")}
    </nav>
    <h1>{t("employment.new")}</h1>
    <p>{t("employment.new.intro")}</p>
    {form}
  </section>
);

async function showNewForm(c: Ctx, values: Values, errors: FieldErrors | undefined, status: 200 | 409 | 422) {
  const match = values.foretag ? await findCompanyByExactOrgNumber(c.var.deps.db, values.foretag) : null;
  return formPage(c, { title: t("employment.new"), status }, <NewForm values={values} errors={errors} match={match} />, aroundNew);
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
      const input = parseForm(z.object({ slutdatum: dateField(() => t("employment.endDate.missing")) }), values);
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
  if (!row) throw new Conflict(t("employment.notActive"));
  if (endDate < row.employment.startDate) throw new Invalid({ slutdatum: t("employment.endBeforeStart", row.employment.startDate) });
  const company = row.company.name;
  return page(
    c,
    { title: t("employment.end.title") },
    <ConfirmStep
      heading={t("employment.end.heading", company)}
      consequences={[t("employment.end.1", endDate, company), t("employment.end.2", company), t("employment.end.3")]}
      action={`${TAB}/${id}/avsluta`}
      values={values}
      button={t("employment.end")}
      danger
      cancel={TAB}
      breadcrumbs={
        <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
          <a href="/min-sida">{t("nav.minSida")}</a> › <a href={TAB}>{t("minSida.tab.employments")}</a> › {t("employment.end")}
        </nav>
      }
    />,
  );
}

