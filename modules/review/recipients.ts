import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { companyAdmins, persons, users } from "../../db/schema/index.ts";
import { inLanguage, type Language } from "../../lib/i18n/index.ts";

export interface MailRecipient {
  email: string;
  name: string;
  /** The account's language for its mail (Swedish for an account that never chose). */
  language: Language;
}

/** A mail composed in its recipient's language. */
export const inLanguageOf = <T>(to: MailRecipient, compose: () => T): T => inLanguage(to.language, compose);

/** Who is told about a decision: the person, or every certifikatsadministratör of the company. */
export async function holderRecipients(db: DbOrTx, holder: { personId: string | null; companyId: string | null }): Promise<MailRecipient[]> {
  const fields = { email: persons.email, givenName: persons.givenName, familyName: persons.familyName, language: users.language };
  const rows = holder.personId
    ? await db.select(fields).from(persons).leftJoin(users, eq(users.personId, persons.id)).where(eq(persons.id, holder.personId))
    : await db
        .select(fields)
        .from(companyAdmins)
        .innerJoin(persons, eq(persons.id, companyAdmins.personId))
        .leftJoin(users, eq(users.personId, persons.id))
        .where(eq(companyAdmins.companyId, holder.companyId!))
        .orderBy(asc(persons.familyName));
  return rows.map((r) => ({ email: r.email, name: `${r.givenName} ${r.familyName}`, language: r.language ?? "sv" }));
}
