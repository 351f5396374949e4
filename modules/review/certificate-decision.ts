import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { certificates, type CertificateStatus } from "../../db/schema/index.ts";
import { swedishDate } from "../../lib/dates.ts";
import { Conflict, Forbidden } from "../../lib/errors.ts";
import type { Config } from "../../lib/config.ts";
import type { MailMessage } from "../../lib/mail/mailer.ts";
import { recordEvent } from "../audit/index.ts";
import { applyCertificateDecision, certificateTransition, getCertificate, type CertificateAction } from "../certificates/index.ts";
import type { Actor, Deps } from "../deps.ts";
import type { CertificateDecisionFacts } from "./mails.ts";
import { loadParties } from "./parties.ts";
import { canActOnCertificate } from "./policy.ts";
import { holderRecipients, type MailRecipient } from "./recipients.ts";
import { recordDecision } from "./record-decision.ts";
import { enqueueMail } from "../outbox/outbox.ts";
import { t } from "../../lib/i18n/index.ts";

const SUPERSEDED = (version: number) => t("review.cert.superseded", version);

export const alreadyChanged = () => t("review.cert.alreadyChanged");

const EVENTS: Record<CertificateAction, string> = { suspend: "certificate.suspended", reinstate: "certificate.reinstated", withdraw: "certificate.withdrawn" };

/**
 * What Suspendera, Återaktivera and Dra in share: policy, the allowed transition, a Beslut, the
 * status change with its history and an Event in one transaction, then mail to the holder. The
 * update requires the certificate to be as the decider saw it (status and Senaste beslut), so of
 * two parallel decisions one wins and the other gets Conflict, even where both would be allowed
 * one after the other (a suspension and a withdrawal).
 */
export async function decideOnCertificate(
  deps: Deps,
  actor: Actor & { userId: string },
  input: {
    certificateId: string;
    action: CertificateAction;
    /** Checks the form after policy; returns the reason and, for a suspension, its last day. */
    validate: (today: string) => { reason: string | null; until?: string };
    mail: (config: Config, to: MailRecipient, facts: CertificateDecisionFacts) => MailMessage;
  },
): Promise<{ decisionId: string }> {
  const loaded = await getCertificate(deps.db, actor, input.certificateId);
  const cert = loaded.certificate;
  const now = deps.clock.now();
  const today = swedishDate(now);
  const allowed = canActOnCertificate(actor, await loadParties(deps.db, actor, cert, today));
  if (!allowed.ok) throw new Forbidden(allowed.reason);
  const { reason, until } = input.validate(today);
  const newer = loaded.versions.find((v) => v.version > cert.version);
  if (newer) throw new Conflict(SUPERSEDED(loaded.versions.at(-1)!.version));
  const verdict = certificateTransition(cert, input.action, today);
  if (!verdict.ok) throw new Conflict(verdict.reason);
  const title = `${loaded.area.name} - ${loaded.scheme.name}`;
  const decisionId = await deps.db.transaction(
    (tx) => writeCertificateDecision(tx, deps, actor, { cert, title, kind: input.action, next: verdict.next, reason, until: until ?? null, now, today, mail: input.mail }),
    { behavior: "immediate" },
  );
  deps.mailQueue.kick();
  return { decisionId };
}

export interface CertificateDecisionWrite {
  cert: { id: string; number: number; status: CertificateStatus; personId: string | null; companyId: string | null; validUntil: string | null; latestDecisionId: string | null };
  title: string;
  kind: CertificateAction;
  next: CertificateStatus;
  reason: string | null;
  until: string | null;
  now: Date;
  today: string;
  mail: (config: Config, to: MailRecipient, facts: CertificateDecisionFacts) => MailMessage;
  /** Holders told another way already (who appealed gets the case's own mail). */
  skipEmails?: readonly string[];
}

/**
 * Inside the caller's transaction: the Beslut, the status change with its history (only if the
 * certificate is still as seen: status and Senaste beslut), the Event and the holder's mail. Also
 * what a decided appeal or complaint changes (modules/cases), in the case's own transaction.
 */
export async function writeCertificateDecision(tx: Tx, deps: Deps, actor: Actor & { userId: string }, w: CertificateDecisionWrite): Promise<string> {
  const { cert, now, today } = w;
  // A renewal granted a moment ago made a new version: the decision belongs on that one.
  const renewed = await tx.select({ version: certificates.version }).from(certificates).where(eq(certificates.supersedesCertificateId, cert.id)).get();
  if (renewed) throw new Conflict(SUPERSEDED(renewed.version));
  const id = await recordDecision(tx, { kind: w.kind, subjectType: "certificate", subjectId: cert.id, certificateId: cert.id, decidedByUserId: actor.userId, decidedAt: now, reason: w.reason, effectiveOn: today, untilOn: w.until });
  const changed = await applyCertificateDecision(tx, { certificateId: cert.id, from: [cert.status], to: w.next, decisionId: id, on: today, now, suspendedUntil: w.until, seenDecisionId: cert.latestDecisionId });
  if (!changed) throw new Conflict(alreadyChanged());
  await recordEvent(tx, actor, now, {
    action: EVENTS[w.kind],
    subjectType: "certificate",
    subjectId: cert.id,
    personId: cert.personId,
    companyId: cert.companyId,
    details: { certificate: w.title, number: cert.number, ...(w.reason ? { reason: w.reason } : {}), ...(w.until ? { until: w.until } : {}) },
  });
  const facts: CertificateDecisionFacts = { certificateId: cert.id, number: cert.number, title: w.title, validUntil: cert.validUntil, forCompany: cert.companyId !== null, effectiveOn: today, reason: w.reason, until: w.until ?? undefined };
  for (const to of await holderRecipients(tx, cert)) if (!w.skipEmails?.includes(to.email)) await enqueueMail(tx, now, EVENTS[w.kind], w.mail(deps.config, to, facts));
  return id;
}
