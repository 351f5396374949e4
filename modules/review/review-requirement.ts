import type { Tx } from "../../db/client.ts";
import { enqueueMail } from "../outbox/outbox.ts";
import { eq } from "drizzle-orm";
import { documents, persons, users } from "../../db/schema/index.ts";
import { swedishDate } from "../../lib/dates.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { composeMail } from "../../lib/mail/compose.ts";
import { EDITABLE_STATUSES, finalReviewMail, loadApplication, processState, recordMomentReview, requirementTransition, submitIfReady } from "../certification/index.ts";
import { isStaff, type Actor, type Deps } from "../deps.ts";
import { loadParties } from "./parties.ts";
import { canReviewRequirement } from "./policy.ts";
import { holderRecipients, inLanguageOf } from "./recipients.ts";
import { mailIn } from "../accounts/index.ts";
import { t } from "../../lib/i18n/index.ts";

/**
 * A reviewer's word on one Moment: Godkänt, or Ej godkänt with a comment that tells the applicant
 * what to complement. Nobody reviews their own evidence. The applicant is mailed either way. When
 * the approval completes a returned application (already declared, recipient given), it goes back
 * to final review in the same transaction.
 */
export async function reviewRequirement(deps: Deps, actor: Actor & { userId: string }, input: { applicationId: string; momentId: string; approve: boolean; comment: string | null }): Promise<{ submitted: boolean }> {
  if (!isStaff(actor)) throw new Forbidden();
  const comment = input.comment?.trim() || null;
  if (!input.approve && !comment) throw new Invalid({ comment: t("review.moment.commentMissing") });
  const app = await loadApplication(deps.db, actor, input.applicationId);
  const moment = app.moments.find((m) => m.moment.id === input.momentId);
  if (!moment) throw new NotFound();
  const now = deps.clock.now();
  const file = moment.moment.latestDocumentId ? await deps.db.select({ by: documents.uploadedByUserId }).from(documents).where(eq(documents.id, moment.moment.latestDocumentId)).get() : undefined;
  const allowed = canReviewRequirement(actor, await loadParties(deps.db, actor, app.application, swedishDate(now)), { uploadedByUserId: file?.by ?? null });
  if (!allowed.ok) throw new Forbidden(allowed.reason);
  const move = requirementTransition(moment.moment.status, input.approve ? "approve" : "reject");
  if (!move.ok) throw new Conflict(move.reason);
  const submitted = await deps.db.transaction(
    async (tx) => {
      const moved = await recordMomentReview(tx, actor, now, { application: app.application, momentId: moment.moment.id, momentName: moment.requirement.name, from: moment.moment.status, to: move.next, comment });
      if (!moved) throw new Conflict(t("review.moment.alreadyReviewed"));
      await mailApplicant(tx, deps, now, app, moment, input.approve, comment, file?.by ?? undefined);
      if (!input.approve || !EDITABLE_STATUSES.includes(app.application.status)) return false;
      // Read again inside the transaction: another reviewer may just have approved the other Moment.
      const fresh = await loadApplication(tx, actor, app.application.id);
      const done = await submitIfReady(tx, actor, now, fresh.application, processState(fresh));
      if (done) {
        const title = `${app.area.name} - ${app.scheme.name}`;
        for (const to of await holderRecipients(tx, app.application)) await enqueueMail(tx, now, "application.submitted", inLanguageOf(to, () => finalReviewMail(deps.config, to.email, to.name, title, app.application.id)));
      }
      return done;
    },
    { behavior: "immediate" },
  );
  deps.mailQueue.kick();
  return { submitted };
}

type Loaded = Awaited<ReturnType<typeof loadApplication>>;

// A person's application mails the applicant; a company's mails the admin who uploaded the file.
async function mailApplicant(tx: Tx, deps: Deps, now: Date, app: Loaded, moment: Loaded["moments"][number], approve: boolean, comment: string | null, uploadedBy: string | undefined): Promise<void> {
  const uploader = await tx
    .select({ email: persons.email, givenName: persons.givenName, familyName: persons.familyName })
    .from(users)
    .innerJoin(persons, eq(persons.id, users.personId))
    .where(app.application.personId ? eq(persons.id, app.application.personId) : eq(users.id, uploadedBy ?? moment.moment.createdByUserId))
    .get();
  if (!uploader) return;
  const title = `${app.area.name} - ${app.scheme.name}`;
  const name = moment.requirement.name;
  await enqueueMail(
    tx,
    now,
    approve ? "evidence.approved" : "evidence.rejected",
    await mailIn(tx, uploader.email, () =>
      composeMail(
        {
          to: uploader.email,
          subject: approve ? t("mail.moment.approved.subject", name) : t("mail.moment.rejected.subject", name),
          greeting: t("mail.greeting", `${uploader.givenName} ${uploader.familyName}`),
          paragraphs: approve ? [t("mail.moment.approved.text", name, title)] : [t("mail.moment.rejected.text", name, title), t("mail.returned.what", comment ?? ""), t("mail.moment.rejected.upload")],
          action: { label: t("process.show"), url: `${deps.config.publicUrl}/min-sida/ansokningar/${app.application.id}` },
        },
        deps.config.org,
      ),
    ),
  );
}
