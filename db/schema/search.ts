import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

// Sök certifierade företag reads these two tables, which the triggers of migration 0010 derive
// from companies and certificates in the statement that changes them, whichever module writes
// (no code writes them). See docs/decisions/018-company-search-listing.md.

/** One row per company: whether and until when it is listed, and its place in name order. */
export const companyListing = sqliteTable(
  "company_listing",
  {
    /**
     * Also the company's rowid in companies_fts, so FTS5 hands out matches in this order:
     * state × 2^61 + (the first six characters of sort_key as base-44 digits) × 2^28 + seq.
     * State 0: active_until is set; 1: listed, nothing Aktivt; 2: not listed.
     */
    orderKey: integer("order_key").primaryKey(),
    /** Unique per company, never reused while it lives; the low 28 bits of the key. */
    seq: integer("seq").notNull().unique(),
    companyId: text("company_id").notNull().unique(),
    /** The name in Swedish order as bytes: lower case, å ä ö after z (as { | }), é as e, ü as y. */
    sortKey: text("sort_key").notNull(),
    /** The last Giltigt till of a current, Aktivt company certificate ('9999-12-31' for none); null when there is none or the company is not approved. */
    activeUntil: text("active_until"),
    /** Approved, with at least one current company certificate, whatever its status. */
    listed: integer("listed", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    // The list without words walks this in name order and stops after a page.
    index("company_listing_order").on(t.sortKey, t.companyId, t.activeUntil).where(sql`${t.listed} = 1`),
    // Companies whose Aktivt certificates have passed Giltigt till before the sweep marked them Utgånget.
    index("company_listing_active_until").on(t.activeUntil, t.orderKey),
  ],
);

/** One row per listed company and scheme it holds a current company certificate of: the Teknikområde filter. */
export const companyListingSchemes = sqliteTable(
  "company_listing_schemes",
  {
    companyId: text("company_id").notNull(),
    schemeId: text("scheme_id").notNull(),
    /** As company_listing.active_until, for this scheme's certificates only. */
    activeUntil: text("active_until"),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.schemeId] }), index("company_listing_schemes_scheme").on(t.schemeId, t.activeUntil, t.companyId)],
);
