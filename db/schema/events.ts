import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The Händelselogg. Append-only: triggers in the migrations refuse UPDATE and DELETE.
 * The actor's name is copied so the log reads the same after a rename.
 */
export const events = sqliteTable(
  "events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    actorUserId: text("actor_user_id"),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    personId: text("person_id"),
    companyId: text("company_id"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("events_person").on(t.personId, t.at), index("events_company").on(t.companyId, t.at), index("events_subject").on(t.subjectType, t.subjectId)],
);
