import { and, eq } from "drizzle-orm";
import { applicationRequirements, applications, documents, persons, users } from "../../db/schema/index.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { composeMail } from "../../lib/mail/compose.ts";
import { recordEvent } from "../audit/index.ts";
import { isStaff, type Actor, type Deps } from "../deps.ts";
import { loadApplication } from "../certification/load-application.ts";
import { requirementTransition } from "../certification/state-machine.ts";

/**
 * A reviewer's word on one Moment: Godkänt, or Ej godkänt with a comment that tells the applicant
 * what to complement. Nobody reviews their own evidence. The applicant is mailed either way.
 */
export async function reviewRequirement(deps: Deps, actor: Actor & { userId: string }, input: { applicationId: string; momentId: string; approve: boolean; comment: string | null }): Promise<void> {
  if (!isStaff(actor)) throw new Forbidden();
  const comment = input.comment?.trim() || null;
  if (!input.approve && !comment) throw new Invalid({ comment: "Skriv vad som behöver kompletteras. Kommentaren skickas till den sökande." });
  const app = await loadApplication(deps.db, actor, input.applicationId);
  const moment = app.moments.find((m) => m.moment.id === input.momentId);
  if (!moment) throw new NotFound();
  if (app.application.personId && app.application.personId === actor.personId) throw new Forbidden("Du kan inte granska dina egna underlag.");
  const file = moment.moment.latestDocumentId ? await deps.db.select({ by: documents.uploadedByUserId }).from(documents).where(eq(documents.id, moment.moment.latestDocumentId)).get() : undefined;
  if (file?.by === actor.userId) throw new Forbidden("Du kan inte granska en fil som du själv har laddat upp.");
  const move = requirementTransition(moment.moment.status, input.approve ? "approve" : "reject");
  if (!move.ok) throw new Conflict(move.reason);
  const now = deps.clock.now();
  await deps.db.transaction(
    async (tx) => {
      const updated = await tx
        .update(applicationRequirements)
        .set({ status: move.next, reviewedByUserId: actor.userId, reviewComment: comment, updatedAt: now, updatedByUserId: actor.userId })
        .where(and(eq(applicationRequirements.id, moment.moment.id), eq(applicationRequirements.status, moment.moment.status)))
        .returning({ id: applicationRequirements.id });
      if (updated.length === 0) throw new Conflict("Momentet är redan granskat.");
      await tx.update(applications).set({ updatedAt: now }).where(eq(applications.id, app.application.id));
      await recordEvent(tx, actor, now, {
        action: input.approve ? "evidence.approved" : "evidence.rejected",
        subjectType: "application",
        subjectId: app.application.id,
        personId: app.application.personId,
        companyId: app.application.companyId,
        details: { moment: moment.requirement.name, ...(comment ? { comment } : {}) },
      });
    },
    { behavior: "immediate" },
  );
  // A person's application mails the applicant; a company's mails the admin who uploaded the file.
  const uploader = await deps.db
    .select({ email: persons.email, givenName: persons.givenName, familyName: persons.familyName })
    .from(users)
    .innerJoin(persons, eq(persons.id, users.personId))
    .where(app.application.personId ? eq(persons.id, app.application.personId) : eq(users.id, file?.by ?? moment.moment.createdByUserId))
    .get();
  if (uploader) {
    const title = `${app.area.name} - ${app.scheme.name}`;
    await deps.mail.send(
      composeMail(
        {
          to: uploader.email,
          subject: input.approve ? `Momentet ${moment.requirement.name} är godkänt` : `Momentet ${moment.requirement.name} är ej godkänt`,
          greeting: `Hej ${uploader.givenName} ${uploader.familyName},`,
          paragraphs: input.approve
            ? [`Vi har granskat det du laddade upp för "${moment.requirement.name}" i din ansökan om ${title}. Momentet är godkänt.`]
            : [`Vi har granskat det du laddade upp för "${moment.requirement.name}" i din ansökan om ${title}. Momentet är ej godkänt.`, `Det här behöver kompletteras: ${comment}`, "Ladda upp en ny fil för momentet i certifieringsprocessen."],
          action: { label: "Visa certifieringsprocess", url: `${deps.config.publicUrl}/min-sida/ansokningar/${app.application.id}` },
        },
        deps.config.org,
      ),
    );
  }
}
