import { and, asc, desc, eq, isNull, lte, or, sql } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/sqlite-core";
import { onePerDatabase, type PreparedReads } from "../../db/prepared-reads.ts";
import { certificates, certificateStatusHistory, type CertificateStatus } from "../../db/schema/index.ts";
import { CERTIFICATE_LABELS } from "../certificates/index.ts";
import { t } from "../../lib/i18n/index.ts";

export interface StatusOnDate {
  date: string;
  /** Null when the certificate had not been issued yet on that date. */
  status: CertificateStatus | null;
  statusLabel: string;
  /** The version that was valid on that date. */
  version: number | null;
  validUntil: string | null;
}

const onDate = new QueryBuilder()
  .select({ status: certificateStatusHistory.status, version: certificates.version, validUntil: certificates.validUntil })
  .from(certificateStatusHistory)
  .innerJoin(certificates, eq(certificates.id, certificateStatusHistory.certificateId))
  .where(
    and(
      eq(certificates.number, sql.placeholder("number")),
      lte(certificateStatusHistory.fromDate, sql.placeholder("date")),
      or(isNull(certificateStatusHistory.toDate), sql`${certificateStatusHistory.toDate} > ${sql.placeholder("date")}`),
    ),
  )
  .orderBy(desc(certificates.version), desc(certificateStatusHistory.fromDate))
  .limit(1);

const versions = new QueryBuilder()
  .select({ version: certificates.version, issuedOn: certificates.issuedOn, validUntil: certificates.validUntil })
  .from(certificates)
  .where(eq(certificates.number, sql.placeholder("number")))
  .orderBy(asc(certificates.version));

const statements = onePerDatabase((reads) => ({
  onDate: reads.prepare<{ status: CertificateStatus; version: number; validUntil: string | null }>(onDate, ["status", "version", "validUntil"]),
  versions: reads.prepare<{ version: number; issuedOn: string; validUntil: string | null }>(versions, ["version", "issuedOn", "validUntil"]),
}));

/**
 * "Aktivt den ÅÅÅÅ-MM-DD?": the status the certificate with this number had on a date, read from
 * the status history of all its versions (each period from inclusive, to exclusive), and which
 * version was valid. An active period past that version's Giltigt till reads Utgånget, as today.
 */
export async function statusOnDate(reads: PreparedReads, number: number, date: string): Promise<StatusOnDate> {
  const hit = await statements(reads).onDate.get({ number, date });
  if (!hit) return { date, status: null, statusLabel: t("statusOn.notIssued"), version: null, validUntil: null };
  const status: CertificateStatus = hit.status === "active" && hit.validUntil !== null && hit.validUntil < date ? "expired" : hit.status;
  return { date, status, statusLabel: CERTIFICATE_LABELS[status], version: hit.version, validUntil: hit.validUntil };
}

export interface CertificateVersion {
  version: number;
  issuedOn: string;
  validUntil: string | null;
  supersededBy: number | null;
  supersededOn: string | null;
}

/** Every version of a certificate, oldest first: what an old printout is checked against. */
export async function listVersions(reads: PreparedReads, number: number): Promise<CertificateVersion[]> {
  const rows = await statements(reads).versions.all({ number });
  return rows.map((r, i) => ({ ...r, supersededBy: rows[i + 1]?.version ?? null, supersededOn: rows[i + 1]?.issuedOn ?? null }));
}
