export { reviewRequirement } from "./review-requirement.ts";
export { finalReviewChecklist, computeChecklist, type ChecklistItem } from "./final-review-checklist.ts";
export { decideApplication, ALREADY_DECIDED, type DecideInput, type DecideResult, type FinalDecision } from "./decide-application.ts";
export { suspendCertificate } from "./suspend-certificate.ts";
export { reinstateCertificate } from "./reinstate-certificate.ts";
export { withdrawCertificate } from "./withdraw-certificate.ts";
export { ALREADY_CHANGED } from "./certificate-decision.ts";
export { canReviewRequirement, canDecideApplication, canActOnCertificate, type Permission, type Parties, type ApplicationParties } from "./policy.ts";
export { loadParties, loadApplicationParties } from "./parties.ts";
