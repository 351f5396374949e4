import type { AppealedKind, CaseKind, CaseOutcome, CaseStatus } from "../../db/schema/index.ts";
import { addMonths, swedishLongDate } from "../../lib/dates.ts";
import type { Actor } from "../deps.ts";
import { t, labels } from "../../lib/i18n/index.ts";

/**
 * Who may appeal what and until when, who may handle a case, and how a case moves: pure functions
 * over facts the caller has loaded (parties.ts, appeal-targets.ts), tested as a matrix. A refusal
 * says why (to an appellant in the page's language; staff's refusals in Swedish), like the four-eyes rule of modules/review/policy.ts.
 */

export type Permission = { ok: true } | { ok: false; reason: string };
const ALLOWED = { ok: true } as const;
const deny = (reason: string): Permission => ({ ok: false, reason });

/** The last day an appeal may be lodged: the decision's date plus the scheme's months, in Swedish dates. */
export function appealDeadline(decidedOn: string, appealMonths: number): string {
  return addMonths(decidedOn, appealMonths);
}

export interface AppealFacts {
  kind: AppealedKind;
  /** The decision still stands: the application refused, the certificate's latest decision, the Moment still Ej godkänt. */
  inEffect: boolean;
  decidedOn: string;
  appealMonths: number;
  /** The case already lodged against it, if any. */
  existingCaseNumber: number | null;
}

const NO_LONGER: Record<AppealedKind, string> = labels({
  refusal: "appealPolicy.noLonger.refusal",
  suspension: "appealPolicy.noLonger.suspension",
  withdrawal: "appealPolicy.noLonger.withdrawal",
  moment: "appealPolicy.noLonger.moment",
});

/** Whether the holder (who may act for it, checked by the caller) may appeal now, and until when. */
export function canAppeal(facts: AppealFacts, today: string): Permission & { deadline: string } {
  const deadline = appealDeadline(facts.decidedOn, facts.appealMonths);
  if (facts.existingCaseNumber !== null) return { ...deny(t("appealPolicy.already", facts.existingCaseNumber)), deadline };
  if (!facts.inEffect) return { ...deny(NO_LONGER[facts.kind]), deadline };
  if (today > deadline) {
    return { ...deny(t("appealPolicy.late", swedishLongDate(deadline), facts.appealMonths)), deadline };
  }
  return { ...ALLOWED, deadline };
}

/** The people and companies around a case, and the acting user's own companies. */
export interface HandlingParties {
  kind: CaseKind;
  /** The applicant or holder the case concerns, when a person. */
  holderPersonId: string | null;
  /** Who lodged it, when logged in (every appeal). */
  submittedByUserId: string | null;
  /** Who made the appealed decision (the Moment's reviewer for Ej godkänt); for a complaint, who granted the certificate. */
  decidedByUserIds: readonly string[];
  /** Everyone who has reviewed a Moment of the application concerned. */
  reviewerUserIds: readonly string[];
  /** The company concerned: the holder, the person's employers, the company a complaint names. */
  companyIds: readonly string[];
  /** Companies the acting user works for or is certifikatsadministratör of, today. */
  actorCompanyIds: readonly string[];
}

const hasRole = (actor: Actor, ...roles: string[]) => actor.roles.some((r) => roles.includes(r));

/**
 * Handling a case: deciders and admins who had no part in what it concerns (ISO/IEC 17024 § 9.7,
 * 9.8): not the one who decided, not a reviewer of its Moment, not the holder or who lodged it, not
 * employed by or admin of the company concerned.
 */
export function canHandleCase(actor: Actor, p: HandlingParties): Permission {
  if (!hasRole(actor, "decider", "admin")) return deny(t("cases.deny.role"));
  if (p.holderPersonId !== null && p.holderPersonId === actor.personId) return deny(t("cases.deny.self"));
  if (p.submittedByUserId !== null && p.submittedByUserId === actor.userId) return deny(t("cases.deny.submitter"));
  if (actor.userId !== null && p.decidedByUserIds.includes(actor.userId)) {
    return deny(p.kind === "appeal" ? t("cases.deny.decidedAppeal") : t("cases.deny.decidedComplaint"));
  }
  if (actor.userId !== null && p.reviewerUserIds.includes(actor.userId)) return deny(t("cases.deny.reviewed"));
  if (p.companyIds.some((c) => p.actorCompanyIds.includes(c))) return deny(t("cases.deny.company"));
  return ALLOWED;
}

export type CaseAction = "take" | "decide" | "dismiss";
export type CaseVerdict = { ok: true; next: CaseStatus } | { ok: false; reason: string };

/**
 * Mottagen → Under utredning → Avgjord, or Avskriven from either. Whoever takes a received case
 * becomes its handler; an admin may take over one under investigation; only the handler decides
 * or dismisses it then.
 */
export function caseTransition(status: CaseStatus, action: CaseAction, who: { isHandler: boolean; isAdmin: boolean }): CaseVerdict {
  if (status === "decided" || status === "dismissed") return { ok: false, reason: t("cases.step.closed") };
  if (action === "take") {
    if (status === "received") return { ok: true, next: "investigating" };
    if (who.isHandler) return { ok: false, reason: t("cases.step.alreadyYours") };
    return who.isAdmin ? { ok: true, next: "investigating" } : { ok: false, reason: t("cases.step.otherHandler") };
  }
  if (action === "decide") {
    if (status === "received") return { ok: false, reason: t("cases.step.takeFirst") };
    return who.isHandler ? { ok: true, next: "decided" } : { ok: false, reason: t("cases.step.onlyHandlerDecides") };
  }
  if (status === "received" || who.isHandler) return { ok: true, next: "dismissed" };
  return { ok: false, reason: t("cases.step.onlyHandlerDismisses") };
}

export type EffectKind = "reopen" | "reinstate" | "approve_moment" | "suspend" | "withdraw";

/** What a decided case may change in the same transaction, by what it concerns. */
export function effectsFor(c: { kind: CaseKind; appealedKind: AppealedKind | null; certificateId: string | null }): EffectKind[] {
  if (c.kind === "appeal") {
    if (c.appealedKind === "refusal") return ["reopen"];
    if (c.appealedKind === "suspension" || c.appealedKind === "withdrawal") return ["reinstate"];
    if (c.appealedKind === "moment") return ["approve_moment"];
    return [];
  }
  return c.certificateId ? ["suspend", "withdraw"] : [];
}

/** A change to a decision only follows an appeal or complaint that was (partly) upheld. */
export function checkEffect(outcome: CaseOutcome, effect: EffectKind | null, allowed: readonly EffectKind[]): Permission {
  if (effect === null) return ALLOWED;
  if (!allowed.includes(effect)) return deny(t("cases.effect.notThisCase"));
  if (outcome === "rejected") return deny(t("cases.effect.rejected"));
  return ALLOWED;
}
