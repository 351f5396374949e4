import { and, eq, gte, inArray } from "drizzle-orm";
import { examinationCentres, examinationCentreSchemes, examSessions, schemes } from "../../db/schema/index.ts";
import { swedishDate } from "../../lib/dates.ts";
import { Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import { changesOf } from "../catalogue/changes.ts";
import type { Actor, Deps } from "../deps.ts";
import type { CentreInput } from "./create-centre.ts";
import { examinableSchemeIds } from "./create-centre.ts";
import { canManageCentres } from "./policy.ts";
import { t } from "../../lib/i18n/index.ts";

/** What an edit may change: everything but the organisationsnummer, which is who the centre is. */
export type CentreUpdate = Omit<CentreInput, "orgNumber">;

const LABELS = () => ({
  name: t("verify.field.name"),
  addressLine1: t("address.line1"),
  postalCode: t("address.postalCode"),
  city: t("common.city"),
  email: t("common.emailAddress"),
  phone: t("common.phoneNumber"),
  website: t("centres.website"),
});

/**
 * "Ändra uppgifter": an admin corrects a centre's name, address, contact or the schemes it may
 * examine. A scheme with a provtillfälle still to come cannot be taken away: its candidates are
 * registered for it. The Händelselogg names the fields changed (the values are in the record).
 */
export async function updateCentre(deps: Deps, actor: Actor & { userId: string }, centreId: string, input: CentreUpdate): Promise<{ changed: string[] }> {
  if (!canManageCentres(actor)) throw new Forbidden(t("examinations.editAdminsOnly"));
  const schemeIds = await examinableSchemeIds(deps, input.schemeIds);
  const now = deps.clock.now();
  const today = swedishDate(now);
  return deps.db.transaction(
    async (tx) => {
      const before = await tx.select().from(examinationCentres).where(eq(examinationCentres.id, centreId)).get();
      if (!before) throw new NotFound();
      const had = (await tx.select({ schemeId: examinationCentreSchemes.schemeId }).from(examinationCentreSchemes).where(eq(examinationCentreSchemes.centreId, centreId))).map((r) => r.schemeId);
      const removed = had.filter((id) => !schemeIds.includes(id));
      const added = schemeIds.filter((id) => !had.includes(id));
      if (removed.length) {
        const coming = await tx
          .select({ date: examSessions.date, scheme: schemes.name })
          .from(examSessions)
          .innerJoin(schemes, eq(schemes.id, examSessions.schemeId))
          .where(and(eq(examSessions.centreId, centreId), inArray(examSessions.schemeId, removed), gte(examSessions.date, today)))
          .orderBy(examSessions.date)
          .get();
        if (coming) throw new Invalid({ certifikat: t("examinations.centre.schemeHasSessions", coming.scheme, coming.date) });
      }
      const { schemeIds: _, ...details } = input;
      const diff = changesOf(before, details, LABELS());
      const changed = [...diff.changed, ...(removed.length || added.length ? [t("staff.centre.schemes")] : [])];
      if (changed.length === 0) return { changed };
      if (diff.changed.length) await tx.update(examinationCentres).set(details).where(eq(examinationCentres.id, centreId));
      if (removed.length) await tx.delete(examinationCentreSchemes).where(and(eq(examinationCentreSchemes.centreId, centreId), inArray(examinationCentreSchemes.schemeId, removed)));
      for (const schemeId of added) await tx.insert(examinationCentreSchemes).values({ centreId, schemeId });
      await recordEvent(tx, actor, now, {
        action: "centre.updated",
        subjectType: "examination_centre",
        subjectId: centreId,
        details: { centre: details.name, changed, changes: diff.changes, schemesAdded: added, schemesRemoved: removed },
      });
      return { changed };
    },
    { behavior: "immediate" },
  );
}
