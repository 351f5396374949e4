import { Hono } from "hono";
import { listPersonEvents } from "../../modules/audit/index.ts";
import { employmentsTab } from "../companies/employments.tsx";
import type { AppEnv } from "../env.ts";
import { DataTable, type Column } from "../views/data-table.tsx";
import { EventLog } from "../views/event-log.tsx";
import { personPage } from "./person-page.tsx";

/** A row of "Sök certifikat": a certificate or an application on its way to one. */
interface CertificateRow {
  nr: string | null;
  name: string;
  status: string;
  renewal: Date | null;
  recertification: Date | null;
}

const CERTIFICATE_COLUMNS: Column<CertificateRow>[] = [
  { key: "nr", label: "Nr", value: (r) => r.nr },
  { key: "certifikat", label: "Certifikat", value: (r) => r.name, groupable: true },
  { key: "status", label: "Status", value: (r) => r.status, groupable: true },
  { key: "arlig-forlangning", label: "Årlig förlängning", value: (r) => r.renewal },
  { key: "omcertifiering", label: "Omcertifiering", value: (r) => r.recertification },
];

const Certificates = ({ query }: { query: Record<string, string> }) => (
  <section aria-labelledby="sok-certifikat">
    <h2 id="sok-certifikat">Sök certifikat</h2>
    <p class="notice notice--info">Ansökan om certifikat ("Ansök om nytt certifikat") öppnar i en kommande version av tjänsten. Dina certifikat och pågående ansökningar visas här.</p>
    {/* No certificates exist in the service yet: the table is honest about that. */}
    <DataTable prefix="cert" caption="Certifikat" columns={CERTIFICATE_COLUMNS} rows={[]} path="/min-sida" query={query} empty="Du har inga certifikat eller ansökningar ännu." defaultSort={{ key: "certifikat", dir: "asc" }} />
  </section>
);

export function minSidaRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/", (c) => personPage(c, "/min-sida", <Certificates query={c.req.query()} />));
  app.get("/anstallningar", (c) => employmentsTab(c));
  app.get("/prov", (c) =>
    personPage(
      c,
      "/min-sida/prov",
      <section aria-labelledby="prov">
        <h2 id="prov">Prov</h2>
        <p class="notice notice--info">Prov som ett examinationscenter anmäler dig till visas här när den delen av tjänsten öppnar i en kommande version.</p>
      </section>,
    ),
  );
  app.get("/handelselogg", async (c) => {
    const events = await listPersonEvents(c.var.deps.db, c.var.user!.personId);
    return personPage(c, "/min-sida/handelselogg", <EventLog events={events} path="/min-sida/handelselogg" query={c.req.query()} />);
  });
  return app;
}
