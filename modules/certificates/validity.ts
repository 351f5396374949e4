import { addDays, addYears } from "../../lib/dates.ts";

export interface ValidityRules {
  kind: "CERTIFICATE" | "ATTESTATION";
  validityYears: number | null;
  validUntilFromEvidence: boolean;
  recertificationYears: number | null;
}

/**
 * Giltigt till and the end of the certification cycle. A certificate issued on 15 March is valid
 * through 14 March of the year it ends: Giltigt till is the last day it is valid, so a one-year
 * certificate covers exactly one year. External certificates take the date from their document;
 * attestations do not expire.
 */
export function certificateDates(rules: ValidityRules, issuedOn: string, enteredValidUntil: string | null): { validUntil: string | null; cycleEndsOn: string | null } {
  if (rules.kind === "ATTESTATION") return { validUntil: null, cycleEndsOn: null };
  const validUntil = rules.validUntilFromEvidence ? enteredValidUntil : rules.validityYears ? lastDay(issuedOn, rules.validityYears) : null;
  const cycleEndsOn = rules.recertificationYears ? lastDay(issuedOn, rules.recertificationYears) : validUntil;
  return { validUntil, cycleEndsOn };
}

function lastDay(issuedOn: string, years: number): string {
  return addDays(addYears(issuedOn, years), -1);
}
