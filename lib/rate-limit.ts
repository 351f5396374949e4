import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { TooManyRequests } from "./errors.ts";

export interface Limit {
  /** e.g. "login:ip:127.0.0.1"; e-mail keys are normalised by the caller. */
  key: string;
  max: number;
  windowMs: number;
}

/**
 * Counts one hit in a fixed window, atomically in the database (one upsert), so every process
 * shares the count. Returns how long to wait when over the limit.
 */
export async function hit(db: DbOrTx, limit: Limit, now: Date): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const t = now.getTime();
  const stale = t - limit.windowMs;
  const rows = await db.all<{ count: number; window_start: number }>(sql`
    INSERT INTO rate_limits (key, window_start, count) VALUES (${limit.key}, ${t}, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN window_start <= ${stale} THEN 1 ELSE count + 1 END,
      window_start = CASE WHEN window_start <= ${stale} THEN ${t} ELSE window_start END
    RETURNING count, window_start`);
  const row = rows[0]!;
  const allowed = row.count <= limit.max;
  const retryAfterSeconds = allowed ? 0 : Math.max(1, Math.ceil((row.window_start + limit.windowMs - t) / 1000));
  return { allowed, retryAfterSeconds };
}

/** Like hit(), but throws TooManyRequests when over any of the limits. */
export async function enforce(db: DbOrTx, limits: Limit[], now: Date, message?: string): Promise<void> {
  for (const limit of limits) {
    const r = await hit(db, limit, now);
    if (!r.allowed) throw new TooManyRequests(r.retryAfterSeconds, message);
  }
}
