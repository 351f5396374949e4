import { eq } from "drizzle-orm";
import { documents } from "../../db/schema/index.ts";
import { NotFound } from "../../lib/errors.ts";
import { isStoredMime, type StoredMime } from "../../lib/uploads/file-types.ts";
import type { Deps } from "../deps.ts";

export interface DocumentFile {
  bytes: Buffer;
  mime: StoredMime;
  originalName: string;
  size: number;
}

/** The bytes of a document. Callers check who may read it first; this only fetches. */
export async function readDocument(deps: Deps, documentId: string): Promise<DocumentFile> {
  const row = await deps.db.select().from(documents).where(eq(documents.id, documentId)).get();
  if (!row || !isStoredMime(row.mime)) throw new NotFound();
  return { bytes: await deps.storage.get(row.storageKey), mime: row.mime, originalName: row.originalName, size: row.size };
}
