import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { persons, users } from "./accounts.ts";
import { applicationRequirements, applications } from "./applications.ts";
import { certificates, decisions } from "./certificates.ts";
import { companies } from "./companies.ts";
import { documents } from "./documents.ts";

export const CASE_KINDS = ["appeal", "complaint"] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const CASE_STATUSES = ["received", "investigating", "decided", "dismissed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_OUTCOMES = ["granted", "partly_granted", "rejected"] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
/** What an appeal is against: Avslå (also a refused renewal), Suspendera, Dra in, Ej godkänt on a Moment. */
export const APPEALED_KINDS = ["refusal", "suspension", "withdrawal", "moment"] as const;
export type AppealedKind = (typeof APPEALED_KINDS)[number];

/**
 * Ärende: an appeal against a decision (Överklagande) or a complaint (Klagomål), from receipt to
 * its end, handled by someone independent of what it concerns (modules/cases/policy.ts). The
 * steps with their written reasons are the case's events (subject "case"); a decision about a
 * certificate or an application that the case led to is an ordinary Beslut, linked here.
 */
export const cases = sqliteTable(
  "cases",
  {
    id: text("id").primaryKey(),
    /** Ärendenummer, from the "case" number series. */
    number: integer("number").notNull().unique(),
    kind: text("kind", { enum: CASE_KINDS }).notNull(),
    status: text("status", { enum: CASE_STATUSES }).notNull(),
    outcome: text("outcome", { enum: CASE_OUTCOMES }),
    /** Överklaga beslutet: what is appealed, who decided it, and when (the Moment's rejection has no Beslut row). */
    appealedKind: text("appealed_kind", { enum: APPEALED_KINDS }),
    appealedDecisionId: text("appealed_decision_id").references(() => decisions.id),
    appealedMomentId: text("appealed_moment_id").references(() => applicationRequirements.id),
    appealedAt: integer("appealed_at", { mode: "timestamp_ms" }),
    appealedDecidedByUserId: text("appealed_decided_by_user_id").references(() => users.id),
    /** The last day the appeal could be lodged (ÅÅÅÅ-MM-DD), as it was when it was. */
    deadlineOn: text("deadline_on"),
    /** What the case concerns: the application or certificate, and its holder. */
    applicationId: text("application_id").references(() => applications.id),
    certificateId: text("certificate_id").references(() => certificates.id),
    personId: text("person_id").references(() => persons.id),
    companyId: text("company_id").references(() => companies.id),
    /** A complaint's own words for what it is about, as typed. */
    certificateNumberGiven: text("certificate_number_given"),
    orgNumberGiven: text("org_number_given"),
    /** The grounds of an appeal, or what a complaint describes. */
    description: text("description").notNull(),
    /** The logged-in person who lodged it (an appeal always; a complaint when logged in). */
    submittedByUserId: text("submitted_by_user_id").references(() => users.id),
    /** A complainant's contact details, all optional: shown only to who handles the case. */
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    /** The language of the page the case was lodged on (sv | en): a complainant's mails are in it (docs/decisions/022). */
    language: text("language", { enum: ["sv", "en"] }),
    handlerUserId: text("handler_user_id").references(() => users.id),
    receivedAt: integer("received_at", { mode: "timestamp_ms" }).notNull(),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    /** The Beslut the case led to (a reopened application, a certificate reinstated or suspended). */
    resultDecisionId: text("result_decision_id").references(() => decisions.id),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    // One appeal per decision: two tabs or two admins of one company get "redan överklagat".
    uniqueIndex("cases_appealed_decision").on(t.appealedDecisionId).where(sql`${t.appealedDecisionId} is not null`),
    uniqueIndex("cases_appealed_moment").on(t.appealedMomentId, t.appealedAt).where(sql`${t.appealedMomentId} is not null`),
    index("cases_open").on(t.status, t.receivedAt),
    index("cases_person").on(t.personId),
    index("cases_company").on(t.companyId),
    index("cases_application").on(t.applicationId),
    index("cases_certificate").on(t.certificateId),
    index("cases_received").on(t.receivedAt),
    check("cases_kind_check", sql`${t.kind} in ('appeal', 'complaint')`),
    check("cases_language", sql`${t.language} is null or ${t.language} in ('sv', 'en')`),
    check("cases_status_check", sql`${t.status} in ('received', 'investigating', 'decided', 'dismissed')`),
    check("cases_outcome_check", sql`${t.outcome} is null or ${t.outcome} in ('granted', 'partly_granted', 'rejected')`),
    check("cases_appealed_kind_check", sql`${t.appealedKind} is null or ${t.appealedKind} in ('refusal', 'suspension', 'withdrawal', 'moment')`),
    // An appeal names what it appeals and who lodged it; a complaint appeals nothing.
    check("cases_appeal_target", sql`(${t.kind} = 'appeal') = (${t.appealedKind} is not null and ${t.submittedByUserId} is not null and ${t.appealedAt} is not null)`),
    check("cases_outcome_when_decided", sql`(${t.status} = 'decided') = (${t.outcome} is not null)`),
  ],
);

/** The files that came with a case (the same safe upload as evidence), kept with it. */
export const caseFiles = sqliteTable(
  "case_files",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id),
    addedAt: integer("added_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("case_files_case").on(t.caseId)],
);
