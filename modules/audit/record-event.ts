import type { DbOrTx } from "../../db/client.ts";
import { events } from "../../db/schema/index.ts";
import type { Actor } from "../deps.ts";

export interface EventInput {
  action: string;
  subjectType: string;
  subjectId: string;
  personId?: string | null;
  companyId?: string | null;
  details?: Record<string, unknown>;
}

/** Appends to the Händelselogg. Call it with the transaction that makes the change it records. */
export async function recordEvent(tx: DbOrTx, actor: Actor, at: Date, input: EventInput): Promise<void> {
  await tx.insert(events).values({
    at,
    actorUserId: actor.userId,
    actorName: actor.name,
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    personId: input.personId ?? null,
    companyId: input.companyId ?? null,
    details: input.details ?? null,
  });
}
