import { Hono } from "hono";
import { ownEntry } from "../../lib/own-key.ts";
import { listPersonEvents } from "../../modules/audit/index.ts";
import { employmentsTab } from "../companies/employments.tsx";
import type { AppEnv } from "../env.ts";
import { swedishDate } from "../../lib/dates.ts";
import { listCertificatesForPerson } from "../../modules/certificates/index.ts";
import { listApplications } from "../../modules/certification/index.ts";
import { certificateRow } from "../certification/certificate-page.tsx";
import { applicationRow, CertificatesTable, type CertificateRow } from "../certification/certificates-table.tsx";
import { EventLog } from "../views/event-log.tsx";
import { dueItems } from "../certification/renewal.tsx";
import { loadNextSteps, NextStepsSection } from "./next-steps.tsx";
import { invoicePdfDownload, invoicesTab } from "./invoices.tsx";
import { provTab } from "../examinations/prov-tab.tsx";
import { personPage } from "./person-page.tsx";
import { t, labels } from "../../lib/i18n/index.ts";

const Certificates = ({ rows, query, notice }: { rows: CertificateRow[]; query: Record<string, string>; notice?: string }) => (
  <section aria-labelledby="sok-certifikat">
    <h2 id="sok-certifikat">{t("minSida.searchCertificates")}</h2>
    {notice ? (
      <div class="notice notice--success" role="status">
        <p>{notice}</p>
      </div>
    ) : null}
    <div class="button-row">
      <a class="button" href="/min-sida/ansok">
        <span aria-hidden="true">+ </span>
        {t("apply.new")}
      </a>
    </div>
    <CertificatesTable rows={rows} path="/min-sida" query={query} empty={t("minSida.noCertificates")} />
  </section>
);

const NOTICES: Record<string, string> = labels({ aterkallad: "minSida.withdrawn" });

export function minSidaRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/", async (c) => {
    const { db, clock } = c.var.deps;
    const personId = c.var.user!.personId;
    const [applications, certificates] = await Promise.all([listApplications(db, { personId }), listCertificatesForPerson(db, personId)]);
    const today = swedishDate(clock.now());
    // An issued application is shown as its certificate.
    const rows = [...certificates.map((r) => certificateRow(r, today)), ...applications.filter((a) => a.status !== "issued").map(applicationRow)];
    const due = dueItems(certificates, applications, today);
    // What waits and for whom comes first; the renewals due (Att göra) are part of it.
    const next = await loadNextSteps(c);
    return personPage(c, "/min-sida", <Certificates rows={rows} query={c.req.query()} notice={ownEntry(NOTICES, c.req.query("klart"))} />, 200, { details: true, before: <NextStepsSection next={next} due={due} /> });
  });
  app.get("/anstallningar", (c) => employmentsTab(c));
  app.get("/fakturor", invoicesTab);
  app.get("/fakturor/:id/pdf", invoicePdfDownload);
  app.get("/prov", provTab);
  app.get("/handelselogg", async (c) => {
    const events = await listPersonEvents(c.var.deps.db, c.var.user!.personId);
    return personPage(c, "/min-sida/handelselogg", <EventLog events={events} path="/min-sida/handelselogg" query={c.req.query()} />);
  });
  return app;
}
