// The password rule from the user manual. The page lists PASSWORD_REQUIREMENTS
// and the browser script ticks them off, so the texts live here once.

export type PasswordRequirementId = "length" | "letter" | "digit";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

export const PASSWORD_REQUIREMENTS: readonly { id: PasswordRequirementId; text: string }[] = [
  { id: "length", text: `Minst ${PASSWORD_MIN_LENGTH} och högst ${PASSWORD_MAX_LENGTH} tecken långt.` },
  { id: "letter", text: "Innehåller minst en bokstav (a - ö)." },
  { id: "digit", text: "Innehåller minst en siffra." },
];

export type PasswordRuleResult = {
  ok: boolean;
  /** Swedish messages for the form, one per unmet requirement. */
  failures: string[];
  /** The ids of PASSWORD_REQUIREMENTS that are not met, in list order. */
  unmet: PasswordRequirementId[];
};

// "a - ö" in the manual means the Swedish alphabet, not every Unicode letter.
const SWEDISH_LETTER = /[a-zA-ZåäöÅÄÖ]/;
const DIGIT = /[0-9]/;

export function checkPasswordRule(password: string): PasswordRuleResult {
  // Code points, so an emoji or a letter outside the BMP counts as one character.
  const length = [...password].length;
  const failures: string[] = [];
  const unmet: PasswordRequirementId[] = [];

  if (length < PASSWORD_MIN_LENGTH) {
    unmet.push("length");
    failures.push(`Lösenordet är för kort: det ska vara minst ${PASSWORD_MIN_LENGTH} tecken (nu ${length}).`);
  } else if (length > PASSWORD_MAX_LENGTH) {
    unmet.push("length");
    failures.push(`Lösenordet är för långt: det får vara högst ${PASSWORD_MAX_LENGTH} tecken (nu ${length}).`);
  }
  if (!SWEDISH_LETTER.test(password)) {
    unmet.push("letter");
    failures.push("Lösenordet ska innehålla minst en bokstav (a–ö).");
  }
  if (!DIGIT.test(password)) {
    unmet.push("digit");
    failures.push("Lösenordet ska innehålla minst en siffra (0–9).");
  }
  return { ok: unmet.length === 0, failures, unmet };
}
