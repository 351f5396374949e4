import { and, asc, eq, isNull, lte, or } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { documents, mailOutbox } from "../../db/schema/index.ts";
import type { FileStorage } from "../../lib/storage/storage.ts";
import type { Clock } from "../../lib/clock.ts";
import { newId } from "../../lib/ids.ts";
import type { MailMessage, Mailer } from "../../lib/mail/mailer.ts";

/** How long a sender owns a row it took; a sender that dies lets it go after this. */
export const CLAIM_MS = 2 * 60_000;
/** After this many failed attempts a mail is marked failed for staff to look at. */
export const MAX_ATTEMPTS = 8;

export interface StoredAttachment {
  documentId: string;
  filename: string;
  contentType: string;
}

/**
 * Puts a mail in the utkorg, in the transaction of the change it tells about. Attachments are
 * stored documents (e.g. an invoice PDF), read when the mail is sent: the row stays small.
 */
export async function enqueueMail(tx: Tx, now: Date, kind: string, message: Omit<MailMessage, "attachments">, attachments: StoredAttachment[] = []): Promise<string> {
  if ((message as MailMessage).attachments?.length) throw new Error("Queue attachments as stored documents");
  const id = newId();
  await tx.insert(mailOutbox).values({ id, to: message.to, subject: message.subject, text: message.text, html: message.html, kind, attachments: attachments.length ? attachments : null, status: "pending", attempts: 0, nextAttemptAt: now, createdAt: now });
  return id;
}

/** Queues a mail in its own transaction, for mail that no other change comes with (a login code). */
export async function queueMail(deps: { db: Db; clock: Clock; mailQueue: { kick(): void } }, kind: string, message: Omit<MailMessage, "attachments">): Promise<void> {
  await deps.db.transaction((tx) => enqueueMail(tx, deps.clock.now(), kind, message).then(() => undefined), { behavior: "immediate" });
  deps.mailQueue.kick();
}

type SenderDeps = { db: Db; mail: Mailer; clock: Clock; storage: FileStorage };

async function attachmentsOf(deps: SenderDeps, stored: StoredAttachment[] | null): Promise<MailMessage["attachments"]> {
  if (!stored?.length) return undefined;
  const out = [];
  for (const a of stored) {
    const doc = await deps.db.select({ key: documents.storageKey }).from(documents).where(eq(documents.id, a.documentId)).get();
    if (!doc) throw new Error(`attachment ${a.documentId} has no document row`);
    out.push({ filename: a.filename, content: await deps.storage.get(doc.key), contentType: a.contentType });
  }
  return out;
}

/** What a sent mail with a secret in it keeps (kinds starting "secret."). */
export const REDACTED = "(Innehållet är raderat efter sändningen: det innehöll en engångskod, ett engångslösenord eller en engångslänk.)";

/** One minute, then doubling up to six hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

/**
 * Sends what is due, one row at a time: a row is first claimed with a conditional update, so two
 * senders (threads of one process or two processes on one database) never send the same row
 * at once. Returns how many were sent and how many failed this round.
 */
export async function drainOutbox(deps: SenderDeps, limit = 50): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const now = deps.clock.now();
    const next = await deps.db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, now), or(isNull(mailOutbox.claimedUntil), lte(mailOutbox.claimedUntil, now))))
      .orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.createdAt))
      .get();
    if (!next) break;
    const token = newId();
    const claimed = await deps.db
      .update(mailOutbox)
      .set({ claimedUntil: new Date(now.getTime() + CLAIM_MS), claimToken: token })
      .where(and(eq(mailOutbox.id, next.id), eq(mailOutbox.status, "pending"), or(isNull(mailOutbox.claimedUntil), lte(mailOutbox.claimedUntil, now))))
      .returning();
    const row = claimed[0];
    if (!row) continue; // another sender took it first
    try {
      await deps.mail.send({ to: row.to, subject: row.subject, text: row.text, html: row.html, attachments: await attachmentsOf(deps, row.attachments) });
      // A login code, one-time password or single-use link is not kept once it has gone out.
      const redacted = row.kind.startsWith("secret.") ? { text: REDACTED, html: REDACTED } : {};
      await deps.db
        .update(mailOutbox)
        .set({ status: "sent", sentAt: deps.clock.now(), attempts: row.attempts + 1, claimedUntil: null, lastError: null, ...redacted })
        .where(and(eq(mailOutbox.id, row.id), eq(mailOutbox.claimToken, token)));
      sent++;
    } catch (error) {
      const attempts = row.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      await deps.db
        .update(mailOutbox)
        .set({ status: giveUp ? "failed" : "pending", attempts, nextAttemptAt: new Date(deps.clock.now().getTime() + retryDelayMs(attempts)), claimedUntil: null, lastError: String((error as Error)?.message ?? error).slice(0, 500) })
        .where(and(eq(mailOutbox.id, row.id), eq(mailOutbox.claimToken, token)));
      failed++;
      // The server is likely down: leave the rest for the next round.
      break;
    }
  }
  return { sent, failed };
}

export interface OutboxSender {
  /** Ask for a round soon (after a commit that queued mail). */
  kick(): void;
  /** Waits until nothing due is left (tests, the CLI). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/** The sender inside the server: a round every `intervalMs` and whenever kicked, one round at a time. */
export function startOutboxSender(deps: SenderDeps & { followUps?: (limit: number) => Promise<{ done: number; failed: number }> }, options: { intervalMs?: number; log?: (msg: string, error?: unknown) => void } = {}): OutboxSender {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const log = options.log ?? ((msg, error) => console.error(msg, error ?? ""));
  const round = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          // Follow-up work first: it may queue mail (an invoice's PDF and its mail).
          if (deps.followUps) {
            const f = await deps.followUps(20);
            if (f.failed) log(`Efterarbete: ${f.failed} uppgifter misslyckades; nytt försök senare.`);
          }
          const r = await drainOutbox(deps);
          if (r.failed) log(`Utkorgen: ${r.failed} brev kunde inte skickas; nytt försök senare.`);
        } while (again && !stopped);
      } catch (error) {
        log("Utkorgen: kunde inte läsa kön.", error);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void round(), options.intervalMs ?? 5_000);
  timer.unref();
  return {
    kick: () => void round(),
    async drain() {
      await round();
      while (running) await running;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (running) await running;
    },
  };
}
