import { and, eq } from "drizzle-orm";
import { examinationCentres } from "../../db/schema/index.ts";
import { Conflict, Forbidden, NotFound } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { canManageCentres } from "./policy.ts";
import { t } from "../../lib/i18n/index.ts";

/** "Godkänn": the centre is approved; its examinators may now hold exams and it is listed publicly. */
export async function approveCentre(deps: Deps, actor: Actor & { userId: string }, input: { centreId: string }): Promise<void> {
  if (!canManageCentres(actor)) throw new Forbidden(t("examinations.approveAdminsOnly"));
  const now = deps.clock.now();
  await deps.db.transaction(
    async (tx) => {
      const centre = await tx.select().from(examinationCentres).where(eq(examinationCentres.id, input.centreId)).get();
      if (!centre) throw new NotFound();
      const moved = await tx
        .update(examinationCentres)
        .set({ status: "approved", approvedAt: now, approvedByUserId: actor.userId })
        .where(and(eq(examinationCentres.id, centre.id), eq(examinationCentres.status, "pending")))
        .returning({ id: examinationCentres.id });
      if (moved.length === 0) throw new Conflict(t("examinations.centre.alreadyApproved"));
      await recordEvent(tx, actor, now, { action: "centre.approved", subjectType: "examination_centre", subjectId: centre.id, details: { centre: centre.name } });
    },
    { behavior: "immediate" },
  );
}
