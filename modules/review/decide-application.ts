import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { applicationRequirements, applications, type ApplicationStatus } from "../../db/schema/index.ts";
import { isIsoDate, swedishDate } from "../../lib/dates.ts";
import { Conflict, Forbidden, Invalid } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import { applyCertificateDecision, certificateDates, createCertificate } from "../certificates/index.ts";
import { applicationPrice, canStaff, loadApplication, processState, type LoadedApplication, type StaffAction } from "../certification/index.ts";
import { RENEWAL_LABELS } from "../lifecycle/due.ts";
import { createRenewedVersion, linkDecision } from "../lifecycle/grant-renewal.ts";
import { renewedMail } from "../lifecycle/mails.ts";
import { enqueueMail } from "../outbox/outbox.ts";
import type { Actor, Deps } from "../deps.ts";
import { createInvoice } from "../invoicing/index.ts";
import { enqueueFollowUp } from "../outbox/follow-ups.ts";
import { computeChecklist, failingItems, type ChecklistItem, type ManualChecks } from "./final-review-checklist.ts";
import { issuedMail, refusedMail, returnedMail } from "./mails.ts";
import { loadApplicationParties } from "./parties.ts";
import { canDecideApplication } from "./policy.ts";
import { holderRecipients } from "./recipients.ts";
import { recordDecision } from "./record-decision.ts";
import { t } from "../../lib/i18n/index.ts";

export type FinalDecision = "grant" | "refuse" | "return";

export interface DecideInput {
  applicationId: string;
  decision: FinalDecision;
  /** Required to refuse or return; sent to the applicant. */
  reason?: string | null;
  /** Giltigt till as read from the document, where the scheme takes it from the evidence. */
  validUntil?: string | null;
  /** The Moment to complement, when returning. */
  momentIds?: string[];
  /**
   * The checklist's manual to-dos the decider ticked with the grant (e.g. "identity": checked
   * against the ID copy). Recorded in the decision's reason and its event; the staff page will not
   * grant without them.
   */
  checked?: ManualChecks;
}

export interface DecideResult {
  decisionId: string;
  certificate: { id: string; number: number; validUntil: string | null; cycleEndsOn: string | null } | null;
  invoice: { id: string; number: number; totalOre: number } | null;
}

export const alreadyDecided = () => t("review.alreadyDecided");

const ACTIONS: Record<FinalDecision, StaffAction> = { grant: "issue", refuse: "refuse", return: "return" };

/**
 * The final decision on an application in final review: "Bevilja och utfärda", "Avslå" or
 * "Returnera för komplettering". Each is a Beslut with who, when and why. Everything a decision
 * changes happens in one transaction that first moves the application out of final_review, so of
 * two deciders at once exactly one wins and the other gets "redan beslutad".
 */
export async function decideApplication(deps: Deps, actor: Actor & { userId: string }, input: DecideInput): Promise<DecideResult> {
  const app = await loadApplication(deps.db, actor, input.applicationId);
  const now = deps.clock.now();
  const today = swedishDate(now);
  const allowed = canDecideApplication(actor, await loadApplicationParties(deps.db, actor, app.application, app.scheme, today));
  if (!allowed.ok) throw new Forbidden(allowed.reason);
  const state = processState(app);
  const verdict = canStaff(state, ACTIONS[input.decision]);
  // A grant in final review that is not ready is refused by the checklist, which names what is missing.
  if (!verdict.ok && !(input.decision === "grant" && state.status === "final_review")) throw new Conflict(verdict.reason);
  const reason = input.reason?.trim() || null;
  const ctx = { deps, actor, app, now, today, reason, checked: input.checked ?? [] };
  if (input.decision === "grant") return grant(ctx, validUntilFrom(app, input.validUntil ?? null, today));
  if (!reason) throw new Invalid({ motivering: input.decision === "refuse" ? t("review.refuse.reasonMissing") : t("review.return.reasonMissing") });
  if (input.decision === "refuse") return refuse(ctx, reason);
  return giveBack(ctx, reason, momentsToReturn(app, input.momentIds ?? []));
}

