import { and, asc, desc, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { certificates, certificateStatusHistory, type CertificateStatus } from "../../db/schema/index.ts";
import { CERTIFICATE_LABELS } from "../certificates/index.ts";

export interface StatusOnDate {
  date: string;
  /** Null when the certificate had not been issued yet on that date. */
  status: CertificateStatus | null;
  statusLabel: string;
  /** The version that was valid on that date. */
  version: number | null;
  validUntil: string | null;
}

/**
 * "Aktivt den ÅÅÅÅ-MM-DD?": the status the certificate with this number had on a date, read from
 * the status history of all its versions (each period from inclusive, to exclusive), and which
 * version was valid. An active period past that version's Giltigt till reads Utgånget, as today.
 */
export async function statusOnDate(db: DbOrTx, number: number, date: string): Promise<StatusOnDate> {
  const hit = await db
    .select({ status: certificateStatusHistory.status, version: certificates.version, validUntil: certificates.validUntil })
    .from(certificateStatusHistory)
    .innerJoin(certificates, eq(certificates.id, certificateStatusHistory.certificateId))
    .where(and(eq(certificates.number, number), lte(certificateStatusHistory.fromDate, date), or(isNull(certificateStatusHistory.toDate), sql`${certificateStatusHistory.toDate} > ${date}`)))
    .orderBy(desc(certificates.version), desc(certificateStatusHistory.fromDate))
    .get();
  if (!hit) return { date, status: null, statusLabel: "Inte utfärdat", version: null, validUntil: null };
  const status: CertificateStatus = hit.status === "active" && hit.validUntil !== null && hit.validUntil < date ? "expired" : hit.status;
  return { date, status, statusLabel: CERTIFICATE_LABELS[status], version: hit.version, validUntil: hit.validUntil };
}

/** Every version of a certificate, oldest first: what an old printout is checked against. */
export async function listVersions(db: DbOrTx, number: number) {
  const rows = await db
    .select({ version: certificates.version, issuedOn: certificates.issuedOn, validUntil: certificates.validUntil })
    .from(certificates)
    .where(eq(certificates.number, number))
    .orderBy(asc(certificates.version));
  return rows.map((r, i) => ({ ...r, supersededBy: rows[i + 1]?.version ?? null, supersededOn: rows[i + 1]?.issuedOn ?? null }));
}

export type CertificateVersion = Awaited<ReturnType<typeof listVersions>>[number];
