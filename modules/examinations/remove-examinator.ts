import { and, eq, isNull } from "drizzle-orm";
import { examinationCentres, examinators, persons } from "../../db/schema/index.ts";
import { Forbidden, NotFound } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { canManageCentres } from "./policy.ts";
import { t } from "../../lib/i18n/index.ts";

/** "Ta bort": the person is no longer examinator at the centre; what they did stays recorded. */
export async function removeExaminator(deps: Deps, actor: Actor & { userId: string }, input: { centreId: string; examinatorId: string }): Promise<void> {
  if (!canManageCentres(actor)) throw new Forbidden(t("examinations.removeAdminsOnly"));
  const now = deps.clock.now();
  await deps.db.transaction(
    async (tx) => {
      const row = await tx
        .select({ examinator: examinators, centreName: examinationCentres.name, givenName: persons.givenName, familyName: persons.familyName })
        .from(examinators)
        .innerJoin(examinationCentres, eq(examinationCentres.id, examinators.centreId))
        .innerJoin(persons, eq(persons.id, examinators.personId))
        .where(and(eq(examinators.id, input.examinatorId), eq(examinators.centreId, input.centreId), isNull(examinators.removedAt)))
        .get();
      if (!row) throw new NotFound(t("examinations.remove.notFound"));
      await tx.update(examinators).set({ removedAt: now, removedByUserId: actor.userId }).where(and(eq(examinators.id, row.examinator.id), isNull(examinators.removedAt)));
      await recordEvent(tx, actor, now, {
        action: "examinator.removed",
        subjectType: "examination_centre",
        subjectId: input.centreId,
        personId: row.examinator.personId,
        details: { centre: row.centreName, person: `${row.givenName} ${row.familyName}` },
      });
    },
    { behavior: "immediate" },
  );
}
