import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { certificates, certificateStatusHistory } from "../../db/schema/index.ts";
import { Conflict } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { renewedDates, type RenewalKind } from "./due.ts";
import { t } from "../../lib/i18n/index.ts";

export interface RenewedVersion {
  id: string;
  number: number;
  version: number;
  validUntil: string;
  cycleEndsOn: string;
  supersededId: string;
  status: "active" | "suspended";
}

/**
 * A granted Årlig förlängning or Omcertifiering: a new version of the certificate (same number,
 * version + 1) that supersedes the one renewed. The old version's open status period closes
 * today and the new one's opens; a suspension still running carries over. The caller records the
 * decision (extend / recertify) and links it with `linkDecision`.
 */
export async function createRenewedVersion(
  tx: Tx,
  input: { kind: RenewalKind; renewsCertificateId: string | null; applicationId: string; submittedOn: string; rules: { validityYears: number | null; recertificationYears: number | null }; today: string; now: Date },
): Promise<RenewedVersion> {
  if (!input.renewsCertificateId) throw new Conflict("Ansökan hör inte till något certifikat.");
  const old = await tx.select().from(certificates).where(eq(certificates.id, input.renewsCertificateId)).get();
  if (!old || !old.validUntil || !old.cycleEndsOn || !input.rules.validityYears) throw new Conflict("Certifikatet kan inte förnyas.");
  const newer = await tx.select({ version: certificates.version }).from(certificates).where(eq(certificates.supersedesCertificateId, old.id)).get();
  if (newer) throw new Conflict(t("lifecycle.renewal.alreadyRenewed", newer.version));
  if (old.status === "withdrawn" || old.status === "ended") throw new Conflict("Certifikatet är indraget eller avslutat och kan inte förnyas.");
  const lastDay = input.kind === "extension" ? old.validUntil : old.cycleEndsOn;
  // Applied for in time is what counts: a decision after Giltigt till still extends.
  if (input.submittedOn > lastDay) throw new Conflict(t("lifecycle.renewal.tooLate", input.submittedOn, lastDay));
  const dates = renewedDates(input.kind, { validUntil: old.validUntil, cycleEndsOn: old.cycleEndsOn }, { validityYears: input.rules.validityYears, recertificationYears: input.rules.recertificationYears }, input.today);
  const stillSuspended = old.status === "suspended" && old.suspendedUntil !== null && old.suspendedUntil >= input.today;
  const status = stillSuspended ? "suspended" : "active";
  const id = newId();
  await tx.insert(certificates).values({
    id,
    number: old.number,
    version: old.version + 1,
    supersedesCertificateId: old.id,
    applicationId: input.applicationId,
    personId: old.personId,
    companyId: old.companyId,
    schemeId: old.schemeId,
    status,
    issuedOn: input.today,
    validUntil: dates.validUntil,
    cycleEndsOn: dates.cycleEndsOn,
    suspendedUntil: stillSuspended ? old.suspendedUntil : null,
    latestDecisionId: null,
    createdAt: input.now,
    updatedAt: input.now,
  });
  await tx.update(certificateStatusHistory).set({ toDate: input.today }).where(and(eq(certificateStatusHistory.certificateId, old.id), isNull(certificateStatusHistory.toDate)));
  await tx.update(certificates).set({ updatedAt: input.now }).where(eq(certificates.id, old.id));
  return { id, number: old.number, version: old.version + 1, ...dates, supersededId: old.id, status };
}

/** The new version's Senaste beslut and first status period. */
export async function linkDecision(tx: Tx, v: RenewedVersion, decisionId: string, today: string): Promise<void> {
  await tx.update(certificates).set({ latestDecisionId: decisionId }).where(and(eq(certificates.id, v.id), sql`${certificates.latestDecisionId} is null`));
  await tx.insert(certificateStatusHistory).values({ id: newId(), certificateId: v.id, status: v.status, fromDate: today, toDate: null, decisionId });
}
