// The company page: for its admins under Min Sida (with the actions), for staff under /personal
// (read-only, plus the registration, its registreringsbevis and the decision).
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { FieldErrors } from "../../lib/errors.ts";
import { formatOrgNumber } from "../../lib/identity/orgnummer.ts";
import { isImageMime } from "../../lib/uploads/file-types.ts";
import { getPerson } from "../../modules/accounts/index.ts";
import { daysBetween, swedishDate } from "../../lib/dates.ts";
import { listAttestable, type AttestableRow } from "../../modules/lifecycle/renewal.ts";
import { dueItems, DueNotices, type DueItem } from "../certification/renewal.tsx";
import { CERTIFICATE_LABELS, listCertificatesForCompany, listCertificatesForPersons, publicStatus, type EmployeeCertificateRow } from "../../modules/certificates/index.ts";
import { activeEmployees } from "../../modules/employments/index.ts";
import { listInvoicesForCompany, type InvoiceListRow } from "../../modules/invoicing/index.ts";
import { listApplications } from "../../modules/certification/index.ts";
import { certificateRow } from "../certification/certificate-page.tsx";
import { getCompanyPage } from "../../modules/employments/index.ts";
import { applicationRow, CertificatesTable, type CertificateRow } from "../certification/certificates-table.tsx";
import type { AppEnv } from "../env.ts";
import { isHtmx } from "../htmx.ts";
import { CompanyInvoices } from "../invoicing/views.tsx";
import { page } from "../render.tsx";
import { DataTable, type Column } from "../views/data-table.tsx";
import { EventLog } from "../views/event-log.tsx";
import { Field } from "../views/form.tsx";
import { formatDate, formatDateTime } from "../views/time.ts";
import { ownEntry } from "../../lib/own-key.ts";
import { COMPANY_STATUS, StatusChip } from "./labels.tsx";
import { casesConcerning } from "../../modules/cases/index.ts";
import { CasesSection } from "../cases/case-list.tsx";
import { certificateHref } from "../views/certificate-href.ts";
import { t, formatDecimal } from "../../lib/i18n/index.ts";

export type CompanyPageData = Awaited<ReturnType<typeof getCompanyPage>>;
export type Mode = "admin" | "staff";

const ROOT = "foretagssida";

/** Where the page and its actions live, by mode. */
export function companyUrl(mode: Mode, companyId: string): string {
  return mode === "admin" ? `/min-sida/foretag/${companyId}` : `/personal/foretag/${companyId}`;
}

/** What went wrong with the last action: a message on top, and field messages where a form has them. */
export interface PageFailure {
  message: string;
  /** Which form the field errors belong to, e.g. "beslut" or "avboj-<employmentId>". */
  form?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
}

interface Registrant {
  name: string;
  email: string;
}

interface ViewProps {
  data: CompanyPageData;
  mode: Mode;
  viewerPersonId: string;
  today: string;
  registrant: Registrant | null;
  failure?: PageFailure;
  /** Renewals of the company's own certificates that are due. */
  due: DueItem[];
  /** "Att intyga": employees whose Årlig förlängning is due (admins only). */
  attestable: AttestableRow[];
  /** A notice after an action, e.g. "2 intyganden sparade". */
  notice?: string;
  /** The company's certificates and its applications on their way to one. */
  certificates: CertificateRow[];
  /** The person certificates of today's employees: what a company certificate rests on. */
  employeeCertificates: EmployeeCertificateRow[];
  /** Its own invoices and those its employees had sent to it. */
  invoices: InvoiceListRow[];
  /** The request's query: each table's search, sort and grouping. */
  query?: Record<string, string>;
  /** Staff only: the appeals and complaints about the company (web/cases). */
  cases?: Child;
}

/** What an admin's action did, said on the page after it (`?klart=`, with `vem=` the person it was about). */
const DONE = {
  bekraftad: (name: string | null) => (name ? t("company.done.confirmed", name) : t("company.done.confirmedAnon")),
  avbojd: () => t("company.done.declined"),
  avslutad: () => t("company.done.ended"),
  administrator: (name: string | null) => t("company.done.admin", name ?? t("company.thePerson")),
  "administrator-borttagen": (name: string | null) => t("company.done.adminRemoved", name ?? t("company.thePerson")),
} satisfies Record<string, (name: string | null) => string>;

