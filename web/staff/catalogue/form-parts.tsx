import type { Child } from "hono/jsx";
import type { FieldErrors } from "../../../lib/errors.ts";
import { ErrorSummary } from "../../views/form.tsx";
import { t } from "../../../lib/i18n/index.ts";

/**
 * A catalogue form: a plain POST that works without JavaScript (303 after a save), and with htmx
 * the same post whose 422 answer (this form with its messages) replaces the form in place.
 */
export const CatalogueForm = (p: { action: string; errors?: FieldErrors; message?: string; multipart?: boolean; label?: string; children: Child }) => (
  <form
    method="post"
    action={p.action}
    enctype={p.multipart ? "multipart/form-data" : undefined}
    hx-post={p.action}
    hx-target="this"
    hx-swap="outerHTML"
    class="form"
    aria-label={p.label}
    novalidate
  >
    {p.message ? (
      <div class="notice notice--error" role="alert" tabindex={-1}>
        <p>{p.message}</p>
      </div>
    ) : null}
    <ErrorSummary errors={p.errors} />
    {p.children}
  </form>
);

export const Buttons = ({ submit, cancel }: { submit: string; cancel?: string }) => (
  <div class="button-row">
    <button type="submit" class="button">
      {submit}
    </button>
    {cancel ? (
      <a class="button button--secondary" href={cancel}>
        {t("common.cancel")}
      </a>
    ) : null}
  </div>
);
