import { mailIn } from "../accounts/index.ts";
import { and, eq, isNull } from "drizzle-orm";
import { examRegistrations, examResults } from "../../db/schema/index.ts";
import { swedishDate } from "../../lib/dates.ts";
import { Conflict, Forbidden, Invalid, type FieldErrors } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import { schemeTitle } from "../catalogue/index.ts";
import { approveExamMoment } from "../certification/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { enqueueMail } from "../outbox/index.ts";
import { resultMail } from "./mails.ts";
import { centreFacts } from "./membership.ts";
import { canExamine, canWorkAtCentre } from "./policy.ts";
import { getSession, type SessionDetails } from "./queries.ts";
import { checkEntry, describeResults, passedAll, type ResultRow } from "./results.ts";
import { sessionFacts, sessionLine } from "./session-facts.ts";
import { t, inLanguage } from "../../lib/i18n/index.ts";

/** Where the form shows the error of one candidate's part: `<registration>:<part>`. */
export const entryKey = (registrationId: string, partId: string) => `${registrationId}:${partId}`;

/**
 * After the exam, per candidate and part: Godkänd / Ej godkänd and points where the part is
 * scored. Every row is checked first; one wrong row and nothing is saved. Once recorded, a result
 * changes only by Rätta resultat (correct-result.ts), with a reason. A passed exam approves the exam Moment of the candidate's process at once (the result
 * is its evidence, the examinator its reviewer); a failed one says so, and the candidate may be
 * registered again. Each candidate is mailed their result.
 */
export async function recordResults(deps: Deps, actor: Actor & { userId: string }, input: { sessionId: string; rows: ResultRow[] }): Promise<{ recorded: number; passed: number }> {
  const details = await getSession(deps.db, actor, input.sessionId);
  const { session, centre, membership, parts } = details;
  const allowed = canWorkAtCentre(actor, membership, centreFacts(centre));
  if (!allowed.ok) throw new Forbidden(allowed.reason);
  const now = deps.clock.now();
  if (session.date > swedishDate(now)) throw new Conflict(t("session.results.from", session.date));
  if (!session.protocolDocumentId) throw new Conflict(t("exam.protocolFirst"));
  if (input.rows.length === 0) throw new Invalid({ resultat: t("exam.results.none") });
  const errors = checkRows(actor, details, input.rows);
  if (Object.keys(errors).length) throw new Invalid(errors, t("exam.results.nothingSaved"));

  const title = schemeTitle(details.area, details.scheme);
  const facts = sessionFacts(session, centre, { title }, parts);
  const result = await deps.db.transaction(
    async (tx) => {
      let passedCount = 0;
      for (const row of input.rows) {
        const reg = details.registrations.find((r) => r.registration.id === row.registrationId)!;
        const passed = passedAll(parts, row);
        const moved = await tx
          .update(examRegistrations)
          .set({ result: passed ? "passed" : "failed", resultRecordedAt: now, resultRecordedByUserId: actor.userId })
          .where(and(eq(examRegistrations.id, reg.registration.id), eq(examRegistrations.status, "registered"), isNull(examRegistrations.result)))
          .returning({ id: examRegistrations.id });
        if (moved.length === 0) throw new Conflict(t("exam.results.raced", reg.name));
        for (const part of parts) {
          const e = row.entries[part.id]!;
          await tx.insert(examResults).values({ registrationId: reg.registration.id, partId: part.id, passed: e.passed!, points: e.points });
        }
        // The Händelselogg and the Moment's evidence in Swedish; the candidate's mail in theirs.
        const lines = inLanguage("sv", () => describeResults(parts, row));
        const verdict = passed ? "Godkänt" : "Ej godkänt";
        const evidence = `${verdict} prov ${session.date} vid ${centre.name}: ${lines.join("; ")}.`;
        const eventDetails = { centre: centre.name, certificate: title, session: sessionLine(session), result: verdict, parts: lines };
        await recordEvent(tx, actor, now, { action: passed ? "exam.passed" : "exam.failed", subjectType: "application", subjectId: reg.registration.applicationId, personId: reg.person.id, details: eventDetails });
        await recordEvent(tx, actor, now, { action: "exam.result_recorded", subjectType: "exam_session", subjectId: session.id, details: { ...eventDetails, person: reg.name } });
        if (passed) {
          passedCount += 1;
          await approveExamMoment(tx, deps, actor, now, { applicationId: reg.registration.applicationId, evidence });
        }
        await enqueueMail(tx, now, passed ? "exam.passed" : "exam.failed", await mailIn(tx, reg.person.email, () => resultMail(deps.config, reg.person.email, reg.name, facts, { passed, parts: describeResults(parts, row), applicationId: reg.registration.applicationId })));
      }
      return { recorded: input.rows.length, passed: passedCount };
    },
    { behavior: "immediate" },
  );
  deps.mailQueue.kick();
  return result;
}

/** Every problem with the rows, keyed where the form shows it; empty when all may be saved. */
function checkRows(actor: Actor, details: SessionDetails, rows: ResultRow[]): FieldErrors {
  const errors: FieldErrors = {};
  const seen = new Set<string>();
  for (const row of rows) {
    const reg = details.registrations.find((r) => r.registration.id === row.registrationId && r.registration.status === "registered");
    if (!reg || seen.has(row.registrationId)) {
      errors[row.registrationId] = t("exam.results.noCandidate");
      continue;
    }
    seen.add(row.registrationId);
    if (reg.registration.result) {
      errors[row.registrationId] = t("exam.results.already", reg.name);
      continue;
    }
    const self = canExamine(actor, details.membership, centreFacts(details.centre), { personId: reg.person.id });
    if (!self.ok) {
      errors[row.registrationId] = self.reason;
      continue;
    }
    for (const part of details.parts) {
      const problem = checkEntry(part, row.entries[part.id] ?? { passed: null, points: null });
      if (problem) errors[entryKey(row.registrationId, part.id)] = `${reg.name}: ${problem}`;
    }
  }
  return errors;
}
