import { and, eq } from "drizzle-orm";
import { examRegistrations, examResults } from "../../db/schema/index.ts";
import { Conflict, Forbidden, Invalid, NotFound, type FieldErrors } from "../../lib/errors.ts";
import { swedishDate } from "../../lib/dates.ts";
import { recordEvent } from "../audit/index.ts";
import { mailIn } from "../accounts/index.ts";
import { schemeTitle } from "../catalogue/index.ts";
import { correctExamMoment } from "../certification/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { enqueueMail } from "../outbox/index.ts";
import { correctedResultMail } from "./mails.ts";
import { centreFacts } from "./membership.ts";
import { canExamine } from "./policy.ts";
import { getSession } from "./queries.ts";
import { entryKey } from "./record-results.ts";
import { checkEntry, describeResults, passedAll, type ResultRow } from "./results.ts";
import { sessionFacts, sessionLine } from "./session-facts.ts";
import { t, inLanguage } from "../../lib/i18n/index.ts";

const MAX_REASON = 1000;

/**
 * "Rätta resultat": the centre's examinator corrects a result already recorded (a mistyped
 * verdict or points), with the reason, while the candidate's application is still being worked
 * on. The exam Moment follows the corrected result (certification/exam-moment.ts); the old and
 * the new result and the reason are in the Händelselogg, and the candidate is mailed.
 */
export async function correctResult(deps: Deps, actor: Actor & { userId: string }, input: { sessionId: string; row: ResultRow; reason: string }): Promise<{ changed: boolean; passed: boolean }> {
  const details = await getSession(deps.db, actor, input.sessionId);
  const { session, centre, membership, parts } = details;
  const reg = details.registrations.find((r) => r.registration.id === input.row.registrationId && r.registration.status === "registered");
  if (!reg) throw new NotFound();
  const allowed = canExamine(actor, membership, centreFacts(centre), { personId: reg.person.id });
  if (!allowed.ok) throw new Forbidden(allowed.reason);
  if (!reg.registration.result) throw new Conflict(t("exam.correct.noResult", reg.name));
  const errors: FieldErrors = {};
  for (const part of parts) {
    const problem = checkEntry(part, input.row.entries[part.id] ?? { passed: null, points: null });
    if (problem) errors[entryKey(reg.registration.id, part.id)] = problem;
  }
  const reason = input.reason.trim();
  if (!reason) errors.skal = t("exam.correct.reasonMissing");
  else if (reason.length > MAX_REASON) errors.skal = t("exam.correct.reasonTooLong", MAX_REASON);
  if (Object.keys(errors).length) throw new Invalid(errors, t("exam.results.nothingSaved"));

  const before: ResultRow = { registrationId: reg.registration.id, entries: Object.fromEntries(reg.results.map((r) => [r.partId, { passed: r.passed, points: r.points }])) };
  const same = parts.every((p) => before.entries[p.id]?.passed === input.row.entries[p.id]!.passed && (before.entries[p.id]?.points ?? null) === input.row.entries[p.id]!.points);
  const passed = passedAll(parts, input.row);
  if (same) return { changed: false, passed };

  const now = deps.clock.now();
  const title = schemeTitle(details.area, details.scheme);
  const facts = sessionFacts(session, centre, { title }, parts);
  const [lines, oldLines] = inLanguage("sv", () => [describeResults(parts, input.row), describeResults(parts, before)]);
  const verdict = passed ? "Godkänt" : "Ej godkänt";
  const evidence = `${verdict} prov ${session.date} vid ${centre.name} (rättat ${swedishDate(now)}: ${reason}): ${lines.join("; ")}.`;
  await deps.db.transaction(
    async (tx) => {
      const moved = await tx
        .update(examRegistrations)
        .set({ result: passed ? "passed" : "failed" })
        .where(and(eq(examRegistrations.id, reg.registration.id), eq(examRegistrations.result, reg.registration.result!)))
        .returning({ id: examRegistrations.id });
      if (moved.length === 0) throw new Conflict(t("exam.correct.raced"));
      for (const part of parts) {
        const e = input.row.entries[part.id]!;
        await tx.update(examResults).set({ passed: e.passed!, points: e.points }).where(and(eq(examResults.registrationId, reg.registration.id), eq(examResults.partId, part.id)));
      }
      await correctExamMoment(tx, deps, actor, now, { applicationId: reg.registration.applicationId, passed, evidence });
      const eventDetails = { centre: centre.name, certificate: title, session: sessionLine(session), result: verdict, parts: lines, before: oldLines, reason };
      await recordEvent(tx, actor, now, { action: "exam.result_corrected", subjectType: "application", subjectId: reg.registration.applicationId, personId: reg.person.id, details: eventDetails });
      await recordEvent(tx, actor, now, { action: "exam.result_corrected", subjectType: "exam_session", subjectId: session.id, details: { ...eventDetails, person: reg.name } });
      await enqueueMail(tx, now, "exam.corrected", await mailIn(tx, reg.person.email, () => correctedResultMail(deps.config, reg.person.email, reg.name, facts, { passed, parts: describeResults(parts, input.row), reason, applicationId: reg.registration.applicationId })));
    },
    { behavior: "immediate" },
  );
  deps.mailQueue.kick();
  return { changed: true, passed };
}
