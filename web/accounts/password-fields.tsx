import type { FieldErrors } from "../../lib/errors.ts";
import { checkPasswordRule, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_REQUIREMENTS } from "../../lib/password/rule.ts";
import type { StrengthTexts } from "../client/password-strength.ts";
import { Field } from "../views/form.tsx";
import { t, labels } from "../../lib/i18n/index.ts";

const REQUIREMENT_TEXTS = {
  get length() {
    return t("password.req.length", PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH);
  },
  get letter() {
    return t("password.req.letter");
  },
  get digit() {
    return t("password.req.digit");
  },
};

// zxcvbn-ts's warnings (lib/password/strength.ts lists them; not imported here: its word lists load on first use).
const WARNINGS = labels({
  straightRow: "password.warning.straightRow",
  keyPattern: "password.warning.keyPattern",
  simpleRepeat: "password.warning.simpleRepeat",
  extendedRepeat: "password.warning.extendedRepeat",
  sequences: "password.warning.sequences",
  recentYears: "password.warning.recentYears",
  dates: "password.warning.dates",
  topTen: "password.warning.topTen",
  topHundred: "password.warning.topHundred",
  common: "password.warning.common",
  similarToCommon: "password.warning.similarToCommon",
  wordByItself: "password.warning.wordByItself",
  namesByThemselves: "password.warning.namesByThemselves",
  commonNames: "password.warning.commonNames",
  userInputs: "password.warning.userInputs",
  pwned: "password.warning.pwned",
});

/** What the browser script says while a password is typed, in the page's language. */
function strengthTexts(): string {
  const texts: StrengthTexts = {
    labels: [t("password.strength.0"), t("password.strength.1"), t("password.strength.2"), t("password.strength.3"), t("password.strength.4")],
    warnings: { ...WARNINGS },
    longer: t("password.hint.longer"),
    met: t("password.met"),
    unmet: t("password.unmet"),
  };
  return JSON.stringify(texts);
}

/** One requirement, with its state in words where it is known (after a rejected password). */
const Requirement = ({ id, text, met }: { id: string; text: string; met?: boolean }) => (
  <li data-requirement={id} data-met={met === undefined ? undefined : String(met)}>
    {text}
    {met === undefined ? null : (
      <span class="visually-hidden" data-requirement-status="">
        {met ? t("password.met") : t("password.unmet")}
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
      <h2 id="krav">{t("password.requirements")}</h2>
      <ul class="requirements" aria-labelledby="krav" data-judged={judged ? "true" : undefined}>
        {PASSWORD_REQUIREMENTS.map((r) => (
          <Requirement id={r.id} text={REQUIREMENT_TEXTS[r.id]} met={judged ? !judged.unmet.includes(r.id) : undefined} />
        ))}
        <Requirement id="common" text={t("password.req.common")} met={judged?.ok ? false : undefined} />
      </ul>
      <Field
        name="next"
        label={t("password.new")}
        type="password"
        required
        errors={errors}
        autocomplete="new-password"
        maxlength={200}
        attrs={{ "data-password-strength": "strength", "data-password-meter": "strength-meter", "data-password-texts": strengthTexts() }}
      >
        <p class="strength">
          <meter id="strength-meter" min="0" max="4" value="0" aria-label={t("password.strength")}></meter> <output id="strength" for="f-next" aria-live="polite"></output>
        </p>
      </Field>
      <Field name="repeat" label={t("password.repeat")} hint={t("password.repeat.hint")} type="password" required errors={errors} autocomplete="new-password" maxlength={200} />
    </>
  );
};
