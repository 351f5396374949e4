import { and, eq, type SQL } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { examinationCentres } from "../../db/schema/index.ts";
import { Conflict, NotFound } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";

type CentreRow = typeof examinationCentres.$inferSelect;

/**
 * A centre's step (Godkänn, Stäng av, Återaktivera): the row changed only while `when` holds, in
 * one transaction with its Event; otherwise Conflict with the reason `refused` gives.
 */
export async function changeCentre(
  deps: Deps,
  actor: Actor & { userId: string },
  centreId: string,
  step: {
    set: (now: Date) => Partial<CentreRow>;
    when: SQL;
    refused: (centre: CentreRow) => string;
    action: string;
    details?: Record<string, unknown>;
    /** More of the step in its transaction, e.g. the mails it sends. */
    also?: (tx: Tx, centre: CentreRow, now: Date) => Promise<void>;
  },
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(
    async (tx) => {
      const centre = await tx.select().from(examinationCentres).where(eq(examinationCentres.id, centreId)).get();
      if (!centre) throw new NotFound();
      const moved = await tx
        .update(examinationCentres)
        .set(step.set(now))
        .where(and(eq(examinationCentres.id, centre.id), step.when))
        .returning({ id: examinationCentres.id });
      if (moved.length === 0) throw new Conflict(step.refused(centre));
      await recordEvent(tx, actor, now, { action: step.action, subjectType: "examination_centre", subjectId: centre.id, details: { centre: centre.name, ...step.details } });
      await step.also?.(tx, centre, now);
    },
    { behavior: "immediate" },
  );
  if (step.also) deps.mailQueue.kick();
}
