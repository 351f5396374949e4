// The confirm step for what cannot be undone (Bevilja och utfärda, Avslå, Dra in, Avsluta, Ta
// bort): the first post of the form, checked but not carried out, answers with this page, which
// names the consequence and carries the form's values on. The same button posts them again with
// `bekraftat=ja`, and only then does it happen. A plain form post: it works without JavaScript.
import type { Child } from "hono/jsx";
import { t } from "../../lib/i18n/index.ts";

const FIELD = "bekraftat";

/** Whether the post is the one from the confirm step. */
export const isConfirmed = (values: Record<string, string | undefined>) => values[FIELD] === "ja";

export interface ConfirmProps {
  /** e.g. "Bevilja och utfärda?" */
  heading: string;
  /** What will happen, in words: one sentence each. */
  consequences: Child[];
  /** Where the form posts (the action's own route). */
  action: string;
  /** The values of the first post, carried on as hidden fields (a list for a repeated name). */
  values: Record<string, string | string[]>;
  /** The same text as the button that was pressed. */
  button: string;
  danger?: boolean;
  /** Back to where the person came from, nothing done. */
  cancel: string;
  breadcrumbs?: Child;
  /** False where another person can put it back (an admin removed): no "cannot be undone". */
  irreversible?: boolean;
}

export const ConfirmStep = (p: ConfirmProps) => (
  <section class="narrow confirm-step" aria-labelledby="bekrafta-rubrik">
    {p.breadcrumbs}
    <h1 id="bekrafta-rubrik">{p.heading}</h1>
    <div class="notice notice--warning">
      <ul class="consequences">
        {p.consequences.map((c) => (
          <li>{c}</li>
        ))}
      </ul>
      {p.irreversible === false ? null : (
        <p>
          <strong>{t("confirm.cannotUndo")}</strong>
        </p>
      )}
    </div>
    <form method="post" action={p.action} class="form">
      {Object.entries(p.values)
        .filter(([k]) => k !== FIELD)
        .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((one) => <input type="hidden" name={k} value={one} />))}
      <input type="hidden" name={FIELD} value="ja" />
      <div class="button-row">
        <button type="submit" class={p.danger ? "button button--danger" : "button"}>
          {p.button}
        </button>
        <a class="button button--secondary" href={p.cancel}>
          {t("common.cancel")}
        </a>
      </div>
    </form>
  </section>
);
