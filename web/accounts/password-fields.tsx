import type { FieldErrors } from "../../lib/errors.ts";
import { checkPasswordRule, PASSWORD_REQUIREMENTS } from "../../lib/password/rule.ts";
import { Field } from "../views/form.tsx";

/** One requirement, with its state in words where it is known (after a rejected password). */
const Requirement = ({ id, text, met }: { id: string; text: string; met?: boolean }) => (
  <li data-requirement={id} data-met={met === undefined ? undefined : String(met)}>
    {text}
    {met === undefined ? null : (
      <span class="visually-hidden" data-requirement-status="">
        {met ? " (uppfyllt)" : " (ej uppfyllt)"}
      </span>
    )}
  </li>
);

/**
 * "Lösenordskrav", the new password with its strength shown while typing, and the repeat. After a
 * rejected password (`submitted`, never echoed into the page) the list says which requirement it
 * failed: a common password met the three rules, and only "vanligt" is marked as not met.
 */
export const NewPasswordFields = ({ errors, submitted }: { errors?: FieldErrors; submitted?: string }) => {
  const judged = errors?.next && submitted ? checkPasswordRule(submitted) : null;
  return (
    <>
      <h2 id="krav">Lösenordskrav</h2>
      <ul class="requirements" aria-labelledby="krav" data-judged={judged ? "true" : undefined}>
        {PASSWORD_REQUIREMENTS.map((r) => (
          <Requirement id={r.id} text={r.text} met={judged ? !judged.unmet.includes(r.id) : undefined} />
        ))}
        <Requirement id="common" text="Får inte vara ett vanligt eller lättgissat lösenord." met={judged?.ok ? false : undefined} />
      </ul>
      <Field name="next" label="Nytt lösenord" type="password" required errors={errors} autocomplete="new-password" maxlength={200} attrs={{ "data-password-strength": "strength", "data-password-meter": "strength-meter" }}>
        <p class="strength">
          <meter id="strength-meter" min="0" max="4" value="0" aria-label="Lösenordets styrka"></meter> <output id="strength" for="f-next" aria-live="polite"></output>
        </p>
      </Field>
      <Field name="repeat" label="Nytt lösenord (igen)" hint="Upprepa det nya lösenordet för att kontrollera att du inte skrivit fel" type="password" required errors={errors} autocomplete="new-password" maxlength={200} />
    </>
  );
};
