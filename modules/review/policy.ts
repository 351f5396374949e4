import type { Actor, Role } from "../deps.ts";
import { t } from "../../lib/i18n/index.ts";

/**
 * Who may review and decide. Pure functions over what the caller has loaded (see parties.ts), so
 * the rules read in one place and are tested as a matrix. A refusal says why, in the reader's language.
 */

export type Permission = { ok: true } | { ok: false; reason: string };

/** The people and companies around an application or a certificate. */
export interface Parties {
  /** The applicant or holder, one of the two. */
  personId: string | null;
  companyId: string | null;
  /** Companies that employ the person applicant today: their admins are the applicant's colleagues. */
  employerIds: readonly string[];
  /** Companies the acting user is certifikatsadministratör of. */
  actorAdminOf: readonly string[];
}

export interface ApplicationParties extends Parties {
  /** The scheme asks that the decider is not who approved the evidence. */
  fourEyes: boolean;
  /** Users who approved one of the application's Moment. */
  approvedByUserIds: readonly string[];
  /** Users who examined the applicant in the application's exam (registered them or entered the result). */
  examinedByUserIds: readonly string[];
}

const ALLOWED = { ok: true } as const;
const deny = (reason: string): Permission => ({ ok: false, reason });
const hasRole = (actor: Actor, ...roles: Role[]) => actor.roles.some((r) => roles.includes(r));

/** Reviewers (and admins) review evidence, never their own or their own company's. */
export function canReviewRequirement(actor: Actor, parties: Parties, file: { uploadedByUserId: string | null }): Permission {
  if (!hasRole(actor, "reviewer", "admin")) return deny(t("review.deny.reviewRole"));
  if (parties.personId !== null && parties.personId === actor.personId) return deny(t("review.deny.ownEvidence"));
  if (parties.companyId !== null && parties.actorAdminOf.includes(parties.companyId)) return deny(t("review.deny.companyEvidence"));
  if (file.uploadedByUserId !== null && file.uploadedByUserId === actor.userId) return deny(t("review.deny.ownUpload"));
  return ALLOWED;
}

/**
 * Deciders (and admins) decide, impartially: not on their own or their company's, not where they
 * examined the applicant, and under four eyes where the scheme asks for it.
 */
export function canDecideApplication(actor: Actor, parties: ApplicationParties): Permission {
  if (!hasRole(actor, "decider", "admin")) return deny(t("review.deny.decideRole"));
  const partial = impartiality(actor, parties, "application");
  if (!partial.ok) return partial;
  if (actor.userId !== null && parties.examinedByUserIds.includes(actor.userId)) {
    return deny(t("review.deny.examined"));
  }
  if (parties.fourEyes && actor.userId !== null && parties.approvedByUserIds.includes(actor.userId)) {
    return deny(t("review.deny.fourEyes"));
  }
  return ALLOWED;
}

/** Suspend, reinstate and withdraw: deciders and admins, never on their own or their company's. */
export function canActOnCertificate(actor: Actor, parties: Parties): Permission {
  if (!hasRole(actor, "decider", "admin")) return deny(t("review.deny.certificateRole"));
  return impartiality(actor, parties, "certificate");
}

function impartiality(actor: Actor, parties: Parties, own: "application" | "certificate"): Permission {
  if (parties.personId !== null && parties.personId === actor.personId) return deny(own === "application" ? t("review.deny.ownApplication") : t("review.deny.ownCertificate"));
  if (parties.companyId !== null && parties.actorAdminOf.includes(parties.companyId)) return deny(t("review.deny.companyDecide"));
  // A company certificate rests on its employees' person certificates: its admin must not decide on them.
  if (parties.employerIds.some((c) => parties.actorAdminOf.includes(c))) return deny(t("review.deny.colleague"));
  return ALLOWED;
}
