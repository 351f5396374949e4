// What storage holds beside what the documents rows say it holds: the common ground of
// `check` and the crash recovery.
import { documents } from "../../db/schema/index.ts";
import type { Db } from "../../db/client.ts";
import type { FileStorage, StoredFile } from "../../lib/storage/storage.ts";

/**
 * A file no row refers to is left alone while it is younger than this: an upload writes its
 * file first and its row a moment later, possibly in another process. Ten minutes is far more
 * than that moment (the busy timeout is 5 s), and short enough that a crash's leftovers go at the
 * next start or sweep after it.
 */
export const LEFTOVER_AGE_MS = 10 * 60_000;

export interface DocumentRow {
  id: string;
  storageKey: string;
  sha256: string;
  size: number;
  originalName: string;
}

export interface Inventory {
  documents: DocumentRow[];
  /** Files that hold a document row's key, by key. */
  stored: Map<string, StoredFile>;
  /** Rows whose file is not in storage. */
  missing: DocumentRow[];
  /** Files with a key but no row, older than LEFTOVER_AGE_MS: a crash between put and row. */
  orphans: StoredFile[];
  /** Temp files of interrupted writes, older than LEFTOVER_AGE_MS. */
  temps: StoredFile[];
  /** Files without a row (or temp files) too young to judge: an upload may be under way. */
  young: StoredFile[];
  /** Anything else: not a name storage ever writes, or a key in the wrong folder. */
  unknown: StoredFile[];
}

/** Wall-clock time, not deps.clock: file times are the machine's, whatever a test's clock says. */
export async function takeInventory(deps: { db: Db; storage: FileStorage }, now = Date.now()): Promise<Inventory> {
  // Files first, rows second: a row committed in between has its file already (put comes first),
  // and a file written in between is young.
  const files: StoredFile[] = [];
  for await (const file of deps.storage.list()) files.push(file);
  const rows = await deps.db
    .select({ id: documents.id, storageKey: documents.storageKey, sha256: documents.sha256, size: documents.size, originalName: documents.originalName })
    .from(documents)
    .orderBy(documents.uploadedAt, documents.id);
  const keys = new Set(rows.map((r) => r.storageKey));
  const inventory: Inventory = { documents: rows, stored: new Map(), missing: [], orphans: [], temps: [], young: [], unknown: [] };
  for (const file of files) {
    if (file.key && keys.has(file.key)) inventory.stored.set(file.key, file);
    else if (!file.key && !file.temp) inventory.unknown.push(file);
    else if (now - file.modifiedAt.getTime() < LEFTOVER_AGE_MS) inventory.young.push(file);
    else (file.temp ? inventory.temps : inventory.orphans).push(file);
  }
  for (const row of rows) {
    // Not seen in the walk: it may have been written after the walk passed its folder.
    if (!inventory.stored.has(row.storageKey) && !(await deps.storage.exists(row.storageKey))) inventory.missing.push(row);
  }
  return inventory;
}
