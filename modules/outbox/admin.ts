// The utkorg as staff see it ("Utgående e-post"): what waits, what failed, what went out in the
// last day, and "Skicka igen". Nothing here reads a mail's text or html: staff never see a body,
// and for secret kinds not the subject either (a login code is in it).
import { and, asc, count, desc, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { mailOutbox } from "../../db/schema/index.ts";
import { Conflict, NotFound } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { isSecretKind, mailKindLabel } from "./kinds.ts";
import { assertCanOperateMail } from "./policy.ts";
import { t } from "../../lib/i18n/index.ts";

export type OutboxView = "pending" | "failed" | "sent";
export const OUTBOX_VIEWS: readonly OutboxView[] = ["pending", "failed", "sent"];

/** Most rows one list shows: the oldest waiting or failed, the newest sent. */
export const LIST_LIMIT = 100;
/** "Skickade senaste dygnet". */
const SENT_WINDOW_MS = 24 * 3_600_000;
/** A pending mail this long past its time has not been picked up: the sender is not running. */
const OVERDUE_MS = 10 * 60_000;

export interface OutboxCounts {
  pending: number;
  failed: number;
  sentLastDay: number;
}

export interface OutboxRow {
  id: string;
  kind: string;
  kindLabel: string;
  to: string;
  /** Null for secret kinds: the subject may hold the secret. */
  subject: string | null;
  status: "pending" | "failed" | "sent";
  attempts: number;
  /** When the sender tries next; only for pending mail. */
  nextAttemptAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  /** Being sent right now (a sender holds its claim); it cannot be sent again until that ends. */
  sending: boolean;
  /** Failed, or pending after a failed attempt or long overdue: "Skicka igen" makes sense. */
  retryable: boolean;
}

const sentSince = (now: Date) => new Date(now.getTime() - SENT_WINDOW_MS);
const notClaimed = (now: Date) => or(isNull(mailOutbox.claimedUntil), lte(mailOutbox.claimedUntil, now));

function where(view: OutboxView, now: Date) {
  return view === "sent" ? and(eq(mailOutbox.status, "sent"), gte(mailOutbox.sentAt, sentSince(now))) : eq(mailOutbox.status, view);
}

/** How many mails each list holds (the counts on the tabs and on /personal). */
export async function countOutbox(db: DbOrTx, now: Date): Promise<OutboxCounts> {
  const n = async (view: OutboxView) => (await db.select({ n: count() }).from(mailOutbox).where(where(view, now)).get())?.n ?? 0;
  const [pending, failed, sentLastDay] = await Promise.all([n("pending"), n("failed"), n("sent")]);
  return { pending, failed, sentLastDay };
}

/** One list, at most LIST_LIMIT rows: waiting and failed mail oldest first, sent mail newest first. */
export async function listOutbox(deps: Pick<Deps, "db" | "clock">, actor: Actor, view: OutboxView): Promise<{ rows: OutboxRow[]; counts: OutboxCounts }> {
  assertCanOperateMail(actor);
  const now = deps.clock.now();
  const found = await deps.db
    .select({
      id: mailOutbox.id,
      kind: mailOutbox.kind,
      to: mailOutbox.to,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      nextAttemptAt: mailOutbox.nextAttemptAt,
      claimedUntil: mailOutbox.claimedUntil,
      lastError: mailOutbox.lastError,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .where(where(view, now))
    .orderBy(...(view === "sent" ? [desc(mailOutbox.sentAt), desc(mailOutbox.createdAt)] : [asc(mailOutbox.createdAt), asc(mailOutbox.id)]))
    .limit(LIST_LIMIT);
  const rows = found.map((r): OutboxRow => {
    const sending = r.status === "pending" && r.claimedUntil !== null && r.claimedUntil > now;
    const stuck = r.status === "pending" && (r.attempts > 0 || r.nextAttemptAt.getTime() < now.getTime() - OVERDUE_MS);
    return {
      id: r.id,
      kind: r.kind,
      kindLabel: mailKindLabel(r.kind),
      to: r.to,
      subject: isSecretKind(r.kind) ? null : r.subject,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.status === "pending" ? r.nextAttemptAt : null,
      lastError: r.lastError,
      createdAt: r.createdAt,
      sentAt: r.sentAt,
      sending,
      retryable: !sending && (r.status === "failed" || stuck),
    };
  });
  return { rows, counts: await countOutbox(deps.db, now) };
}

type RetryDeps = Pick<Deps, "db" | "clock" | "mailQueue">;
type Retried = { id: string; kind: string; status: string; attempts: number };

const back = (now: Date) => ({ status: "pending" as const, attempts: 0, nextAttemptAt: now, claimedUntil: null });

/**
 * "Skicka igen": back to pending with its attempts cleared and its next attempt now, an Event,
 * then the sender is woken. A sent mail stays sent (sending it twice is not a retry), and a mail a
 * sender is sending right now is left to it, so it never goes out twice at once.
 */
export async function retryMail(deps: RetryDeps, actor: Actor, id: string): Promise<void> {
  assertCanOperateMail(actor);
  const now = deps.clock.now();
  await deps.db.transaction(
    async (tx) => {
      const row = await tx.select({ id: mailOutbox.id, kind: mailOutbox.kind, status: mailOutbox.status, attempts: mailOutbox.attempts, claimedUntil: mailOutbox.claimedUntil }).from(mailOutbox).where(eq(mailOutbox.id, id)).get();
      if (!row) throw new NotFound(t("outbox.notFound"));
      if (row.status === "sent") throw new Conflict(t("outbox.alreadySent"));
      if (row.claimedUntil && row.claimedUntil > now) throw new Conflict(t("outbox.sending"));
      await tx.update(mailOutbox).set(back(now)).where(eq(mailOutbox.id, id));
      await recordRetry(tx, actor, now, row, false);
    },
    { behavior: "immediate" },
  );
  deps.mailQueue.kick();
}

/** "Skicka igen alla misslyckade": every failed mail back to pending, one Event per mail. */
export async function retryAllFailed(deps: RetryDeps, actor: Actor): Promise<{ count: number }> {
  assertCanOperateMail(actor);
  const now = deps.clock.now();
  const rows = await deps.db.transaction(
    async (tx) => {
      const failed = await tx.select({ id: mailOutbox.id, kind: mailOutbox.kind, status: mailOutbox.status, attempts: mailOutbox.attempts }).from(mailOutbox).where(and(eq(mailOutbox.status, "failed"), notClaimed(now)));
      if (failed.length) await tx.update(mailOutbox).set(back(now)).where(and(inArray(mailOutbox.id, failed.map((r) => r.id)), eq(mailOutbox.status, "failed")));
      for (const r of failed) await recordRetry(tx, actor, now, r, true);
      return failed;
    },
    { behavior: "immediate" },
  );
  if (rows.length) deps.mailQueue.kick();
  return { count: rows.length };
}

/** Which mail, its kind and how it stood; never its subject or recipient (those stay in the utkorg). */
function recordRetry(tx: DbOrTx, actor: Actor, at: Date, r: Retried, all: boolean) {
  return recordEvent(tx, actor, at, {
    action: "mail.retry_requested",
    subjectType: "mail",
    subjectId: r.id,
    details: { kind: r.kind, status: r.status, attempts: r.attempts, ...(all ? { allFailed: true } : {}) },
  });
}
