// Form controls beyond Field (web/views/form.tsx): a select, radio buttons and checkboxes, each
// with a real label, a hint and the error wired together as Field does it.
import type { Child } from "hono/jsx";
import type { FieldErrors } from "../../lib/errors.ts";
import { described, ErrorText, FieldLabel, Hint } from "./form.tsx";

export const SelectField = (p: { name: string; label: string; value?: string; options: { value: string; label: string }[]; errors?: FieldErrors; hint?: string; required?: boolean; placeholder?: string }) => {
  const id = `f-${p.name}`;
  const error = p.errors?.[p.name];
  return (
    <div class={error ? "field field--error" : "field"}>
      <FieldLabel id={id} label={p.label} required={p.required} />
      <Hint id={id} hint={p.hint} />
      <select id={id} name={p.name} required={p.required} aria-invalid={error ? "true" : undefined} aria-describedby={described(id, p.hint, error)}>
        {p.placeholder ? (
          <option value="" selected={!p.value}>
            {p.placeholder}
          </option>
        ) : null}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText id={id} error={error} />
    </div>
  );
};

/** Radio buttons in a fieldset whose legend names the choice; the first button carries the id the error summary links to. */
export const RadioField = (p: { name: string; legend: string; value?: string; options: { value: string; label: string }[]; errors?: FieldErrors; hint?: string }) => {
  const id = `f-${p.name}`;
  const error = p.errors?.[p.name];
  return (
    <fieldset class={`radio-group radio-group--inline${error ? " field--error" : ""}`} aria-describedby={described(id, p.hint, error)}>
      <legend>{p.legend}</legend>
      <Hint id={id} hint={p.hint} />
      {p.options.map((o, i) => (
        <label>
          <input type="radio" id={i === 0 ? id : `${id}-${o.value.toLowerCase()}`} name={p.name} value={o.value} checked={o.value === p.value} />
          <span>{o.label}</span>
        </label>
      ))}
      <ErrorText id={id} error={error} />
    </fieldset>
  );
};

/** One checkbox sending "1" when ticked; an unticked box sends nothing, which reads as no. */
export const CheckboxField = (p: { name: string; label: string; checked: boolean; errors?: FieldErrors; hint?: string; id?: string; value?: string }) => {
  const id = p.id ?? `f-${p.name}`;
  const error = p.errors?.[p.name];
  return (
    <div class={error ? "field field--error" : "field"}>
      <div class="checkbox">
        <input type="checkbox" id={id} name={p.name} value={p.value ?? "1"} checked={p.checked} aria-invalid={error ? "true" : undefined} aria-describedby={described(id, p.hint, error)} />
        <label for={id}>{p.label}</label>
      </div>
      <Hint id={id} hint={p.hint} />
      <ErrorText id={id} error={error} />
    </div>
  );
};

/**
 * Several checkboxes for one answer, e.g. the accepted file types. Each ticked box sends
 * `name_value=1`, or with `asList` `name=value`, read as a list of the ticked values.
 */
export const CheckboxGroup = (p: { name: string; legend: string; options: { value: string; label: string }[]; checked: readonly string[]; errors?: FieldErrors; hint?: string; asList?: boolean; children?: Child }) => {
  const id = `f-${p.name}`;
  const error = p.errors?.[p.name];
  return (
    <fieldset class={error ? "field field--error" : "field"} aria-describedby={described(id, p.hint, error)}>
      <legend>{p.legend}</legend>
      <Hint id={id} hint={p.hint} />
      {p.options.map((o, i) => {
        const boxId = i === 0 ? id : `${id}-${o.value}`;
        return (
          <div class="checkbox">
            <input type="checkbox" id={boxId} name={p.asList ? p.name : `${p.name}_${o.value}`} value={p.asList ? o.value : "1"} checked={p.checked.includes(o.value)} />
            <label for={boxId}>{o.label}</label>
          </div>
        );
      })}
      <ErrorText id={id} error={error} />
    </fieldset>
  );
};
