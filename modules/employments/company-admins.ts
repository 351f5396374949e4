import { and, eq } from "drizzle-orm";
import { companyAdmins, employments, persons } from "../../db/schema/index.ts";
import { Conflict, Invalid, NotFound } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { isCompanyAdmin } from "./policy.ts";
import { t } from "../../lib/i18n/index.ts";

/** An admin makes another active employee an admin. */
export async function addCompanyAdmin(deps: Deps, actor: Actor & { userId: string }, input: { companyId: string; personId: string }): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(
    async (tx) => {
      if (!(await isCompanyAdmin(tx, actor, input.companyId))) throw new NotFound();
      const employed = await tx
        .select({ id: employments.id })
        .from(employments)
        .where(and(eq(employments.companyId, input.companyId), eq(employments.personId, input.personId), eq(employments.status, "active")))
        .get();
      if (!employed) throw new Invalid({ person: t("company.adminMustBeEmployed") });
      const inserted = await tx.insert(companyAdmins).values({ companyId: input.companyId, personId: input.personId, createdAt: now }).onConflictDoNothing().returning({ personId: companyAdmins.personId });
      if (inserted.length === 0) throw new Conflict(t("company.adminAlready"));
      const p = await tx.select().from(persons).where(eq(persons.id, input.personId)).get();
      await recordEvent(tx, actor, now, { action: "company.admin_added", subjectType: "company", subjectId: input.companyId, companyId: input.companyId, personId: input.personId, details: { person: p ? `${p.givenName} ${p.familyName}` : undefined } });
    },
    { behavior: "immediate" },
  );
}

/** An admin removes an admin (themself included) — never the last one. */
export async function removeCompanyAdmin(deps: Deps, actor: Actor & { userId: string }, input: { companyId: string; personId: string }): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(
    async (tx) => {
      if (!(await isCompanyAdmin(tx, actor, input.companyId))) throw new NotFound();
      const admins = await tx.select({ personId: companyAdmins.personId }).from(companyAdmins).where(eq(companyAdmins.companyId, input.companyId));
      if (!admins.some((a) => a.personId === input.personId)) throw new NotFound();
      if (admins.length === 1) throw new Conflict(t("company.lastAdmin"));
      await tx.delete(companyAdmins).where(and(eq(companyAdmins.companyId, input.companyId), eq(companyAdmins.personId, input.personId)));
      const p = await tx.select().from(persons).where(eq(persons.id, input.personId)).get();
      await recordEvent(tx, actor, now, { action: "company.admin_removed", subjectType: "company", subjectId: input.companyId, companyId: input.companyId, personId: input.personId, details: { person: p ? `${p.givenName} ${p.familyName}` : undefined } });
    },
    { behavior: "immediate" },
  );
}
