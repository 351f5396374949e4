import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { persons, users } from "./accounts.ts";
import { applications } from "./applications.ts";
import { schemes } from "./catalogue.ts";
import { companies } from "./companies.ts";

export const DECISION_KINDS = ["grant", "refuse", "return", "suspend", "reinstate", "withdraw", "extend", "recertify"] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/**
 * Beslut: who decided what, when and why. A record, so append-only (triggers in the migration);
 * a later decision supersedes an earlier one instead of editing it.
 */
export const decisions = sqliteTable(
  "decisions",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: DECISION_KINDS }).notNull(),
    subjectType: text("subject_type", { enum: ["application", "certificate"] }).notNull(),
    subjectId: text("subject_id").notNull(),
    applicationId: text("application_id").references(() => applications.id),
    certificateId: text("certificate_id").references((): AnySQLiteColumn => certificates.id),
    decidedByUserId: text("decided_by_user_id")
      .notNull()
      .references(() => users.id),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }).notNull(),
    reason: text("reason"),
    effectiveOn: text("effective_on").notNull(),
    /** A suspension's last day as decided ("Vilande till och med"). */
    untilOn: text("until_on"),
  },
  (t) => [
    index("decisions_subject").on(t.subjectType, t.subjectId, t.decidedAt),
    index("decisions_certificate").on(t.certificateId, t.decidedAt),
    check("decisions_kind_check", sql`${t.kind} in ('grant', 'refuse', 'return', 'suspend', 'reinstate', 'withdraw', 'extend', 'recertify')`),
    check("decisions_subject_type_check", sql`${t.subjectType} in ('application', 'certificate')`),
  ],
);

export const CERTIFICATE_STATUSES = ["active", "suspended", "withdrawn", "expired", "ended"] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/**
 * An issued certificate. The number is what holders print and what widgets embed, so a reissue
 * (a new version that supersedes the old row) keeps the number: unique per (number, version).
 */
export const certificates = sqliteTable(
  "certificates",
  {
    id: text("id").primaryKey(),
    number: integer("number").notNull(),
    version: integer("version").notNull().default(1),
    supersedesCertificateId: text("supersedes_certificate_id").references((): AnySQLiteColumn => certificates.id),
    applicationId: text("application_id")
      .notNull()
      .unique()
      .references(() => applications.id),
    personId: text("person_id").references(() => persons.id),
    companyId: text("company_id").references(() => companies.id),
    schemeId: text("scheme_id")
      .notNull()
      .references(() => schemes.id),
    status: text("status", { enum: CERTIFICATE_STATUSES }).notNull(),
    issuedOn: text("issued_on").notNull(),
    validUntil: text("valid_until"),
    cycleEndsOn: text("cycle_ends_on"),
    suspendedUntil: text("suspended_until"),
    /** Null only inside the issuing transaction: the grant decision points back at this row. */
    latestDecisionId: text("latest_decision_id").references((): AnySQLiteColumn => decisions.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("certificates_number_version").on(t.number, t.version),
    index("certificates_person").on(t.personId, t.schemeId),
    index("certificates_company").on(t.companyId, t.schemeId),
    // The current version is the one nothing supersedes; few rows are superseded, so a small index.
    index("certificates_supersedes").on(t.supersedesCertificateId).where(sql`${t.supersedesCertificateId} is not null`),
    check("certificates_holder", sql`(${t.personId} is null) <> (${t.companyId} is null)`),
    check("certificates_status_check", sql`${t.status} in ('active', 'suspended', 'withdrawn', 'expired', 'ended')`),
    check("certificates_number_check", sql`${t.number} > 0`),
  ],
);

/**
 * One row per period a certificate had a status, so "was it active on D?" has an answer:
 * fromDate inclusive, toDate exclusive (null while current).
 */
export const certificateStatusHistory = sqliteTable(
  "certificate_status_history",
  {
    id: text("id").primaryKey(),
    certificateId: text("certificate_id")
      .notNull()
      .references(() => certificates.id),
    status: text("status", { enum: CERTIFICATE_STATUSES }).notNull(),
    fromDate: text("from_date").notNull(),
    toDate: text("to_date"),
    decisionId: text("decision_id").references(() => decisions.id),
    /** Why a period began without a decision, e.g. the daily sweep's "Giltighetstiden har gått ut". */
    reason: text("reason"),
  },
  (t) => [
    index("certificate_status_history_cert").on(t.certificateId, t.fromDate),
    // At most one open period per certificate.
    uniqueIndex("certificate_status_history_open").on(t.certificateId).where(sql`${t.toDate} is null`),
    check("certificate_status_history_status_check", sql`${t.status} in ('active', 'suspended', 'withdrawn', 'expired', 'ended')`),
  ],
);

export const REMINDER_KINDS = ["extension", "recertification", "suspension_end"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * A reminder sent: Årlig förlängning or Omcertifiering due, or (to the decider) a suspension that
 * reached its last day. One row per certificate
 * number, kind and due date: the unique index is what makes two sweeps at once send it once.
 */
export const reminders = sqliteTable(
  "reminders",
  {
    id: text("id").primaryKey(),
    certificateNumber: integer("certificate_number").notNull(),
    certificateId: text("certificate_id")
      .notNull()
      .references(() => certificates.id),
    kind: text("kind", { enum: REMINDER_KINDS }).notNull(),
    dueOn: text("due_on").notNull(),
    sentOn: text("sent_on").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("reminders_once").on(t.certificateNumber, t.kind, t.dueOn),
    check("reminders_kind_check", sql`${t.kind} in ('extension', 'recertification', 'suspension_end')`),
  ],
);
