import type { Child, FC } from "hono/jsx";
import type { FieldErrors } from "../../lib/errors.ts";
import { t } from "../../lib/i18n/index.ts";

export interface FieldProps {
  name: string;
  label: string;
  type?: string;
  value?: string | null;
  errors?: FieldErrors;
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  inputmode?: "numeric" | "email" | "tel" | "text";
  maxlength?: number;
  autofocus?: boolean;
  /** Extra attributes for the input, e.g. data-password-strength. */
  attrs?: Record<string, string>;
  /** Where one form field appears many times on a page (a form per table row): a unique id. */
  id?: string;
  /** A textarea with this many rows instead of an input. */
  rows?: number;
  children?: Child;
}

/** The ids a control's aria-describedby names: its hint's and its error's, as they are shown. */
export const described = (id: string, hint: unknown, error: unknown) => [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

/** A control's label, with the * of a required field (hidden from screen readers: the control says required). */
export const FieldLabel = ({ id, label, required }: { id: string; label: string; required?: boolean }) => (
  <label for={id}>
    {label}
    {required ? <span class="required" aria-hidden="true"> *</span> : null}
  </label>
);

export const Hint = ({ id, hint }: { id: string; hint?: string }) =>
  hint ? (
    <p class="hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;

export const ErrorText = ({ id, error }: { id: string; error?: string }) =>
  error ? (
    <p class="error" id={`${id}-error`}>
      <span class="visually-hidden">{t("form.errorPrefix")}</span>
      {error}
    </p>
  ) : null;

/** A label, its input, a hint and the error, wired together for screen readers. */
export const Field: FC<FieldProps> = (p) => {
  const id = p.id ?? `f-${p.name}`;
  const error = p.errors?.[p.name];
  const describedBy = described(id, p.hint, error);
  return (
    <div class={error ? "field field--error" : "field"}>
      <FieldLabel id={id} label={p.label} required={p.required} />
      <Hint id={id} hint={p.hint} />
      {p.rows ? (
        <textarea id={id} name={p.name} rows={p.rows} required={p.required} maxlength={p.maxlength} autofocus={p.autofocus} aria-invalid={error ? "true" : undefined} aria-describedby={describedBy} {...(p.attrs ?? {})}>
          {p.value ?? ""}
        </textarea>
      ) : (
        <input
          id={id}
          name={p.name}
          type={p.type ?? "text"}
          value={p.type === "password" ? undefined : (p.value ?? undefined)}
          required={p.required}
          autocomplete={p.autocomplete}
          inputmode={p.inputmode}
          maxlength={p.maxlength}
          autofocus={p.autofocus}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={describedBy}
          {...(p.attrs ?? {})}
        />
      )}
      <ErrorText id={id} error={error} />
      {p.children}
    </div>
  );
};

/**
 * At the top of a form with errors: says so in words, is announced, and takes focus (autofocus:
 * the browser's on a page, htmx's after a swap), so the keyboard goes on from the errors and their
 * links to the fields rather than from a button the swap removed.
 */
export const ErrorSummary: FC<{ errors?: FieldErrors; message?: string }> = ({ errors, message }) => {
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} autofocus>
      <p>
        <strong>{message ?? t("form.needsCorrection")}</strong>
      </p>
      <ul>
        {Object.entries(errors).map(([name, text]) => (
          <li>
            <a href={`#f-${name}`}>{text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
};

export const Notice: FC<{ kind?: "info" | "success" | "warning"; children?: Child }> = ({ kind = "info", children }) => (
  <div class={`notice notice--${kind}`} role="status">
    {children}
  </div>
);

/** What the last action did: its failure (announced as an alert) or its success (a status). */
export const ActionNotices: FC<{ failure?: string; done?: string }> = ({ failure, done }) => (
  <>
    {failure ? (
      <div class="notice notice--error" role="alert" tabindex={-1}>
        <p>{failure}</p>
      </div>
    ) : null}
    {done ? (
      <div class="notice notice--success" role="status">
        <p>{done}</p>
      </div>
    ) : null}
  </>
);
