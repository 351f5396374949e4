import type { AppealedKind, CaseKind, CaseOutcome, CaseStatus } from "../../db/schema/index.ts";
import { t, labels } from "../../lib/i18n/index.ts";

export const CASE_KIND_LABELS: Record<CaseKind, string> = labels({ appeal: "caseKind.appeal", complaint: "caseKind.complaint" });

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = labels({ received: "caseStatus.received", investigating: "caseStatus.investigating", decided: "caseStatus.decided", dismissed: "caseStatus.dismissed" });

export const OUTCOME_LABELS: Record<CaseOutcome, string> = labels({ granted: "caseOutcome.granted", partly_granted: "caseOutcome.partly_granted", rejected: "caseOutcome.rejected" });

/** What was appealed, as the applicant knows the decision. */
export const APPEALED_LABELS: Record<AppealedKind, string> = labels({ refusal: "appealed.refusal", suspension: "appealed.suspension", withdrawal: "appealed.withdrawal", moment: "appealed.moment" });

/** "Mottagen", "Under utredning", "Avgjord: Bifallen", "Avskriven". */
export function caseStatusText(c: { status: CaseStatus; outcome: CaseOutcome | null }): string {
  return c.status === "decided" && c.outcome ? t("caseStatus.decidedAs", OUTCOME_LABELS[c.outcome]) : CASE_STATUS_LABELS[c.status];
}

/** "Ärende 1001". */
export const caseTitle = (c: { number: number }) => t("case.title", c.number);
