import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { bankidOrders } from "../../db/schema/index.ts";

/** Marks a pending order complete; false when another request got there first (one use only). */
export async function claimBankIdOrder(tx: Tx, orderId: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(bankidOrders)
    .set({ status: "complete", hintCode: null, finishedAt: now })
    .where(and(eq(bankidOrders.id, orderId), eq(bankidOrders.status, "pending")))
    .returning({ id: bankidOrders.id });
  return rows.length === 1;
}
