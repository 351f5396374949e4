// Rätta resultat: one candidate's recorded result, corrected by the centre's examinator with a
// reason (modules/examinations/correct-result.ts).
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { FieldErrors } from "../../lib/errors.ts";
import { examResultLocked } from "../../modules/certification/index.ts";
import { entryKey, getSession } from "../../modules/examinations/index.ts";
import type { AppEnv } from "../env.ts";
import { page } from "../render.tsx";
import { ErrorSummary, Field } from "../views/form.tsx";
import { centreUrl, partResultLines, sessionUrl } from "./labels.ts";
import { CandidateParts, pointsField, resultField } from "./session-page.tsx";
import { t } from "../../lib/i18n/index.ts";
import { NotFound } from "../../lib/errors.ts";

type Ctx = Context<AppEnv>;

export interface CorrectForm {
  values?: Record<string, string>;
  errors?: FieldErrors;
  message?: string;
}

export async function renderCorrectPage(c: Ctx, sessionId: string, registrationId: string, form: CorrectForm = {}, status?: ContentfulStatusCode) {
  const details = await getSession(c.var.deps.db, c.var.user!, sessionId);
  const { session, centre, parts } = details;
  const reg = details.registrations.find((r) => r.registration.id === registrationId && r.registration.status === "registered" && r.registration.result !== null);
  if (!reg) throw new NotFound();
  // The form starts from what is recorded now.
  const recorded: Record<string, string> = {};
  for (const r of reg.results) {
    recorded[resultField(reg.registration.id, r.partId)] = r.passed ? "godkand" : "ej-godkand";
    if (r.points !== null) recorded[pointsField(reg.registration.id, r.partId)] = String(r.points);
  }
  // Said before the form is filled in, not only when it is sent.
  const locked = examResultLocked(reg.applicationStatus);
  if (locked && !form.message && !form.errors) form = { ...form, message: locked };
  const values = form.values ?? recorded;
  const errors = form.errors ?? {};
  const base = sessionUrl(session.id);
  const title = t("session.correct.title", reg.name);
  const now = partResultLines(parts.map((p) => ({ part: p, result: reg.results.find((r) => r.partId === p.id) ?? null })));
  return page(
    c,
    { title, status },
    <section class="narrow">
      <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
        <a href="/min-sida">{t("nav.minSida")}</a> › <a href="/min-sida/prov">{t("minSida.tab.exams")}</a> › <a href={centreUrl(centre.id)}>{centre.name}</a> › <a href={base}>{t("session.title", session.date, session.startTime)}</a> › {t("session.correct")}
      </nav>
      <h1>{title}</h1>
      <p>{t("session.correct.intro")}</p>
      {form.message ? (
        <div class="notice notice--error" role="alert">
          <p>{form.message}</p>
        </div>
      ) : null}
      <dl class="details">
        <dt>{t("session.correct.now")}</dt>
        <dd>
          <ul class="event-details">
            {now.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        </dd>
      </dl>
      <form method="post" action={`${base}/anmalningar/${reg.registration.id}/ratta`} class="form results-form" novalidate>
        <ErrorSummary errors={form.errors} />
        <fieldset class="result-row">
          <legend>{reg.name}</legend>
          <CandidateParts registrationId={reg.registration.id} name={reg.name} parts={parts} values={values} errorOf={(partId) => errors[entryKey(reg.registration.id, partId)]} />
        </fieldset>
        <Field name="skal" label={t("session.correct.reason")} rows={3} required maxlength={1000} hint={t("session.correct.reasonHint")} value={values.skal ?? ""} errors={errors} />
        <div class="button-row">
          <button type="submit" class="button">
            {t("session.correct.save")}
          </button>
          <a class="button button--secondary" href={base}>
            {t("common.cancel")}
          </a>
        </div>
      </form>
    </section>,
  );
}
