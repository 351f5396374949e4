export { createCentre, type CentreInput } from "./create-centre.ts";
export { approveCentre } from "./approve-centre.ts";
export { updateCentre, type CentreUpdate } from "./update-centre.ts";
export { suspendCentre, reinstateCentre } from "./suspend-centre.ts";
export { inviteExaminator, type InviteInput } from "./invite-examinator.ts";
export { removeExaminator } from "./remove-examinator.ts";
export { createSession, MAX_SEATS, type SessionInput } from "./create-session.ts";
export { registerCandidate } from "./register-candidate.ts";
export { ACCOUNT_FIRST } from "./find-candidate.ts";
export { cancelRegistration } from "./cancel-registration.ts";
export { uploadProtocol } from "./upload-protocol.ts";
export { recordResults, entryKey } from "./record-results.ts";
export { correctResult } from "./correct-result.ts";
export { importResults, resultsTemplate, MAX_CSV_BYTES } from "./import-results.ts";
export { parseVerdict, parsePoints, describeResults, type Entry, type ResultRow, type PartSpec } from "./results.ts";
export { canManageCentres, canSeeCentre, canWorkAtCentre, canExamine, canCancelRegistration, canLetCandidatesGo, canSeeRegistration, centreStatus, type CentreStatusNow, type Membership } from "./policy.ts";
export { loadMembership } from "./membership.ts";
export { sessionLine } from "./session-facts.ts";
export {
  examinersOfApplication,
  getCentre,
  getSession,
  listApplicationExams,
  listCentreEvents,
  listCentres,
  listPersonCentres,
  listPersonRegistrations,
  listPublicCentres,
  readProtocol,
  type Centre,
  type CentreDetails,
  type CentreListRow,
  type CentreScheme,
  type ExaminatorRow,
  type PersonRegistrationRow,
  type PublicCentre,
  type RegistrationRow,
  type SessionDetails,
  type SessionListRow,
} from "./queries.ts";
