// What a decided case changes, in the case's own transaction: a refused application reopened, a
// suspended or withdrawn certificate reinstated, a Moment's Ej godkänt turned into Godkänt (a
// granted appeal), or a certificate suspended or withdrawn (an upheld complaint). Each is an
// ordinary Beslut or review with its Event, so the public status and the status lists follow at
// once, exactly as after the decision pages of /personal.
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { applicationRequirements, applications, certificates, schemes, technicalAreas } from "../../db/schema/index.ts";
import { isIsoDate, swedishLongDate } from "../../lib/dates.ts";
import { Conflict, Forbidden, Invalid } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import { certificateTransition } from "../certificates/index.ts";
import { EDITABLE_STATUSES, finalReviewMail, loadApplication, processState, submitIfReady, type LoadedApplication } from "../certification/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { enqueueMail } from "../outbox/index.ts";
import { canActOnCertificate, holderRecipients, inLanguageOf, loadParties, recordDecision, reinstatedMail, suspendedMail, withdrawnMail, writeCertificateDecision } from "../review/index.ts";
import { requiredText } from "./case-files.ts";
import type { EffectKind } from "./policy.ts";
import type { CaseRow } from "./queries.ts";
import { t } from "../../lib/i18n/index.ts";

export type EffectInput =
  | { kind: "reopen"; momentIds: string[] }
  | { kind: "reinstate" }
  | { kind: "approve_moment" }
  | { kind: "suspend"; until: string; holderReason: string }
  | { kind: "withdraw"; holderReason: string };

type CurrentCertificate = typeof certificates.$inferSelect & { title: string };

/** What the effects work on, read once for the form, the confirm page and the decision. */
export interface EffectContext {
  application: LoadedApplication | null;
  /** The certificate's current version (a renewal since the case began is the one decided on). */
  certificate: CurrentCertificate | null;
  /** The appealed Moment (Ej godkänt), in the application. */
  momentId: string | null;
  momentName: string | null;
}

export async function loadEffectContext(db: Deps["db"] | Tx, actor: Actor, row: CaseRow): Promise<EffectContext> {
  const application = row.applicationId ? await loadApplication(db, actor, row.applicationId) : null;
  let certificate: CurrentCertificate | null = null;
  if (row.certificateId) {
    const seen = await db.select({ number: certificates.number }).from(certificates).where(eq(certificates.id, row.certificateId)).get();
    const current = seen
      ? await db
          .select({ certificate: certificates, scheme: schemes.name, area: technicalAreas.name })
          .from(certificates)
          .innerJoin(schemes, eq(schemes.id, certificates.schemeId))
          .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
          .where(eq(certificates.number, seen.number))
          .orderBy(desc(certificates.version))
          .get()
      : undefined;
    if (current) certificate = { ...current.certificate, title: `${current.area} - ${current.scheme}` };
  }
  const momentName = row.appealedMomentId ? (application?.moments.find((m) => m.moment.id === row.appealedMomentId)?.requirement.name ?? null) : null;
  return { application, certificate, momentId: row.appealedMomentId, momentName };
}

/**
 * The effect as the form sent it, checked against the case and the state of what it changes;
 * refusals in Swedish at the field. Returns the sentence the one who appealed or complained reads.
 */
