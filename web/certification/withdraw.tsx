// "Återkalla ansökan": asked once more, with an optional reason. Nothing uploaded is deleted.
import type { Context } from "hono";
import { Conflict } from "../../lib/errors.ts";
import { canActAsApplicant, canApplicant, processState, withdrawApplication } from "../../modules/certification/index.ts";
import type { AppEnv } from "../env.ts";
import { formValues } from "../form-input.ts";
import { redirectAfterPost } from "../htmx.ts";
import { Field } from "../views/form.tsx";
import { applicationFor, subPage } from "./frame.tsx";
import { processUrl } from "./paths.ts";
import { t } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;

export async function withdrawPage(c: Ctx, failure?: string, status?: 409) {
  const ctx = await applicationFor(c);
  const id = ctx.app.application.id;
  const allowed = canApplicant(processState(ctx.app), "withdraw");
  const mayAct = await canActAsApplicant(c.var.deps.db, c.var.user!, ctx.app.application);
  return subPage(
    c,
    ctx,
    t("withdraw.title"),
    <>
      {failure ? (
        <div class="notice notice--error" role="alert" tabindex={-1}>
          <p>{failure}</p>
        </div>
      ) : null}
      {mayAct && allowed.ok ? (
        <form method="post" action={processUrl(id, "/aterkalla")} class="form">
          <p>{t("withdraw.text")}</p>
          <Field name="motivering" label={t("common.reason")} hint={t("common.optional.short")} rows={3} maxlength={1000} />
          <div class="button-row">
            <button type="submit" class="button button--danger">
              {t("withdraw.title")}
            </button>
            <a class="button button--secondary" href={processUrl(id)}>
              {t("common.cancel")}
            </a>
          </div>
        </form>
      ) : (
        <p class="notice notice--info">{mayAct ? (allowed.ok ? "" : allowed.reason) : t("withdraw.onlyApplicant")}</p>
      )}
    </>,
    { status },
  );
}

export async function submitWithdraw(c: Ctx) {
  const id = c.req.param("id")!;
  const values = await formValues(c);
  try {
    await withdrawApplication(c.var.deps, c.var.user!, { applicationId: id, reason: values.motivering ?? null });
  } catch (e) {
    if (e instanceof Conflict) return withdrawPage(c, e.message, 409);
    throw e;
  }
  return redirectAfterPost(c, processUrl(id, "?klart=aterkallad"));
}
