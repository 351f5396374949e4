// Staff's person search (name, e-mail or personnummer) and the person page: details and identity
// method, employments, applications, certificates and the whole Händelselogg.
import { Hono, type Context } from "hono";
import { swedishDate } from "../../lib/dates.ts";
import { formatOrgNumber } from "../../lib/identity/orgnummer.ts";
import { formatPersonnummer } from "../../lib/identity/personnummer.ts";
import { getPerson, searchPersons, type PersonSearchRow } from "../../modules/accounts/index.ts";
import { listPersonEvents } from "../../modules/audit/index.ts";
import { CERTIFICATE_LABELS, listCertificatesForPerson, publicStatus, type CertificateListRow } from "../../modules/certificates/index.ts";
import { APPLICATION_LABELS, listApplications, type ApplicationListRow } from "../../modules/certification/index.ts";
import { listPersonEmployments } from "../../modules/employments/index.ts";
import { EMPLOYMENT_STATUS } from "../companies/labels.tsx";
import type { AppEnv } from "../env.ts";
import { PersonDetails } from "../portal/person-view.tsx";
import { page } from "../render.tsx";
import { DataTable, type Column } from "../views/data-table.tsx";
import { EventLog } from "../views/event-log.tsx";
import { staffApplicationUrl } from "./application-paths.tsx";
import { staffCertificateUrl } from "./certificates.tsx";
import { casesConcerning } from "../../modules/cases/index.ts";
import { CasesSection } from "../cases/case-list.tsx";
import { t } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;

const personUrl = (id: string) => `/personal/personer/${id}`;

const searchColumns = (): Column<PersonSearchRow>[] => [
  { key: "namn", label: t("verify.field.name"), value: (p) => `${p.familyName}, ${p.givenName}`, render: (p) => <a href={personUrl(p.id)}>{`${p.givenName} ${p.familyName}`}</a> },
  { key: "epost", label: t("common.emailAddress"), value: (p) => p.email },
  { key: "personnummer", label: t("staff.person.col.pnr"), value: (p) => (p.personnummer ? formatPersonnummer(p.personnummer) : p.birthDate) },
  { key: "legitimering", label: t("staff.person.col.identity"), value: (p) => (p.identityMethod === "bankid" ? "BankID" : t("staff.person.manual")), groupable: true },
];

async function search(c: Ctx) {
  const q = (c.req.query("q") ?? "").trim().slice(0, 100);
  const rows = q ? await searchPersons(c.var.deps.db, q, c.var.deps.clock.now()) : [];
  return page(
    c,
    { title: t("staff.home.persons") },
    <>
      <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
        <a href="/personal">{t("nav.staff")}</a> › {t("staff.home.persons")}
      </nav>
      <h1>{t("staff.home.persons")}</h1>
      <form method="get" action="/personal/personer" role="search" aria-label={t("staff.home.persons")} class="search-form">
        <div class="field">
          <label for="q">{t("staff.person.search.label")}</label>
          <input id="q" name="q" type="search" value={q} maxlength={100} autocomplete="off" />
        </div>
        <button type="submit" class="button">
          {t("table.search")}
        </button>
      </form>
      {q ? <DataTable prefix="person" caption={t("staff.person.persons")} columns={searchColumns()} rows={rows} path="/personal/personer" query={c.req.query()} empty={t("staff.person.noMatch")} searchable={false} /> : <p>{t("staff.person.search.prompt")}</p>}
    </>,
  );
}

type EmploymentRow = Awaited<ReturnType<typeof listPersonEmployments>>[number];

const employmentColumns = (): Column<EmploymentRow>[] => [
  { key: "foretag", label: t("common.company"), value: (r) => r.company.name, render: (r) => <a href={`/personal/foretag/${r.company.id}`}>{r.company.name}</a> },
  { key: "orgnr", label: t("common.orgNumber"), value: (r) => formatOrgNumber(r.company.orgNumber) },
  { key: "start", label: t("employment.startDate"), value: (r) => r.employment.startDate },
  { key: "slut", label: t("employment.endDate"), value: (r) => r.employment.endDate },
  { key: "status", label: t("cert.status"), value: (r) => EMPLOYMENT_STATUS[r.employment.status]?.label ?? r.employment.status, groupable: true },
];