export function checkEffectInput(actor: Actor, effect: EffectInput, ctx: EffectContext, today: string, parties: Parameters<typeof canActOnCertificate>[1] | null): { effect: EffectInput; consequence: () => string } {
  const app = ctx.application;
  const cert = ctx.certificate;
  switch (effect.kind) {
    case "reopen": {
      if (!app || app.application.status !== "refused") throw new Conflict(t("cases.effect.notRefused"));
      const ids = [...new Set(effect.momentIds)];
      const chosen = app.moments.filter((m) => ids.includes(m.moment.id));
      if (chosen.length !== ids.length) throw new Invalid({ moment: t("review.return.otherMoment") });
      if (chosen.some((m) => m.moment.status !== "approved")) throw new Invalid({ moment: t("cases.effect.onlyApproved") });
      const title = `${app.area.name} - ${app.scheme.name}`;
      const names = chosen.map((m) => m.requirement.name);
      return {
        effect: { kind: "reopen", momentIds: ids },
        consequence: () => (names.length ? t("caseEffect.reopened.moments", title, names.length, names.join(", ")) : t("caseEffect.reopened", title)),
      };
    }
    case "approve_moment": {
      const m = app?.moments.find((x) => x.moment.id === ctx.momentId && x.moment.status === "rejected");
      if (!app || !m || !EDITABLE_STATUSES.includes(app.application.status)) throw new Conflict(t("cases.effect.momentChanged"));
      return { effect, consequence: () => t("caseEffect.momentApproved", ctx.momentName ?? "", `${app.area.name} - ${app.scheme.name}`) };
    }
    case "reinstate": {
      if (!cert || (cert.status !== "suspended" && cert.status !== "withdrawn")) throw new Conflict(t("cases.effect.notSuspended"));
      mayActOn(actor, parties);
      return { effect, consequence: () => t("caseEffect.reinstated", cert.number, cert.title, swedishLongDate(today)) };
    }
    case "suspend":
    case "withdraw": {
      if (!cert) throw new Conflict(t("cases.effect.noCertificate"));
      mayActOn(actor, parties);
      const verdict = certificateTransition(cert, effect.kind, today);
      if (!verdict.ok) throw new Conflict(verdict.reason);
      const holderReason = requiredText(effect.holderReason, "skal", t("cases.effect.holderReasonMissing"));
      if (effect.kind === "withdraw") return { effect: { kind: "withdraw", holderReason }, consequence: () => t("caseEffect.withdrawn", cert.number, swedishLongDate(today)) };
      const until = effect.until.trim();
      if (!isIsoDate(until)) throw new Invalid({ tilldatum: t("review.suspend.untilInvalid") });
      if (until <= today) throw new Invalid({ tilldatum: t("review.suspend.untilPast") });
      return { effect: { kind: "suspend", until, holderReason }, consequence: () => t("caseEffect.suspended", cert.number, swedishLongDate(until)) };
    }
  }
}

function mayActOn(actor: Actor, parties: Parameters<typeof canActOnCertificate>[1] | null) {
  if (!parties) return;
  const may = canActOnCertificate(actor, parties);
  if (!may.ok) throw new Forbidden(may.reason);
}

/** The parties of the certificate for canActOnCertificate, when the effect touches one. */
export async function certificateParties(db: Deps["db"], actor: Actor, ctx: EffectContext, today: string) {
  return ctx.certificate ? loadParties(db, actor, ctx.certificate, today) : null;
}

export const EFFECT_KINDS: readonly EffectKind[] = ["reopen", "reinstate", "approve_moment", "suspend", "withdraw"];

interface Apply {
  deps: Deps;
  actor: Actor & { userId: string };
  row: CaseRow;
  ctx: EffectContext;
  now: Date;
  today: string;
  /** Told by the case's own mail: not mailed twice. */
  appellantEmail: string | null;
  /** The case's reason, for the Beslut it leads to. */
  reason: string;
}

/** Carries the checked effect out inside the case's transaction; returns the Beslut it made, if any. */
export async function applyEffect(tx: Tx, a: Apply, effect: EffectInput): Promise<string | null> {
  const because = `${a.row.kind === "appeal" ? "Överklagande bifallet" : "Klagomål"} (ärende ${a.row.number}): ${a.reason}`;
  switch (effect.kind) {
    case "reopen":
      return reopen(tx, a, effect.momentIds, because);
    case "approve_moment":
      await approveMoment(tx, a, because);
      return null;
    case "reinstate":
      return writeCertificateDecision(tx, a.deps, a.actor, { ...certificateWrite(a), kind: "reinstate", next: "active", reason: because, until: null, mail: reinstatedMail });
    case "suspend":
      return writeCertificateDecision(tx, a.deps, a.actor, { ...certificateWrite(a), kind: "suspend", next: "suspended", reason: effect.holderReason, until: effect.until, mail: suspendedMail });
    case "withdraw":
      return writeCertificateDecision(tx, a.deps, a.actor, { ...certificateWrite(a), kind: "withdraw", next: "withdrawn", reason: effect.holderReason, until: null, mail: withdrawnMail });
  }
}

