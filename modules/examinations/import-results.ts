import { Forbidden, Invalid } from "../../lib/errors.ts";
import type { Actor, Deps } from "../deps.ts";
import { centreFacts } from "./membership.ts";
import { canWorkAtCentre } from "./policy.ts";
import { getSession, type SessionDetails } from "./queries.ts";
import { recordResults } from "./record-results.ts";
import { parseResultsCsv, resultsCsvTemplate, type CsvCandidate } from "./results-csv.ts";
import { t } from "../../lib/i18n/index.ts";

/** The most a results file may be: a session of a few hundred candidates fits many times over. */
export const MAX_CSV_BYTES = 100 * 1024;

const candidatesOf = (details: SessionDetails): CsvCandidate[] =>
  details.registrations
    .filter((r) => r.registration.status === "registered")
    .map((r) => ({ registrationId: r.registration.id, name: r.name, personnummer: r.person.personnummer, email: r.person.email, hasResult: r.registration.result !== null }));

/**
 * "Importera resultat (CSV)": the same results as the form, from a file. Every line is checked
 * and each error named by its line number; one wrong line and nothing is saved.
 */
export async function importResults(deps: Deps, actor: Actor & { userId: string }, input: { sessionId: string; bytes: Uint8Array }): Promise<{ recorded: number; passed: number }> {
  const details = await getSession(deps.db, actor, input.sessionId);
  const allowed = canWorkAtCentre(actor, details.membership, centreFacts(details.centre));
  if (!allowed.ok) throw new Forbidden(allowed.reason);
  if (input.bytes.length === 0) throw new Invalid({ fil: t("exam.csv.empty") });
  if (input.bytes.length > MAX_CSV_BYTES) throw new Invalid({ fil: t("exam.csv.tooLarge", MAX_CSV_BYTES / 1024) });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(input.bytes);
  } catch {
    throw new Invalid({ fil: t("exam.csv.notUtf8") });
  }
  const parsed = parseResultsCsv(text, { parts: details.parts, candidates: candidatesOf(details) });
  if (!parsed.ok) throw new Invalid(Object.fromEntries(parsed.errors.map((e, i) => [`rad-${i + 1}`, e])), t("exam.csv.errors", parsed.errors.length));
  return recordResults(deps, actor, { sessionId: details.session.id, rows: parsed.rows });
}

/** A file to fill in: a line per candidate without a result and part. */
export async function resultsTemplate(deps: Deps, actor: Actor, sessionId: string): Promise<{ csv: string; filename: string }> {
  const details = await getSession(deps.db, actor, sessionId);
  return { csv: resultsCsvTemplate(details.parts, candidatesOf(details)), filename: `resultat-${details.session.date}.csv` };
}
