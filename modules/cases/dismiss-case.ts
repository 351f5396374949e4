import { and, eq, isNull } from "drizzle-orm";
import { cases } from "../../db/schema/index.ts";
import { Conflict, Forbidden } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { enqueueMail } from "../outbox/index.ts";
import { requiredText } from "./case-files.ts";
import { eventScope, loadForHandling } from "./handling.ts";
import { caseStepMail } from "./mails.ts";
import { caseRecipient } from "./parties.ts";
import { changedMeanwhile, type StepPlan } from "./take-case.ts";
import { t } from "../../lib/i18n/index.ts";

/** What "Avskriv" checks and the mail it sends, for the confirm page. */
export async function planDismissCase(deps: Deps, actor: Actor & { userId: string }, input: { caseId: string; reason: string }): Promise<StepPlan> {
  const h = await loadForHandling(deps, actor, input.caseId, "dismiss");
  if (!h.may.ok) throw new Forbidden(h.may.reason);
  if (!h.move.ok) throw new Conflict(h.move.reason);
  const reason = requiredText(input.reason, "motivering", t("cases.dismiss.reasonMissing"));
  const to = await caseRecipient(deps.db, h.row);
  return { ...h, reason, to, mail: to ? caseStepMail(deps.config, to, { caseId: h.row.id, number: h.row.number, kind: h.row.kind }, { step: "dismissed" }, reason) : null };
}

/**
 * "Avskriv": the case ends without a decision on its merits (withdrawn by who lodged it, a
 * duplicate, nothing to investigate), with a written reason that goes to them.
 */
export async function dismissCase(deps: Deps, actor: Actor & { userId: string }, input: { caseId: string; reason: string }): Promise<void> {
  const { row, now, reason, mail } = await planDismissCase(deps, actor, input);
  await deps.db.transaction(
    async (tx) => {
      const updated = await tx
        .update(cases)
        .set({ status: "dismissed", handlerUserId: actor.userId, closedAt: now, updatedAt: now })
        .where(and(eq(cases.id, row.id), eq(cases.status, row.status), row.handlerUserId ? eq(cases.handlerUserId, row.handlerUserId) : isNull(cases.handlerUserId)))
        .returning({ id: cases.id });
      if (updated.length === 0) throw new Conflict(changedMeanwhile());
      await recordEvent(tx, actor, now, { action: "case.dismissed", subjectType: "case", subjectId: row.id, ...(await eventScope(tx, row)), details: { case: String(row.number), reason } });
      if (mail) await enqueueMail(tx, now, "case.dismissed", mail);
    },
    { behavior: "immediate" },
  );
  deps.mailQueue.kick();
}