export type DoneKey = keyof typeof DONE;

function doneNotice(data: CompanyPageData, done: { key: string; personId?: string } | undefined): string | undefined {
  const say = done ? ownEntry(DONE, done.key) : undefined;
  if (!say) return undefined;
  const p = done?.personId ? (data.employees.find((e) => e.person.id === done.personId)?.person ?? data.admins.find((a) => a.personId === done.personId) ?? null) : null;
  return say(p ? `${p.givenName} ${p.familyName}` : null);
}

/**
 * The page, or for htmx just the page's content (forms on the page target it). The data is read
 * through getCompanyPage, which says NotFound to anyone who may not see the company.
 */
export async function renderCompanyPage(c: Context<AppEnv>, mode: Mode, companyId: string, failure?: PageFailure, status: ContentfulStatusCode = 200, notice?: string, done?: { key: string; personId?: string }) {
  const { db, clock } = c.var.deps;
  const user = c.var.user!;
  const data = await getCompanyPage(db, user, companyId);
  if (mode === "admin" && !notice) notice = doneNotice(data, done ?? { key: c.req.query("klart") ?? "", personId: c.req.query("vem") });
  const registrant = mode === "staff" ? await registrantOf(c, data.company.registeredByPersonId) : null;
  const today = swedishDate(clock.now());
  const employees = await activeEmployees(db, companyId, today);
  const [applications, issued, invoices, employeeCertificates] = await Promise.all([
    listApplications(db, { companyId }),
    listCertificatesForCompany(db, companyId),
    listInvoicesForCompany(db, companyId),
    listCertificatesForPersons(db, employees.map((e) => e.personId)),
  ]);
  const certificates = [...issued.map((r) => certificateRow(r, today)), ...applications.filter((a) => a.status !== "issued").map(applicationRow)];
  const due = mode === "admin" ? dueItems(issued, applications, today) : [];
  const attestable = mode === "admin" ? await listAttestable(db, user, companyId, today) : [];
  const cases = mode === "staff" ? <CasesSection rows={await casesConcerning(db, { companyId })} path={companyUrl(mode, companyId)} query={c.req.query()} now={clock.now()} /> : null;
  const view = (
    <CompanyPageView
      data={data}
      mode={mode}
      viewerPersonId={user.personId}
      today={formatDate(clock.now())}
      registrant={registrant}
      certificates={mode === "staff" ? certificates.map(staffLinks) : certificates}
      employeeCertificates={employeeCertificates}
      invoices={invoices}
      failure={failure}
      query={c.req.query()}
      due={due}
      attestable={attestable}
      notice={notice}
      cases={cases}
    />
  );
  if (isHtmx(c)) return c.html(view, status);
  return page(c, { title: data.company.name, status }, view);
}

async function registrantOf(c: Context<AppEnv>, personId: string): Promise<Registrant | null> {
  const p = await getPerson(c.var.deps.db, personId).catch(() => null);
  return p ? { name: `${p.givenName} ${p.familyName}`, email: p.email } : null;
}

