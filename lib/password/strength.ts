import { ZxcvbnFactory, type MatchExtended, type ZxcvbnResult } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { checkPasswordRule } from "./rule.ts";

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export type PasswordStrength = {
  score: StrengthScore;
  label: string;
  common: boolean;
  feedback?: string;
};

// Indexed by score. The browser script imports these constants and
// personalTerms; nothing it uses may touch the dictionaries (~400 kB), which
// esbuild then leaves out. web/client/bundle.test.ts checks the size.
export const STRENGTH_LABELS = [
  "Mycket svagt lösenord",
  "Svagt lösenord",
  "Medelstarkt lösenord",
  "Starkt lösenord",
  "Mycket starkt lösenord",
] as const;

// zxcvbn-ts returns translation keys; these are the ones it can produce as warnings.
export const STRENGTH_WARNINGS: Record<string, string> = {
  straightRow: "Tangenter i en rad på tangentbordet är lätta att gissa.",
  keyPattern: "Korta mönster på tangentbordet är lätta att gissa.",
  simpleRepeat: "Upprepade tecken som ”aaa” är lätta att gissa.",
  extendedRepeat: "Upprepade mönster som ”abcabcabc” är lätta att gissa.",
  sequences: "Följder som ”abc” eller ”123” är lätta att gissa.",
  recentYears: "Årtal från senare år är lätta att gissa.",
  dates: "Datum är lätta att gissa.",
  topTen: "Det här är ett av de tio vanligaste lösenorden.",
  topHundred: "Det här är ett av de hundra vanligaste lösenorden.",
  common: "Det här är ett vanligt lösenord.",
  similarToCommon: "Det här liknar ett vanligt lösenord.",
  wordByItself: "Ett ensamt ord är lätt att gissa.",
  namesByThemselves: "Ett ensamt namn är lätt att gissa.",
  commonNames: "Vanliga namn är lätta att gissa.",
  userInputs: "Lösenordet liknar ditt namn eller din e-postadress.",
  pwned: "Lösenordet har läckt ut i ett dataintrång.",
};

export const STRENGTH_HINT_LONGER = "Gör lösenordet längre, till exempel med några ord som inte hör ihop.";

const WORD_WITH_DIGITS_FEEDBACK = "Ett vanligt ord med siffror eller tecken före eller efter är lätt att gissa.";

export const TOO_COMMON_MESSAGE = "Lösenordet är för vanligt eller lätt att gissa. Välj ett annat.";
export const CONTAINS_PERSONAL_MESSAGE = "Lösenordet får inte innehålla ditt namn eller din e-postadress.";

// Scores below this are refused; 2 means roughly 10⁶–10⁸ guesses.
const MIN_ACCEPTED_SCORE = 2;

// Shorter names and e-mail parts ("Bo", "li") would refuse too many good passwords.
const MIN_PERSONAL_TERM_LENGTH = 3;

// A lone dictionary word this short ("a" in "a83920174") says little about guessability.
const MIN_WORD_LENGTH = 4;

let estimator: ZxcvbnFactory | undefined;
let commonPasswords: Set<string> | undefined;

// Built on first use: ranking the ~57 000 words takes noticeable time and
// memory, which a process that never checks a password should not pay.
function getEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator;
}

function getCommonPasswords(): Set<string> {
  commonPasswords ??= new Set(dictionary["passwords-common"].map((word) => String(word).toLowerCase()));
  return commonPasswords;
}

/**
 * How hard the password is to guess, for the meter and for validateNewPassword.
 * A common password is never scored above 1, so the label never praises a
 * password that validateNewPassword refuses.
 */
export function passwordStrength(password: string, userInputs: string[] = []): PasswordStrength {
  const terms = personalTerms(userInputs);
  const asTyped = assess(password, terms);
  // The word lists are mostly ASCII ("losenord"), so "Lösenord1" would look
  // random; an attacker tries both spellings, so the weaker estimate counts.
  const folded = foldDiacritics(password);
  return folded === password ? asTyped : weaker(asTyped, assess(folded, terms));
}

