import { and, desc, eq, gt, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { events } from "../../db/schema/index.ts";

/**
 * When the given actions happened to one subject after `since`, newest first, at most `limit`.
 * The log is append-only, so a count read from it cannot be reset by anything a user does.
 */
export async function eventTimes(db: DbOrTx, q: { subjectType: string; subjectId: string; actions: string[]; since: Date; limit: number }): Promise<Date[]> {
  const rows = await db
    .select({ at: events.at })
    .from(events)
    .where(and(eq(events.subjectType, q.subjectType), eq(events.subjectId, q.subjectId), inArray(events.action, q.actions), gt(events.at, q.since)))
    .orderBy(desc(events.at), desc(events.id))
    .limit(q.limit);
  return rows.map((r) => r.at);
}
