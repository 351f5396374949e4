import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { applications } from "../../db/schema/index.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor } from "../deps.ts";
import { readyForFinalReview, type ProcessState } from "./state-machine.ts";

/** When the applicant's last step is done the application goes to final review ("Ansökan granskas"). */
export async function submitIfReady(tx: Tx, actor: Actor, now: Date, app: { id: string; personId: string | null; companyId: string | null }, state: ProcessState): Promise<boolean> {
  if (!readyForFinalReview(state)) return false;
  const moved = await tx
    .update(applications)
    .set({ status: "final_review", submittedAt: now, updatedAt: now })
    .where(and(eq(applications.id, app.id), eq(applications.status, state.status)))
    .returning({ id: applications.id });
  if (moved.length === 0) return false;
  await recordEvent(tx, actor, now, { action: "application.submitted", subjectType: "application", subjectId: app.id, personId: app.personId ?? actor.personId, companyId: app.companyId });
  return true;
}
