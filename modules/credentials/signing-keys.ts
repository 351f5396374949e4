// The signing keys' life as the Händelselogg sees it. The key files are not in the database, so
// file and Event cannot share a transaction: the file is written (and synced) first, then the
// Event; a crash between leaves a key without its Event, never an Event without its key.
import { and, eq, gt, gte, inArray, isNull, notExists, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db, Tx } from "../../db/client.ts";
import { certificates } from "../../db/schema/index.ts";
import type { Config } from "../../lib/config.ts";
import { swedishDate } from "../../lib/dates.ts";
import { t } from "../../lib/i18n/index.ts";
import { composeMail } from "../../lib/mail/compose.ts";
import type { MailMessage } from "../../lib/mail/mailer.ts";
import { ensureKeyFile, revokeKeyFile, rotateKeyFiles } from "../../lib/signing/keyring.ts";
import { Invalid } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import { systemActor, type Deps } from "../deps.ts";
import { enqueueMail } from "../outbox/index.ts";
import { holderRecipients, inLanguageOf, type MailRecipient } from "../review/index.ts";

/** At every start: the first key, made when the folder has none. */
export async function ensureSigningKey(dir: string, now: Date, db: Db): Promise<void> {
  const kid = await ensureKeyFile(dir, now);
  if (kid) await recordEvent(db, systemActor, now, { action: "signing_key.created", subjectType: "signing_key", subjectId: kid });
}

/** `npm run cli -- keys:rotate`: a new current key; the old ones stay published. */
export async function rotateSigningKey(dir: string, now: Date, db: Db): Promise<{ kid: string; retired: string[] }> {
  const rotated = await rotateKeyFiles(dir, now);
  await recordEvent(db, systemActor, now, { action: "signing_key.rotated", subjectType: "signing_key", subjectId: rotated.kid, details: { retired: rotated.retired } });
  return rotated;
}

/**
 * `npm run cli -- keys:revoke KID --reason "…"`: the key is no longer published and nothing it
 * signed verifies (a key that may have leaked). The current key is first replaced by a new one.
 * Holders get credentials and PDFs signed with the current key when they download them again, so
 * in the Event's transaction every holder of a certificate in force (the person, or a company's
 * certifikatsadministratörer) is mailed once, naming their certificates, to do so.
 */
export async function revokeSigningKey(deps: Pick<Deps, "db" | "config">, dir: string, kidOrPrefix: string, reason: string, now: Date): Promise<{ kid: string; newCurrent: string | null; mailed: number }> {
  const why = reason.trim();
  if (why.length < 3 || why.length > 500) throw new Invalid({ reason: 'Ange varför nyckeln spärras med --reason, till exempel --reason "Nyckelfilen kan ha kopierats".' });
  const revoked = await revokeKeyFile(dir, kidOrPrefix, now);
  const mailed = await deps.db.transaction(
    async (tx) => {
      await recordEvent(tx, systemActor, now, { action: "signing_key.revoked", subjectType: "signing_key", subjectId: revoked.kid, details: { reason: why, newCurrent: revoked.newCurrent } });
      return mailHolders(tx, deps.config, now);
    },
    { behavior: "immediate" },
  );
  return { ...revoked, mailed };
}

/** One mail per holder (person or certifikatsadministratör) of a certificate in force, naming them all. */
async function mailHolders(tx: Tx, config: Config, now: Date): Promise<number> {
  const current = alias(certificates, "current");
  const inForce = await tx
    .select({ number: certificates.number, personId: certificates.personId, companyId: certificates.companyId })
    .from(certificates)
    // In force: active or suspended, not past its Giltigt till (the sweep may not have run yet), the current version.
    .where(and(inArray(certificates.status, ["active", "suspended"]), or(isNull(certificates.validUntil), gte(certificates.validUntil, swedishDate(now))), notExists(tx.select({ one: sql`1` }).from(current).where(and(eq(current.number, certificates.number), gt(current.version, certificates.version))))))
    .orderBy(certificates.number);
  const byEmail = new Map<string, { to: MailRecipient; numbers: number[] }>();
  // A holder's recipients read once, however many certificates they hold.
  const recipients = new Map<string, Promise<MailRecipient[]>>();
  for (const c of inForce) {
    const holder = c.personId ? `p:${c.personId}` : `c:${c.companyId}`;
    if (!recipients.has(holder)) recipients.set(holder, holderRecipients(tx, c));
    for (const to of await recipients.get(holder)!) {
      const entry = byEmail.get(to.email) ?? { to, numbers: [] };
      entry.numbers.push(c.number);
      byEmail.set(to.email, entry);
    }
  }
  for (const { to, numbers } of byEmail.values()) {
    await enqueueMail(tx, now, "signing_key.revoked", inLanguageOf(to, () => downloadAgainMail(config, to, numbers, swedishDate(now))));
  }
  return byEmail.size;
}

function downloadAgainMail(config: Config, to: MailRecipient, numbers: number[], date: string): MailMessage {
  return composeMail(
    {
      to: to.email,
      subject: t("mail.downloadAgain.subject", numbers.length),
      greeting: t("mail.greeting", to.name),
      paragraphs: [t("mail.downloadAgain.text", config.org.name, date), t("mail.downloadAgain.still"), t("mail.downloadAgain.which", numbers.join(", "))],
      action: { label: t("nav.minSida"), url: `${config.publicUrl}/min-sida` },
      after: [t("mail.questions", config.org.name)],
    },
    config.org,
  );
}
