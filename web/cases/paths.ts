import type { AppealTarget } from "../../modules/cases/index.ts";

/** The appellant's page of their case, under Min Sida. */
export const ownCaseUrl = (caseId: string, rest = "") => `/min-sida/arenden/${caseId}${rest}`;
/** "Överklaga beslutet" for a Beslut or a Moment's Ej godkänt. */
export const appealUrl = (target: AppealTarget) => ("decisionId" in target ? `/min-sida/overklaga/beslut/${target.decisionId}` : `/min-sida/overklaga/moment/${target.momentId}`);
/** Staff's list and case pages. */
export const CASES_PATH = "/personal/arenden";
export const staffCaseUrl = (caseId: string, rest = "") => `${CASES_PATH}/${caseId}${rest}`;
/** The public complaint form. */
export const COMPLAINT_PATH = "/lamna-klagomal";
