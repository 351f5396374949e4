// Min Sida's examination pages: the Prov tab, an examinator's centre and its provtillfällen. Each
// action goes through the examinations module, which checks again who may do it; a person who
// is not the centre's examinator finds nothing here (404).
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { Conflict, Forbidden, Invalid } from "../../lib/errors.ts";
import { DEFAULT_MAX_UPLOAD_BYTES } from "../../lib/uploads/accept-upload.ts";
import { contentDisposition, downloadHeaders } from "../../lib/uploads/download-headers.ts";
import { cancelRegistration, correctResult, createSession, getCentre, getSession, importResults, MAX_CSV_BYTES, parsePoints, readProtocol, recordResults, registerCandidate, resultsTemplate, uploadProtocol, type ResultRow } from "../../modules/examinations/index.ts";
import type { AppEnv } from "../env.ts";
import { redirectAfterPost } from "../htmx.ts";
import { renderCentrePage, renderNewSession } from "./centre-page.tsx";
import { own, postedForm } from "./form.ts";
import { sessionUrl } from "./labels.ts";
import { provTab } from "./prov-tab.tsx";
import { pointsField, renderSessionPage, resultField, type Failure } from "./session-page.tsx";
import { renderCorrectPage } from "./correct-page.tsx";
import { t } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;

/** Where the page is read again after an action: the section of the form that was sent. */
const ANCHORS: Record<Failure["form"], string> = { anmal: "anmal-kandidat", aterkalla: "kandidater", protokoll: "protokoll", resultat: "kandidater", import: "kandidater" };

const PROTOCOL_BODY = DEFAULT_MAX_UPLOAD_BYTES + 1024 * 1024;
const CSV_BODY = MAX_CSV_BYTES + 64 * 1024;

/**
 * Runs an action of the session page; the page again with what went wrong at the form that was
 * sent (422, 409 or 403), or on to the page with what was done.
 */
async function act(c: Ctx, form: Failure["form"], run: () => Promise<string>, values?: Record<string, string>) {
  const id = c.req.param("id")!;
  try {
    const done = await run();
    return redirectAfterPost(c, `${sessionUrl(id)}?klart=${done}#${ANCHORS[form]}`);
  } catch (e) {
    const status: ContentfulStatusCode | null = e instanceof Invalid ? 422 : e instanceof Conflict ? 409 : e instanceof Forbidden ? 403 : null;
    if (status === null) throw e;
    const failure: Failure = { form, message: (e as Error).message, errors: e instanceof Invalid && Object.keys(e.fields).length ? e.fields : undefined, values };
    return renderSessionPage(c, "examinator", id, failure, status);
  }
}

/** One candidate's Godkänd / Ej godkänd and points per part as the form sent them (CandidateParts), and whether any was filled in. */
function entriesFrom(values: Record<string, string>, registrationId: string, parts: readonly { id: string }[]): { entries: ResultRow["entries"]; touched: boolean } {
  const entries: ResultRow["entries"] = {};
  let touched = false;
  for (const p of parts) {
    const verdict = own(values, resultField(registrationId, p.id)) ?? "";
    const points = (own(values, pointsField(registrationId, p.id)) ?? "").slice(0, 20);
    if (verdict || points.trim()) touched = true;
    entries[p.id] = { passed: verdict === "godkand" ? true : verdict === "ej-godkand" ? false : null, points: parsePoints(points) };
  }
  return { entries, touched };
}

/** The results form as rows: candidates left blank are not sent on; a half-filled one is, to be refused. */
async function resultRows(c: Ctx, values: Record<string, string>): Promise<ResultRow[]> {
  const { registrations, parts } = await getSession(c.var.deps.db, c.var.user!, c.req.param("id")!);
  const rows: ResultRow[] = [];
  for (const r of registrations.filter((x) => x.registration.status === "registered" && x.registration.result === null)) {
    const { entries, touched } = entriesFrom(values, r.registration.id, parts);
    if (touched) rows.push({ registrationId: r.registration.id, entries });
  }
  return rows;
}

async function newSession(c: Ctx) {
  const centreId = c.req.param("id")!;
  const { values, lists } = await postedForm(c);
  const { schemes } = await getCentre(c.var.deps.db, c.var.user!, centreId);
  const schemeId = (values.certifikat ?? "").slice(0, 100);
  const codes = (own(lists, "delar") ?? []).slice(0, 20);
  const parts = schemes.find((s) => s.scheme.id === schemeId)?.parts ?? [];
  // A part the scheme does not have is passed on as such, so the module names the field.
  const partIds = codes.map((code) => parts.find((p) => p.code === code)?.id ?? `okänd:${code}`);
  const formValues = { certifikat: schemeId, datum: values.datum, tid: values.tid, plats: values.plats, platser: values.platser, delar: codes };
  try {
    const seats = (values.platser ?? "").trim();
    const { sessionId } = await createSession(c.var.deps, c.var.user!, {
      centreId,
      schemeId,
      date: (values.datum ?? "").trim().slice(0, 20),
      startTime: (values.tid ?? "").trim().slice(0, 10),
      place: (values.plats ?? "").slice(0, 1000),
      seats: /^\d{1,6}$/.test(seats) ? Number(seats) : Number.NaN,
      partIds,
    });
    return redirectAfterPost(c, sessionUrl(sessionId));
  } catch (e) {
    if (e instanceof Invalid) return renderNewSession(c, centreId, { values: formValues, errors: e.fields }, 422);
    if (e instanceof Forbidden) return renderNewSession(c, centreId, { values: formValues, message: e.message }, 403);
    throw e;
  }
}

