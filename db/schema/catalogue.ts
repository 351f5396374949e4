import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { documents } from "./documents.ts";

/** Teknikområde, e.g. F-gaser or Externt certifikat. `code` is stable; the name may change. */
export const technicalAreas = sqliteTable("technical_areas", {
  id: text("id").primaryKey(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  sortOrder: integer("sort_order").notNull(),
});

export const SCHEME_SUBJECTS = ["PERSON", "COMPANY"] as const;
export const SCHEME_KINDS = ["CERTIFICATE", "ATTESTATION"] as const;

/** A certificate (type) one applies for. */
export const schemes = sqliteTable(
  "schemes",
  {
    id: text("id").primaryKey(),
    code: text("code").notNull().unique(),
    areaId: text("area_id")
      .notNull()
      .references(() => technicalAreas.id),
    name: text("name").notNull(),
    /** What the certificate allows its holder to do, for the certificate and the public page. */
    scope: text("scope").notNull(),
    subject: text("subject", { enum: SCHEME_SUBJECTS }).notNull(),
    kind: text("kind", { enum: SCHEME_KINDS }).notNull(),
    /** Years from issue to Giltigt till; null = no expiry (attestations) or taken from a document. */
    validityYears: integer("validity_years"),
    /** Valid-until is read from the evidence at the decision (external certificates). */
    validUntilFromEvidence: integer("valid_until_from_evidence", { mode: "boolean" }).notNull().default(false),
    annualExtension: integer("annual_extension", { mode: "boolean" }).notNull().default(false),
    recertificationYears: integer("recertification_years"),
    /** Price in öre (SEK × 100), excluding VAT. */
    priceOre: integer("price_ore").notNull().default(0),
    /** Avgift för årlig förlängning, in öre; null = the same as priceOre. */
    extensionPriceOre: integer("extension_price_ore"),
    /** Avgift för omcertifiering, in öre; null = the same as priceOre. */
    recertificationPriceOre: integer("recertification_price_ore"),
    /** Months before Giltigt till that Årlig förlängning is due (and the reminder goes out). */
    extensionNoticeMonths: integer("extension_notice_months").notNull().default(2),
    /** Months before the cycle's end that Omcertifiering is due. */
    recertificationNoticeMonths: integer("recertification_notice_months").notNull().default(6),
    /** Months after a decision that it may be appealed (Överklaga beslutet), counted in Swedish dates. */
    appealMonths: integer("appeal_months").notNull().default(2),
    /** When a suspension reaches its last day: reinstate by itself, or tell the decider. */
    suspensionEnd: text("suspension_end", { enum: ["reinstate", "notify"] }).notNull().default("reinstate"),
    invoiced: integer("invoiced", { mode: "boolean" }).notNull(),
    /** The decider must not be the reviewer who approved the evidence. */
    fourEyes: integer("four_eyes", { mode: "boolean" }).notNull().default(false),
    /** Schemes that count together for the company rule, e.g. "fgas". */
    category: text("category"),
    activeFrom: text("active_from"),
    activeTo: text("active_to"),
    successorSchemeId: text("successor_scheme_id").references((): AnySQLiteColumn => schemes.id),
    sortOrder: integer("sort_order").notNull(),
  },
  (t) => [
    index("schemes_area").on(t.areaId, t.sortOrder),
    check("schemes_subject_check", sql`${t.subject} in ('PERSON', 'COMPANY')`),
    check("schemes_kind_check", sql`${t.kind} in ('CERTIFICATE', 'ATTESTATION')`),
    check("schemes_price_check", sql`${t.priceOre} >= 0`),
    check("schemes_suspension_end_check", sql`${t.suspensionEnd} in ('reinstate', 'notify')`),
  ],
);

/** Förbindelsetext, versioned: an application keeps the version its applicant accepted. */
export const declarationTexts = sqliteTable(
  "declaration_texts",
  {
    id: text("id").primaryKey(),
    schemeId: text("scheme_id")
      .notNull()
      .references(() => schemes.id),
    version: integer("version").notNull(),
    text: text("text").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("declaration_texts_version").on(t.schemeId, t.version)],
);

/** Moment: an item of evidence a scheme asks for. */
export const requirements = sqliteTable(
  "requirements",
  {
    id: text("id").primaryKey(),
    schemeId: text("scheme_id")
      .notNull()
      .references(() => schemes.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    /** Filmall: a template the applicant downloads and fills in. */
    templateDocumentId: text("template_document_id").references(() => documents.id),
    /** Comma-separated: pdf,jpeg,png,webp. */
    acceptedTypes: text("accepted_types").notNull(),
    sortOrder: integer("sort_order").notNull(),
    retiredAt: integer("retired_at", { mode: "timestamp_ms" }),
    /** Which kind of application asks for it: the first issuance, Årlig förlängning or Omcertifiering. */
    appliesTo: text("applies_to", { enum: ["initial", "extension", "recertification"] }).notNull().default("initial"),
    /** A company admin may attest it for an employee ("Intyga yrkesverksamhet") instead of a file. */
    attestable: integer("attestable", { mode: "boolean" }).notNull().default(false),
    /** Provmoment: met by a passed exam at an examination centre, approved from its result. */
    exam: integer("exam", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [uniqueIndex("requirements_code").on(t.schemeId, t.code), check("requirements_applies_to_check", sql`${t.appliesTo} in ('initial', 'extension', 'recertification')`)],
);
