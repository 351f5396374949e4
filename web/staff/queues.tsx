// The staff queues: Moment att granska (oldest upload first, by Teknikområde) and Ansökningar för
// beslut (longest waiting first).
import type { Context } from "hono";
import { APPLICATION_KIND_LABELS } from "../certification/process-page.tsx";
import { applicantName, listApplicationsForDecision, listAreas, listMomentsToReview, type ApplicationForDecision, type MomentToReview } from "../../modules/review/index.ts";
import type { AppEnv } from "../env.ts";
import { page } from "../render.tsx";
import { DataTable, type Column } from "../views/data-table.tsx";
import { Breadcrumbs, staffApplicationUrl } from "./application-paths.tsx";
import { t } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;

const momentColumns = (): Column<MomentToReview>[] => [
  { key: "uppladdad", label: t("staff.col.uploaded"), value: (r) => r.uploadedAt },
  { key: "moment", label: t("moment.col.moment"), value: (r) => r.momentName, render: (r) => <a href={staffApplicationUrl(r.applicationId, `/moment/${r.momentId}`)}>{r.momentName}</a> },
  { key: "sokande", label: t("staff.col.applicant"), value: (r) => applicantName(r) },
  { key: "certifikat", label: t("common.certificate"), value: (r) => r.schemeName, groupable: true, render: (r) => <a href={staffApplicationUrl(r.applicationId, "?fran=moment")}>{r.schemeName}</a> },
  { key: "teknikomrade", label: t("common.area"), value: (r) => r.areaName, groupable: true },
];

const decisionQueueColumns = (): Column<ApplicationForDecision>[] => [
  { key: "inskickad", label: t("staff.col.submitted"), value: (r) => r.submittedAt },
  { key: "sokande", label: t("staff.col.applicant"), value: (r) => applicantName(r), render: (r) => <a href={staffApplicationUrl(r.applicationId)}>{applicantName(r)}</a> },
  { key: "certifikat", label: t("common.certificate"), value: (r) => `${r.areaName} - ${r.schemeName}`, groupable: true },
  { key: "ansokan", label: t("staff.col.application"), value: (r) => APPLICATION_KIND_LABELS[r.kind], groupable: true },
  { key: "faktura", label: t("staff.col.invoiced"), value: (r) => (r.invoiced ? t("common.yes") : t("common.no")), groupable: true },
  { key: "fyra-ogon", label: t("staff.col.fourEyes"), value: (r) => (r.fourEyes ? t("common.yes") : t("common.no")), groupable: true },
];

export async function momentQueue(c: Ctx) {
  const { db } = c.var.deps;
  const areaId = c.req.query("omrade") || undefined;
  const [areas, rows] = await Promise.all([listAreas(db), listMomentsToReview(db, { areaId })]);
  return page(
    c,
    { title: t("staff.queue.moments") },
    <>
      <Breadcrumbs>{t("staff.queue.moments")}</Breadcrumbs>
      <h1>{t("staff.queue.moments")}</h1>
      <p>{t("staff.queue.moments.intro")}</p>
      <form method="get" action="/personal/moment" class="search-form">
        <div class="field">
          <label for="omrade">{t("common.area")}</label>
          <select id="omrade" name="omrade">
            <option value="">{t("staff.queue.allAreas")}</option>
            {areas.map((a) => (
              <option value={a.id} selected={a.id === areaId}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button--secondary">
          {t("staff.filter")}
        </button>
      </form>
      <DataTable prefix="granska" caption={t("staff.queue.moments")} columns={momentColumns()} rows={rows} path="/personal/moment" query={c.req.query()} empty={t("staff.queue.moments.none")} defaultSort={{ key: "uppladdad", dir: "asc" }} />
    </>,
  );
}

export async function decisionQueue(c: Ctx) {
  const rows = await listApplicationsForDecision(c.var.deps.db);
  return page(
    c,
    { title: t("staff.queue.decisions") },
    <>
      <Breadcrumbs>{t("staff.queue.decisions")}</Breadcrumbs>
      <h1>{t("staff.queue.decisions")}</h1>
      <p>{t("staff.queue.decisions.intro")}</p>
      <DataTable prefix="beslut" caption={t("staff.queue.decisions")} columns={decisionQueueColumns()} rows={rows} path="/personal/ansokningar" query={c.req.query()} empty={t("staff.queue.decisions.none")} defaultSort={{ key: "inskickad", dir: "asc" }} />
    </>,
  );
}
