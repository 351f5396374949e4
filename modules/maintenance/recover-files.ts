import type { Db } from "../../db/client.ts";
import type { FileStorage } from "../../lib/storage/storage.ts";
import { takeInventory } from "./inventory.ts";

export interface FileRecovery {
  /** Files with a key but no row, removed. */
  orphansRemoved: number;
  /** Temp files of interrupted writes, removed. */
  tempsRemoved: number;
  /** Rows whose file is missing (reported, never changed: only a backup can bring the bytes back). */
  missing: number;
}

type Log = (message: string) => void;

/**
 * Crash recovery of files, at start and in the daily sweep: an upload writes its file before
 * its row, so a crash in between leaves a file nothing refers to, and a crash inside the write
 * leaves a temp file. Both are removed once older than LEFTOVER_AGE_MS; rows whose file is
 * missing are logged. Never throws: a failure is logged and tried again next time.
 */
export async function recoverFiles(deps: { db: Db; storage: FileStorage }, options: { now?: number; log?: Log; warn?: Log } = {}): Promise<FileRecovery | null> {
  const log = options.log ?? console.log;
  const warn = options.warn ?? console.warn;
  try {
    const inventory = await takeInventory(deps, options.now);
    const result: FileRecovery = { orphansRemoved: 0, tempsRemoved: 0, missing: inventory.missing.length };
    for (const file of inventory.orphans) {
      await deps.storage.delete(file.key!);
      result.orphansRemoved++;
    }
    for (const file of inventory.temps) {
      await deps.storage.removeLeftover(file.name);
      result.tempsRemoved++;
    }
    for (const row of inventory.missing) warn(`Filen saknas för dokument ${row.id} (${row.originalName}, lagringsnyckel ${row.storageKey}); återställ den från en säkerhetskopia.`);
    if (result.orphansRemoved || result.tempsRemoved) log(`Städning av filer: ${result.orphansRemoved} filer utan dokumentrad och ${result.tempsRemoved} temporära filer togs bort.`);
    if (result.missing) warn(`Städning av filer: ${result.missing} dokument saknar sin fil; kör npm run cli -- check.`);
    return result;
  } catch (error) {
    warn(`Städning av filer misslyckades; den görs om vid nästa start eller dagliga körning: ${(error as Error).message}`);
    return null;
  }
}
