import { eq } from "drizzle-orm";
import { examSessions } from "../../db/schema/index.ts";
import { Forbidden } from "../../lib/errors.ts";
import { acceptUpload, type UploadInput } from "../../lib/uploads/accept-upload.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { storeDocumentWith } from "../documents/index.ts";
import { centreFacts, sessionFor } from "./membership.ts";
import { canWorkAtCentre } from "./policy.ts";
import { sessionLine } from "./session-facts.ts";

/**
 * "Ladda upp provprotokoll": the session's protocol as a PDF, checked by content and stored before
 * the row points at it. A newer one replaces it on the session; the Händelselogg keeps each.
 */
export async function uploadProtocol(deps: Deps, actor: Actor & { userId: string }, input: { sessionId: string; file: UploadInput }): Promise<void> {
  const { session, centre, membership } = await sessionFor(deps.db, actor, input.sessionId);
  const allowed = canWorkAtCentre(actor, membership, centreFacts(centre));
  if (!allowed.ok) throw new Forbidden(allowed.reason);
  const accepted = await acceptUpload(input.file, { allowed: ["pdf"] });
  const now = deps.clock.now();
  await storeDocumentWith(deps, accepted, actor.userId, async (tx, documentId) => {
    await tx.update(examSessions).set({ protocolDocumentId: documentId }).where(eq(examSessions.id, session.id));
    await recordEvent(tx, actor, now, { action: "exam_session.protocol_uploaded", subjectType: "exam_session", subjectId: session.id, details: { centre: centre.name, session: sessionLine(session), file: accepted.originalName } });
  });
}