/**
 * The server's check of a new password: the manual's rule, not the user's own
 * name or e-mail, and not common or easy to guess.
 */
export function validateNewPassword(
  password: string,
  { userInputs = [] }: { userInputs?: string[] } = {},
): { ok: true } | { ok: false; message: string } {
  const rule = checkPasswordRule(password);
  if (!rule.ok) return { ok: false, message: rule.failures.join(" ") };

  const comparable = foldDiacritics(password.toLocaleLowerCase("sv"));
  if (personalTerms(userInputs).some((term) => comparable.includes(foldDiacritics(term)))) {
    return { ok: false, message: CONTAINS_PERSONAL_MESSAGE };
  }
  const strength = passwordStrength(password, userInputs);
  if (strength.common || strength.score < MIN_ACCEPTED_SCORE) {
    return { ok: false, message: TOO_COMMON_MESSAGE };
  }
  return { ok: true };
}

/**
 * The parts of names and e-mail addresses a password must not contain: for
 * "anna-karin.berg@example.se" that is "anna-karin.berg", "anna", "karin", "berg".
 */
export function personalTerms(userInputs: string[]): string[] {
  const terms = new Set<string>();
  for (const input of userInputs) {
    const lowered = input.trim().toLocaleLowerCase("sv");
    const at = lowered.lastIndexOf("@");
    const whole = at > 0 ? lowered.slice(0, at) : lowered;
    for (const term of [whole, ...whole.split(/[\s._+\-\d]+/)]) {
      if ([...term].length >= MIN_PERSONAL_TERM_LENGTH) terms.add(term);
    }
  }
  return [...terms];
}

function assess(password: string, terms: string[]): PasswordStrength {
  const result = getEstimator().check(password, terms);
  const wholeWord = isWholeDictionaryMatch(password, result);
  const word = wholeWord ? undefined : loneWordAmongDigitsAndSymbols(result);
  const common = wholeWord || word !== undefined;
  const score = (common ? Math.min(result.score, 1) : result.score) as StrengthScore;
  const feedback = word ? wordFeedback(word) : feedbackFor(score, result);
  return { score, label: STRENGTH_LABELS[score], common, ...(feedback ? { feedback } : {}) };
}

function weaker(a: PasswordStrength, b: PasswordStrength): PasswordStrength {
  if (a.common !== b.common) return a.common ? a : b;
  return b.score < a.score ? b : a;
}

function foldDiacritics(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "");
}

function isWholeDictionaryMatch(password: string, result: ZxcvbnResult): boolean {
  if (getCommonPasswords().has(password.toLowerCase())) return true;
  const [only] = result.sequence;
  return result.sequence.length === 1 && only.pattern === "dictionary";
}

// "Sommar2024", "Hemligt123!", "P@ssw0rd2024": one dictionary word and
// otherwise only digits and symbols. zxcvbn scores these 2–3, but cracking
// rules try exactly these additions first.
function loneWordAmongDigitsAndSymbols(result: ZxcvbnResult): MatchExtended | undefined {
  const words = result.sequence.filter((match) => match.pattern === "dictionary");
  if (words.length !== 1 || [...words[0].token].length < MIN_WORD_LENGTH) return undefined;
  const othersHaveNoLetters = result.sequence.every((match) => match === words[0] || !/\p{L}/u.test(match.token));
  return othersHaveNoLetters ? words[0] : undefined;
}

function wordFeedback(word: MatchExtended): string {
  return word.dictionaryName === "userInputs" ? STRENGTH_WARNINGS.userInputs : WORD_WITH_DIGITS_FEEDBACK;
}

function feedbackFor(score: StrengthScore, result: ZxcvbnResult): string | undefined {
  const warning = result.feedback.warning;
  if (warning && STRENGTH_WARNINGS[warning]) return STRENGTH_WARNINGS[warning];
  return score < 3 ? STRENGTH_HINT_LONGER : undefined;
}
