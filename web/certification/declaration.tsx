// Step 3, "Intyga certifikatansökan": the förbindelsetext, then "Ja". The form carries the text's
// id, so what is stored is the version the applicant read.
import type { Context } from "hono";
import { Conflict } from "../../lib/errors.ts";
import { acceptedDeclaration, canActAsApplicant, canApplicant, currentDeclaration, declare, processState } from "../../modules/certification/index.ts";
import type { AppEnv } from "../env.ts";
import { formValues } from "../form-input.ts";
import { redirectAfterPost } from "../htmx.ts";
import { formatDate } from "../views/time.ts";
import { applicationFor, subPage } from "./frame.tsx";
import { processUrl } from "./paths.ts";
import { t } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;
const heading = () => t("next.declare.button");

export async function declarationPage(c: Ctx, failure?: string, status?: 409) {
  const ctx = await applicationFor(c);
  const id = ctx.app.application.id;
  // Once intygad, the text that was accepted (a newer version may have come since).
  const accepted = ctx.app.application.declarationTextId ? await acceptedDeclaration(c.var.deps, ctx.app.application.declarationTextId) : null;
  const text = accepted ?? (await currentDeclaration(c.var.deps, ctx.app.scheme.id));
  const allowed = canApplicant(processState(ctx.app), "declare");
  const mayAct = await canActAsApplicant(c.var.deps.db, c.var.user!, ctx.app.application);
  const action = processUrl(id, "/intyga");
  return subPage(
    c,
    ctx,
    heading(),
    <>
      {failure ? (
        <div class="notice notice--error" role="alert" tabindex={-1}>
          <p>{failure}</p>
        </div>
      ) : null}
      <h2>{t("declaration.title")}</h2>
      {t("declaration.swedishOnly") ? <p class="hint">{t("declaration.swedishOnly")}</p> : null}
      <div class="prose declaration-text" tabindex={0} aria-label={t("declaration.text")} lang="sv">
        {text.text.split(/\n\s*\n/).map((p) => (
          <p>{p}</p>
        ))}
      </div>
      <p class="hint">
        {t("declaration.version", text.version)}
        {ctx.app.application.declaredAt ? t("declaration.signedOn", formatDate(ctx.app.application.declaredAt)) : ""}.
      </p>
      {mayAct && allowed.ok ? (
        <form method="post" action={action} class="form">
          <input type="hidden" name="text" value={text.id} />
          <p>
            <strong>{t("declaration.question")}</strong>
          </p>
          <div class="button-row">
            <button type="submit" class="button">
              {t("common.yes")}
            </button>
            <a class="button button--secondary" href={processUrl(id)}>
              {t("common.cancel")}
            </a>
          </div>
        </form>
      ) : (
        <p class="notice notice--info">{mayAct ? (allowed.ok ? "" : allowed.reason) : t("declaration.onlyApplicant")}</p>
      )}
    </>,
    { status },
  );
}

export async function submitDeclaration(c: Ctx) {
  const values = await formValues(c);
  const id = c.req.param("id")!;
  try {
    const { readyToSubmit } = await declare(c.var.deps, c.var.user!, { applicationId: id, declarationTextId: values.text ?? "" });
    // No invoice for the scheme: the last look comes next; otherwise Ange fakturamottagare.
    return redirectAfterPost(c, processUrl(id, readyToSubmit ? "/skicka-in" : "?klart=intygad"));
  } catch (e) {
    if (e instanceof Conflict) return declarationPage(c, e.message, 409);
    throw e;
  }
}
