import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { examinationCentres, examRegistrations, examSessions, persons, schemes, technicalAreas } from "../../db/schema/index.ts";
import { mailIn } from "../accounts/index.ts";
import { enqueueMail } from "../outbox/index.ts";
import { centreStepMail, examCentreSuspendedMail } from "./mails.ts";
import { listExaminators } from "./queries.ts";
import { Forbidden, Invalid } from "../../lib/errors.ts";
import type { Actor, Deps } from "../deps.ts";
import { changeCentre } from "./centre-change.ts";
import { canManageCentres } from "./policy.ts";
import { t } from "../../lib/i18n/index.ts";

const MAX_REASON = 1000;

/**
 * "Stäng av": an approved centre's examinators may do nothing there (no provtillfällen, no
 * registrations, no protocols, no results) but let a waiting candidate go, and it leaves the
 * public Examinationscentra page, until an admin reinstates it. What was recorded stays;
 * registrations stand. The reason is asked for: it is shown to the centre's examinators, mailed
 * to them and kept in the Händelselogg; candidates waiting for a result there are mailed too.
 */
export async function suspendCentre(deps: Deps, actor: Actor & { userId: string }, input: { centreId: string; reason: string }): Promise<void> {
  if (!canManageCentres(actor)) throw new Forbidden(t("examinations.suspendAdminsOnly"));
  const reason = input.reason.trim();
  if (!reason) throw new Invalid({ skal: t("examinations.centre.suspendReason.missing") });
  if (reason.length > MAX_REASON) throw new Invalid({ skal: t("examinations.centre.suspendReason.tooLong", MAX_REASON) });
  await changeCentre(deps, actor, input.centreId, {
    set: (now) => ({ suspendedAt: now, suspendedByUserId: actor.userId, suspensionReason: reason }),
    when: and(eq(examinationCentres.status, "approved"), isNull(examinationCentres.suspendedAt))!,
    refused: (centre) => (centre.status !== "approved" ? t("examinations.centre.suspendNotApproved") : t("examinations.centre.alreadySuspended")),
    action: "centre.suspended",
    details: { reason },
    also: async (tx, centre, now) => {
      for (const e of await listExaminators(tx, centre.id)) {
        await enqueueMail(tx, now, "centre.suspended", await mailIn(tx, e.email, () => centreStepMail(deps.config, e.email, `${e.givenName} ${e.familyName}`, centre, { suspended: true, reason })));
      }
      // Whoever waits for a result there is told, so that they can go elsewhere.
      const waiting = await tx
        .select({ email: persons.email, givenName: persons.givenName, familyName: persons.familyName, date: examSessions.date, scheme: schemes.name, area: technicalAreas.name, applicationId: examRegistrations.applicationId })
        .from(examRegistrations)
        .innerJoin(examSessions, eq(examSessions.id, examRegistrations.sessionId))
        .innerJoin(persons, eq(persons.id, examRegistrations.personId))
        .innerJoin(schemes, eq(schemes.id, examSessions.schemeId))
        .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
        .where(and(eq(examSessions.centreId, centre.id), eq(examRegistrations.status, "registered"), isNull(examRegistrations.result)));
      for (const w of waiting) {
        const name = `${w.givenName} ${w.familyName}`;
        await enqueueMail(tx, now, "exam.centre_suspended", await mailIn(tx, w.email, () => examCentreSuspendedMail(deps.config, w.email, name, { centreName: centre.name, date: w.date, title: `${w.area} - ${w.scheme}` }, w.applicationId)));
      }
    },
  });
}

/** "Återaktivera": the suspension ends; the centre is approved and listed again, and its examinators are told. */
export async function reinstateCentre(deps: Deps, actor: Actor & { userId: string }, input: { centreId: string }): Promise<void> {
  if (!canManageCentres(actor)) throw new Forbidden(t("examinations.suspendAdminsOnly"));
  await changeCentre(deps, actor, input.centreId, {
    set: () => ({ suspendedAt: null, suspendedByUserId: null, suspensionReason: null }),
    when: isNotNull(examinationCentres.suspendedAt),
    refused: () => t("examinations.centre.notSuspended"),
    action: "centre.reinstated",
    also: async (tx, centre, now) => {
      for (const e of await listExaminators(tx, centre.id)) {
        await enqueueMail(tx, now, "centre.reinstated", await mailIn(tx, e.email, () => centreStepMail(deps.config, e.email, `${e.givenName} ${e.familyName}`, centre, { suspended: false })));
      }
    },
  });
}

