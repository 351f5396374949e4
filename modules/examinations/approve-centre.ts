import { eq } from "drizzle-orm";
import { examinationCentres } from "../../db/schema/index.ts";
import { Forbidden } from "../../lib/errors.ts";
import type { Actor, Deps } from "../deps.ts";
import { changeCentre } from "./centre-change.ts";
import { canManageCentres } from "./policy.ts";
import { t } from "../../lib/i18n/index.ts";

/** "Godkänn": the centre is approved; its examinators may now hold exams and it is listed publicly. */
export async function approveCentre(deps: Deps, actor: Actor & { userId: string }, input: { centreId: string }): Promise<void> {
  if (!canManageCentres(actor)) throw new Forbidden(t("examinations.approveAdminsOnly"));
  await changeCentre(deps, actor, input.centreId, {
    set: (now) => ({ status: "approved", approvedAt: now, approvedByUserId: actor.userId }),
    when: eq(examinationCentres.status, "pending"),
    refused: () => t("examinations.centre.alreadyApproved"),
    action: "centre.approved",
  });
}