interface Context {
  deps: Deps;
  actor: Actor & { userId: string };
  app: LoadedApplication;
  now: Date;
  today: string;
  reason: string | null;
  checked: ManualChecks;
}

const CHECKED_TEXT: Partial<Record<ChecklistItem["key"], string>> = { identity: "Identiteten kontrollerad mot legitimationen i underlagen." };

/**
 * The checklist inside the issuing transaction: refuses while anything is missing, and returns the
 * grant's reason with the manual checks the decider confirmed written into it.
 */
async function checkBeforeGrant(tx: Tx, { app, today, reason, checked }: Context): Promise<{ reason: string | null; confirmed: string[] }> {
  const items = await computeChecklist(tx, app, today);
  const failing = failingItems(items);
  if (failing.length) throw new Conflict(t("review.grant.notReady", failing.map((i) => `${i.label} (${i.detail})`).join("; ")));
  const confirmed = items.filter((i) => i.check && checked.includes(i.key)).map((i) => CHECKED_TEXT[i.key] ?? i.check!);
  return { reason: [...confirmed, reason].filter(Boolean).join(" ") || null, confirmed };
}

async function grant(ctx: Context, enteredValidUntil: string | null): Promise<DecideResult> {
  if (ctx.app.application.kind !== "initial") return grantRenewal(ctx, ctx.app.application.kind);
  const { deps, actor, app, now, today } = ctx;
  const a = app.application;
  const title = `${app.area.name} - ${app.scheme.name}`;
  const result = await deps.db.transaction(
    async (tx) => {
      await leaveFinalReview(tx, a.id, "issued", now, null);
      // Checked here, not before: an employee's certificate withdrawn a moment ago must count.
      const { reason, confirmed } = await checkBeforeGrant(tx, ctx);
      const dates = certificateDates(app.scheme, today, enteredValidUntil);
      const cert = await createCertificate(tx, { applicationId: a.id, personId: a.personId, companyId: a.companyId, schemeId: app.scheme.id, issuedOn: today, ...dates, now });
      const decisionId = await recordDecision(tx, { kind: "grant", subjectType: "application", subjectId: a.id, applicationId: a.id, certificateId: cert.id, decidedByUserId: actor.userId, decidedAt: now, reason, effectiveOn: today });
      await applyCertificateDecision(tx, { certificateId: cert.id, from: ["active"], to: "active", decisionId, on: today, now });
      const who = { personId: a.personId, companyId: a.companyId };
      await recordEvent(tx, actor, now, { action: "application.granted", subjectType: "application", subjectId: a.id, ...who, details: { certificate: title, number: cert.number, ...(confirmed.length ? { checked: confirmed } : {}) } });
      await recordEvent(tx, actor, now, { action: "certificate.issued", subjectType: "certificate", subjectId: cert.id, ...who, details: { certificate: title, number: cert.number, validUntil: dates.validUntil } });
      const invoice =
        app.scheme.invoiced && applicationPrice(app) > 0
          ? await createInvoice(tx, actor, now, { applicationId: a.id, certificateId: cert.id, ...who, issuedOn: today, fees: [{ description: `${title}, certifikat nr ${cert.number}`, priceOre: applicationPrice(app) }] })
          : null;
      // The mail and the invoice's PDF follow the commit through the utkorg: an SMTP server that
      // is down or slow neither fails the decision nor loses them.
      for (const to of await holderRecipients(tx, a)) {
        await enqueueMail(tx, now, "certificate.issued", issuedMail(deps.config, to, { certificateId: cert.id, number: cert.number, title, validUntil: dates.validUntil, forCompany: a.companyId !== null }));
      }
      if (invoice) await enqueueFollowUp(tx, now, "invoice.send", { invoiceId: invoice.id, actorUserId: actor.userId });
      return { decisionId, certificate: { id: cert.id, number: cert.number, ...dates }, invoice: invoice && { id: invoice.id, number: invoice.number, totalOre: invoice.totalOre } };
    },
    { behavior: "immediate" },
  );
  deps.mailQueue.kick();
  return result;
}

