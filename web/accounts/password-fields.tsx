import type { FieldErrors } from "../../lib/errors.ts";
import { PASSWORD_REQUIREMENTS } from "../../lib/password/rule.ts";
import { Field } from "../views/form.tsx";

/** "Lösenordskrav", the new password with its strength shown while typing, and the repeat. */
export const NewPasswordFields = ({ errors }: { errors?: FieldErrors }) => (
  <>
    <h2 id="krav">Lösenordskrav</h2>
    <ul class="requirements" aria-labelledby="krav">
      {PASSWORD_REQUIREMENTS.map((r) => (
        <li data-requirement={r.id}>{r.text}</li>
      ))}
      <li>Får inte vara ett vanligt eller lättgissat lösenord.</li>
    </ul>
    <Field name="next" label="Nytt lösenord" type="password" required errors={errors} autocomplete="new-password" maxlength={200} attrs={{ "data-password-strength": "strength", "data-password-meter": "strength-meter" }}>
      <p class="strength">
        <meter id="strength-meter" min="0" max="4" value="0" aria-label="Lösenordets styrka"></meter> <output id="strength" for="f-next" aria-live="polite"></output>
      </p>
    </Field>
    <Field name="repeat" label="Nytt lösenord (igen)" hint="Upprepa det nya lösenordet för att kontrollera att du inte skrivit fel" type="password" required errors={errors} autocomplete="new-password" maxlength={200} />
  </>
);
