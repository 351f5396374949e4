import { and, asc, eq, sql } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/sqlite-core";
import { onePerDatabase, type PreparedReads } from "../../db/prepared-reads.ts";
import { certificates, companies, schemes, technicalAreas, type CertificateStatus } from "../../db/schema/index.ts";
import { CERTIFICATE_LABELS, publicStatus } from "../certificates/index.ts";
import { isCurrentVersion, publicOrgNumber, sortByStatus, type PublicCompany } from "./public-company.ts";

const columns = {
  orgNumber: companies.orgNumber,
  name: companies.name,
  city: companies.city,
  number: certificates.number,
  status: certificates.status,
  validUntil: certificates.validUntil,
  schemeName: schemes.name,
  areaName: technicalAreas.name,
};

interface Row {
  orgNumber: string;
  name: string;
  city: string;
  number: number;
  status: CertificateStatus;
  validUntil: string | null;
  schemeName: string;
  areaName: string;
}

/** The company and the current versions of its company certificates, in one statement built once. */
const byOrgNumber = new QueryBuilder()
  .select(columns)
  .from(companies)
  .innerJoin(certificates, and(eq(certificates.companyId, companies.id), isCurrentVersion))
  .innerJoin(schemes, eq(schemes.id, certificates.schemeId))
  .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
  // `<> 'refused'` is the partial unique index's condition, so the lookup uses that index.
  .where(and(eq(companies.orgNumber, sql.placeholder("orgNumber")), sql`${companies.status} <> 'refused'`, sql`${companies.status} = 'approved'`))
  .orderBy(asc(technicalAreas.sortOrder), asc(schemes.sortOrder), asc(certificates.number));

const statements = onePerDatabase((reads) => ({ byOrgNumber: reads.prepare<Row>(byOrgNumber, Object.keys(columns) as (keyof Row)[]) }));

/**
 * One company's public page: an approved company with at least one company certificate, whatever
 * its status (a visitor following an old link learns it is Indraget), or null.
 */
export async function getPublicCompany(reads: PreparedReads, orgNumber: string, today: string): Promise<PublicCompany | null> {
  const rows = await statements(reads).byOrgNumber.all({ orgNumber });
  const first = rows[0];
  if (!first) return null;
  const certs = rows.map((r) => {
    const status = publicStatus(r, today);
    return { number: r.number, scheme: { area: r.areaName, name: r.schemeName }, status, statusLabel: CERTIFICATE_LABELS[status], validUntil: r.validUntil };
  });
  return { orgNumber: publicOrgNumber(first.orgNumber), name: first.name, city: first.city, certificates: sortByStatus(certs) };
}
