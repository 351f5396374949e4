import { and, asc, eq, isNull, lte, or } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { mailOutbox } from "../../db/schema/index.ts";
import type { Clock } from "../../lib/clock.ts";
import { newId } from "../../lib/ids.ts";
import type { MailMessage, Mailer } from "../../lib/mail/mailer.ts";

/** How long a sender owns a row it took; a sender that dies lets it go after this. */
const CLAIM_MS = 2 * 60_000;
/** After this many failed attempts a mail is marked failed for staff to look at. */
export const MAX_ATTEMPTS = 8;

/** Puts a mail in the utkorg, in the transaction of the change it tells about. */
export async function enqueueMail(tx: Tx, now: Date, kind: string, message: MailMessage): Promise<string> {
  if (message.attachments?.length) throw new Error("The outbox carries mail without attachments");
  const id = newId();
  await tx.insert(mailOutbox).values({ id, to: message.to, subject: message.subject, text: message.text, html: message.html, kind, status: "pending", attempts: 0, nextAttemptAt: now, createdAt: now });
  return id;
}

/** One minute, then doubling up to six hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

/**
 * Sends what is due, one row at a time: a row is first claimed with a conditional update, so two
 * senders (threads of one process or two processes on one database) never send the same row
 * at once. Returns how many were sent and how many failed this round.
 */
export async function drainOutbox(deps: { db: Db; mail: Mailer; clock: Clock }, limit = 50): Promise<{ sent: number; failed: number }> {
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
      await deps.mail.send({ to: row.to, subject: row.subject, text: row.text, html: row.html });
      await deps.db.update(mailOutbox).set({ status: "sent", sentAt: deps.clock.now(), attempts: row.attempts + 1, claimedUntil: null, lastError: null }).where(and(eq(mailOutbox.id, row.id), eq(mailOutbox.claimToken, token)));
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
export function startOutboxSender(deps: { db: Db; mail: Mailer; clock: Clock }, options: { intervalMs?: number; log?: (msg: string, error?: unknown) => void } = {}): OutboxSender {
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
