import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { companies, employments, persons } from "../../db/schema/index.ts";
import { NotFound } from "../../lib/errors.ts";

export async function loadEmployment(db: DbOrTx, employmentId: string) {
  const row = await db
    .select({ employment: employments, company: companies, person: persons })
    .from(employments)
    .innerJoin(companies, eq(companies.id, employments.companyId))
    .innerJoin(persons, eq(persons.id, employments.personId))
    .where(eq(employments.id, employmentId))
    .get();
  if (!row) throw new NotFound();
  return row;
}