export function examinationPortalRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/prov", provTab);

  app.get("/examinationscenter/:id", (c) => renderCentrePage(c, c.req.param("id")));
  app.get("/examinationscenter/:id/provtillfallen/nytt", (c) => renderNewSession(c, c.req.param("id")));
  app.post("/examinationscenter/:id/provtillfallen/nytt", newSession);

  app.get("/provtillfallen/:id", (c) => renderSessionPage(c, "examinator", c.req.param("id")));
  app.post("/provtillfallen/:id/anmal", async (c) => {
    const { values } = await postedForm(c);
    const candidate = (values.kandidat ?? "").slice(0, 300);
    return act(
      c,
      "anmal",
      async () => ((await registerCandidate(c.var.deps, c.var.user!, { sessionId: c.req.param("id"), candidate })).started ? "startad" : "anmald"),
      { kandidat: candidate },
    );
  });
  app.post("/provtillfallen/:id/anmalningar/:registrationId/aterkalla", (c) =>
    act(c, "aterkalla", async () => {
      await cancelRegistration(c.var.deps, c.var.user!, { sessionId: c.req.param("id"), registrationId: c.req.param("registrationId") });
      return "aterkallad";
    }),
  );
  app.post(
    "/provtillfallen/:id/protokoll",
    bodyLimit({ maxSize: PROTOCOL_BODY, onError: (c) => renderSessionPage(c as Ctx, "examinator", c.req.param("id")!, { form: "protokoll", message: t("exam.fileTooLarge"), errors: { fil: t("exam.fileTooLarge") } }, 413) }),
    async (c) => {
      const { files } = await postedForm(c);
      const file = own(files, "fil");
      return act(c, "protokoll", async () => {
        if (!file) throw new Invalid({ fil: t("exam.chooseProtocol") });
        await uploadProtocol(c.var.deps, c.var.user!, { sessionId: c.req.param("id"), file: { bytes: new Uint8Array(await file.arrayBuffer()), originalName: file.name, declaredType: file.type } });
        return "protokoll";
      });
    },
  );
  app.get("/provtillfallen/:id/anmalningar/:registrationId/ratta", (c) => renderCorrectPage(c, c.req.param("id"), c.req.param("registrationId")));
  app.post("/provtillfallen/:id/anmalningar/:registrationId/ratta", async (c) => {
    const sessionId = c.req.param("id");
    const registrationId = c.req.param("registrationId");
    const { values } = await postedForm(c);
    const { parts } = await getSession(c.var.deps.db, c.var.user!, sessionId);
    const { entries } = entriesFrom(values, registrationId, parts);
    try {
      const { changed } = await correctResult(c.var.deps, c.var.user!, { sessionId, row: { registrationId, entries }, reason: (own(values, "skal") ?? "").slice(0, 2000) });
      return redirectAfterPost(c, `${sessionUrl(sessionId)}?klart=${changed ? "rattat" : "orattat"}#kandidater`);
    } catch (e) {
      const status: ContentfulStatusCode | null = e instanceof Invalid ? 422 : e instanceof Conflict ? 409 : e instanceof Forbidden ? 403 : null;
      if (status === null) throw e;
      const errors = e instanceof Invalid && Object.keys(e.fields).length ? e.fields : undefined;
      return renderCorrectPage(c, sessionId, registrationId, { values, errors, message: errors ? undefined : (e as Error).message }, status);
    }
  });
  app.get("/provtillfallen/:id/protokoll", async (c) => {
    const f = await readProtocol(c.var.deps, c.var.user!, c.req.param("id"));
    return c.body(new Uint8Array(f.bytes), 200, downloadHeaders(f));
  });
  app.post("/provtillfallen/:id/resultat", async (c) => {
    const { values } = await postedForm(c);
    return act(
      c,
      "resultat",
      async () => {
        await recordResults(c.var.deps, c.var.user!, { sessionId: c.req.param("id"), rows: await resultRows(c, values) });
        return "resultat";
      },
      values,
    );
  });
  app.post(
    "/provtillfallen/:id/resultat/import",
    bodyLimit({ maxSize: CSV_BODY, onError: (c) => renderSessionPage(c as Ctx, "examinator", c.req.param("id")!, { form: "import", message: t("exam.csv.tooLarge", MAX_CSV_BYTES / 1024) }, 413) }),
    async (c) => {
      const { files } = await postedForm(c);
      const file = own(files, "fil");
      return act(c, "import", async () => {
        if (!file) throw new Invalid({ fil: t("exam.chooseCsv") }, t("exam.chooseCsv"));
        await importResults(c.var.deps, c.var.user!, { sessionId: c.req.param("id"), bytes: new Uint8Array(await file.arrayBuffer()) });
        return "resultat";
      });
    },
  );
  app.get("/provtillfallen/:id/resultat/mall.csv", async (c) => {
    const { csv, filename } = await resultsTemplate(c.var.deps, c.var.user!, c.req.param("id"));
    return c.body(csv, 200, { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": contentDisposition("attachment", filename), "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store" });
  });
  return app;
}
