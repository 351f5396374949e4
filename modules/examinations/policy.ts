import { isStaff, type Actor } from "../deps.ts";
import { t } from "../../lib/i18n/index.ts";

/**
 * Who may do what with examination centres, their provtillfällen, candidates and results. Pure
 * functions over what the caller has loaded, tested as a matrix (policy.test.ts). Being an
 * examinator is a role at one centre, never a global one: what a person may do is decided per
 * centre. Something a person may not see at all is "not found" to them (the operations throw
 * NotFound); a person who may see it but not do this gets the reason in Swedish.
 */

export type Permission = { ok: true } | { ok: false; reason: string };

/** The acting person's places: the centres where they are an active examinator. */
export interface Membership {
  examinatorAt: readonly string[];
}

/** Where a centre stands: waiting for approval, approved, or approved and suspended ("Stäng av"). */
export type CentreStatusNow = "pending" | "approved" | "suspended";

export interface CentreFacts {
  centreId: string;
  status: CentreStatusNow;
}

/** A suspension is kept beside the approval (suspended_at): an approved centre with one is suspended. */
export function centreStatus(centre: { status: "pending" | "approved"; suspendedAt: Date | null }): CentreStatusNow {
  return centre.suspendedAt ? "suspended" : centre.status;
}

const ALLOWED = { ok: true } as const;
const deny = (reason: string): Permission => ({ ok: false, reason });

/** Create centres, approve them, invite and remove examinators: the certification body's admins. */
export function canManageCentres(actor: Actor): boolean {
  return actor.roles.includes("admin");
}

/** A centre's page, its provtillfällen and candidates: staff, and the centre's own examinators. */
export function canSeeCentre(actor: Actor, membership: Membership, centre: { centreId: string }): boolean {
  return isStaff(actor) || membership.examinatorAt.includes(centre.centreId);
}

/** Create provtillfällen, register candidates, upload the protocol: an examinator of an approved centre. */
export function canWorkAtCentre(actor: Actor, membership: Membership, centre: CentreFacts): Permission {
  if (!membership.examinatorAt.includes(centre.centreId)) return deny(t("exam.onlyExaminators"));
  if (centre.status === "suspended") return deny(t("exam.centreSuspended"));
  if (centre.status !== "approved") return deny(t("exam.centreNotApproved"));
  return ALLOWED;
}

/** Register a candidate or enter their result: the centre's examinator, never for themself. */
export function canExamine(actor: Actor, membership: Membership, centre: CentreFacts, candidate: { personId: string }): Permission {
  const work = canWorkAtCentre(actor, membership, centre);
  if (!work.ok) return work;
  if (candidate.personId === actor.personId) return deny(t("exam.notYourself"));
  return ALLOWED;
}

/**
 * "Återkalla anmälan": as canExamine, and also at a suspended centre, so that a candidate waiting
 * for an exam there can be let go and registered at another centre (a waiting registration keeps
 * them from one elsewhere).
 */
export function canCancelRegistration(actor: Actor, membership: Membership, centre: CentreFacts, candidate: { personId: string }): Permission {
  return canExamine(actor, membership, letGoFacts(centre), candidate);
}

/** Whether the centre's registrations may be withdrawn by this person at all (the session page's Återkalla column). */
export function canLetCandidatesGo(actor: Actor, membership: Membership, centre: CentreFacts): Permission {
  return canWorkAtCentre(actor, membership, letGoFacts(centre));
}

/** A suspended centre counts as approved for letting a candidate go, and for nothing else. */
const letGoFacts = (centre: CentreFacts): CentreFacts => (centre.status === "suspended" ? { ...centre, status: "approved" } : centre);

/** A registration and its result: the candidate, the centre's examinators, and staff. */
export function canSeeRegistration(actor: Actor, membership: Membership, registration: { personId: string; centreId: string }): boolean {
  return registration.personId === actor.personId || canSeeCentre(actor, membership, registration);
}

