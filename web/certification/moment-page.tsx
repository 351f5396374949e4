// "Ladda upp fil" for one Moment: what it asks for, the reviewer's comment after Ej godkänt, the
// files uploaded so far, and the upload form (PDF, JPEG, PNG or WebP, at most 20 MB).
import type { Context } from "hono";
import { Conflict, Invalid, NotFound, type FieldErrors } from "../../lib/errors.ts";
import { DEFAULT_MAX_UPLOAD_BYTES } from "../../lib/uploads/accept-upload.ts";
import { canActAsApplicant, canApplicant, listMomentFiles, processState, REQUIREMENT_LABELS, requirementTransition, uploadEvidence } from "../../modules/certification/index.ts";
import type { AppEnv } from "../env.ts";
import { formWithFiles } from "../form-input.ts";
import { redirectAfterPost } from "../htmx.ts";
import { ErrorSummary, Field } from "../views/form.tsx";
import { Icon } from "../views/icons.tsx";
import { formatDateTime } from "../views/time.ts";
import { applicationFor, subPage } from "./frame.tsx";
import { processUrl } from "./paths.ts";
import { swedishDate } from "../../lib/dates.ts";
import { MomentAppeal, momentAppealOption } from "../cases/appeal-panel.tsx";
import { t } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;

const FILE = "fil";
// The file may be 20 MB; a bigger body is refused unread (see the route's bodyLimit).
export const MAX_BODY_BYTES = DEFAULT_MAX_UPLOAD_BYTES + 1024 * 1024;
export const tooLarge = () => t("moment.tooLarge");

const TYPE_NAMES: Record<string, string> = { pdf: "PDF", jpeg: "JPEG", png: "PNG", webp: "WebP" };
const ACCEPT: Record<string, string> = { pdf: "application/pdf,.pdf", jpeg: "image/jpeg,.jpg,.jpeg", png: "image/png,.png", webp: "image/webp,.webp" };

const UploadForm = ({ action, types, errors }: { action: string; types: string[]; errors?: FieldErrors }) => (
  <form method="post" action={action} enctype="multipart/form-data" hx-post={action} hx-target="this" hx-swap="outerHTML" class="form" novalidate>
    <ErrorSummary errors={errors} />
    <Field
      name={FILE}
      label={t("moment.file")}
      type="file"
      required
      errors={errors}
      hint={t("moment.file.hint", types.map((type) => TYPE_NAMES[type] ?? type).join(", "))}
      attrs={{ accept: types.map((type) => ACCEPT[type] ?? "").join(",") }}
    />
    <div class="button-row">
      <button type="submit" class="button">
        <Icon name="upload" /> {t("moment.upload")}
      </button>
    </div>
  </form>
);

export async function momentPage(c: Ctx, errors?: FieldErrors, status?: 409 | 413 | 422) {
  const ctx = await applicationFor(c);
  const { app } = ctx;
  const moment = app.moments.find((m) => m.moment.id === c.req.param("momentId"));
  if (!moment) throw new NotFound();
  const id = app.application.id;
  const action = processUrl(id, `/moment/${moment.moment.id}`);
  const types = moment.requirement.acceptedTypes.split(",");
  const mayAct = await canActAsApplicant(c.var.deps.db, c.var.user!, app.application);
  const open = canApplicant(processState(app), "upload");
  const move = requirementTransition(moment.moment.status, "upload");
  const files = await listMomentFiles(c.var.deps.db, moment.moment.id);
  const appeal = mayAct && moment.moment.status === "rejected" ? await momentAppealOption(c.var.deps.db, moment.moment.id, swedishDate(c.var.deps.clock.now())) : null;
  const form = mayAct && open.ok && move.ok ? <UploadForm action={action} types={types} errors={errors} /> : null;
  return subPage(
    c,
    ctx,
    moment.requirement.name,
    <>
      {moment.requirement.description ? (
        <p class="lead" lang="sv">
          {moment.requirement.description}
        </p>
      ) : null}
      <dl class="details">
        <dt>{t("cert.status")}</dt>
        <dd>{REQUIREMENT_LABELS[moment.moment.status]}</dd>
        {moment.moment.status === "rejected" && moment.moment.reviewComment ? (
          <>
            <dt>{t("moment.reviewerComment")}</dt>
            <dd class="review-comment">{moment.moment.reviewComment}</dd>
          </>
        ) : null}
        <MomentAppeal option={appeal} />
        {moment.requirement.templateDocumentId ? (
          <>
            <dt>{t("moment.col.template")}</dt>
            <dd>
              <a href={`/min-sida/filmallar/${moment.requirement.id}`}>{t("moment.template.download")}</a>
            </dd>
          </>
        ) : null}
      </dl>
      {form ?? (
        <p class="notice notice--info">{!mayAct ? t("moment.onlyApplicant") : !open.ok ? open.reason : move.ok ? "" : move.reason}</p>
      )}
      <h2>{t("moment.files")}</h2>
      {files.length ? (
        <ul>
          {files.map((f) => (
            <li>
              <a href={processUrl(id, `/filer/${f.documentId}`)}>{f.name}</a> <span class="muted">({formatDateTime(f.uploadedAt)})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("moment.noFiles")}</p>
      )}
    </>,
    { status, form },
  );
}

export async function uploadMomentFile(c: Ctx) {
  const { files } = await formWithFiles(c);
  const file = files[FILE];
  if (!file) return momentPage(c, { [FILE]: t("moment.chooseFile") }, 422);
  try {
    await uploadEvidence(c.var.deps, c.var.user!, {
      applicationId: c.req.param("id")!,
      momentId: c.req.param("momentId")!,
      file: { bytes: new Uint8Array(await file.arrayBuffer()), originalName: file.name, declaredType: file.type },
    });
  } catch (e) {
    if (e instanceof Invalid) return momentPage(c, { [FILE]: Object.values(e.fields).join(" ") }, 422);
    if (e instanceof Conflict) return momentPage(c, { [FILE]: e.message }, 409);
    throw e;
  }
  return redirectAfterPost(c, processUrl(c.req.param("id")!, "?klart=uppladdad"));
}
