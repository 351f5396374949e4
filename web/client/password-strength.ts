// Served as /static/password-strength.js (see bundle.ts). Shows how strong a
// new password is while it is typed and ticks off the manual's requirements.
// Only a hint: the server's validateNewPassword has the word lists and decides.
//
//   <input type="password" data-password-strength="pw-strength"   (id of the label element)
//          data-password-meter="pw-meter"                         (optional; else a <meter> inside or beside the label)
//          data-password-feedback="pw-feedback"                   (optional; gets the Swedish advice)
//          data-password-user-inputs="email given-name"           (optional; ids of fields with name/e-mail)
//          data-password-texts='{"labels": […], …}'>              (optional; the words in the page's language)
//   <output id="pw-strength" aria-live="polite"></output> <meter id="pw-meter" min="0" max="4"></meter>
//   <ul><li data-requirement="length">Minst 8 och högst 200 tecken långt.</li> …</ul>
//
// The site's CSS must define .visually-hidden (the requirement status texts)
// and may style [data-score] and li[data-met].

import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs } from "@zxcvbn-ts/language-common";
import { checkPasswordRule, PASSWORD_REQUIREMENTS, type PasswordRequirementId } from "../../lib/password/rule.ts";
// Only constants and a pure function are taken from strength.ts; esbuild drops
// the rest, including its ~400 kB dictionaries (bundle.test.ts checks the size).
import { personalTerms, STRENGTH_HINT_LONGER, STRENGTH_LABELS, STRENGTH_WARNINGS, type StrengthScore } from "../../lib/password/strength.ts";

/** The words this script says; the page gives them in its language (web/accounts/password-fields.tsx). */
export interface StrengthTexts {
  labels: string[];
  warnings: Record<string, string>;
  longer: string;
  met: string;
  unmet: string;
}

/** Without the page's words: Swedish, the words of lib/password. */
const SWEDISH: StrengthTexts = { labels: [...STRENGTH_LABELS], warnings: STRENGTH_WARNINGS, longer: STRENGTH_HINT_LONGER, met: " (uppfyllt)", unmet: " (ej uppfyllt)" };

export type StrengthDescription = {
  /** null while the field is empty: nothing to rate yet. */
  score: StrengthScore | null;
  label: string;
  feedback: string;
  requirements: { id: PasswordRequirementId; met: boolean }[];
};

let estimator: ZxcvbnFactory | undefined;

// Keyboard layouts only, no word lists, to keep the script small.
function getEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ graphs: adjacencyGraphs });
  return estimator;
}

/** What to show for `password`; no DOM, so it can be tested in Node. */
export function describeStrength(password: string, userInputs: string[] = [], texts: StrengthTexts = SWEDISH): StrengthDescription {
  const unmet = checkPasswordRule(password).unmet;
  const requirements = PASSWORD_REQUIREMENTS.map(({ id }) => ({ id, met: !unmet.includes(id) }));
  if (password === "") return { score: null, label: "", feedback: "", requirements };

  const result = getEstimator().check(password, personalTerms(userInputs));
  const score = result.score as StrengthScore;
  const warning = result.feedback.warning ? texts.warnings[result.feedback.warning] : undefined;
  const feedback = warning ?? (score < 3 ? texts.longer : "");
  return { score, label: texts.labels[score] ?? "", feedback, requirements };
}

function textsOf(input: HTMLInputElement): StrengthTexts {
  try {
    return input.dataset.passwordTexts ? (JSON.parse(input.dataset.passwordTexts) as StrengthTexts) : SWEDISH;
  } catch {
    return SWEDISH;
  }
}

const INPUT_SELECTOR = "input[data-password-strength]";

function update(input: HTMLInputElement): void {
  const output = document.getElementById(input.dataset.passwordStrength ?? "");
  if (!output) return;
  const texts = textsOf(input);
  const description = describeStrength(input.value, userInputsFor(input), texts);

  labelTarget(output).textContent = description.label;
  if (description.score === null) output.removeAttribute("data-score");
  else output.dataset.score = String(description.score);

  const meter = meterFor(input, output);
  if (meter) meter.value = description.score ?? 0;

  const feedback = document.getElementById(input.dataset.passwordFeedback ?? "");
  if (feedback) feedback.textContent = description.feedback;

  const scope = input.form ?? document;
  // After a rejected password the server marked the list (ul[data-judged]): which rules the
  // password met, and that it was too common. The emptied field says nothing new, so those marks
  // stay until something is typed; then the browser takes over, and the "vanligt" verdict (only
  // the server can judge it) goes.
  const judged = [...scope.querySelectorAll<HTMLElement>("ul[data-judged]")];
  if (input.value === "" && judged.length) return;
  for (const list of judged) {
    delete list.dataset.judged;
    for (const item of list.querySelectorAll<HTMLElement>('li[data-requirement="common"]')) clearRequirement(item);
  }
  for (const { id, met } of description.requirements) {
    for (const item of scope.querySelectorAll<HTMLElement>(`li[data-requirement="${id}"]`)) {
      markRequirement(item, met, texts);
    }
  }
}

// Values of the fields named in data-password-user-inputs (ids, space
// separated), e.g. the e-mail and name typed earlier in the same form.
function userInputsFor(input: HTMLInputElement): string[] {
  const ids = (input.dataset.passwordUserInputs ?? "").split(/\s+/).filter(Boolean);
  return ids.map((id) => (document.getElementById(id) as HTMLInputElement | null)?.value ?? "").filter(Boolean);
}

// Writing textContent on an output that holds the meter would remove the meter.
function labelTarget(output: HTMLElement): HTMLElement {
  if (!output.querySelector("meter")) return output;
  let label = output.querySelector<HTMLElement>("[data-strength-label]");
  if (!label) {
    label = document.createElement("span");
    label.dataset.strengthLabel = "";
    output.append(label);
  }
  return label;
}

function meterFor(input: HTMLInputElement, output: HTMLElement): HTMLMeterElement | null {
  const id = input.dataset.passwordMeter ?? output.dataset.passwordMeter;
  const candidates = [
    id ? document.getElementById(id) : null,
    output.querySelector("meter"),
    output.nextElementSibling,
    output.previousElementSibling,
  ];
  return (candidates.find((el) => el instanceof HTMLMeterElement) as HTMLMeterElement | undefined) ?? null;
}

// Colour alone does not tell a screen reader user anything, so each item also
// gets a visually hidden status text.
function markRequirement(item: HTMLElement, met: boolean, texts: StrengthTexts): void {
  item.dataset.met = String(met);
  let status = item.querySelector<HTMLElement>("[data-requirement-status]");
  if (!status) {
    status = document.createElement("span");
    status.className = "visually-hidden";
    status.dataset.requirementStatus = "";
    item.append(status);
  }
  status.textContent = met ? texts.met : texts.unmet;
}

function clearRequirement(item: HTMLElement): void {
  delete item.dataset.met;
  item.querySelector("[data-requirement-status]")?.remove();
}

function updateAll(): void {
  document.querySelectorAll<HTMLInputElement>(INPUT_SELECTOR).forEach(update);
}

// One listener on the document also covers forms that htmx swaps in later.
function start(): void {
  document.addEventListener("input", (event) => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.matches(INPUT_SELECTOR)) update(target);
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", updateAll);
  else updateAll();
}

if (typeof document !== "undefined") start();
