// The appellant's page of their case: what was appealed, the grounds and files they sent, where
// the case stands and every step with the reason they were mailed. Staff work on /personal.
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { swedishDate, swedishLongDate } from "../../lib/dates.ts";
import { ownEntry } from "../../lib/own-key.ts";
import { downloadHeaders } from "../../lib/uploads/download-headers.ts";
import { listSubjectEvents, type EventRow } from "../../modules/audit/index.ts";
import { APPEALED_LABELS, caseStatusText, getOwnCase, listCaseFiles, readCaseFile, type CaseRow } from "../../modules/cases/index.ts";
import { certificateUrl } from "../certification/certificate-page.tsx";
import { processUrl } from "../certification/paths.ts";
import type { AppEnv } from "../env.ts";
import { page } from "../render.tsx";
import { formatDateTime } from "../views/time.ts";
import { appealPage, submitAppealForm } from "./appeal-form.tsx";
import { CASE_BODY_LIMIT, tooLarge } from "./case-form.ts";
import { ownCaseUrl } from "./paths.ts";
import { t, labels } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;

const DONE: Record<string, string> = labels({ mottaget: "appeal.received" });

export const CASE_CHIPS: Record<string, string> = { received: "status--pending", investigating: "status--warning", decided: "status--approved", dismissed: "status--muted" };

/** The steps the appellant is told of, each with its written reason. */
const STEP_ACTIONS = ["case.appeal_received", "case.investigating", "case.decided", "case.dismissed"];

const Steps = ({ events }: { events: EventRow[] }) => (
  <table class="data">
    <caption>{t("ownCase.events")}</caption>
    <thead>
      <tr>
        <th scope="col">{t("events.col.time")}</th>
        <th scope="col">{t("events.col.event")}</th>
        <th scope="col">{t("ownCase.message")}</th>
      </tr>
    </thead>
    <tbody>
      {events.map((e) => (
        <tr>
          <td>{formatDateTime(e.at)}</td>
          <td>
            {e.label}
            {typeof e.details?.result === "string" ? `: ${e.details.result}` : ""}
          </td>
          <td class="pre-wrap">{[e.details?.reason, e.details?.consequence].filter((x) => typeof x === "string").join("\n\n")}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

async function ownCasePage(c: Ctx) {
  const { db } = c.var.deps;
  const row: CaseRow = await getOwnCase(db, c.var.user!, c.req.param("id")!);
  const [files, events] = await Promise.all([listCaseFiles(db, row.id), listSubjectEvents(db, "case", row.id)]);
  const steps = events.filter((e) => STEP_ACTIONS.includes(e.action)).reverse();
  const done = ownEntry(DONE, c.req.query("klart"));
  const back = row.certificateId && row.appealedKind !== "refusal" && row.appealedKind !== "moment" ? { href: certificateUrl(row.certificateId), label: t("ownCase.theCertificate") } : { href: processUrl(row.applicationId!), label: t("process.title") };
  return page(
    c,
    { title: t("case.title", row.number) },
    <section>
      <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
        <a href="/min-sida">{t("nav.minSida")}</a> › <a href={back.href}>{back.label}</a> › {t("case.title", row.number)}
      </nav>
      <h1>{t("ownCase.heading", row.number)}</h1>
      {done ? (
        <div class="notice notice--success" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      <dl class="details">
        <dt>{t("cert.status")}</dt>
        <dd>
          <span class={`status ${CASE_CHIPS[row.status] ?? "status--muted"}`}>{caseStatusText(row)}</span>
        </dd>
        <dt>{t("ownCase.appealed")}</dt>
        <dd>
          {APPEALED_LABELS[row.appealedKind!]}
          {row.appealedAt ? `, ${swedishLongDate(swedishDate(row.appealedAt))}` : ""}
        </dd>
        <dt>{t("ownCase.received")}</dt>
        <dd>{formatDateTime(row.receivedAt)}</dd>
        <dt>{t("ownCase.grounds")}</dt>
        <dd class="pre-wrap">{row.description}</dd>
        <dt>{t("ownCase.files")}</dt>
        <dd>
          {files.length ? (
            <ul>
              {files.map((f) => (
                <li>
                  <a href={ownCaseUrl(row.id, `/filer/${f.documentId}`)}>{f.name}</a>
                </li>
              ))}
            </ul>
          ) : (
            t("ownCase.none")
          )}
        </dd>
      </dl>
      <Steps events={steps} />
      <p>
        <a href={back.href}>{t("appeal.backTo", back.label.toLowerCase())}</a>
      </p>
    </section>,
  );
}

/** Mounted under /min-sida, behind requireUser. */
export function casePortalRoutes() {
  const app = new Hono<AppEnv>();
  const limit = bodyLimit({ maxSize: CASE_BODY_LIMIT, onError: (c) => appealPage(c as Ctx, { values: {}, errors: { filer: tooLarge() } }, 413) });
  app.get("/overklaga/beslut/:decisionId", (c) => appealPage(c));
  app.post("/overklaga/beslut/:decisionId", limit, submitAppealForm);
  app.get("/overklaga/moment/:momentId", (c) => appealPage(c));
  app.post("/overklaga/moment/:momentId", limit, submitAppealForm);
  app.get("/arenden/:id", ownCasePage);
  app.get("/arenden/:id/filer/:documentId", async (c) => {
    const f = await readCaseFile(c.var.deps, c.var.user!, c.req.param("id"), c.req.param("documentId"));
    return c.body(new Uint8Array(f.bytes), 200, downloadHeaders(f));
  });
  return app;
}
