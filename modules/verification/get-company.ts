import { and, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { companies } from "../../db/schema/index.ts";
import { companyCertificates, publicOrgNumber, type PublicCompany } from "./public-company.ts";

/**
 * One company's public page: an approved company with at least one company certificate, whatever
 * its status (a visitor following an old link learns it is Indraget), or null.
 */
export async function getPublicCompany(db: DbOrTx, orgNumber: string, today: string): Promise<PublicCompany | null> {
  const company = await db
    .select({ id: companies.id, orgNumber: companies.orgNumber, name: companies.name, city: companies.city })
    .from(companies)
    // `<> 'refused'` is the partial unique index's condition, so the lookup uses that index.
    .where(and(eq(companies.orgNumber, orgNumber), ne(companies.status, "refused"), eq(companies.status, "approved")))
    .get();
  if (!company) return null;
  const certs = (await companyCertificates(db, [company.id], today)).get(company.id) ?? [];
  if (certs.length === 0) return null;
  return { orgNumber: publicOrgNumber(company.orgNumber), name: company.name, city: company.city, certificates: certs };
}
