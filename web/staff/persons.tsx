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

type Ctx = Context<AppEnv>;

const personUrl = (id: string) => `/personal/personer/${id}`;

const SEARCH_COLUMNS: Column<PersonSearchRow>[] = [
  { key: "namn", label: "Namn", value: (p) => `${p.familyName}, ${p.givenName}`, render: (p) => <a href={personUrl(p.id)}>{`${p.givenName} ${p.familyName}`}</a> },
  { key: "epost", label: "E-postadress", value: (p) => p.email },
  { key: "personnummer", label: "Personnummer / födelsedatum", value: (p) => (p.personnummer ? formatPersonnummer(p.personnummer) : p.birthDate) },
  { key: "legitimering", label: "Legitimering", value: (p) => (p.identityMethod === "bankid" ? "BankID" : "Manuell"), groupable: true },
];

async function search(c: Ctx) {
  const q = (c.req.query("q") ?? "").trim().slice(0, 100);
  const rows = q ? await searchPersons(c.var.deps.db, q, c.var.deps.clock.now()) : [];
  return page(
    c,
    { title: "Sök person" },
    <>
      <nav class="breadcrumbs" aria-label="Du är här">
        <a href="/personal">Personal</a> › Sök person
      </nav>
      <h1>Sök person</h1>
      <form method="get" action="/personal/personer" role="search" aria-label="Sök person" class="search-form">
        <div class="field">
          <label for="q">Namn, e-postadress eller personnummer</label>
          <input id="q" name="q" type="search" value={q} maxlength={100} autocomplete="off" />
        </div>
        <button type="submit" class="button">
          Sök
        </button>
      </form>
      {q ? <DataTable prefix="person" caption="Personer" columns={SEARCH_COLUMNS} rows={rows} path="/personal/personer" query={c.req.query()} empty="Ingen person matchar sökningen." searchable={false} /> : <p>Skriv ett namn, en e-postadress eller ett personnummer.</p>}
    </>,
  );
}

type EmploymentRow = Awaited<ReturnType<typeof listPersonEmployments>>[number];

const EMPLOYMENT_COLUMNS: Column<EmploymentRow>[] = [
  { key: "foretag", label: "Företag", value: (r) => r.company.name, render: (r) => <a href={`/personal/foretag/${r.company.id}`}>{r.company.name}</a> },
  { key: "orgnr", label: "Organisationsnummer", value: (r) => formatOrgNumber(r.company.orgNumber) },
  { key: "start", label: "Startdatum", value: (r) => r.employment.startDate },
  { key: "slut", label: "Slutdatum", value: (r) => r.employment.endDate },
  { key: "status", label: "Status", value: (r) => EMPLOYMENT_STATUS[r.employment.status]?.label ?? r.employment.status, groupable: true },
];

const APPLICATION_COLUMNS: Column<ApplicationListRow>[] = [
  { key: "certifikat", label: "Certifikat", value: (a) => `${a.areaName} - ${a.schemeName}`, render: (a) => <a href={staffApplicationUrl(a.id)}>{`${a.areaName} - ${a.schemeName}`}</a> },
  { key: "status", label: "Status", value: (a) => APPLICATION_LABELS[a.status], groupable: true },
  { key: "skapad", label: "Påbörjad", value: (a) => a.createdAt },
  { key: "andrad", label: "Senast ändrad", value: (a) => a.updatedAt },
];

function certificateColumns(today: string): Column<CertificateListRow>[] {
  return [
    { key: "nr", label: "Nr", value: (r) => r.certificate.number, numeric: true, render: (r) => <a href={staffCertificateUrl(r.certificate.id)}>{r.certificate.number}</a> },
    { key: "certifikat", label: "Certifikat", value: (r) => `${r.area.name} - ${r.scheme.name}` },
    { key: "status", label: "Status", value: (r) => CERTIFICATE_LABELS[publicStatus(r.certificate, today)], groupable: true },
    { key: "utfardat", label: "Utfärdandedatum", value: (r) => r.certificate.issuedOn },
    { key: "giltigt", label: "Giltigt till", value: (r) => r.certificate.validUntil },
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
      <nav class="breadcrumbs" aria-label="Du är här">
        <a href="/personal">Personal</a> › <a href="/personal/personer">Sök person</a> › {name}
      </nav>
      <h1>{name}</h1>
      <PersonDetails person={person} showPersonnummer={true} />
      <section aria-labelledby="anstallningar">
        <h2 id="anstallningar">Anställningar</h2>
        <DataTable prefix="anst" caption="Anställningar" columns={EMPLOYMENT_COLUMNS} rows={employments} path={path} query={query} empty="Inga anställningar." searchable={false} />
      </section>
      <section aria-labelledby="certifikat">
        <h2 id="certifikat">Certifikat</h2>
        <DataTable prefix="cert" caption="Certifikat" columns={certificateColumns(today)} rows={certificates} path={path} query={query} empty="Inga certifikat." searchable={false} />
      </section>
      <section aria-labelledby="ansokningar">
        <h2 id="ansokningar">Ansökningar</h2>
        <DataTable prefix="ans" caption="Ansökningar" columns={APPLICATION_COLUMNS} rows={applications} path={path} query={query} empty="Inga ansökningar." searchable={false} />
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
