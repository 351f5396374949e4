import { and, eq } from "drizzle-orm";
import { applicationRequirementFiles, applicationRequirements, applications } from "../../db/schema/index.ts";
import { Conflict, NotFound } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { acceptUpload, type UploadInput } from "../../lib/uploads/accept-upload.ts";
import type { FileType } from "../../lib/uploads/file-types.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { storeDocumentWith } from "../documents/index.ts";
import { canActAsApplicant, loadApplication, processState } from "./load-application.ts";
import { canApplicant, requirementTransition } from "./state-machine.ts";
import { t } from "../../lib/i18n/index.ts";

/**
 * "Ladda upp fil" for a Moment: checked by content, images re-encoded, stored durably, then the
 * Moment is "Inväntar granskning". Earlier files stay in the Moment's history.
 */
export async function uploadEvidence(deps: Deps, actor: Actor & { userId: string }, input: { applicationId: string; momentId: string; file: UploadInput }): Promise<void> {
  const app = await loadApplication(deps.db, actor, input.applicationId);
  if (!(await canActAsApplicant(deps.db, actor, app.application))) throw new NotFound();
  const moment = app.moments.find((m) => m.moment.id === input.momentId);
  if (!moment) throw new NotFound();
  const allowed = canApplicant(processState(app), "upload");
  if (!allowed.ok) throw new Conflict(allowed.reason);
  const move = requirementTransition(moment.moment.status, "upload");
  if (!move.ok) throw new Conflict(move.reason);
  // Refused files never reach storage: acceptUpload throws Invalid({ file }) first.
  const accepted = await acceptUpload(input.file, { allowed: moment.requirement.acceptedTypes.split(",") as FileType[] });
  const now = deps.clock.now();
  await storeDocumentWith(deps, accepted, actor.userId, async (tx, documentId) => {
    const updated = await tx
      .update(applicationRequirements)
      .set({ status: move.next, latestDocumentId: documentId, updatedAt: now, updatedByUserId: actor.userId, reviewedByUserId: null, reviewComment: null })
      .where(and(eq(applicationRequirements.id, moment.moment.id), eq(applicationRequirements.status, moment.moment.status)))
      .returning({ id: applicationRequirements.id });
    if (updated.length === 0) throw new Conflict(t("moment.changedMeanwhile"));
    await tx.insert(applicationRequirementFiles).values({ id: newId(), applicationRequirementId: moment.moment.id, documentId, uploadedAt: now });
    await tx.update(applications).set({ updatedAt: now }).where(eq(applications.id, app.application.id));
    await recordEvent(tx, actor, now, {
      action: "evidence.uploaded",
      subjectType: "application",
      subjectId: app.application.id,
      personId: app.application.personId ?? actor.personId,
      companyId: app.application.companyId,
      details: { moment: moment.requirement.name, file: accepted.originalName },
    });
  });
}