const applicationColumns = (): Column<ApplicationListRow>[] => [
  { key: "certifikat", label: t("common.certificate"), value: (a) => `${a.areaName} - ${a.schemeName}`, render: (a) => <a href={staffApplicationUrl(a.id)}>{`${a.areaName} - ${a.schemeName}`}</a> },
  { key: "status", label: t("cert.status"), value: (a) => APPLICATION_LABELS[a.status], groupable: true },
  { key: "skapad", label: t("staff.app.started"), value: (a) => a.createdAt },
  { key: "andrad", label: t("moment.col.updated"), value: (a) => a.updatedAt },
];

function certificateColumns(today: string): Column<CertificateListRow>[] {
  return [
    { key: "nr", label: t("certTable.nr"), value: (r) => r.certificate.number, numeric: true, render: (r) => <a href={staffCertificateUrl(r.certificate.id)}>{r.certificate.number}</a> },
    { key: "certifikat", label: t("common.certificate"), value: (r) => `${r.area.name} - ${r.scheme.name}` },
    { key: "status", label: t("cert.status"), value: (r) => CERTIFICATE_LABELS[publicStatus(r.certificate, today)], groupable: true },
    { key: "utfardat", label: t("cert.issuedOn"), value: (r) => r.certificate.issuedOn },
    { key: "giltigt", label: t("cert.validUntil"), value: (r) => r.certificate.validUntil },
  ];
}

async function personPage(c: Ctx) {
  const { db, clock } = c.var.deps;
  const id = c.req.param("id")!;
  const person = await getPerson(db, id);
  const today = swedishDate(clock.now());
  const [employments, applications, certificates, events, cases] = await Promise.all([
    listPersonEmployments(db, id),
    listApplications(db, { personId: id }),
    listCertificatesForPerson(db, id),
    listPersonEvents(db, id, 1000),
    casesConcerning(db, { personId: id }),
  ]);
  const name = `${person.givenName} ${person.familyName}`;
  const path = personUrl(id);
  const query = c.req.query();
  return page(
    c,
    { title: name },
    <>
      <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
        <a href="/personal">{t("nav.staff")}</a> › <a href="/personal/personer">{t("staff.home.persons")}</a> › {name}
      </nav>
      <h1>{name}</h1>
      <PersonDetails person={person} showPersonnummer={true} />
      <section aria-labelledby="anstallningar">
        <h2 id="anstallningar">{t("minSida.tab.employments")}</h2>
        <DataTable prefix="anst" caption={t("minSida.tab.employments")} columns={employmentColumns()} rows={employments} path={path} query={query} empty={t("staff.person.noEmployments")} searchable={false} />
      </section>
      <section aria-labelledby="certifikat">
        <h2 id="certifikat">{t("common.certificate")}</h2>
        <DataTable prefix="cert" caption={t("common.certificate")} columns={certificateColumns(today)} rows={certificates} path={path} query={query} empty={t("staff.person.noCertificates")} searchable={false} />
      </section>
      <section aria-labelledby="ansokningar">
        <h2 id="ansokningar">{t("staff.person.applications")}</h2>
        <DataTable prefix="ans" caption={t("staff.person.applications")} columns={applicationColumns()} rows={applications} path={path} query={query} empty={t("staff.person.noApplications")} searchable={false} />
      </section>
      <CasesSection rows={cases} path={path} query={query} now={clock.now()} />
      <EventLog events={events} path={path} query={query} />
    </>,
  );
}

/** Mounted under /personal, behind requireUser and requireStaff. */
export function staffPersonRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/personer", search);
  app.get("/personer/:id", personPage);
  return app;
}