function certificateWrite(a: Apply) {
  const cert = a.ctx.certificate!;
  return { cert, title: cert.title, now: a.now, today: a.today, skipEmails: a.appellantEmail ? [a.appellantEmail] : [] };
}

/** Back to "Returnerad för komplettering", like the decider's Returnera, with a Beslut that says why. */
async function reopen(tx: Tx, a: Apply, momentIds: string[], because: string): Promise<string> {
  const app = a.ctx.application!.application;
  let moved: { id: string }[];
  try {
    moved = await tx
      .update(applications)
      .set({ status: "returned", closedAt: null, closedReason: null, updatedAt: a.now })
      .where(and(eq(applications.id, app.id), eq(applications.status, "refused")))
      .returning({ id: applications.id });
  } catch (e) {
    if (isUniqueViolation(e)) throw new Conflict(t("cases.effect.openElsewhere"));
    throw e;
  }
  if (moved.length === 0) throw new Conflict(t("cases.effect.notRefused"));
  if (momentIds.length) {
    const reopened = await tx
      .update(applicationRequirements)
      .set({ status: "rejected", reviewComment: because, reviewedByUserId: a.actor.userId, updatedAt: a.now, updatedByUserId: a.actor.userId })
      .where(and(eq(applicationRequirements.applicationId, app.id), inArray(applicationRequirements.id, momentIds), eq(applicationRequirements.status, "approved")))
      .returning({ id: applicationRequirements.id });
    if (reopened.length !== momentIds.length) throw new Conflict(t("review.return.changedMeanwhile"));
  }
  const decisionId = await recordDecision(tx, { kind: "return", subjectType: "application", subjectId: app.id, applicationId: app.id, decidedByUserId: a.actor.userId, decidedAt: a.now, reason: because, effectiveOn: a.today });
  const title = `${a.ctx.application!.area.name} - ${a.ctx.application!.scheme.name}`;
  const names = a.ctx.application!.moments.filter((m) => momentIds.includes(m.moment.id)).map((m) => m.requirement.name);
  await recordEvent(tx, a.actor, a.now, { action: "application.reopened", subjectType: "application", subjectId: app.id, personId: app.personId, companyId: app.companyId, details: { certificate: title, reason: because, ...(names.length ? { moments: names } : {}) } });
  return decisionId;
}

/** Ej godkänt becomes Godkänt by the handler; a complete returned application goes to final review, as after a review. */
async function approveMoment(tx: Tx, a: Apply, because: string): Promise<void> {
  const app = a.ctx.application!;
  const updated = await tx
    .update(applicationRequirements)
    .set({ status: "approved", reviewedByUserId: a.actor.userId, reviewComment: null, updatedAt: a.now, updatedByUserId: a.actor.userId })
    .where(and(eq(applicationRequirements.id, a.row.appealedMomentId!), eq(applicationRequirements.status, "rejected"), eq(applicationRequirements.updatedAt, a.row.appealedAt!)))
    .returning({ id: applicationRequirements.id });
  if (updated.length === 0) throw new Conflict(t("cases.effect.momentChangedAfter"));
  await tx.update(applications).set({ updatedAt: a.now }).where(eq(applications.id, app.application.id));
  await recordEvent(tx, a.actor, a.now, { action: "evidence.approved", subjectType: "application", subjectId: app.application.id, personId: app.application.personId, companyId: app.application.companyId, details: { moment: a.ctx.momentName, comment: because } });
  const fresh = await loadApplication(tx, a.actor, app.application.id);
  if (!EDITABLE_STATUSES.includes(fresh.application.status)) return;
  if (await submitIfReady(tx, a.actor, a.now, fresh.application, processState(fresh))) {
    const title = `${app.area.name} - ${app.scheme.name}`;
    for (const to of await holderRecipients(tx, fresh.application)) await enqueueMail(tx, a.now, "application.submitted", inLanguageOf(to, () => finalReviewMail(a.deps.config, to.email, to.name, title, fresh.application.id)));
  }
}