export const CompanyPageView = (props: ViewProps) => {
  const { data, mode, failure } = props;
  const c = data.company;
  return (
    <div id={ROOT}>
      <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
        {mode === "admin" ? (
          <>
            <a href="/min-sida">{t("nav.minSida")}</a> › <a href="/min-sida/anstallningar">{t("minSida.tab.employments")}</a> › {c.name}
          </>
        ) : (
          <>
            <a href="/personal">{t("nav.staff")}</a> › <a href="/personal/foretag">{t("common.company")}</a> › {c.name}
          </>
        )}
      </nav>
      <header class="page-header">
        <div>
          <h1>{c.name}</h1>
          <p class="lead">
            {t("common.orgNumber")} {formatOrgNumber(c.orgNumber)} {mode === "staff" ? <StatusChip status={c.status} of={COMPANY_STATUS} /> : null}
          </p>
        </div>
      </header>
      {failure ? (
        <div class="notice notice--error" role="alert" tabindex={-1}>
          <p>{failure.message}</p>
        </div>
      ) : null}
      {props.notice ? (
        <div class="notice notice--success" role="status">
          <p>{props.notice}</p>
        </div>
      ) : null}
      <PageContents {...props} />
      {mode === "staff" ? <Registration {...props} /> : null}
      <Details data={data} mode={mode} />
      <Requests {...props} />
      <Employees {...props} />
      <Admins {...props} />
      <section aria-labelledby="certifikat">
        <h2 id="certifikat">{t("company.certificates")}</h2>
        {mode === "admin" && c.status === "approved" ? (
          <div class="button-row">
            <a class="button" href={`${companyUrl(mode, c.id)}/ansok`}>
              <span aria-hidden="true">+ </span>
              {t("apply.company")}
            </a>
          </div>
        ) : null}
        <DueNotices items={props.due} whose="företaget" />
        <CertificatesTable rows={props.certificates} path={companyUrl(mode, c.id)} query={props.query ?? {}} empty={t("company.certificates.none")} />
      </section>
      {mode === "admin" ? <AttestList {...props} /> : null}
      <Expiring rows={props.employeeCertificates} today={props.today} mode={mode} />
      <section aria-labelledby="anstalldas-certifikat">
        <h2 id="anstalldas-certifikat">{t("company.employeeCertificates")}</h2>
        <p>{t("company.employeeCertificates.intro")}</p>
        <DataTable prefix="anstcert" caption={t("company.employeeCertificates")} columns={employeeCertificateColumns(mode, props.today)} rows={props.employeeCertificates} path={companyUrl(mode, c.id)} query={props.query} empty={t("company.employeeCertificates.none")} />
      </section>
      <CompanyInvoices rows={props.invoices} mode={mode} today={props.today} path={companyUrl(mode, c.id)} query={props.query} />
      {props.cases}
      <EventLog events={data.events} path={companyUrl(mode, c.id)} query={props.query} />
    </div>
  );
};

/**
 * "På sidan": the page's sections as links, with what waits in them counted, so a long page is
 * one look and one jump away from any part of it.
 */
