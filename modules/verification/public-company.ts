import { and, asc, eq, sql } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/sqlite-core";
import { onePerDatabase, type PreparedReads } from "../../db/prepared-reads.ts";
import { certificates, schemes, technicalAreas, type CertificateStatus } from "../../db/schema/index.ts";
import { orgNumberKind } from "../../lib/identity/orgnummer.ts";
import { CERTIFICATE_LABELS, publicStatus } from "../certificates/index.ts";

export interface PublicCompanyCertificate {
  number: number;
  scheme: { area: string; name: string };
  status: CertificateStatus;
  statusLabel: string;
  validUntil: string | null;
}

/** A certified company as the public sees it: no address, e-mail, phone or employees. */
export interface PublicCompany {
  /** Ten digits; null for an enskild firma, whose organisationsnummer is the owner's personnummer. */
  orgNumber: string | null;
  name: string;
  city: string;
  certificates: PublicCompanyCertificate[];
}

/** An enskild firma's number is a personnummer, which no public page or API may show. */
export function publicOrgNumber(orgNumber: string): string | null {
  return orgNumberKind(orgNumber) === "legal" ? orgNumber : null;
}

/** Nothing supersedes the current version of a certificate. */
export const isCurrentVersion = sql`not exists (select 1 from certificates as newer where newer.supersedes_certificate_id = ${certificates.id})`;

const ORDER: Record<CertificateStatus, number> = { active: 0, suspended: 1, expired: 2, ended: 3, withdrawn: 4 };

const certificateColumns = {
  companyId: certificates.companyId,
  number: certificates.number,
  status: certificates.status,
  validUntil: certificates.validUntil,
  schemeName: schemes.name,
  areaName: technicalAreas.name,
};

/** The current company certificates of the companies whose ids are in a JSON array: one statement for any number of them. */
const certificatesOf = new QueryBuilder()
  .select(certificateColumns)
  .from(certificates)
  .innerJoin(schemes, eq(schemes.id, certificates.schemeId))
  .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
  .where(and(sql`${certificates.companyId} in (select value from json_each(${sql.placeholder("ids")}))`, isCurrentVersion))
  .orderBy(asc(technicalAreas.sortOrder), asc(schemes.sortOrder), asc(certificates.number));

interface CertificateRow {
  companyId: string;
  number: number;
  status: CertificateStatus;
  validUntil: string | null;
  schemeName: string;
  areaName: string;
}

const statements = onePerDatabase((reads) => ({ certificatesOf: reads.prepare<CertificateRow>(certificatesOf, Object.keys(certificateColumns) as (keyof CertificateRow)[]) }));

/** The company certificates (current versions) of these companies, Aktivt first, by company id. */
export async function companyCertificates(reads: PreparedReads, companyIds: string[], today: string): Promise<Map<string, PublicCompanyCertificate[]>> {
  const byCompany = new Map<string, PublicCompanyCertificate[]>(companyIds.map((id) => [id, []]));
  if (companyIds.length === 0) return byCompany;
  for (const r of await statements(reads).certificatesOf.all({ ids: JSON.stringify(companyIds) })) {
    const status = publicStatus(r, today);
    byCompany.get(r.companyId)!.push({ number: r.number, scheme: { area: r.areaName, name: r.schemeName }, status, statusLabel: CERTIFICATE_LABELS[status], validUntil: r.validUntil });
  }
  for (const list of byCompany.values()) sortByStatus(list);
  return byCompany;
}

/** Aktivt first, then Vilande, Utgånget, Avslutat, Indraget; otherwise in the order given. */
export function sortByStatus<T extends { status: CertificateStatus }>(list: T[]): T[] {
  return list.sort((a, b) => ORDER[a.status] - ORDER[b.status]);
}
