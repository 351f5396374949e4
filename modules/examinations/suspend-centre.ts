import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { examinationCentres } from "../../db/schema/index.ts";
import { Forbidden, Invalid } from "../../lib/errors.ts";
import type { Actor, Deps } from "../deps.ts";
import { changeCentre } from "./centre-change.ts";
import { canManageCentres } from "./policy.ts";
import { t } from "../../lib/i18n/index.ts";

const MAX_REASON = 1000;

/**
 * "Stäng av": an approved centre's examinators may do nothing there (no provtillfällen, no
 * registrations, no protocols, no results) but let a waiting candidate go, and it leaves the
 * public Examinationscentra page, until an admin reinstates it. What was recorded stays;
 * registrations stand. The reason is asked for: it is shown to the centre's examinators and kept
 * in the Händelselogg.
 */
export async function suspendCentre(deps: Deps, actor: Actor & { userId: string }, input: { centreId: string; reason: string }): Promise<void> {
  if (!canManageCentres(actor)) throw new Forbidden(t("examinations.suspendAdminsOnly"));
  const reason = input.reason.trim();
  if (!reason) throw new Invalid({ skal: t("examinations.centre.suspendReason.missing") });
  if (reason.length > MAX_REASON) throw new Invalid({ skal: t("examinations.centre.suspendReason.tooLong", MAX_REASON) });
  await changeCentre(deps, actor, input.centreId, {
    set: (now) => ({ suspendedAt: now, suspendedByUserId: actor.userId, suspensionReason: reason }),
    when: and(eq(examinationCentres.status, "approved"), isNull(examinationCentres.suspendedAt))!,
    refused: (centre) => (centre.status !== "approved" ? t("examinations.centre.suspendNotApproved") : t("examinations.centre.alreadySuspended")),
    action: "centre.suspended",
    details: { reason },
  });
}

/** "Återaktivera": the suspension ends; the centre is approved and listed again. */
export async function reinstateCentre(deps: Deps, actor: Actor & { userId: string }, input: { centreId: string }): Promise<void> {
  if (!canManageCentres(actor)) throw new Forbidden(t("examinations.suspendAdminsOnly"));
  await changeCentre(deps, actor, input.centreId, {
    set: () => ({ suspendedAt: null, suspendedByUserId: null, suspensionReason: null }),
    when: isNotNull(examinationCentres.suspendedAt),
    refused: () => t("examinations.centre.notSuspended"),
    action: "centre.reinstated",
  });
}
