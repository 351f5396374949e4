import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Number series (certificate, invoice, case): `next` is the number the next caller gets. See db/sequences.ts. */
export const sequences = sqliteTable("sequences", {
  name: text("name").primaryKey(),
  next: integer("next").notNull(),
});
