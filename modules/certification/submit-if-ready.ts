import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { applications, schemes } from "../../db/schema/index.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor } from "../deps.ts";
import { readyForFinalReview, type ProcessState } from "./state-machine.ts";

/** When the applicant's last step is done the application goes to final review ("Ansökan granskas"). */
export async function submitIfReady(tx: Tx, actor: Actor, now: Date, app: { id: string; personId: string | null; companyId: string | null }, state: ProcessState): Promise<boolean> {
  if (!readyForFinalReview(state)) return false;
  // The price the applicant saw is frozen at the first submission; a resubmission keeps it.
  const price = sql`coalesce(${applications.priceOre}, (select case ${applications.kind} when 'extension' then coalesce(${schemes.extensionPriceOre}, ${schemes.priceOre}) when 'recertification' then coalesce(${schemes.recertificationPriceOre}, ${schemes.priceOre}) else ${schemes.priceOre} end from ${schemes} where ${schemes.id} = ${applications.schemeId}))`;
  const moved = await tx
    .update(applications)
    .set({ status: "final_review", submittedAt: sql`coalesce(${applications.submittedAt}, ${now.getTime()})`, priceOre: price, updatedAt: now })
    .where(and(eq(applications.id, app.id), eq(applications.status, state.status)))
    .returning({ id: applications.id });
  if (moved.length === 0) return false;
  await recordEvent(tx, actor, now, { action: "application.submitted", subjectType: "application", subjectId: app.id, personId: app.personId ?? actor.personId, companyId: app.companyId });
  return true;
}
