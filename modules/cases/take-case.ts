import { and, eq, isNull } from "drizzle-orm";
import { cases } from "../../db/schema/index.ts";
import { Conflict, Forbidden } from "../../lib/errors.ts";
import type { MailMessage } from "../../lib/mail/mailer.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { enqueueMail } from "../outbox/index.ts";
import { requiredText } from "./case-files.ts";
import { eventScope, loadForHandling, type Handling } from "./handling.ts";
import { caseStepMail, type CaseRecipient } from "./mails.ts";
import { caseRecipient } from "./parties.ts";
import { t } from "../../lib/i18n/index.ts";

export const changedMeanwhile = () => t("cases.changedMeanwhile");

export interface StepPlan extends Handling {
  reason: string;
  /** Who is told, and the mail exactly as it will be queued (null: nobody to tell). */
  to: CaseRecipient | null;
  mail: MailMessage | null;
}

/** Everything "Börja utreda" checks and the mail it sends, without changing anything: the confirm page shows it. */
export async function planTakeCase(deps: Deps, actor: Actor & { userId: string }, input: { caseId: string; reason: string }): Promise<StepPlan & { takenOver: boolean }> {
  const h = await loadForHandling(deps, actor, input.caseId, "take");
  if (!h.may.ok) throw new Forbidden(h.may.reason);
  if (!h.move.ok) throw new Conflict(h.move.reason);
  const takenOver = h.row.status === "investigating";
  const reason = requiredText(input.reason, "motivering", takenOver ? t("cases.take.whyMissing") : t("cases.take.messageMissing"));
  const to = takenOver ? null : await caseRecipient(deps.db, h.row);
  const mail = to ? caseStepMail(deps.config, to, { caseId: h.row.id, number: h.row.number, kind: h.row.kind }, { step: "investigating" }, reason) : null;
  return { ...h, reason, to, mail, takenOver };
}

/**
 * "Börja utreda": Mottagen → Under utredning, with the acting user as handler, if the
 * independence rule lets them. The written message goes to who appealed or complained. An admin
 * may take over a case under investigation (no mail then: nothing changed for them).
 */
export async function takeCase(deps: Deps, actor: Actor & { userId: string }, input: { caseId: string; reason: string }): Promise<{ takenOver: boolean }> {
  const { row, now, reason, mail, takenOver } = await planTakeCase(deps, actor, input);
  await deps.db.transaction(
    async (tx) => {
      const updated = await tx
        .update(cases)
        .set({ status: "investigating", handlerUserId: actor.userId, updatedAt: now })
        .where(and(eq(cases.id, row.id), eq(cases.status, row.status), row.handlerUserId ? eq(cases.handlerUserId, row.handlerUserId) : isNull(cases.handlerUserId)))
        .returning({ id: cases.id });
      if (updated.length === 0) throw new Conflict(changedMeanwhile());
      // Who handles the case is the body's own business: a take-over is in the case's log only.
      const scope = takenOver ? {} : await eventScope(tx, row);
      await recordEvent(tx, actor, now, { action: takenOver ? "case.taken_over" : "case.investigating", subjectType: "case", subjectId: row.id, ...scope, details: { case: String(row.number), reason } });
      if (mail) await enqueueMail(tx, now, "case.investigating", mail);
    },
    { behavior: "immediate" },
  );
  deps.mailQueue.kick();
  return { takenOver };
}
