import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { certificates, certificateStatusHistory, credentialStatusEntries, type CertificateStatus } from "../../db/schema/index.ts";
import { nextNumber } from "../../db/sequences.ts";
import { newId } from "../../lib/ids.ts";

export interface NewCertificate {
  applicationId: string;
  personId: string | null;
  companyId: string | null;
  schemeId: string;
  issuedOn: string;
  validUntil: string | null;
  cycleEndsOn: string | null;
  now: Date;
}

/**
 * Inserts an active certificate with the next number of the series. Its grant decision points at
 * it, so the caller records the decision next and then `applyCertificateDecision` links it back.
 */
export async function createCertificate(tx: Tx, input: NewCertificate): Promise<{ id: string; number: number }> {
  const id = newId();
  const number = await nextNumber(tx, "certificate");
  const { now, ...values } = input;
  await tx.insert(certificates).values({ id, number, ...values, status: "active", latestDecisionId: null, createdAt: now, updatedAt: now });
  await ensureStatusPlace(tx, number);
  return { id, number };
}

/**
 * The number's place in the status lists (docs/decisions/019). The insert's trigger takes the first
 * free of 32 random places; all 32 taken has a chance below 2^-32 (a list is filled to half), and
 * then the same procedure tries again here, in the same transaction.
 */
async function ensureStatusPlace(tx: Tx, number: number): Promise<void> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const placed = await tx.select({ n: credentialStatusEntries.certificateNumber }).from(credentialStatusEntries).where(eq(credentialStatusEntries.certificateNumber, number)).get();
    if (placed) return;
    await tx.run(sql`insert into credential_status_allocate (certificate_number, status) values (${number}, 'active')`);
  }
  throw new Error(`certificate ${number} got no place in the status lists`);
}

/**
 * The effect of a decision on a certificate: its status, Senaste beslut, and a new period in the
 * status history (the open one closes). The update only happens while the status is still one of
 * `from` (and, if given, no decision came after the one the decider saw); false means another
 * decision came first.
 */
export async function applyCertificateDecision(
  tx: Tx,
  input: {
    certificateId: string;
    from: readonly CertificateStatus[];
    to: CertificateStatus;
    decisionId: string;
    on: string;
    now: Date;
    suspendedUntil?: string | null;
    /** The Senaste beslut the decider saw: any decision since then makes this one stale. */
    seenDecisionId?: string | null;
  },
): Promise<boolean> {
  const unchanged = input.seenDecisionId === undefined ? undefined : input.seenDecisionId === null ? isNull(certificates.latestDecisionId) : eq(certificates.latestDecisionId, input.seenDecisionId);
  const updated = await tx
    .update(certificates)
    .set({ status: input.to, latestDecisionId: input.decisionId, suspendedUntil: input.suspendedUntil ?? null, updatedAt: input.now })
    .where(and(eq(certificates.id, input.certificateId), inArray(certificates.status, [...input.from]), unchanged))
    .returning({ id: certificates.id });
  if (updated.length === 0) return false;
  await tx
    .update(certificateStatusHistory)
    .set({ toDate: input.on })
    .where(and(eq(certificateStatusHistory.certificateId, input.certificateId), isNull(certificateStatusHistory.toDate)));
  await tx.insert(certificateStatusHistory).values({ id: newId(), certificateId: input.certificateId, status: input.to, fromDate: input.on, toDate: null, decisionId: input.decisionId });
  return true;
}
