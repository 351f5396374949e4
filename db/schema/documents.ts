import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts.ts";

/** An uploaded file. The bytes live in FileStorage under `storageKey`, written before this row. */
export const documents = sqliteTable(
  "documents",
  {
    id: text("id").primaryKey(),
    storageKey: text("storage_key").notNull().unique(),
    sha256: text("sha256").notNull(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    originalName: text("original_name").notNull(),
    /** Null for a file a visitor sent without logging in (Lämna klagomål). */
    uploadedByUserId: text("uploaded_by_user_id").references(() => users.id),
    uploadedAt: integer("uploaded_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("documents_uploader").on(t.uploadedByUserId)],
);
