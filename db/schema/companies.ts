import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { persons, users } from "./accounts.ts";
import { documents } from "./documents.ts";

export const COMPANY_STATUSES = ["pending", "approved", "refused"] as const;

/** A legal person. Registered by a logged-in person; staff approve it before it can be used. */
export const companies = sqliteTable(
  "companies",
  {
    id: text("id").primaryKey(),
    orgNumber: text("org_number").notNull(),
    name: text("name").notNull(),
    addressLine1: text("address_line1").notNull(),
    addressLine2: text("address_line2"),
    postalCode: text("postal_code").notNull(),
    city: text("city").notNull(),
    country: text("country").notNull(),
    phone: text("phone"),
    email: text("email"),
    status: text("status", { enum: COMPANY_STATUSES }).notNull(),
    registeredByPersonId: text("registered_by_person_id")
      .notNull()
      .references(() => persons.id),
    registrationDocumentId: text("registration_document_id").references(() => documents.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    decidedByUserId: text("decided_by_user_id").references(() => users.id),
    decisionReason: text("decision_reason"),
  },
  (t) => [
    // A refused registration frees the number for a new attempt; a pending or approved one holds it.
    uniqueIndex("companies_org_number_live").on(t.orgNumber).where(sql`${t.status} <> 'refused'`),
    index("companies_status").on(t.status, t.createdAt),
    check("companies_status_check", sql`${t.status} in ('pending', 'approved', 'refused')`),
    check("companies_org_number_check", sql`length(${t.orgNumber}) = 10`),
  ],
);

/** Certifikatsadministratör: a person who may act for the company. */
export const companyAdmins = sqliteTable(
  "company_admins",
  {
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    personId: text("person_id")
      .notNull()
      .references(() => persons.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.personId] }), index("company_admins_person").on(t.personId)],
);

export const EMPLOYMENT_STATUSES = ["requested", "active", "rejected", "cancelled", "ended"] as const;

export const employments = sqliteTable(
  "employments",
  {
    id: text("id").primaryKey(),
    personId: text("person_id")
      .notNull()
      .references(() => persons.id),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    startDate: text("start_date").notNull(),
    endDate: text("end_date"),
    status: text("status", { enum: EMPLOYMENT_STATUSES }).notNull(),
    requestedAt: integer("requested_at", { mode: "timestamp_ms" }).notNull(),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    decidedByUserId: text("decided_by_user_id").references(() => users.id),
    reason: text("reason"),
  },
  (t) => [
    // One open request or active employment per person and company.
    uniqueIndex("employments_open").on(t.personId, t.companyId).where(sql`${t.status} in ('requested', 'active')`),
    index("employments_company").on(t.companyId, t.status),
    check("employments_status_check", sql`${t.status} in ('requested', 'active', 'rejected', 'cancelled', 'ended')`),
  ],
);
