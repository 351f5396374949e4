import { mailIn } from "../accounts/index.ts";
import { and, count, eq, isNull } from "drizzle-orm";
import { isUniqueViolation } from "../../db/errors.ts";
import { examRegistrations, examSessions } from "../../db/schema/index.ts";
import { swedishDate } from "../../lib/dates.ts";
import { Conflict, Forbidden } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { recordEvent } from "../audit/index.ts";
import { schemeTitle, getScheme } from "../catalogue/index.ts";
import { applicationForExam } from "../certification/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { enqueueMail } from "../outbox/index.ts";
import { findCandidate } from "./find-candidate.ts";
import { registeredMail } from "./mails.ts";
import { centreFacts, sessionFor } from "./membership.ts";
import { canExamine, canWorkAtCentre } from "./policy.ts";
import { sessionParts } from "./queries.ts";
import { sessionFacts, sessionLine } from "./session-facts.ts";
import { t } from "../../lib/i18n/index.ts";

/**
 * "Anmäl kandidat": the examinator registers an existing account, named by exact personnummer or
 * e-mail, to a provtillfälle. That starts a certification process of the session's scheme for
 * the candidate (or joins their open one), and the candidate is mailed the date and place.
 */
export async function registerCandidate(deps: Deps, actor: Actor & { userId: string }, input: { sessionId: string; candidate: string }): Promise<{ registrationId: string; applicationId: string; started: boolean; name: string }> {
  const { session, centre, membership } = await sessionFor(deps.db, actor, input.sessionId);
  const work = canWorkAtCentre(actor, membership, centreFacts(centre));
  if (!work.ok) throw new Forbidden(work.reason);
  const candidate = await findCandidate(deps, input.candidate);
  const allowed = canExamine(actor, membership, centreFacts(centre), candidate);
  if (!allowed.ok) throw new Forbidden(allowed.reason);
  const now = deps.clock.now();
  if (session.date < swedishDate(now)) throw new Conflict(t("exam.sessionPast"));
  const [{ scheme, area }, parts] = await Promise.all([getScheme(deps.db, session.schemeId), sessionParts(deps.db, session.id)]);
  const title = schemeTitle(area, scheme);
  const facts = sessionFacts(session, centre, { title }, parts);
  const registrationId = newId();
  const result = await deps.db
    .transaction(
      async (tx) => {
        const [{ taken }] = await tx.select({ taken: count() }).from(examRegistrations).where(and(eq(examRegistrations.sessionId, session.id), eq(examRegistrations.status, "registered")));
        if (taken >= session.seats) throw new Conflict(t("exam.sessionFull", session.seats));
        const waiting = await tx
          .select({ date: examSessions.date, sessionId: examSessions.id })
          .from(examRegistrations)
          .innerJoin(examSessions, eq(examSessions.id, examRegistrations.sessionId))
          .where(and(eq(examRegistrations.personId, candidate.personId), eq(examSessions.schemeId, session.schemeId), eq(examRegistrations.status, "registered"), isNull(examRegistrations.result)))
          .get();
        if (waiting) {
          throw new Conflict(
            waiting.sessionId === session.id ? t("exam.registeredAlready", candidate.name) : t("exam.registeredElsewhere", candidate.name, title, waiting.date),
          );
        }
        const { applicationId, started } = await applicationForExam(tx, actor, now, { personId: candidate.personId, personName: candidate.name, schemeId: session.schemeId, centreName: centre.name });
        await tx.insert(examRegistrations).values({ id: registrationId, sessionId: session.id, personId: candidate.personId, applicationId, status: "registered", registeredAt: now, registeredByUserId: actor.userId });
        const details = { centre: centre.name, certificate: title, session: sessionLine(session) };
        await recordEvent(tx, actor, now, { action: "exam.registered", subjectType: "application", subjectId: applicationId, personId: candidate.personId, details });
        await recordEvent(tx, actor, now, { action: "exam.candidate_registered", subjectType: "exam_session", subjectId: session.id, details: { ...details, person: candidate.name } });
        await enqueueMail(tx, now, "exam.registered", await mailIn(tx, candidate.email, () => registeredMail(deps.config, candidate.email, candidate.name, facts, applicationId, started)));
        return { registrationId, applicationId, started, name: candidate.name };
      },
      { behavior: "immediate" },
    )
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new Conflict(t("exam.registeredRaced", candidate.name));
      throw error;
    });
  deps.mailQueue.kick();
  return result;
}
