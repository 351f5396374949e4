import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { companyAdmins, persons } from "../../db/schema/index.ts";

export interface MailRecipient {
  email: string;
  name: string;
}

/** Who is told about a decision: the person, or every certifikatsadministratör of the company. */
export async function holderRecipients(db: DbOrTx, holder: { personId: string | null; companyId: string | null }): Promise<MailRecipient[]> {
  const rows = holder.personId
    ? await db.select({ email: persons.email, givenName: persons.givenName, familyName: persons.familyName }).from(persons).where(eq(persons.id, holder.personId))
    : await db
        .select({ email: persons.email, givenName: persons.givenName, familyName: persons.familyName })
        .from(companyAdmins)
        .innerJoin(persons, eq(persons.id, companyAdmins.personId))
        .where(eq(companyAdmins.companyId, holder.companyId!))
        .orderBy(asc(persons.familyName));
  return rows.map((r) => ({ email: r.email, name: `${r.givenName} ${r.familyName}` }));
}
