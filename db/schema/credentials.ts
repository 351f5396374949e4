import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * A Bitstring Status List (W3C): one list number serves two published credentials, the
 * revocation list and the suspension list, each `size` bits. Entries are handed out at random
 * places until `used` reaches half the size, then the next list opens, so a place says nothing
 * about when or to whom it was given. `version` grows with every bit that changes (triggers in
 * migration 0011), which is the published list's ETag. See docs/decisions/019.
 */
export const statusLists = sqliteTable(
  "status_lists",
  {
    list: integer("list").primaryKey(),
    size: integer("size").notNull(),
    used: integer("used").notNull().default(0),
    version: integer("version").notNull().default(0),
  },
  (t) => [check("status_lists_size_check", sql`${t.size} > 0 and ${t.size} % 8 = 0`)],
);

/**
 * A certificate number's place in the status lists (every version of the number shares it), and
 * its two bits, derived from the current version's status by triggers in the statement that
 * changes it: revoked = withdrawn or ended, suspended = suspended.
 */
export const credentialStatusEntries = sqliteTable(
  "credential_status_entries",
  {
    certificateNumber: integer("certificate_number").primaryKey(),
    list: integer("list")
      .notNull()
      .references(() => statusLists.list),
    idx: integer("idx").notNull(),
    revoked: integer("revoked", { mode: "boolean" }).notNull().default(false),
    suspended: integer("suspended", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    uniqueIndex("credential_status_entries_place").on(t.list, t.idx),
    index("credential_status_entries_revoked").on(t.list, t.idx).where(sql`${t.revoked} = 1`),
    index("credential_status_entries_suspended").on(t.list, t.idx).where(sql`${t.suspended} = 1`),
    check("credential_status_entries_idx_check", sql`${t.idx} >= 0`),
  ],
);
