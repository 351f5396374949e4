// The staff queues: Moment att granska (oldest upload first, by Teknikområde) and Ansökningar för
// beslut (longest waiting first).
import type { Context } from "hono";
import { APPLICATION_KIND_LABELS } from "../certification/process-page.tsx";
import { applicantName, listApplicationsForDecision, listAreas, listMomentsToReview, type ApplicationForDecision, type MomentToReview } from "../../modules/review/index.ts";
import type { AppEnv } from "../env.ts";
import { page } from "../render.tsx";
import { DataTable, type Column } from "../views/data-table.tsx";
import { Breadcrumbs, staffApplicationUrl } from "./application-paths.tsx";

type Ctx = Context<AppEnv>;

const MOMENT_COLUMNS: Column<MomentToReview>[] = [
  { key: "uppladdad", label: "Uppladdad", value: (r) => r.uploadedAt },
  { key: "moment", label: "Moment", value: (r) => r.momentName, render: (r) => <a href={staffApplicationUrl(r.applicationId, `/moment/${r.momentId}`)}>{r.momentName}</a> },
  { key: "sokande", label: "Sökande", value: (r) => applicantName(r) },
  { key: "certifikat", label: "Certifikat", value: (r) => r.schemeName, groupable: true, render: (r) => <a href={staffApplicationUrl(r.applicationId, "?fran=moment")}>{r.schemeName}</a> },
  { key: "teknikomrade", label: "Teknikområde", value: (r) => r.areaName, groupable: true },
];

const DECISION_QUEUE_COLUMNS: Column<ApplicationForDecision>[] = [
  { key: "inskickad", label: "Inskickad", value: (r) => r.submittedAt },
  { key: "sokande", label: "Sökande", value: (r) => applicantName(r), render: (r) => <a href={staffApplicationUrl(r.applicationId)}>{applicantName(r)}</a> },
  { key: "certifikat", label: "Certifikat", value: (r) => `${r.areaName} - ${r.schemeName}`, groupable: true },
  { key: "ansokan", label: "Ansökan", value: (r) => APPLICATION_KIND_LABELS[r.kind], groupable: true },
  { key: "faktura", label: "Faktureras", value: (r) => (r.invoiced ? "Ja" : "Nej"), groupable: true },
  { key: "fyra-ogon", label: "Fyra ögon", value: (r) => (r.fourEyes ? "Ja" : "Nej"), groupable: true },
];

export async function momentQueue(c: Ctx) {
  const { db } = c.var.deps;
  const areaId = c.req.query("omrade") || undefined;
  const [areas, rows] = await Promise.all([listAreas(db), listMomentsToReview(db, { areaId })]);
  return page(
    c,
    { title: "Moment att granska" },
    <>
      <Breadcrumbs>Moment att granska</Breadcrumbs>
      <h1>Moment att granska</h1>
      <p>Uppladdade filer som väntar på granskning, äldst först.</p>
      <form method="get" action="/personal/moment" class="search-form">
        <div class="field">
          <label for="omrade">Teknikområde</label>
          <select id="omrade" name="omrade">
            <option value="">Alla teknikområden</option>
            {areas.map((a) => (
              <option value={a.id} selected={a.id === areaId}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button--secondary">
          Filtrera
        </button>
      </form>
      <DataTable prefix="granska" caption="Moment att granska" columns={MOMENT_COLUMNS} rows={rows} path="/personal/moment" query={c.req.query()} empty="Inga moment väntar på granskning." defaultSort={{ key: "uppladdad", dir: "asc" }} />
    </>,
  );
}

export async function decisionQueue(c: Ctx) {
  const rows = await listApplicationsForDecision(c.var.deps.db);
  return page(
    c,
    { title: "Ansökningar för beslut" },
    <>
      <Breadcrumbs>Ansökningar för beslut</Breadcrumbs>
      <h1>Ansökningar för beslut</h1>
      <p>Ansökningar där den sökande har gjort alla steg och som väntar på sista granskning och beslut, den som väntat längst först.</p>
      <DataTable prefix="beslut" caption="Ansökningar för beslut" columns={DECISION_QUEUE_COLUMNS} rows={rows} path="/personal/ansokningar" query={c.req.query()} empty="Inga ansökningar väntar på beslut." defaultSort={{ key: "inskickad", dir: "asc" }} />
    </>,
  );
}
