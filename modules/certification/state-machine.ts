import type { ApplicationStatus, RequirementStatus } from "../../db/schema/applications.ts";
import { labels, t } from "../../lib/i18n/index.ts";

/**
 * The rules of the certification process, without a database: which step an application is on and
 * which transitions are allowed. The operations ask these functions before they change anything,
 * and a refused transition says why in Swedish.
 */

export type RequirementAction = "upload" | "approve" | "reject";

const REQUIREMENT_TRANSITIONS: Record<RequirementStatus, Partial<Record<RequirementAction, RequirementStatus>>> = {
  awaiting_file: { upload: "awaiting_review" },
  // A newer file may replace one that nobody has reviewed yet.
  awaiting_review: { upload: "awaiting_review", approve: "approved", reject: "rejected" },
  rejected: { upload: "awaiting_review" },
  approved: {},
};

export const REQUIREMENT_LABELS: Record<RequirementStatus, string> = labels({
  awaiting_file: "momentStatus.awaiting_file",
  awaiting_review: "momentStatus.awaiting_review",
  approved: "momentStatus.approved",
  rejected: "momentStatus.rejected",
});

export const APPLICATION_LABELS: Record<ApplicationStatus, string> = labels({
  in_progress: "applicationStatus.in_progress",
  final_review: "applicationStatus.final_review",
  issued: "applicationStatus.issued",
  refused: "applicationStatus.refused",
  returned: "applicationStatus.returned",
  withdrawn: "applicationStatus.withdrawn",
});

export type Verdict<T> = { ok: true; next: T } | { ok: false; reason: string };

export function requirementTransition(from: RequirementStatus, action: RequirementAction): Verdict<RequirementStatus> {
  const next = REQUIREMENT_TRANSITIONS[from][action];
  if (next) return { ok: true, next };
  const reasons: Record<RequirementAction, string> = {
    upload: t("rule.moment.approvedAlready"),
    approve: from === "awaiting_file" ? t("rule.moment.noFileToApprove") : t("rule.moment.reviewedAlready"),
    reject: from === "awaiting_file" ? t("rule.moment.noFileToReject") : t("rule.moment.reviewedAlready"),
  };
  return { ok: false, reason: reasons[action] };
}

export const OPEN_STATUSES: readonly ApplicationStatus[] = ["in_progress", "returned", "final_review"];
/** Where the applicant can still work: upload, declare, choose who pays. */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = ["in_progress", "returned"];

export interface ProcessState {
  status: ApplicationStatus;
  requirementStatuses: RequirementStatus[];
  declared: boolean;
  invoiced: boolean;
  recipientGiven: boolean;
}

export type Step = 1 | 2 | 3 | 4 | 5;

export const STEP_NAMES: Record<Step, string> = labels({
  1: "step.1",
  2: "step.2",
  3: "step.3",
  4: "step.4",
  5: "step.5",
});

export function allApproved(s: ProcessState): boolean {
  return s.requirementStatuses.length > 0 && s.requirementStatuses.every((r) => r === "approved");
}

/** The step the applicant is on (the one to do next); 5 once issued. */
export function currentStep(s: ProcessState): Step {
  if (s.status === "issued") return 5;
  if (!allApproved(s)) return 2;
  if (!s.declared) return 3;
  if (s.invoiced && !s.recipientGiven) return 4;
  return 5;
}

/** Everything the applicant must do is done: the application goes to final review. */
export function readyForFinalReview(s: ProcessState): boolean {
  return allApproved(s) && s.declared && (!s.invoiced || s.recipientGiven);
}

/**
 * Every step is done but the applicant has not sent it yet: "Granska och skicka in" waits. (A
 * returned application that becomes ready again goes back to final review when its Moment is
 * approved; the applicant sent it once already.)
 */
export function awaitingSubmission(s: ProcessState): boolean {
  return EDITABLE_STATUSES.includes(s.status) && readyForFinalReview(s);
}

export type ApplicantAction = "upload" | "declare" | "set_recipient" | "submit" | "withdraw";

export function canApplicant(s: ProcessState, action: ApplicantAction): Verdict<null> {
  if (action === "withdraw") {
    return OPEN_STATUSES.includes(s.status) ? { ok: true, next: null } : { ok: false, reason: t("rule.closedAlready") };
  }
  if (!EDITABLE_STATUSES.includes(s.status)) {
    return { ok: false, reason: s.status === "final_review" ? t("rule.inReview") : t("rule.closed") };
  }
  if (action === "declare") {
    if (!allApproved(s)) return { ok: false, reason: t("rule.declare.notApproved") };
    if (s.declared) return { ok: false, reason: t("rule.declaredAlready") };
  }
  if (action === "set_recipient") {
    if (!s.invoiced) return { ok: false, reason: t("rule.noInvoice") };
    if (!allApproved(s) || !s.declared) return { ok: false, reason: t("rule.recipient.notYet") };
  }
  if (action === "submit" && !readyForFinalReview(s)) {
    return { ok: false, reason: s.invoiced ? t("rule.submit.invoiced") : t("rule.submit.notInvoiced") };
  }
  return { ok: true, next: null };
}

export type StaffAction = "issue" | "refuse" | "return";

export function canStaff(s: ProcessState, action: StaffAction): Verdict<ApplicationStatus> {
  if (s.status !== "final_review") return { ok: false, reason: s.status === "issued" || s.status === "refused" || s.status === "withdrawn" ? t("rule.decidedAlready") : t("rule.notReady") };
  if (action === "issue" && !readyForFinalReview(s)) return { ok: false, reason: t("rule.issue.notReady") };
  return { ok: true, next: action === "issue" ? "issued" : action === "refuse" ? "refused" : "returned" };
}
