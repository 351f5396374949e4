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

type Ctx = Context<AppEnv>;

const DONE: Record<string, string> = {
  mottaget: "Ditt överklagande är mottaget. Vi har skickat en bekräftelse med ärendenumret till din e-post.",
};

export const CASE_CHIPS: Record<string, string> = { received: "status--pending", investigating: "status--warning", decided: "status--approved", dismissed: "status--muted" };

/** The steps the appellant is told of, each with its written reason. */
const STEP_ACTIONS = ["case.appeal_received", "case.investigating", "case.decided", "case.dismissed"];

const Steps = ({ events }: { events: EventRow[] }) => (
  <table class="data">
    <caption>Händelser i ärendet</caption>
    <thead>
      <tr>
        <th scope="col">Tid</th>
        <th scope="col">Händelse</th>
        <th scope="col">Besked</th>
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
  const back = row.certificateId && row.appealedKind !== "refusal" && row.appealedKind !== "moment" ? { href: certificateUrl(row.certificateId), label: "Certifikatet" } : { href: processUrl(row.applicationId!), label: "Certifieringsprocess" };
  return page(
    c,
    { title: `Ärende ${row.number}` },
    <section>
      <nav class="breadcrumbs" aria-label="Du är här">
        <a href="/min-sida">Min Sida</a> › <a href={back.href}>{back.label}</a> › Ärende {row.number}
      </nav>
      <h1>Ärende {row.number}: överklagande</h1>
      {done ? (
        <div class="notice notice--success" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      <dl class="details">
        <dt>Status</dt>
        <dd>
          <span class={`status ${CASE_CHIPS[row.status] ?? "status--muted"}`}>{caseStatusText(row)}</span>
        </dd>
        <dt>Överklagat beslut</dt>
        <dd>
          {APPEALED_LABELS[row.appealedKind!]}
          {row.appealedAt ? `, ${swedishLongDate(swedishDate(row.appealedAt))}` : ""}
        </dd>
        <dt>Mottaget</dt>
        <dd>{formatDateTime(row.receivedAt)}</dd>
        <dt>Dina grunder</dt>
        <dd class="pre-wrap">{row.description}</dd>
        <dt>Bifogade filer</dt>
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
            "Inga"
          )}
        </dd>
      </dl>
      <Steps events={steps} />
      <p>
        <a href={back.href}>Tillbaka till {back.label.toLowerCase()}</a>
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
