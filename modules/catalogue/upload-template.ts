import { eq } from "drizzle-orm";
import { requirements } from "../../db/schema/index.ts";
import { Conflict } from "../../lib/errors.ts";
import { acceptUpload, type UploadInput } from "../../lib/uploads/accept-upload.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { storeDocumentWith } from "../documents/index.ts";
import { assertCanEditCatalogue } from "./policy.ts";
import { getRequirement, schemeTitle } from "./queries.ts";
import { t } from "../../lib/i18n/index.ts";

/**
 * "Filmall": a template applicants download for a Moment. A new one replaces the current for
 * downloads; the old document is kept (a Document is never deleted), and the Händelselogg says which.
 */
export async function uploadTemplate(deps: Deps, actor: Actor & { userId: string }, input: { requirementId: string; file: UploadInput }): Promise<{ documentId: string }> {
  assertCanEditCatalogue(actor);
  const { requirement } = await getRequirement(deps.db, input.requirementId);
  if (requirement.retiredAt) throw new Conflict(t("catalogue.req.retiredNoTemplate"));
  // Refused files never reach storage: acceptUpload throws Invalid({ file }) first.
  const accepted = await acceptUpload(input.file);
  const now = deps.clock.now();
  return storeDocumentWith(deps, accepted, actor.userId, async (tx, documentId) => {
    const { requirement: current, scheme, area } = await getRequirement(tx, input.requirementId);
    if (current.retiredAt) throw new Conflict(t("catalogue.req.retiredNoTemplate"));
    await tx.update(requirements).set({ templateDocumentId: documentId }).where(eq(requirements.id, current.id));
    await recordEvent(tx, actor, now, {
      action: "requirement.template_uploaded",
      subjectType: "requirement",
      subjectId: current.id,
      details: { certificate: schemeTitle(area, scheme), moment: current.name, file: accepted.originalName, documentId, previousDocumentId: current.templateDocumentId },
    });
    return { documentId };
  });
}
