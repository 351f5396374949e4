import { and, asc, eq, isNull, lte, or } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { followUps } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import type { Deps } from "../deps.ts";
import { retryDelayMs, MAX_ATTEMPTS } from "./outbox.ts";

export const CLAIM_MS = 5 * 60_000;

/** Work to do after this transaction commits, e.g. `invoice.send` with `{ invoiceId }`. */
export async function enqueueFollowUp(tx: Tx, now: Date, kind: string, payload: Record<string, string>): Promise<string> {
  const id = newId();
  await tx.insert(followUps).values({ id, kind, payload, status: "pending", attempts: 0, nextAttemptAt: now, createdAt: now });
  return id;
}

export type FollowUpHandlers = Record<string, (deps: Deps, payload: Record<string, string>) => Promise<void>>;

/**
 * Does what is due, one row at a time, each claimed first (a conditional update) so that two
 * processes never do the same row at once. A handler that throws is retried later with a growing
 * pause; after MAX_ATTEMPTS the row is marked failed for staff to see. Handlers must be safe to
 * run again after a crash halfway (they check what is already done).
 */
export async function runFollowUps(deps: Deps, handlers: FollowUpHandlers, limit = 20): Promise<{ done: number; failed: number }> {
  let done = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const now = deps.clock.now();
    const due = and(eq(followUps.status, "pending"), lte(followUps.nextAttemptAt, now), or(isNull(followUps.claimedUntil), lte(followUps.claimedUntil, now)));
    const next = await deps.db.select({ id: followUps.id }).from(followUps).where(due).orderBy(asc(followUps.nextAttemptAt), asc(followUps.createdAt)).get();
    if (!next) break;
    const token = newId();
    const [row] = await deps.db
      .update(followUps)
      .set({ claimedUntil: new Date(now.getTime() + CLAIM_MS), claimToken: token })
      .where(and(eq(followUps.id, next.id), due))
      .returning();
    if (!row) continue;
    const mine = and(eq(followUps.id, row.id), eq(followUps.claimToken, token));
    try {
      const handler = Object.hasOwn(handlers, row.kind) ? handlers[row.kind] : undefined;
      if (!handler) throw new Error(`no handler for ${row.kind}`);
      await handler(deps, row.payload);
      await deps.db.update(followUps).set({ status: "done", doneAt: deps.clock.now(), attempts: row.attempts + 1, claimedUntil: null, lastError: null }).where(mine);
      done++;
    } catch (error) {
      const attempts = row.attempts + 1;
      await deps.db
        .update(followUps)
        .set({ status: attempts >= MAX_ATTEMPTS ? "failed" : "pending", attempts, nextAttemptAt: new Date(deps.clock.now().getTime() + retryDelayMs(attempts)), claimedUntil: null, lastError: String((error as Error)?.message ?? error).slice(0, 500) })
        .where(mine);
      failed++;
    }
  }
  return { done, failed };
}
