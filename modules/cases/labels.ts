import type { AppealedKind, CaseKind, CaseOutcome, CaseStatus } from "../../db/schema/index.ts";

export const CASE_KIND_LABELS: Record<CaseKind, string> = { appeal: "Överklagande", complaint: "Klagomål" };

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = { received: "Mottagen", investigating: "Under utredning", decided: "Avgjord", dismissed: "Avskriven" };

export const OUTCOME_LABELS: Record<CaseOutcome, string> = { granted: "Bifallen", partly_granted: "Delvis bifallen", rejected: "Avslagen" };

/** What was appealed, as the applicant knows the decision. */
export const APPEALED_LABELS: Record<AppealedKind, string> = { refusal: "Avslag", suspension: "Suspendering (Vilande)", withdrawal: "Indragning", moment: "Ej godkänt moment" };

/** "Mottagen", "Under utredning", "Avgjord: Bifallen", "Avskriven". */
export function caseStatusText(c: { status: CaseStatus; outcome: CaseOutcome | null }): string {
  return c.status === "decided" && c.outcome ? `Avgjord: ${OUTCOME_LABELS[c.outcome]}` : CASE_STATUS_LABELS[c.status];
}

/** "Ärende 1001". */
export const caseTitle = (c: { number: number }) => `Ärende ${c.number}`;
