import { mailIn } from "../accounts/index.ts";
import { and, eq, isNull } from "drizzle-orm";
import { examRegistrations, persons } from "../../db/schema/index.ts";
import { Conflict, Forbidden, NotFound } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import { getScheme, schemeTitle } from "../catalogue/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { enqueueMail } from "../outbox/index.ts";
import { registrationCancelledMail } from "./mails.ts";
import { centreFacts, sessionFor } from "./membership.ts";
import { canCancelRegistration } from "./policy.ts";
import { sessionParts } from "./queries.ts";
import { sessionFacts, sessionLine } from "./session-facts.ts";
import { t } from "../../lib/i18n/index.ts";

/**
 * "Återkalla anmälan": before a result is recorded the examinator may take a registration back
 * (a mistake, a candidate who cannot come). The certification process it started stays: the
 * candidate may withdraw it or take the exam elsewhere.
 */
export async function cancelRegistration(deps: Deps, actor: Actor & { userId: string }, input: { sessionId: string; registrationId: string }): Promise<void> {
  const { session, centre, membership } = await sessionFor(deps.db, actor, input.sessionId);
  const row = await deps.db
    .select({ registration: examRegistrations, person: persons })
    .from(examRegistrations)
    .innerJoin(persons, eq(persons.id, examRegistrations.personId))
    .where(and(eq(examRegistrations.id, input.registrationId), eq(examRegistrations.sessionId, session.id)))
    .get();
  if (!row) throw new NotFound();
  const allowed = canCancelRegistration(actor, membership, centreFacts(centre), { personId: row.registration.personId });
  if (!allowed.ok) throw new Forbidden(allowed.reason);
  const name = `${row.person.givenName} ${row.person.familyName}`;
  const [{ scheme, area }, parts] = await Promise.all([getScheme(deps.db, session.schemeId), sessionParts(deps.db, session.id)]);
  const title = schemeTitle(area, scheme);
  const now = deps.clock.now();
  await deps.db.transaction(
    async (tx) => {
      const moved = await tx
        .update(examRegistrations)
        .set({ status: "cancelled", cancelledAt: now, cancelledByUserId: actor.userId })
        .where(and(eq(examRegistrations.id, row.registration.id), eq(examRegistrations.status, "registered"), isNull(examRegistrations.result)))
        .returning({ id: examRegistrations.id });
      if (moved.length === 0) throw new Conflict(row.registration.result ? t("exam.cancel.hasResult", name) : t("exam.cancel.already", name));
      const details = { centre: centre.name, certificate: title, session: sessionLine(session) };
      await recordEvent(tx, actor, now, { action: "exam.registration_cancelled", subjectType: "application", subjectId: row.registration.applicationId, personId: row.registration.personId, details });
      await recordEvent(tx, actor, now, { action: "exam.candidate_cancelled", subjectType: "exam_session", subjectId: session.id, details: { ...details, person: name } });
      await enqueueMail(tx, now, "exam.registration_cancelled", await mailIn(tx, row.person.email, () => registrationCancelledMail(deps.config, row.person.email, name, sessionFacts(session, centre, { title }, parts))));
    },
    { behavior: "immediate" },
  );
  deps.mailQueue.kick();
}
