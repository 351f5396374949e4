import { desc, eq, sql } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/sqlite-core";
import { onePerDatabase, type PreparedReads } from "../../db/prepared-reads.ts";
import { certificates, companies, decisions, persons, schemes, technicalAreas, type CertificateStatus } from "../../db/schema/index.ts";
import { CERTIFICATE_LABELS, publicStatus } from "../certificates/index.ts";

/** What anyone may know about a certificate from its number: nothing that identifies a person beyond the name. */
export interface PublicCertificate {
  number: number;
  /** The current version (a renewal keeps the number and raises the version). */
  version: number;
  holder: { name: string };
  scheme: { area: string; name: string };
  status: CertificateStatus;
  statusLabel: string;
  issuedOn: string;
  validUntil: string | null;
  lastDecisionOn: string | null;
  issuer: { name: string };
}

// Only the columns shown are selected, so no personnummer, birth date, address, e-mail or phone
// ever leaves the database on this path.
const columns = {
  number: certificates.number,
  version: certificates.version,
  status: certificates.status,
  validUntil: certificates.validUntil,
  issuedOn: certificates.issuedOn,
  givenName: persons.givenName,
  familyName: persons.familyName,
  companyName: companies.name,
  schemeName: schemes.name,
  areaName: technicalAreas.name,
  lastDecisionOn: decisions.effectiveOn,
};

interface Row {
  number: number;
  version: number;
  status: CertificateStatus;
  validUntil: string | null;
  issuedOn: string;
  givenName: string | null;
  familyName: string | null;
  companyName: string | null;
  schemeName: string;
  areaName: string;
  lastDecisionOn: string | null;
}

/** Built once when the module loads; prepared once per database on first use. */
const byNumber = new QueryBuilder()
  .select(columns)
  .from(certificates)
  .innerJoin(schemes, eq(schemes.id, certificates.schemeId))
  .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
  .leftJoin(persons, eq(persons.id, certificates.personId))
  .leftJoin(companies, eq(companies.id, certificates.companyId))
  .leftJoin(decisions, eq(decisions.id, certificates.latestDecisionId))
  .where(eq(certificates.number, sql.placeholder("number")))
  // A reissue keeps the number with a higher version; the highest is the current one.
  .orderBy(desc(certificates.version))
  .limit(1);

const statements = onePerDatabase((reads) => ({ byNumber: reads.prepare<Row>(byNumber, Object.keys(columns) as (keyof Row)[]) }));

/**
 * Kontrollera certifikat, /c/{number}, the API and the badge: the current version of the
 * certificate with this number, as the public sees it today, or null. Read at the moment of the
 * call: a suspension committed a moment ago shows.
 */
export async function findCertificateByNumber(reads: PreparedReads, number: number, today: string, issuer: { name: string }): Promise<PublicCertificate | null> {
  const row = await statements(reads).byNumber.get({ number });
  if (!row) return null;
  const status = publicStatus(row, today);
  const holderName = row.givenName !== null ? `${row.givenName} ${row.familyName}` : (row.companyName ?? "");
  return {
    number: row.number,
    version: row.version,
    holder: { name: holderName },
    scheme: { area: row.areaName, name: row.schemeName },
    status,
    statusLabel: CERTIFICATE_LABELS[status],
    issuedOn: row.issuedOn,
    validUntil: row.validUntil,
    lastDecisionOn: row.lastDecisionOn ?? null,
    issuer: { name: issuer.name },
  };
}
