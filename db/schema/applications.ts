import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { persons, users } from "./accounts.ts";
import { declarationTexts, requirements, schemes } from "./catalogue.ts";
import { companies } from "./companies.ts";
import { documents } from "./documents.ts";

export const APPLICATION_KINDS = ["initial", "extension", "recertification"] as const;
export const APPLICATION_STATUSES = ["in_progress", "final_review", "issued", "refused", "returned", "withdrawn"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Certifieringsprocess: one run of the five steps, by a person or a company. */
export const applications = sqliteTable(
  "applications",
  {
    id: text("id").primaryKey(),
    schemeId: text("scheme_id")
      .notNull()
      .references(() => schemes.id),
    kind: text("kind", { enum: APPLICATION_KINDS }).notNull(),
    personId: text("person_id").references(() => persons.id),
    companyId: text("company_id").references(() => companies.id),
    status: text("status", { enum: APPLICATION_STATUSES }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    createdByUserId: text("created_by_user_id")
      .notNull()
      .references(() => users.id),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    /** Intyga: which förbindelsetext version was accepted, when and by whom. */
    declarationTextId: text("declaration_text_id").references(() => declarationTexts.id),
    declaredAt: integer("declared_at", { mode: "timestamp_ms" }),
    declaredByUserId: text("declared_by_user_id").references(() => users.id),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    closedReason: text("closed_reason"),
    /** For extension and recertification: the certificate version it continues. */
    renewsCertificateId: text("renews_certificate_id"),
    /** The price shown when it was submitted, in öre: what is invoiced. */
    priceOre: integer("price_ore"),
  },
  (t) => [
    // One open application per applicant and scheme.
    uniqueIndex("applications_open_person").on(t.personId, t.schemeId).where(sql`${t.personId} is not null and ${t.status} in ('in_progress', 'final_review', 'returned')`),
    uniqueIndex("applications_open_company").on(t.companyId, t.schemeId).where(sql`${t.companyId} is not null and ${t.status} in ('in_progress', 'final_review', 'returned')`),
    index("applications_status").on(t.status, t.updatedAt),
    check("applications_applicant", sql`(${t.personId} is null) <> (${t.companyId} is null)`),
    check("applications_status_check", sql`${t.status} in ('in_progress', 'final_review', 'issued', 'refused', 'returned', 'withdrawn')`),
    check("applications_kind_check", sql`${t.kind} in ('initial', 'extension', 'recertification')`),
  ],
);

export const REQUIREMENT_STATUSES = ["awaiting_file", "awaiting_review", "approved", "rejected"] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

/** Moment in one application: its status, latest file, and the reviewer's word. */
export const applicationRequirements = sqliteTable(
  "application_requirements",
  {
    id: text("id").primaryKey(),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id),
    requirementId: text("requirement_id")
      .notNull()
      .references(() => requirements.id),
    status: text("status", { enum: REQUIREMENT_STATUSES }).notNull(),
    latestDocumentId: text("latest_document_id").references(() => documents.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    createdByUserId: text("created_by_user_id")
      .notNull()
      .references(() => users.id),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    updatedByUserId: text("updated_by_user_id")
      .notNull()
      .references(() => users.id),
    reviewedByUserId: text("reviewed_by_user_id").references(() => users.id),
    reviewComment: text("review_comment"),
    /** "Intyga yrkesverksamhet": the company admin who attested it, for which company, when. */
    attestedByUserId: text("attested_by_user_id").references(() => users.id),
    attestedCompanyId: text("attested_company_id").references(() => companies.id),
    attestedAt: integer("attested_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("application_requirements_unique").on(t.applicationId, t.requirementId),
    index("application_requirements_queue").on(t.status, t.updatedAt),
    check("application_requirements_status_check", sql`${t.status} in ('awaiting_file', 'awaiting_review', 'approved', 'rejected')`),
  ],
);

/** Every file ever uploaded for a Moment, oldest first: nothing saved is lost. */
export const applicationRequirementFiles = sqliteTable(
  "application_requirement_files",
  {
    id: text("id").primaryKey(),
    applicationRequirementId: text("application_requirement_id")
      .notNull()
      .references(() => applicationRequirements.id),
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id),
    uploadedAt: integer("uploaded_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("application_requirement_files_req").on(t.applicationRequirementId, t.uploadedAt)],
);

export const RECIPIENT_KINDS = ["company", "personal", "alternative"] as const;

/** Fakturamottagare, frozen as given in step 4. */
export const invoiceRecipients = sqliteTable(
  "invoice_recipients",
  {
    applicationId: text("application_id")
      .primaryKey()
      .references(() => applications.id),
    kind: text("kind", { enum: RECIPIENT_KINDS }).notNull(),
    companyId: text("company_id").references(() => companies.id),
    name: text("name").notNull(),
    addressLine1: text("address_line1").notNull(),
    addressLine2: text("address_line2"),
    postalCode: text("postal_code").notNull(),
    city: text("city").notNull(),
    country: text("country").notNull(),
    phone: text("phone"),
    email: text("email"),
    reference: text("reference"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    createdByUserId: text("created_by_user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [check("invoice_recipients_kind_check", sql`${t.kind} in ('company', 'personal', 'alternative')`)],
);
