import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { applications, RECIPIENT_KINDS } from "./applications.ts";
import { certificates } from "./certificates.ts";
import { companies } from "./companies.ts";
import { documents } from "./documents.ts";

export const INVOICE_STATUSES = ["unpaid", "paid", "credited"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/**
 * A sent invoice. The recipient is copied from the application's Fakturamottagare so the invoice
 * reads the same for ever; amounts are in öre.
 */
export const invoices = sqliteTable(
  "invoices",
  {
    id: text("id").primaryKey(),
    number: integer("number").notNull().unique(),
    applicationId: text("application_id")
      .notNull()
      .unique()
      .references(() => applications.id),
    certificateId: text("certificate_id")
      .notNull()
      .references(() => certificates.id),
    issuedOn: text("issued_on").notNull(),
    dueOn: text("due_on").notNull(),
    recipientKind: text("recipient_kind", { enum: RECIPIENT_KINDS }).notNull(),
    recipientCompanyId: text("recipient_company_id").references(() => companies.id),
    recipientName: text("recipient_name").notNull(),
    recipientAddressLine1: text("recipient_address_line1").notNull(),
    recipientAddressLine2: text("recipient_address_line2"),
    recipientPostalCode: text("recipient_postal_code").notNull(),
    recipientCity: text("recipient_city").notNull(),
    recipientCountry: text("recipient_country").notNull(),
    recipientPhone: text("recipient_phone"),
    recipientEmail: text("recipient_email"),
    recipientReference: text("recipient_reference"),
    /** Bank payment reference: the invoice number with a Luhn check digit. */
    ocr: text("ocr").notNull().unique(),
    vatPercent: integer("vat_percent").notNull(),
    netOre: integer("net_ore").notNull(),
    vatOre: integer("vat_ore").notNull(),
    totalOre: integer("total_ore").notNull(),
    status: text("status", { enum: INVOICE_STATUSES }).notNull(),
    pdfDocumentId: text("pdf_document_id").references(() => documents.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("invoices_issued").on(t.issuedOn),
    index("invoices_status").on(t.status, t.issuedOn),
    index("invoices_recipient_company").on(t.recipientCompanyId),
    check("invoices_status_check", sql`${t.status} in ('unpaid', 'paid', 'credited')`),
    check("invoices_recipient_kind_check", sql`${t.recipientKind} in ('company', 'personal', 'alternative')`),
    check("invoices_totals_check", sql`${t.totalOre} = ${t.netOre} + ${t.vatOre}`),
  ],
);

export const invoiceLines = sqliteTable(
  "invoice_lines",
  {
    id: text("id").primaryKey(),
    invoiceId: text("invoice_id")
      .notNull()
      .references(() => invoices.id),
    description: text("description").notNull(),
    quantity: integer("quantity").notNull(),
    unitPriceOre: integer("unit_price_ore").notNull(),
    amountOre: integer("amount_ore").notNull(),
    sortOrder: integer("sort_order").notNull(),
  },
  (t) => [index("invoice_lines_invoice").on(t.invoiceId, t.sortOrder), check("invoice_lines_amount_check", sql`${t.amountOre} = ${t.quantity} * ${t.unitPriceOre}`)],
);
