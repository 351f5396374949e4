// Reviewing one Moment: the uploaded file (an image inline, a PDF only as a download), Godkänn or
// Ej godkänt with a comment, and the application's files for staff.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { swedishDate } from "../../lib/dates.ts";
import { Conflict, Forbidden, Invalid, NotFound, type FieldErrors } from "../../lib/errors.ts";
import { downloadHeaders, inlineImageHeaders } from "../../lib/uploads/download-headers.ts";
import { isImageMime } from "../../lib/uploads/file-types.ts";
import { applicantOf, listMomentFiles, loadApplication, readApplicationFile, REQUIREMENT_LABELS } from "../../modules/certification/index.ts";
import { canReviewRequirement, loadParties, reviewRequirement } from "../../modules/review/index.ts";
import { REQUIREMENT_CHIPS } from "../certification/process-page.tsx";
import type { AppEnv } from "../env.ts";
import { redirectAfterPost } from "../htmx.ts";
import { page } from "../render.tsx";
import { ErrorSummary, Field } from "../views/form.tsx";
import { formatDateTime } from "../views/time.ts";
import { Breadcrumbs, staffApplicationUrl } from "./application-paths.tsx";
import { t } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;

export async function reviewPage(c: Ctx, failure?: { message: string; errors?: FieldErrors; comment?: string }, status?: ContentfulStatusCode) {
  const { db, clock } = c.var.deps;
  const user = c.var.user!;
  const id = c.req.param("id")!;
  const app = await loadApplication(db, user, id);
  const moment = app.moments.find((m) => m.moment.id === c.req.param("momentId"));
  if (!moment) throw new NotFound();
  const [applicant, files] = await Promise.all([applicantOf(db, app.application), listMomentFiles(db, moment.moment.id)]);
  const latest = files[0];
  const parties = await loadParties(db, user, app.application, swedishDate(clock.now()));
  const may = canReviewRequirement(user, parties, { uploadedByUserId: latest?.uploadedByUserId ?? null });
  const fileUrl = (documentId: string, inline = false) => staffApplicationUrl(id, `/filer/${documentId}${inline ? "?visa=1" : ""}`);
  // From the application's page (?fran=ansokan) the way back is that page; otherwise the queue.
  const fromApplication = c.req.query("fran") === "ansokan";
  const action = staffApplicationUrl(id, `/moment/${moment.moment.id}${fromApplication ? "?fran=ansokan" : ""}`);
  return page(
    c,
    { title: t("staff.review.title", moment.requirement.name), status },
    <>
      <Breadcrumbs>
        {fromApplication ? <a href="/personal/ansokningar">{t("staff.queue.decisions")}</a> : <a href="/personal/moment">{t("staff.queue.moments")}</a>} ›{" "}
        <a href={staffApplicationUrl(id, fromApplication ? "" : "?fran=moment")}>{`${applicant.name}: ${app.scheme.name}`}</a> › {moment.requirement.name}
      </Breadcrumbs>
      <h1>{t("staff.review.heading", moment.requirement.name)}</h1>
      <p class="lead">
        {applicant.name}, <span lang="sv">{app.area.name} - {app.scheme.name}. {moment.requirement.description}</span>
      </p>
      {failure ? (
        <div class="notice notice--error" role="alert" tabindex={-1}>
          <p>{failure.message}</p>
        </div>
      ) : null}
      <dl class="details">
        <dt>{t("cert.status")}</dt>
        <dd>
          <span class={`status ${REQUIREMENT_CHIPS[moment.moment.status]}`}>{REQUIREMENT_LABELS[moment.moment.status]}</span>
        </dd>
        {moment.moment.reviewComment ? (
          <>
            <dt>{t("staff.review.comment")}</dt>
            <dd>{moment.moment.reviewComment}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="fil">
        <h2 id="fil">{t("staff.review.file")}</h2>
        {latest ? (
          isImageMime(latest.mime) ? (
            <figure class="document-preview">
              <img src={fileUrl(latest.documentId, true)} alt={t("staff.review.image", latest.name)} />
              <figcaption>
                {latest.name} ({formatDateTime(latest.uploadedAt)}) · <a href={fileUrl(latest.documentId)}>{t("staff.review.download")}</a>
              </figcaption>
            </figure>
          ) : (
            <p>
              {t("staff.review.pdf")} <strong>{latest.name}</strong> ({formatDateTime(latest.uploadedAt)}).{" "}
              <a href={fileUrl(latest.documentId)} download>
                {t("staff.review.downloadPdf")}
              </a>{" "}
              <span class="hint">{t("staff.review.pdfHint")}</span>
            </p>
          )
        ) : (
          <p>{t("staff.review.noFile")}</p>
        )}
        {files.length > 1 ? (
          <>
            <h3>{t("staff.review.earlier")}</h3>
            <ul>
              {files.slice(1).map((f) => (
                <li>
                  <a href={fileUrl(f.documentId)}>{f.name}</a> <span class="muted">({formatDateTime(f.uploadedAt)})</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {moment.moment.status === "awaiting_review" ? (
        may.ok ? (
          <form method="post" action={action} class="form" novalidate>
            <h2>{t("staff.review.review")}</h2>
            <ErrorSummary errors={failure?.errors} />
            <Field name="kommentar" label={t("staff.review.comment")} rows={4} maxlength={2000} value={failure?.comment} errors={failure?.errors} hint={t("staff.review.commentHint")} />
            <div class="button-row">
              <button type="submit" name="beslut" value="godkann" class="button">
                {t("staff.review.approve")}
              </button>
              <button type="submit" name="beslut" value="ej-godkant" class="button button--danger">
                {t("staff.review.reject")}
              </button>
            </div>
          </form>
        ) : (
          <p class="notice notice--info">{may.reason}</p>
        )
      ) : null}
    </>,
  );
}

export async function review(c: Ctx) {
  const id = c.req.param("id")!;
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const verdict = body.beslut === "godkann" ? true : body.beslut === "ej-godkant" ? false : null;
  const comment = typeof body.kommentar === "string" ? body.kommentar : "";
  if (verdict === null) return reviewPage(c, { message: t("staff.review.choose"), comment }, 422);
  try {
    await reviewRequirement(c.var.deps, c.var.user!, { applicationId: id, momentId: c.req.param("momentId")!, approve: verdict, comment });
  } catch (e) {
    if (e instanceof Invalid) return reviewPage(c, { message: Object.values(e.fields).join(" "), errors: { kommentar: Object.values(e.fields).join(" ") }, comment }, 422);
    if (e instanceof Conflict) return reviewPage(c, { message: e.message, comment }, 409);
    if (e instanceof Forbidden) return reviewPage(c, { message: e.message, comment }, 403);
    throw e;
  }
  // Back to the application with what happened and "Nästa i kön"; its way back follows the reviewer.
  const fromQueue = c.req.query("fran") !== "ansokan";
  return redirectAfterPost(c, staffApplicationUrl(id, `?klart=${verdict ? "godkant" : "ej-godkant"}${fromQueue ? "&fran=moment" : ""}`));
}

/** A file of the application: a download, or an image shown in the review page (?visa=1). */
export async function file(c: Ctx) {
  const f = await readApplicationFile(c.var.deps, c.var.user!, c.req.param("id")!, c.req.param("documentId")!);
  const inline = c.req.query("visa") === "1" && isImageMime(f.mime);
  const headers = inline && isImageMime(f.mime) ? inlineImageHeaders({ ...f, mime: f.mime }) : downloadHeaders(f);
  return c.body(new Uint8Array(f.bytes), 200, headers);
}
