// The scheme's Förbindelsetext tab: the current version as applicants read it, a new version to
// publish, and the earlier versions. A published text is never edited (applications point at it).
import type { Context } from "hono";
import { getScheme, listDeclarationTexts, publishDeclarationText } from "../../../modules/catalogue/index.ts";
import type { AppEnv } from "../../env.ts";
import { formValues } from "../../form-input.ts";
import { redirectAfterPost } from "../../htmx.ts";
import { formPage } from "../../render.tsx";
import { Field } from "../../views/form.tsx";
import { formatDateTime } from "../../views/time.ts";
import { attempt, type Failure } from "./attempt.ts";
import { Buttons, CatalogueForm } from "./form-parts.tsx";
import { schemeFrame, schemePageTitle, schemeUrl } from "./frame.tsx";
import { language, t } from "../../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;

/** Paragraphs as the applicant's Intyga page shows them. */
const DeclarationText = ({ text, label }: { text: string; label: string }) => (
  <div class="prose declaration-text" tabindex={0} aria-label={label} lang={language() === "en" ? "sv" : undefined}>
    {text.split(/\n\s*\n/).map((p) => (
      <p>{p}</p>
    ))}
  </div>
);

export async function declarationTab(c: Ctx, values?: { text?: string }, failure?: Failure) {
  const { db } = c.var.deps;
  const ctx = await getScheme(db, c.req.param("id")!);
  const [current, ...earlier] = await listDeclarationTexts(db, ctx.scheme.id);
  const action = schemeUrl(ctx.scheme.id, "/forbindelsetext");
  const next = (current?.version ?? 0) + 1;
  return formPage(
    c,
    { title: schemePageTitle(ctx.scheme, "forbindelsetext"), status: failure?.status },
    <CatalogueForm action={action} errors={failure?.errors} message={failure?.message} label={t("catalogue.decl.publish")}>
      <Field
        name="text"
        label={t("catalogue.decl.new")}
        required
        rows={16}
        value={values?.text ?? current?.text ?? ""}
        errors={failure?.errors}
        maxlength={20000}
        hint={t("catalogue.decl.hint", next)}
      />
      <Buttons submit={t("catalogue.decl.publish")} />
    </CatalogueForm>,
    (form) =>
      schemeFrame(
        c,
        ctx,
        "forbindelsetext",
        <>
          <section aria-labelledby="gallande" class="narrow">
            <h2 id="gallande">{t("catalogue.decl.current")}</h2>
            {current ? (
              <>
                <p class="hint">
                  {t("catalogue.decl.published", current.version, formatDateTime(current.createdAt))}.
                </p>
                <DeclarationText text={current.text} label={t("catalogue.decl.label", current.version)} />
              </>
            ) : (
              <p>{t("catalogue.decl.none")}</p>
            )}
          </section>
          <section aria-labelledby="publicera" class="narrow">
            <h2 id="publicera">{t("catalogue.decl.publish")}</h2>
            <p>
              {t("catalogue.decl.never")}
            </p>
            {form}
          </section>
          <section aria-labelledby="tidigare" class="narrow">
            <h2 id="tidigare">{t("catalogue.decl.earlier")}</h2>
            {earlier.length ? (
              earlier.map((v) => (
                <details>
                  <summary>
                    {t("catalogue.decl.published", v.version, formatDateTime(v.createdAt))}
                  </summary>
                  <DeclarationText text={v.text} label={t("catalogue.decl.label", v.version)} />
                </details>
              ))
            ) : (
              <p>{t("catalogue.decl.noEarlier")}</p>
            )}
          </section>
        </>,
      ),
  );
}

export async function submitDeclarationText(c: Ctx) {
  const values = await formValues(c);
  const schemeId = c.req.param("id")!;
  const result = await attempt(() => publishDeclarationText(c.var.deps, c.var.user!, { schemeId, text: values.text ?? "" }));
  if (!result.ok) return declarationTab(c, values, result);
  return redirectAfterPost(c, `${schemeUrl(schemeId, "/forbindelsetext")}?klart=publicerad`);
}
