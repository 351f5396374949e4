import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { examinationCentres } from "../../db/schema/index.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { canManageCentres } from "./policy.ts";
import { t } from "../../lib/i18n/index.ts";

const MAX_REASON = 1000;

/**
 * "Stäng av": an approved centre's examinators may do nothing there (no provtillfällen, no
 * registrations, no protocols, no results) and it leaves the public Examinationscentra page, until
 * an admin reinstates it. What was recorded stays; registrations stand. The reason is asked for:
 * it is shown to the centre's examinators and kept in the Händelselogg.
 */
export async function suspendCentre(deps: Deps, actor: Actor & { userId: string }, input: { centreId: string; reason: string }): Promise<void> {
  if (!canManageCentres(actor)) throw new Forbidden(t("examinations.suspendAdminsOnly"));
  const reason = input.reason.trim();
  if (!reason) throw new Invalid({ skal: t("examinations.centre.suspendReason.missing") });
  if (reason.length > MAX_REASON) throw new Invalid({ skal: t("examinations.centre.suspendReason.tooLong", MAX_REASON) });
  const now = deps.clock.now();
  await deps.db.transaction(
    async (tx) => {
      const centre = await tx.select().from(examinationCentres).where(eq(examinationCentres.id, input.centreId)).get();
      if (!centre) throw new NotFound();
      const moved = await tx
        .update(examinationCentres)
        .set({ suspendedAt: now, suspendedByUserId: actor.userId, suspensionReason: reason })
        .where(and(eq(examinationCentres.id, centre.id), eq(examinationCentres.status, "approved"), isNull(examinationCentres.suspendedAt)))
        .returning({ id: examinationCentres.id });
      if (moved.length === 0) throw new Conflict(centre.status !== "approved" ? t("examinations.centre.suspendNotApproved") : t("examinations.centre.alreadySuspended"));
      await recordEvent(tx, actor, now, { action: "centre.suspended", subjectType: "examination_centre", subjectId: centre.id, details: { centre: centre.name, reason } });
    },
    { behavior: "immediate" },
  );
}

/** "Återaktivera": the suspension ends; the centre is approved and listed again. */
export async function reinstateCentre(deps: Deps, actor: Actor & { userId: string }, input: { centreId: string }): Promise<void> {
  if (!canManageCentres(actor)) throw new Forbidden(t("examinations.suspendAdminsOnly"));
  const now = deps.clock.now();
  await deps.db.transaction(
    async (tx) => {
      const centre = await tx.select().from(examinationCentres).where(eq(examinationCentres.id, input.centreId)).get();
      if (!centre) throw new NotFound();
      const moved = await tx
        .update(examinationCentres)
        .set({ suspendedAt: null, suspendedByUserId: null, suspensionReason: null })
        .where(and(eq(examinationCentres.id, centre.id), isNotNull(examinationCentres.suspendedAt)))
        .returning({ id: examinationCentres.id });
      if (moved.length === 0) throw new Conflict(t("examinations.centre.notSuspended"));
      await recordEvent(tx, actor, now, { action: "centre.reinstated", subjectType: "examination_centre", subjectId: centre.id, details: { centre: centre.name } });
    },
    { behavior: "immediate" },
  );
}
