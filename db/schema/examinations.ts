import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { persons, users } from "./accounts.ts";
import { applications } from "./applications.ts";
import { schemes } from "./catalogue.ts";
import { documents } from "./documents.ts";

/**
 * Provdelar (e.g. Teori, Praktik) of a scheme's exam, part of the catalogue. A part with
 * `maxPoints` is scored; `passPoints` is the least score that is Godkänd.
 */
export const examParts = sqliteTable(
  "exam_parts",
  {
    id: text("id").primaryKey(),
    schemeId: text("scheme_id")
      .notNull()
      .references(() => schemes.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    maxPoints: integer("max_points"),
    passPoints: integer("pass_points"),
    sortOrder: integer("sort_order").notNull(),
  },
  (t) => [
    uniqueIndex("exam_parts_code").on(t.schemeId, t.code),
    check("exam_parts_points_check", sql`(${t.maxPoints} is null and ${t.passPoints} is null) or (${t.maxPoints} > 0 and (${t.passPoints} is null or (${t.passPoints} >= 0 and ${t.passPoints} <= ${t.maxPoints})))`),
  ],
);

export const CENTRE_STATUSES = ["pending", "approved"] as const;
export type CentreStatus = (typeof CENTRE_STATUSES)[number];

/** Examinationscentrum: an organisation staff have approved to hold exams for some schemes. */
export const examinationCentres = sqliteTable(
  "examination_centres",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    orgNumber: text("org_number").notNull(),
    addressLine1: text("address_line1").notNull(),
    postalCode: text("postal_code").notNull(),
    city: text("city").notNull(),
    /** The centre's own contact for the public page: an organisation's, never a person's. */
    email: text("email"),
    phone: text("phone"),
    website: text("website"),
    status: text("status", { enum: CENTRE_STATUSES }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    createdByUserId: text("created_by_user_id")
      .notNull()
      .references(() => users.id),
    approvedAt: integer("approved_at", { mode: "timestamp_ms" }),
    approvedByUserId: text("approved_by_user_id").references(() => users.id),
    /** "Stäng av": an approved centre whose examinators may do nothing, not listed publicly, until reinstated. */
    suspendedAt: integer("suspended_at", { mode: "timestamp_ms" }),
    suspendedByUserId: text("suspended_by_user_id").references(() => users.id),
    suspensionReason: text("suspension_reason"),
  },
  (t) => [
    uniqueIndex("examination_centres_org_number").on(t.orgNumber),
    index("examination_centres_status").on(t.status, t.city),
    check("examination_centres_status_check", sql`${t.status} in ('pending', 'approved')`),
    check("examination_centres_org_number_check", sql`length(${t.orgNumber}) = 10`),
  ],
);

/** The schemes a centre may examine; its Teknikområden are theirs. */
export const examinationCentreSchemes = sqliteTable(
  "examination_centre_schemes",
  {
    centreId: text("centre_id")
      .notNull()
      .references(() => examinationCentres.id),
    schemeId: text("scheme_id")
      .notNull()
      .references(() => schemes.id),
  },
  (t) => [primaryKey({ columns: [t.centreId, t.schemeId] })],
);

/** Examinator: a person's role at one centre (not a global role). A removed one keeps the row. */
export const examinators = sqliteTable(
  "examinators",
  {
    id: text("id").primaryKey(),
    centreId: text("centre_id")
      .notNull()
      .references(() => examinationCentres.id),
    personId: text("person_id")
      .notNull()
      .references(() => persons.id),
    addedAt: integer("added_at", { mode: "timestamp_ms" }).notNull(),
    addedByUserId: text("added_by_user_id")
      .notNull()
      .references(() => users.id),
    removedAt: integer("removed_at", { mode: "timestamp_ms" }),
    removedByUserId: text("removed_by_user_id").references(() => users.id),
  },
  (t) => [uniqueIndex("examinators_active").on(t.centreId, t.personId).where(sql`${t.removedAt} is null`), index("examinators_person").on(t.personId)],
);

/** Provtillfälle: one exam of one scheme at a centre, on a day (Swedish time), at a place. */
export const examSessions = sqliteTable(
  "exam_sessions",
  {
    id: text("id").primaryKey(),
    centreId: text("centre_id")
      .notNull()
      .references(() => examinationCentres.id),
    schemeId: text("scheme_id")
      .notNull()
      .references(() => schemes.id),
    /** YYYY-MM-DD and HH:MM, as the centre says it: Swedish local time. */
    date: text("date").notNull(),
    startTime: text("start_time").notNull(),
    place: text("place").notNull(),
    seats: integer("seats").notNull(),
    /** Provprotokollet (PDF) for the whole session; only the centre and staff read it. */
    protocolDocumentId: text("protocol_document_id").references(() => documents.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    createdByUserId: text("created_by_user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [index("exam_sessions_centre").on(t.centreId, t.date), index("exam_sessions_date").on(t.date), check("exam_sessions_seats_check", sql`${t.seats} > 0`)],
);

/** The parts a session examines, from its scheme's exam parts (a retake may hold only one). */
export const examSessionParts = sqliteTable(
  "exam_session_parts",
  {
    sessionId: text("session_id")
      .notNull()
      .references(() => examSessions.id),
    partId: text("part_id")
      .notNull()
      .references(() => examParts.id),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.partId] })],
);

export const REGISTRATION_STATUSES = ["registered", "cancelled"] as const;
export const EXAM_RESULTS = ["passed", "failed"] as const;
export type ExamResult = (typeof EXAM_RESULTS)[number];

/** Anmälan: a person registered to a session, in the certification process it started or joined. */
export const examRegistrations = sqliteTable(
  "exam_registrations",
  {
    id: text("id").primaryKey(),
    sessionId: text("session_id")
      .notNull()
      .references(() => examSessions.id),
    personId: text("person_id")
      .notNull()
      .references(() => persons.id),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id),
    status: text("status", { enum: REGISTRATION_STATUSES }).notNull(),
    registeredAt: integer("registered_at", { mode: "timestamp_ms" }).notNull(),
    registeredByUserId: text("registered_by_user_id")
      .notNull()
      .references(() => users.id),
    cancelledAt: integer("cancelled_at", { mode: "timestamp_ms" }),
    cancelledByUserId: text("cancelled_by_user_id").references(() => users.id),
    /** Godkänd only when every part of the session is. Recorded once; it feeds the process. */
    result: text("result", { enum: EXAM_RESULTS }),
    resultRecordedAt: integer("result_recorded_at", { mode: "timestamp_ms" }),
    resultRecordedByUserId: text("result_recorded_by_user_id").references(() => users.id),
  },
  (t) => [
    uniqueIndex("exam_registrations_active").on(t.sessionId, t.personId).where(sql`${t.status} = 'registered'`),
    index("exam_registrations_person").on(t.personId),
    index("exam_registrations_application").on(t.applicationId),
    check("exam_registrations_status_check", sql`${t.status} in ('registered', 'cancelled')`),
    check("exam_registrations_result_check", sql`${t.result} is null or (${t.result} in ('passed', 'failed') and ${t.status} = 'registered')`),
  ],
);

/** Per candidate and part: Godkänd / Ej godkänd, and the points where the part is scored. */
export const examResults = sqliteTable(
  "exam_results",
  {
    registrationId: text("registration_id")
      .notNull()
      .references(() => examRegistrations.id),
    partId: text("part_id")
      .notNull()
      .references(() => examParts.id),
    passed: integer("passed", { mode: "boolean" }).notNull(),
    points: integer("points"),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.partId] }), check("exam_results_points_check", sql`${t.points} is null or ${t.points} >= 0`)],
);
