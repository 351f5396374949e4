import { and, eq } from "drizzle-orm";
import { companyAdmins, employments } from "../../db/schema/index.ts";
import { Conflict, Invalid, NotFound } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { loadEmployment } from "./load-employment.ts";
import { isCompanyAdmin } from "./policy.ts";
import { t } from "../../lib/i18n/index.ts";

/**
 * Ends an active employment at a date (Slutdatum), by the person or an admin of the company.
 * An admin who stops working there stops being an admin, unless they are the last one.
 */
export async function endEmployment(deps: Deps, actor: Actor & { userId: string }, input: { employmentId: string; endDate: string }): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(
    async (tx) => {
      const r = await loadEmployment(tx, input.employmentId);
      const own = r.employment.personId === actor.personId;
      if (!own && !(await isCompanyAdmin(tx, actor, r.company.id))) throw new NotFound();
      if (input.endDate < r.employment.startDate) throw new Invalid({ slutdatum: t("employment.endBeforeStart", r.employment.startDate) });
      const updated = await tx
        .update(employments)
        .set({ status: "ended", endDate: input.endDate })
        .where(and(eq(employments.id, r.employment.id), eq(employments.status, "active")))
        .returning({ id: employments.id });
      if (updated.length === 0) throw new Conflict(t("employment.notActive"));
      await recordEvent(tx, actor, now, {
        action: "employment.ended",
        subjectType: "employment",
        subjectId: r.employment.id,
        personId: r.employment.personId,
        companyId: r.company.id,
        details: { company: r.company.name, person: `${r.person.givenName} ${r.person.familyName}`, endDate: input.endDate },
      });
      const admins = await tx.select({ personId: companyAdmins.personId }).from(companyAdmins).where(eq(companyAdmins.companyId, r.company.id));
      if (admins.some((a) => a.personId === r.employment.personId) && admins.length > 1) {
        await tx.delete(companyAdmins).where(and(eq(companyAdmins.companyId, r.company.id), eq(companyAdmins.personId, r.employment.personId)));
        await recordEvent(tx, actor, now, { action: "company.admin_removed", subjectType: "company", subjectId: r.company.id, companyId: r.company.id, personId: r.employment.personId, details: { because: "employment_ended" } });
      }
    },
    { behavior: "immediate" },
  );
}
