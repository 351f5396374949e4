import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { examinationCentres, examinators, examSessions } from "../../db/schema/index.ts";
import { NotFound } from "../../lib/errors.ts";
import type { Actor } from "../deps.ts";
import { canSeeCentre, centreStatus, type Membership } from "./policy.ts";

/** The centres where the actor is an active examinator: what the policy asks about. */
export async function loadMembership(db: DbOrTx, actor: Actor): Promise<Membership> {
  if (!actor.personId) return { examinatorAt: [] };
  const rows = await db
    .select({ centreId: examinators.centreId })
    .from(examinators)
    .where(and(eq(examinators.personId, actor.personId), isNull(examinators.removedAt)));
  return { examinatorAt: rows.map((r) => r.centreId) };
}

export type Centre = typeof examinationCentres.$inferSelect;
export type ExamSession = typeof examSessions.$inferSelect;

/** A centre the actor may see (staff, or its examinators), else NotFound. */
export async function centreFor(db: DbOrTx, actor: Actor, centreId: string): Promise<{ centre: Centre; membership: Membership }> {
  const [centre, membership] = await Promise.all([db.select().from(examinationCentres).where(eq(examinationCentres.id, centreId)).get(), loadMembership(db, actor)]);
  if (!centre || !canSeeCentre(actor, membership, { centreId: centre.id })) throw new NotFound();
  return { centre, membership };
}

/** A provtillfälle and its centre, if the actor may see them, else NotFound. */
export async function sessionFor(db: DbOrTx, actor: Actor, sessionId: string): Promise<{ session: ExamSession; centre: Centre; membership: Membership }> {
  const [row, membership] = await Promise.all([
    db.select({ session: examSessions, centre: examinationCentres }).from(examSessions).innerJoin(examinationCentres, eq(examinationCentres.id, examSessions.centreId)).where(eq(examSessions.id, sessionId)).get(),
    loadMembership(db, actor),
  ]);
  if (!row || !canSeeCentre(actor, membership, { centreId: row.centre.id })) throw new NotFound();
  return { ...row, membership };
}

export const centreFacts = (centre: Centre) => ({ centreId: centre.id, status: centreStatus(centre) });
