import { and, eq } from "drizzle-orm";
import { CASE_OUTCOMES, cases, type CaseOutcome } from "../../db/schema/index.ts";
import { Conflict, Forbidden, Invalid } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { enqueueMail } from "../outbox/index.ts";
import { applyEffect, certificateParties, checkEffectInput, loadEffectContext, type EffectContext, type EffectInput } from "./case-effects.ts";
import { requiredText } from "./case-files.ts";
import { eventScope, loadForHandling } from "./handling.ts";
import { OUTCOME_LABELS } from "./labels.ts";
import { caseStepMail } from "./mails.ts";
import { caseRecipient } from "./parties.ts";
import { checkEffect, effectsFor } from "./policy.ts";
import { changedMeanwhile, type StepPlan } from "./take-case.ts";
import { inLanguage, t } from "../../lib/i18n/index.ts";

export interface DecideCaseInput {
  caseId: string;
  outcome: string;
  /** Why, in words the one who appealed or complained receives. */
  reason: string;
  /** What the decision changes, if anything (only with Bifallen or Delvis bifallen). */
  effect: EffectInput | null;
}

export interface DecidePlan extends StepPlan {
  outcome: CaseOutcome;
  effect: EffectInput | null;
  /** What changed, in Swedish as the confirm step and the Händelselogg say it (the mail says it in its own language). */
  consequence: string | null;
  ctx: EffectContext;
}

/** Everything "Avgör" checks, what it changes and the mail it sends, without changing anything: the confirm page shows it. */
export async function planDecideCase(deps: Deps, actor: Actor & { userId: string }, input: DecideCaseInput): Promise<DecidePlan> {
  const h = await loadForHandling(deps, actor, input.caseId, "decide");
  if (!h.may.ok) throw new Forbidden(h.may.reason);
  if (!h.move.ok) throw new Conflict(h.move.reason);
  const outcome = CASE_OUTCOMES.find((o) => o === input.outcome);
  if (!outcome) throw new Invalid({ utfall: t("cases.decide.outcomeMissing") });
  const reason = requiredText(input.reason, "motivering", t("cases.decide.reasonMissing"));
  const allowed = checkEffect(outcome, input.effect?.kind ?? null, effectsFor(h.row));
  if (!allowed.ok) throw new Invalid({ atgard: allowed.reason });
  const ctx = await loadEffectContext(deps.db, actor, h.row);
  const checked = input.effect ? checkEffectInput(actor, input.effect, ctx, h.today, await certificateParties(deps.db, actor, ctx, h.today)) : null;
  const to = await caseRecipient(deps.db, h.row);
  const consequence = checked ? inLanguage("sv", checked.consequence) : null;
  const mail = to ? caseStepMail(deps.config, to, { caseId: h.row.id, number: h.row.number, kind: h.row.kind }, { step: "decided", outcome, consequence: checked?.consequence ?? null }, reason) : null;
  return { ...h, reason, to, mail, outcome, effect: checked?.effect ?? null, consequence, ctx };
}

/**
 * "Avgör": Under utredning → Avgjord (Bifallen, Delvis bifallen or Avslagen) by the handler, with
 * a written reason, and in the same transaction what the decision changes (case-effects.ts): the
 * reopened application or reinstated certificate is there, and publicly so, when this returns.
 */
export async function decideCase(deps: Deps, actor: Actor & { userId: string }, input: DecideCaseInput): Promise<{ decisionId: string | null }> {
  const plan = await planDecideCase(deps, actor, input);
  const { row, now, today, reason, outcome, effect, mail, to, ctx } = plan;
  const decisionId = await deps.db.transaction(
    async (tx) => {
      const updated = await tx
        .update(cases)
        .set({ status: "decided", outcome, closedAt: now, updatedAt: now })
        .where(and(eq(cases.id, row.id), eq(cases.status, "investigating"), eq(cases.handlerUserId, actor.userId)))
        .returning({ id: cases.id });
      if (updated.length === 0) throw new Conflict(changedMeanwhile());
      const decisionId = effect ? await applyEffect(tx, { deps, actor, row, ctx, now, today, reason, appellantEmail: row.kind === "appeal" ? (to?.email ?? null) : null }, effect) : null;
      if (decisionId) await tx.update(cases).set({ resultDecisionId: decisionId }).where(eq(cases.id, row.id));
      await recordEvent(tx, actor, now, {
        action: "case.decided",
        subjectType: "case",
        subjectId: row.id,
        ...(await eventScope(tx, row)),
        details: { case: String(row.number), result: inLanguage("sv", () => OUTCOME_LABELS[outcome]), reason, ...(plan.consequence ? { consequence: plan.consequence } : {}) },
      });
      if (mail) await enqueueMail(tx, now, "case.decided", mail);
      return decisionId;
    },
    { behavior: "immediate" },
  );
  deps.mailQueue.kick();
  return { decisionId };
}
