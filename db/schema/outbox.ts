import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const OUTBOX_STATUSES = ["pending", "sent", "failed"] as const;

/**
 * Utkorg: mail written in the same transaction as the change it tells about, sent afterwards by
 * the sender (lib/mail/outbox-sender), retried with a growing pause. A claim (claimed_until) keeps
 * two senders, in one process or two, from sending the same row at once.
 */
export const mailOutbox = sqliteTable(
  "mail_outbox",
  {
    id: text("id").primaryKey(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    /** What the mail is about, for the log and for tests, e.g. "reminder.extension". */
    kind: text("kind").notNull(),
    /** Stored documents sent as attachments (e.g. an invoice PDF), read from storage when sent. */
    attachments: text("attachments", { mode: "json" }).$type<{ documentId: string; filename: string; contentType: string }[]>(),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    claimedUntil: integer("claimed_until", { mode: "timestamp_ms" }),
    claimToken: text("claim_token"),
    lastError: text("last_error"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("mail_outbox_due").on(t.status, t.nextAttemptAt), check("mail_outbox_status_check", sql`${t.status} in ('pending', 'sent', 'failed')`)],
);

/**
 * Scheduled jobs: who runs one now (a lease that runs out if its holder dies) and the last date
 * it completed, so a restart or a second process does not run the daily sweep again.
 */
export const jobLeases = sqliteTable("job_leases", {
  name: text("name").primaryKey(),
  holder: text("holder"),
  leaseUntil: integer("lease_until", { mode: "timestamp_ms" }),
  lastRunOn: text("last_run_on"),
  lastRunAt: integer("last_run_at", { mode: "timestamp_ms" }),
  lastResult: text("last_result", { mode: "json" }).$type<Record<string, number>>(),
});

export const FOLLOW_UP_STATUSES = ["pending", "done", "failed"] as const;

/**
 * Work that must follow a commit but cannot be part of it, e.g. rendering an invoice's PDF and
 * queueing its mail: written in the transaction, done afterwards, retried until it succeeds.
 * Claimed like a mail row, so two processes never do the same row at once.
 */
export const followUps = sqliteTable(
  "follow_ups",
  {
    id: text("id").primaryKey(),
    kind: text("kind").notNull(),
    payload: text("payload", { mode: "json" }).$type<Record<string, string>>().notNull(),
    status: text("status", { enum: FOLLOW_UP_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    claimedUntil: integer("claimed_until", { mode: "timestamp_ms" }),
    claimToken: text("claim_token"),
    lastError: text("last_error"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    doneAt: integer("done_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("follow_ups_due").on(t.status, t.nextAttemptAt), check("follow_ups_status_check", sql`${t.status} in ('pending', 'done', 'failed')`)],
);
