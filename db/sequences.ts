import { sql } from "drizzle-orm";
import type { DbOrTx } from "./client.ts";
import { sequences } from "./schema/index.ts";

/** Where each number series starts; the row is created by the first caller. */
export const SEQUENCE_START = { certificate: 10001, invoice: 100001, case: 1001 } as const;
export type SequenceName = keyof typeof SEQUENCE_START;

/**
 * The next number of a series, taken inside the caller's write transaction. One statement that
 * reads and increments: SQLite runs one writer at a time, so no two transactions get the same
 * number, and a rolled-back transaction gives its number back (numbers of committed rows never
 * repeat; a gap is harmless).
 */
export async function nextNumber(tx: DbOrTx, name: SequenceName): Promise<number> {
  const [row] = await tx
    .insert(sequences)
    .values({ name, next: SEQUENCE_START[name] + 1 })
    .onConflictDoUpdate({ target: sequences.name, set: { next: sql`${sequences.next} + 1` } })
    .returning({ value: sql<number>`${sequences.next} - 1` });
  return Number(row!.value);
}