/**
 * "Bevilja och utfärda" on an Årlig förlängning or Omcertifiering: a new version of the
 * certificate with a Decision extend / recertify, its invoice at the frozen price, and a mail to
 * the holder through the utkorg (written in the same transaction, so it is never lost).
 */
async function grantRenewal(ctx: Context, kind: "extension" | "recertification"): Promise<DecideResult> {
  const { deps, actor, app, now, today } = ctx;
  const a = app.application;
  const title = `${app.area.name} - ${app.scheme.name}`;
  const result = await deps.db.transaction(
    async (tx) => {
      await leaveFinalReview(tx, a.id, "issued", now, null);
      const { reason, confirmed } = await checkBeforeGrant(tx, ctx);
      const submittedOn = a.submittedAt ? swedishDate(a.submittedAt) : today;
      const v = await createRenewedVersion(tx, { kind, renewsCertificateId: a.renewsCertificateId, applicationId: a.id, submittedOn, rules: app.scheme, today, now });
      const decisionId = await recordDecision(tx, { kind: kind === "extension" ? "extend" : "recertify", subjectType: "application", subjectId: a.id, applicationId: a.id, certificateId: v.id, decidedByUserId: actor.userId, decidedAt: now, reason, effectiveOn: today });
      await linkDecision(tx, v, decisionId, today);
      const who = { personId: a.personId, companyId: a.companyId };
      const label = RENEWAL_LABELS[kind];
      await recordEvent(tx, actor, now, { action: "application.granted", subjectType: "application", subjectId: a.id, ...who, details: { certificate: title, number: v.number, renewal: label, ...(confirmed.length ? { checked: confirmed } : {}) } });
      await recordEvent(tx, actor, now, {
        action: kind === "extension" ? "certificate.extended" : "certificate.recertified",
        subjectType: "certificate",
        subjectId: v.id,
        ...who,
        details: { certificate: title, number: v.number, version: v.version, validUntil: v.validUntil, cycleEndsOn: v.cycleEndsOn, supersedes: v.supersededId },
      });
      const price = applicationPrice(app);
      const invoice =
        app.scheme.invoiced && price > 0
          ? await createInvoice(tx, actor, now, { applicationId: a.id, certificateId: v.id, ...who, issuedOn: today, fees: [{ description: `${label}, ${title}, certifikat nr ${v.number} version ${v.version}`, priceOre: price }] })
          : null;
      if (invoice) await enqueueFollowUp(tx, now, "invoice.send", { invoiceId: invoice.id, actorUserId: actor.userId });
      for (const to of await holderRecipients(tx, a)) {
        await enqueueMail(tx, now, `certificate.${kind === "extension" ? "extended" : "recertified"}`, renewedMail(deps.config, to, { kind, certificateId: v.id, number: v.number, version: v.version, title, validUntil: v.validUntil, cycleEndsOn: v.cycleEndsOn, forCompany: a.companyId !== null }));
      }
      return { decisionId, certificate: { id: v.id, number: v.number, validUntil: v.validUntil, cycleEndsOn: v.cycleEndsOn }, invoice: invoice && { id: invoice.id, number: invoice.number, totalOre: invoice.totalOre } };
    },
    { behavior: "immediate" },
  );
  deps.mailQueue.kick();
  return result;
}

async function refuse({ deps, actor, app, now, today }: Context, reason: string): Promise<DecideResult> {
  const a = app.application;
  const title = `${app.area.name} - ${app.scheme.name}`;
  const decisionId = await deps.db.transaction(
    async (tx) => {
      await leaveFinalReview(tx, a.id, "refused", now, reason);
      const id = await recordDecision(tx, { kind: "refuse", subjectType: "application", subjectId: a.id, applicationId: a.id, decidedByUserId: actor.userId, decidedAt: now, reason, effectiveOn: today });
      await recordEvent(tx, actor, now, { action: "application.refused", subjectType: "application", subjectId: a.id, personId: a.personId, companyId: a.companyId, details: { certificate: title, reason } });
      for (const to of await holderRecipients(tx, a)) {
        await enqueueMail(tx, now, "application.refused", refusedMail(deps.config, to, { applicationId: a.id, title, forCompany: a.companyId !== null, reason }));
      }
      return id;
    },
    { behavior: "immediate" },
  );
  deps.mailQueue.kick();
  return { decisionId, certificate: null, invoice: null };
}

