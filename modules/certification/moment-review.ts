import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { applicationRequirements, applications, type RequirementStatus } from "../../db/schema/index.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor } from "../deps.ts";

/**
 * A Moment reviewed (Godkänn / Ej godkänt), by a reviewer or by an exam result: the Moment moves
 * from `from` to `to` with its reviewer and comment, the application is touched, and the Event
 * (evidence.approved / evidence.rejected) is written, all in the caller's transaction. False when
 * the Moment was no longer in `from` (someone else got there first): nothing is written.
 */
export async function recordMomentReview(
  tx: Tx,
  actor: Actor & { userId: string },
  now: Date,
  input: { application: { id: string; personId: string | null; companyId: string | null }; momentId: string; momentName: string; from: RequirementStatus; to: RequirementStatus; comment: string | null },
): Promise<boolean> {
  const updated = await tx
    .update(applicationRequirements)
    .set({ status: input.to, reviewedByUserId: actor.userId, reviewComment: input.comment, updatedAt: now, updatedByUserId: actor.userId })
    .where(and(eq(applicationRequirements.id, input.momentId), eq(applicationRequirements.status, input.from)))
    .returning({ id: applicationRequirements.id });
  if (updated.length === 0) return false;
  await tx.update(applications).set({ updatedAt: now }).where(eq(applications.id, input.application.id));
  await recordEvent(tx, actor, now, {
    action: input.to === "approved" ? "evidence.approved" : "evidence.rejected",
    subjectType: "application",
    subjectId: input.application.id,
    personId: input.application.personId,
    companyId: input.application.companyId,
    details: { moment: input.momentName, ...(input.comment ? { comment: input.comment } : {}) },
  });
  return true;
}
