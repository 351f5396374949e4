import { and, asc, eq, gte, isNull, lte, or } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { employments, persons } from "../../db/schema/index.ts";

/** Persons employed by the company on that date: confirmed, started, and not ended before it. */
export async function activeEmployees(db: DbOrTx, companyId: string, today: string) {
  return db
    .select({ personId: persons.id, givenName: persons.givenName, familyName: persons.familyName })
    .from(employments)
    .innerJoin(persons, eq(persons.id, employments.personId))
    .where(
      and(
        eq(employments.companyId, companyId),
        eq(employments.status, "active"),
        lte(employments.startDate, today),
        or(isNull(employments.endDate), gte(employments.endDate, today)),
      ),
    )
    .orderBy(asc(persons.familyName), asc(persons.givenName));
}

/** Companies the person works for on that date (for the decider's impartiality). */
export async function employersOf(db: DbOrTx, personId: string, today: string): Promise<string[]> {
  const rows = await db
    .select({ companyId: employments.companyId })
    .from(employments)
    .where(and(eq(employments.personId, personId), eq(employments.status, "active"), lte(employments.startDate, today), or(isNull(employments.endDate), gte(employments.endDate, today))));
  return rows.map((r) => r.companyId);
}