const PageContents = ({ data, mode, attestable }: ViewProps) => {
  const toAttest = attestable.filter((r) => !r.own && !r.attestedAt).length;
  const sections: [string, string][] = [
    ...(mode === "staff" ? ([["registrering", "Registrering"]] as [string, string][]) : []),
    ["foretagsuppgifter", t("company.details")],
    ["forfragningar", `${t("company.requests")} (${data.requests.length})`],
    ["anstallda", `${t("company.employees")} (${data.employees.length})`],
    ["administratorer", `${t("company.admins")} (${data.admins.length})`],
    ["certifikat", t("company.certificates")],
    ...(mode === "admin" ? ([["att-intyga", `${t("next.toAttest")} (${toAttest})`]] as [string, string][]) : []),
    ["gar-ut", t("company.expiring")],
    ["anstalldas-certifikat", t("company.employeeCertificates")],
    ["fakturor", t("minSida.tab.invoices")],
    ["handelselogg", t("common.eventLog")],
  ];
  return (
    <nav class="page-contents" aria-label={t("company.onPage")}>
      <ul>
        {sections.map(([id, label]) => (
          <li>
            <a href={`#${id}`}>{label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
};

/**
 * "Att intyga": the employees whose Årlig förlängning is due, with "Intyga yrkesverksamhet" per
 * certificate and for the chosen ones at once. The admin's own certificates are listed without
 * the button: another admin attests them.
 */
const AttestList = (props: ViewProps) => {
  const action = `${companyUrl("admin", props.data.company.id)}/intyga`;
  const rows = props.attestable;
  const open = rows.filter((r) => !r.own && !r.attestedAt);
  return (
    <section aria-labelledby="att-intyga">
      <h2 id="att-intyga">{t("next.toAttest")}</h2>
      <p>{t("attest.intro")}</p>
      {rows.length === 0 ? (
        <p class="notice notice--info">{t("attest.none")}</p>
      ) : (
        <form method="post" action={action} hx-post={action} hx-target={`#${ROOT}`} hx-swap="outerHTML" class="form">
          <div class="table-wrap">
            <table class="data">
              <caption class="visually-hidden">{t("next.toAttest")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("attest.choose")}</th>
                  <th scope="col">{t("verify.field.name")}</th>
                  <th scope="col">{t("common.certificate")}</th>
                  <th scope="col">{t("certTable.nr")}</th>
                  <th scope="col">{t("attest.extendBy")}</th>
                  <th scope="col">{t("attest.attestation")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <td>
                      {r.own || r.attestedAt ? null : (
                        <>
                          <input type="checkbox" name="valda" value={r.certificateId} id={`valj-${r.certificateId}`} />
                          <label for={`valj-${r.certificateId}`} class="visually-hidden">
                            {t("attest.chooseRow", r.name, r.number)}
                          </label>
                        </>
                      )}
                    </td>
                    <td>{r.name}</td>
                    <td>{r.title}</td>
                    <td>{r.number}</td>
                    <td>{r.dueOn}</td>
                    <td>
                      {r.attestedAt ? (
                        t("attest.attestedOn", formatDate(r.attestedAt))
                      ) : r.own ? (
                        t("attest.own")
                      ) : (
                        <button type="submit" name="certifikat" value={r.certificateId} class="button button--small" aria-label={t("attest.buttonFor", r.name, r.number)}>
                          {t("next.toAttest.button")}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {open.length > 1 ? (
            <div class="button-row">
              <button type="submit" class="button">
                {t("attest.chosen")}
              </button>
            </div>
          ) : null}
        </form>
      )}
    </section>
  );
};

/** "Certifikat som går ut": the employees' certificates whose Giltigt till is within 90 days. */
const Expiring = ({ rows, today, mode }: { rows: EmployeeCertificateRow[]; today: string; mode: Mode }) => {
  const soon = rows
    .filter((r) => (r.certificate.status === "active" || r.certificate.status === "suspended") && r.certificate.validUntil && r.certificate.validUntil >= today && daysBetween(today, r.certificate.validUntil) <= 90)
    .sort((a, b) => a.certificate.validUntil!.localeCompare(b.certificate.validUntil!));
  const within = (d: number) => t("expiring.days", d <= 30 ? 30 : d <= 60 ? 60 : 90);
  return (
    <section aria-labelledby="gar-ut">
      <h2 id="gar-ut">{t("company.expiring")}</h2>
      <p>{t("expiring.intro")}</p>
      {soon.length === 0 ? (
        <p class="notice notice--info">{t("expiring.none")}</p>
      ) : (
        <div class="table-wrap">
          <table class="data">
            <caption class="visually-hidden">{t("expiring.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("expiring.within")}</th>
                <th scope="col">{t("verify.field.name")}</th>
                <th scope="col">{t("common.certificate")}</th>
                <th scope="col">{t("certTable.nr")}</th>
                <th scope="col">{t("cert.validUntil")}</th>
                <th scope="col">{t("expiring.daysLeft")}</th>
              </tr>
            </thead>
            <tbody>
              {soon.map((r) => {
                const d = daysBetween(today, r.certificate.validUntil!);
                return (
                  <tr>
                    <td>{within(d)}</td>
                    <td>
                      {r.holder.givenName} {r.holder.familyName}
                    </td>
                    <td>
                      {r.area.name} - {r.scheme.name}
                    </td>
                    <td>
                      <a href={mode === "staff" ? `/personal/certifikat/${r.certificate.id}` : certificateHref(r.certificate.number)}>{r.certificate.number}</a>
                    </td>
                    <td>{r.certificate.validUntil}</td>
                    <td>{d}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};

/** Staff open a certificate or an application on their own pages. */
function staffLinks(row: CertificateRow): CertificateRow {
  const cert = /^\/min-sida\/certifikat\/(.+)$/.exec(row.href);
  const app = /^\/min-sida\/ansokningar\/(.+)$/.exec(row.href);
  return { ...row, href: cert ? `/personal/certifikat/${cert[1]}` : app ? `/personal/ansokningar/${app[1]}` : row.href };
}

function employeeCertificateColumns(mode: Mode, today: string): Column<EmployeeCertificateRow>[] {
  return [
    {
      key: "nr",
      label: t("certTable.nr"),
      value: (r) => r.certificate.number,
      numeric: true,
      // Admins see the public check of a colleague's certificate; staff the whole certificate.
      render: (r) => <a href={mode === "staff" ? `/personal/certifikat/${r.certificate.id}` : certificateHref(r.certificate.number)}>{r.certificate.number}</a>,
    },
    { key: "namn", label: t("verify.field.name"), value: (r) => `${r.holder.givenName} ${r.holder.familyName}`, groupable: true },
    { key: "certifikat", label: t("common.certificate"), value: (r) => `${r.area.name} - ${r.scheme.name}`, groupable: true },
    { key: "status", label: t("cert.status"), value: (r) => CERTIFICATE_LABELS[publicStatus(r.certificate, today)], groupable: true },
    { key: "giltigt", label: t("cert.validUntil"), value: (r) => r.certificate.validUntil },
  ];
}

/**
 * A form on the page: posts to the action, and with htmx swaps the page's content in place. A
 * `confirm` action (Avsluta, Ta bort) posts as a plain form: its answer is the confirm page.
 */
const ActionForm = ({ action, class: cls, confirm, children }: { action: string; class?: string; confirm?: boolean; children?: Child }) =>
  confirm ? (
    <form method="post" action={action} class={cls ?? "inline-form"} novalidate>
      {children}
    </form>
  ) : (
    <form method="post" action={action} hx-post={action} hx-target={`#${ROOT}`} hx-swap="outerHTML" class={cls ?? "inline-form"} novalidate>
      {children}
    </form>
  );

const Details = ({ data, mode }: { data: CompanyPageData; mode: Mode }) => {
  const c = data.company;
  return (
    <section aria-labelledby="foretagsuppgifter">
      <h2 id="foretagsuppgifter">{t("company.details")}</h2>
      <dl class="details">
        <dt>{t("search.name")}</dt>
        <dd>{c.name}</dd>
        <dt>{t("common.orgNumber")}</dt>
        <dd>{formatOrgNumber(c.orgNumber)}</dd>
        <dt>{t("about.address")}</dt>
        <dd>
          {c.addressLine1}
          {c.addressLine2 ? (
            <>
              <br />
              {c.addressLine2}
            </>
          ) : null}
          <br />
          {c.postalCode} {c.city}
          <br />
          {c.country}
        </dd>
        <dt>{t("common.phoneNumber")}</dt>
        <dd>{c.phone ?? t("person.noneGiven")}</dd>
        <dt>{t("common.emailAddress")}</dt>
        <dd>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : t("company.noneGiven")}</dd>
      </dl>
      {mode === "admin" ? (
        <div class="button-row">
          <a class="button button--secondary" href={`${companyUrl(mode, c.id)}/uppgifter`}>
            {t("company.editDetails")}
          </a>
        </div>
      ) : null}
    </section>
  );
};

type Request = CompanyPageData["requests"][number];
type Employee = CompanyPageData["employees"][number];
type Admin = CompanyPageData["admins"][number];

const fullName = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;

/** The action column, only for the company's admins; its buttons stay in their cells. */
function actions<R>(mode: Mode, render: (row: R) => Child): Column<R>[] {
  return mode === "admin" ? [{ key: "atgard", label: t("common.action"), value: () => null, render, sortable: false }] : [];
}

const Requests = ({ data, mode, viewerPersonId, failure, query }: ViewProps) => {
  const base = companyUrl(mode, data.company.id);
  const columns: Column<Request>[] = [
    {
      key: "namn",
      label: t("verify.field.name"),
      value: ({ person }) => fullName(person),
      render: ({ person: p }) => (
        <>
          {fullName(p)}
          {p.id === viewerPersonId && mode === "admin" ? <p class="hint">{t("company.ownRequest")}</p> : null}
        </>
      ),
    },
    { key: "epost", label: t("common.emailAddress"), value: ({ person }) => person.email },
    { key: "startdatum", label: t("employment.startDate"), value: ({ employment }) => employment.startDate },
    { key: "begard", label: t("company.requested"), value: ({ employment }) => employment.requestedAt },
    ...actions<Request>(mode, ({ employment: e, person: p }) => {
      const name = fullName(p);
      const form = `avboj-${e.id}`;
      return (
        <div class="row-actions">
          <ActionForm action={`${base}/forfragningar/${e.id}/bekrafta`}>
            <button type="submit" class="button" aria-label={t("company.confirmFor", name)}>
              {t("company.confirm")}
            </button>
          </ActionForm>
          <ActionForm action={`${base}/forfragningar/${e.id}/avboj`} class="row-form">
            <Field id={`motivering-${e.id}`} name="motivering" label={t("common.reason")} hint={t("company.declineReason.hint")} value={failure?.form === form ? failure.values?.motivering : undefined} errors={failure?.form === form ? failure.errors : undefined} maxlength={1000} />
            <button type="submit" class="button button--danger" aria-label={t("company.declineFor", name)}>
              {t("company.decline")}
            </button>
          </ActionForm>
        </div>
      );
    }),
  ];
  return (
    <section aria-labelledby="forfragningar">
      <h2 id="forfragningar">{t("company.requests")}</h2>
      <DataTable prefix="forfragan" caption={t("company.requests")} columns={columns} rows={data.requests} path={base} query={query} empty={t("company.requests.none")} defaultSort={{ key: "begard", dir: "asc" }} />
    </section>
  );
};

const Employees = ({ data, mode, today, failure, query }: ViewProps) => {
  const base = companyUrl(mode, data.company.id);
  const admins = new Set(data.admins.map((a) => a.personId));
  const columns: Column<Employee>[] = [
    { key: "namn", label: t("verify.field.name"), value: ({ person }) => fullName(person) },
    { key: "startdatum", label: t("employment.startDate"), value: ({ employment }) => employment.startDate },
    { key: "administrator", label: t("common.companyAdmin"), value: ({ person }) => (admins.has(person.id) ? t("common.yes") : t("common.no")), groupable: true },
    ...actions<Employee>(mode, ({ employment: e, person: p }) => {
      const name = fullName(p);
      const form = `avsluta-${e.id}`;
      return (
        <div class="row-actions">
          <ActionForm action={`${base}/anstallda/${e.id}/avsluta`} class="row-form" confirm>
            <Field id={`slutdatum-${e.id}`} name="slutdatum" label={t("employment.endDate")} type="date" required value={failure?.form === form ? failure.values?.slutdatum : today} errors={failure?.form === form ? failure.errors : undefined} />
            <button type="submit" class="button button--secondary" aria-label={t("company.endFor", name)}>
              {t("company.end.button")}
            </button>
          </ActionForm>
          {admins.has(p.id) ? null : (
            <ActionForm action={`${base}/administratorer/${p.id}`}>
              <button type="submit" class="button button--secondary">
                {t("company.makeAdmin")}
                <span class="visually-hidden"> ({name})</span>
              </button>
            </ActionForm>
          )}
        </div>
      );
    }),
  ];
  return (
    <section aria-labelledby="anstallda">
      <h2 id="anstallda">{t("company.employees")}</h2>
      <DataTable prefix="anstalld" caption={t("company.employees")} columns={columns} rows={data.employees} path={base} query={query} empty={t("company.employees.none")} />
    </section>
  );
};

const Admins = ({ data, mode, query }: ViewProps) => {
  const base = companyUrl(mode, data.company.id);
  const columns: Column<Admin>[] = [
    { key: "namn", label: t("verify.field.name"), value: (a) => fullName(a) },
    { key: "sedan", label: t("company.adminSince"), value: (a) => a.since, render: (a) => <time datetime={a.since.toISOString()}>{formatDate(a.since)}</time> },
    ...actions<Admin>(mode, (a) => (
      <ActionForm action={`${base}/administratorer/${a.personId}/ta-bort`} confirm>
        <button type="submit" class="button button--secondary" aria-label={t("company.removeAdmin.heading", fullName(a)).replace(/\?$/, "")}>
          {t("company.remove")}
        </button>
      </ActionForm>
    )),
  ];
  return (
    <section aria-labelledby="administratorer">
      <h2 id="administratorer">{t("company.admins")}</h2>
      <p>{t("company.admins.intro")}</p>
      <DataTable prefix="admin" caption={t("company.admins")} columns={columns} rows={data.admins} path={base} query={query} empty={t("company.admins.none")} />
    </section>
  );
};

/** Staff only: who registered the company, the registreringsbevis, and the decision. */
const Registration = ({ data, registrant, failure }: ViewProps) => {
  const c = data.company;
  const doc = data.document;
  const base = companyUrl("staff", c.id);
  const decision = failure?.form === "beslut" ? failure : undefined;
  return (
    <section aria-labelledby="registrering">
      <h2 id="registrering">{t("staff.company.registration")}</h2>
      <dl class="details">
        <dt>{t("cert.status")}</dt>
        <dd>
          <StatusChip status={c.status} of={COMPANY_STATUS} />
        </dd>
        <dt>{t("staff.company.col.registered")}</dt>
        <dd>
          <time datetime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt)}</time>
        </dd>
        <dt>{t("staff.company.col.registeredBy")}</dt>
        <dd>{registrant ? `${registrant.name} (${registrant.email})` : t("staff.company.unknown")}</dd>
        {c.decidedAt ? (
          <>
            <dt>{t("staff.col.decided")}</dt>
            <dd>
              <time datetime={c.decidedAt.toISOString()}>{formatDateTime(c.decidedAt)}</time>
            </dd>
          </>
        ) : null}
        {c.decisionReason ? (
          <>
            <dt>{t("common.reason")}</dt>
            <dd>{c.decisionReason}</dd>
          </>
        ) : null}
        <dt>{t("staff.company.col.certificate")}</dt>
        <dd>
          {doc ? (
            <a href={`${base}/registreringsbevis`} download>
              {t("staff.review.download")} {doc.originalName} ({kilobytes(doc.size)})
            </a>
          ) : (
            t("staff.company.missing")
          )}
        </dd>
      </dl>
      {doc && isImageMime(doc.mime) ? (
        <figure class="document-preview">
          <img src={`${base}/registreringsbevis?visa=1`} alt={t("staff.company.certificateOf", c.name)} />
          <figcaption>{doc.originalName}</figcaption>
        </figure>
      ) : null}
      {c.status === "pending" ? (
        <section aria-labelledby="beslut">
          <h3 id="beslut">{t("staff.col.decision")}</h3>
          <p>{t("staff.company.decide.intro")}</p>
          <div class="decision-forms">
            <ActionForm action={`${base}/beslut`} class="form">
              <input type="hidden" name="beslut" value="godkann" />
              <button type="submit" class="button">
                {t("staff.review.approve")}
              </button>
            </ActionForm>
            <ActionForm action={`${base}/beslut`} class="form">
              <input type="hidden" name="beslut" value="godkann-inte" />
              <Field name="motivering" label={t("common.reason")} rows={4} required hint={t("staff.company.decide.reasonHint")} value={decision?.values?.motivering} errors={decision?.errors} maxlength={2000} />
              <button type="submit" class="button button--danger">
                {t("staff.company.decide.no")}
              </button>
            </ActionForm>
          </div>
        </section>
      ) : null}
    </section>
  );
};

function kilobytes(size: number): string {
  return size < 1024 * 1024 ? `${Math.max(1, Math.round(size / 1024))} kB` : `${formatDecimal(Math.round((size / (1024 * 1024)) * 10) / 10)} MB`;
}
