// What an examination centre does to a certification process, inside its own transaction: a
// registration starts the process (or joins the open one), and a passed exam approves its exam
// Moment. The examinations module has checked who may do it; these check the process.
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { applications, schemes, technicalAreas, type ApplicationStatus } from "../../db/schema/index.ts";
import { swedishDate } from "../../lib/dates.ts";
import { Conflict } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { heldCertificate } from "../certificates/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { processState, readApplication, type LoadedApplication } from "./load-application.ts";
import { notifyIfSubmitted } from "./notify.ts";
import { insertApplication } from "./start-application.ts";
import { EDITABLE_STATUSES, OPEN_STATUSES } from "./state-machine.ts";
import { recordMomentReview } from "./moment-review.ts";
import { submitIfReady } from "./submit-if-ready.ts";
import { t } from "../../lib/i18n/index.ts";

/** The application's exam Moment (Provmoment), if the scheme asked for one when it was started. */
export function examMomentOf(app: LoadedApplication): LoadedApplication["moments"][number] | undefined {
  return app.moments.find((m) => m.requirement.exam);
}

/**
 * "En certifieringsprocess kan även startas genom att ett examinationscenter anmäler dig till ett
 * prov": the person's open application of the scheme, or a new one of the same scheme started by
 * the examinator. Refused when the process has no exam left to take.
 */
export async function applicationForExam(tx: Tx, actor: Actor & { userId: string }, now: Date, input: { personId: string; personName: string; schemeId: string; centreName: string }): Promise<{ applicationId: string; started: boolean }> {
  const scheme = await tx.select({ scheme: schemes, area: technicalAreas }).from(schemes).innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId)).where(eq(schemes.id, input.schemeId)).get();
  if (!scheme) throw new Conflict(t("examReg.noScheme"));
  const title = `${scheme.area.name} - ${scheme.scheme.name}`;
  const today = swedishDate(now);
  const open = await tx
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.schemeId, input.schemeId), eq(applications.personId, input.personId), inArray(applications.status, [...OPEN_STATUSES])))
    .get();
  if (open) {
    const app = await readApplication(tx, open.id);
    const exam = examMomentOf(app);
    if (!exam) throw new Conflict(t("examReg.noExamMoment", input.personName, title));
    if (exam.moment.status === "approved") throw new Conflict(t("examReg.alreadyPassed", input.personName, title));
    if (!EDITABLE_STATUSES.includes(app.application.status)) throw new Conflict(t("examReg.underReview", input.personName, title));
    return { applicationId: open.id, started: false };
  }
  if ((scheme.scheme.activeFrom && scheme.scheme.activeFrom > today) || (scheme.scheme.activeTo && scheme.scheme.activeTo < today)) {
    throw new Conflict(t("examReg.notOpen", title));
  }
  const held = await heldCertificate(tx, { personId: input.personId, schemeId: input.schemeId, today });
  if (held) throw new Conflict(t("examReg.held", input.personName, title, held.number));
  const applicationId = newId();
  await insertApplication(tx, actor, now, { applicationId, schemeId: input.schemeId, applicant: { personId: input.personId, companyId: null }, details: { certificate: title, centre: input.centreName } });
  return { applicationId, started: true };
}

/**
 * A passed exam approves the exam Moment, with the result in words as its evidence and the
 * examinator as its reviewer; when that completes a returned application it goes back to final
 * review. Nothing happens to a process that is closed, in final review, or already approved.
 */
export async function approveExamMoment(tx: Tx, deps: Deps, actor: Actor & { userId: string }, now: Date, input: { applicationId: string; evidence: string }): Promise<{ approved: boolean; submitted: boolean }> {
  const app = await readApplication(tx, input.applicationId);
  const exam = examMomentOf(app);
  if (!exam || exam.moment.status === "approved" || !EDITABLE_STATUSES.includes(app.application.status)) return { approved: false, submitted: false };
  const moved = await recordMomentReview(tx, actor, now, { application: app.application, momentId: exam.moment.id, momentName: exam.requirement.name, from: exam.moment.status, to: "approved", comment: input.evidence });
  if (!moved) return { approved: false, submitted: false };
  const fresh = await readApplication(tx, app.application.id);
  const submitted = await submitIfReady(tx, actor, now, fresh.application, processState(fresh));
  if (submitted) await notifyIfSubmitted(tx, deps, actor, fresh);
  return { approved: true, submitted };
}

/** Why an exam result of an application in this state cannot be corrected, or null when it can. */
export function examResultLocked(status: ApplicationStatus): string | null {
  if (status === "final_review") return t("exam.correct.underReview");
  if (status === "issued") return t("exam.correct.decided");
  return null;
}

/**
 * A corrected exam result ("Rätta resultat"), in the examinator's transaction. A pass approves the
 * exam Moment as a first pass does (or, already approved, takes the corrected result as its
 * evidence); a pass corrected to a fail takes the approval back: the Moment is Ej godkänt with the
 * correction as its comment, so the applicant sees why, and may be registered for a new exam.
 * Refused once the application is in final review or issued: what the decision rests on is then
 * the certification body's to return.
 */
export async function correctExamMoment(tx: Tx, deps: Deps, actor: Actor & { userId: string }, now: Date, input: { applicationId: string; passed: boolean; evidence: string }): Promise<void> {
  const app = await readApplication(tx, input.applicationId);
  const status = app.application.status;
  const refused = examResultLocked(status);
  if (refused) throw new Conflict(refused);
  const exam = examMomentOf(app);
  // A process closed otherwise (refused, withdrawn) keeps its Moment: the result alone is corrected.
  if (!exam || !EDITABLE_STATUSES.includes(status)) return;
  if (input.passed && exam.moment.status !== "approved") {
    await approveExamMoment(tx, deps, actor, now, { applicationId: input.applicationId, evidence: input.evidence });
    return;
  }
  if (exam.moment.status !== "approved") return;
  const moved = await recordMomentReview(tx, actor, now, { application: app.application, momentId: exam.moment.id, momentName: exam.requirement.name, from: "approved", to: input.passed ? "approved" : "rejected", comment: input.evidence });
  if (!moved) throw new Conflict(t("exam.correct.raced"));
}
