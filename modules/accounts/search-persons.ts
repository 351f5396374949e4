import { and, asc, eq, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { caseInsensitiveGlob } from "../../db/glob.ts";
import { persons } from "../../db/schema/index.ts";
import { parsePersonnummer } from "../../lib/identity/personnummer.ts";

/**
 * Staff's person search: a personnummer (any common form) matches exactly; anything with an @ is
 * an e-mail address (contains); otherwise every word must be in the given or family name.
 */
export async function searchPersons(db: DbOrTx, query: string, today: Date, limit = 100) {
  const q = query.trim().slice(0, 100);
  if (!q) return [];
  let where: SQL | undefined;
  const pnr = parsePersonnummer(q, today);
  if (pnr.ok) where = eq(persons.personnummer, pnr.value);
  else if (q.includes("@")) where = sql`lower(${persons.email}) like ${`%${q.toLowerCase().replace(/[%_\\]/g, "\\$&")}%`} escape '\\'`;
  else {
    const words = q.split(/\s+/).filter(Boolean);
    where = and(...words.map((w) => or(sql`${persons.givenName} GLOB ${`*${caseInsensitiveGlob(w)}*`}`, sql`${persons.familyName} GLOB ${`*${caseInsensitiveGlob(w)}*`}`)));
  }
  return db
    .select({ id: persons.id, givenName: persons.givenName, familyName: persons.familyName, email: persons.email, personnummer: persons.personnummer, birthDate: persons.birthDate, identityMethod: persons.identityMethod })
    .from(persons)
    .where(where)
    .orderBy(asc(persons.familyName), asc(persons.givenName))
    .limit(limit);
}

export type PersonSearchRow = Awaited<ReturnType<typeof searchPersons>>[number];