/** "Returnera för komplettering": the chosen Moment are reopened as Ej godkänt with the reason. */
async function giveBack({ deps, actor, app, now, today }: Context, reason: string, moments: LoadedApplication["moments"]): Promise<DecideResult> {
  const a = app.application;
  const title = `${app.area.name} - ${app.scheme.name}`;
  const names = moments.map((m) => m.requirement.name);
  const decisionId = await deps.db.transaction(
    async (tx) => {
      await leaveFinalReview(tx, a.id, "returned", now, null);
      // No reviewer transition leaves "approved"; a return is the decider overriding that approval.
      const reopened = await tx
        .update(applicationRequirements)
        .set({ status: "rejected", reviewComment: reason, reviewedByUserId: actor.userId, updatedAt: now, updatedByUserId: actor.userId })
        .where(and(eq(applicationRequirements.applicationId, a.id), inArray(applicationRequirements.id, moments.map((m) => m.moment.id)), eq(applicationRequirements.status, "approved")))
        .returning({ id: applicationRequirements.id });
      if (reopened.length !== moments.length) throw new Conflict(t("review.return.changedMeanwhile"));
      const id = await recordDecision(tx, { kind: "return", subjectType: "application", subjectId: a.id, applicationId: a.id, decidedByUserId: actor.userId, decidedAt: now, reason, effectiveOn: today });
      await recordEvent(tx, actor, now, { action: "application.returned", subjectType: "application", subjectId: a.id, personId: a.personId, companyId: a.companyId, details: { certificate: title, reason, moments: names } });
      for (const to of await holderRecipients(tx, a)) {
        await enqueueMail(tx, now, "application.returned", returnedMail(deps.config, to, { applicationId: a.id, title, forCompany: a.companyId !== null, reason, moments: names }));
      }
      return id;
    },
    { behavior: "immediate" },
  );
  deps.mailQueue.kick();
  return { decisionId, certificate: null, invoice: null };
}

/** The guard against two deciders: only the first to leave final_review gets a row back. */
async function leaveFinalReview(tx: Tx, applicationId: string, status: ApplicationStatus, now: Date, closedReason: string | null): Promise<void> {
  const closes = status !== "returned";
  const moved = await tx
    .update(applications)
    .set({ status, updatedAt: now, ...(closes ? { closedAt: now, closedReason } : {}) })
    .where(and(eq(applications.id, applicationId), eq(applications.status, "final_review")))
    .returning({ id: applications.id });
  if (moved.length === 0) throw new Conflict(alreadyDecided());
}

/** Giltigt till as entered for an external certificate (ÅÅÅÅ-MM-DD, after today), else Invalid; null where not asked. */
export function validUntilFrom(app: LoadedApplication, entered: string | null, today: string): string | null {
  if (!app.scheme.validUntilFromEvidence) return null;
  const value = entered?.trim() ?? "";
  if (!isIsoDate(value)) throw new Invalid({ giltigttill: t("review.validUntil.invalid") });
  if (value <= today) throw new Invalid({ giltigttill: t("review.validUntil.past") });
  return value;
}

function momentsToReturn(app: LoadedApplication, ids: string[]): LoadedApplication["moments"] {
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw new Invalid({ moment: t("review.return.noMoment") });
  const chosen = app.moments.filter((m) => unique.includes(m.moment.id));
  if (chosen.length !== unique.length) throw new Invalid({ moment: t("review.return.otherMoment") });
  return chosen;
}
