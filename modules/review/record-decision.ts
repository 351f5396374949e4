import type { Tx } from "../../db/client.ts";
import { decisions } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";

export type DecisionInput = Omit<typeof decisions.$inferInsert, "id">;

/** Writes a Beslut; decisions are never changed afterwards (the table refuses it). */
export async function recordDecision(tx: Tx, input: DecisionInput): Promise<string> {
  const id = newId();
  await tx.insert(decisions).values({ id, ...input });
  return id;
}
