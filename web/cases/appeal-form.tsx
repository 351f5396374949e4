// "Överklaga beslutet": the decision, its deadline, the grounds and files. A plain multipart form
// that works without JavaScript; an error answers 422 with the form again, the grounds kept.
import type { Context } from "hono";
import type { FieldErrors } from "../../lib/errors.ts";
import { Conflict, Invalid, NotFound } from "../../lib/errors.ts";
import { swedishDate, swedishLongDate } from "../../lib/dates.ts";
import { canAppeal, loadAppealTarget, MAX_TEXT, submitAppeal, type AppealTarget, type LoadedTarget } from "../../modules/cases/index.ts";
import { canActAsApplicant } from "../../modules/certification/index.ts";
import { certificateUrl } from "../certification/certificate-page.tsx";
import { processUrl } from "../certification/paths.ts";
import type { AppEnv } from "../env.ts";
import { redirectAfterPost } from "../htmx.ts";
import { page } from "../render.tsx";
import { ErrorSummary, Field } from "../views/form.tsx";
import { appealedText } from "./appeal-panel.tsx";
import { caseForm, FILE_ACCEPT, fileHint } from "./case-form.ts";
import { appealUrl, ownCaseUrl } from "./paths.ts";
import { t as tr, language } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;

/** The target from the route (NotFound for what the user may not appeal, or that is not there). */
async function targetOf(c: Ctx): Promise<{ target: AppealTarget; loaded: LoadedTarget }> {
  const target: AppealTarget = c.req.param("decisionId") ? { decisionId: c.req.param("decisionId")! } : { momentId: c.req.param("momentId")! };
  const loaded = await loadAppealTarget(c.var.deps.db, target);
  if (!loaded || !(await canActAsApplicant(c.var.deps.db, c.var.user!, loaded))) throw new NotFound();
  return { target, loaded };
}

/** Where the decision shows: the certificate page for a certificate's, the process page otherwise. */
const backOf = (t: LoadedTarget) => (t.certificateId ? { href: certificateUrl(t.certificateId), label: tr("check.c.title", t.certificateNumber ?? "") } : { href: processUrl(t.applicationId), label: tr("process.title") });

export async function appealPage(c: Ctx, form?: { values: Record<string, string>; errors?: FieldErrors; failure?: string }, status?: 409 | 413 | 422) {
  const { target, loaded } = await targetOf(c);
  const verdict = canAppeal({ ...loaded, existingCaseNumber: loaded.existing?.number ?? null }, swedishDate(c.var.deps.clock.now()));
  const back = backOf(loaded);
  const action = appealUrl(target);
  const errors = form?.errors;
  return page(
    c,
    { title: tr("appeal.button"), status },
    <section class="narrow">
      <nav class="breadcrumbs" aria-label={tr("common.breadcrumbs")}>
        <a href="/min-sida">{tr("nav.minSida")}</a> › <a href={back.href}>{back.label}</a> › {tr("appeal.button")}
      </nav>
      <h1>
        <a href={back.href} class="back-link" aria-label={tr("appeal.backTo", back.label)}>
          ←
        </a>{" "}
        {tr("appeal.button")}
      </h1>
      <dl class="details">
        <dt>{tr("appeal.decision")}</dt>
        <dd>{appealedText(loaded)}</dd>
        <dt>{tr("appeal.concerns")}</dt>
        <dd>{loaded.certificateNumber ? tr("appeal.concerns.certificate", loaded.certificateNumber, loaded.title) : tr("appeal.concerns.application", loaded.title)}</dd>
        <dt>{tr("appeal.decidedDate")}</dt>
        <dd>{swedishLongDate(loaded.decidedOn)}</dd>
        {loaded.reason ? (
          <>
            <dt>{loaded.kind === "moment" ? tr("moment.reviewerComment") : tr("common.reason")}</dt>
            <dd class="review-comment">{loaded.reason}</dd>
          </>
        ) : null}
        <dt>{tr("appeal.lastDay")}</dt>
        <dd>{swedishLongDate(verdict.deadline)}</dd>
      </dl>
      {form?.failure && (verdict.ok || form.failure !== verdict.reason) ? (
        <div class="notice notice--error" role="alert" tabindex={-1}>
          <p>{form.failure}</p>
        </div>
      ) : null}
      {!verdict.ok ? (
        <div class="notice notice--info" role="status">
          <p>
            {verdict.reason}
            {loaded.existing ? (
              <>
                {" "}
                <a href={ownCaseUrl(loaded.existing.id)}>{tr("appeal.showCase", loaded.existing.number)}</a>
              </>
            ) : null}
          </p>
        </div>
      ) : (
        <form method="post" action={action} enctype="multipart/form-data" class="form" novalidate>
          <p>{tr("appeal.form.intro")}</p>
          <ErrorSummary errors={errors} />
          <Field
            name="grunder"
            label={tr("appeal.grounds")}
            rows={8}
            required
            maxlength={MAX_TEXT}
            value={form?.values.grunder}
            errors={errors}
            hint={tr("appeal.grounds.hint", MAX_TEXT.toLocaleString(language() === "en" ? "en-GB" : "sv-SE"))}
          />
          <Field name="filer" label={tr("cases.attachFiles")} type="file" errors={errors} hint={fileHint()} attrs={{ accept: FILE_ACCEPT, multiple: "multiple" }} />
          <div class="button-row">
            <button type="submit" class="button">
              {tr("appeal.send")}
            </button>
            <a class="button button--secondary" href={back.href}>
              {tr("common.cancel")}
            </a>
          </div>
        </form>
      )}
    </section>,
  );
}

export async function submitAppealForm(c: Ctx) {
  const { target } = await targetOf(c);
  const { values, files } = await caseForm(c);
  try {
    const { caseId } = await submitAppeal(c.var.deps, c.var.user!, { target, grounds: values.grunder ?? "", files });
    return redirectAfterPost(c, ownCaseUrl(caseId, "?klart=mottaget"));
  } catch (e) {
    if (e instanceof Invalid) return appealPage(c, { values, errors: e.fields }, 422);
    if (e instanceof Conflict) return appealPage(c, { values, failure: e.message }, 409);
    throw e;
  }
}
