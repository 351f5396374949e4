import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import type { FileStorage } from "../../lib/storage/storage.ts";
import { takeInventory } from "./inventory.ts";

export type FaultKind = "integrity" | "foreign_key" | "missing_file" | "wrong_content" | "orphan_file" | "temp_file" | "unknown_file";

export interface Fault {
  kind: FaultKind;
  /** One line in Swedish, for the operator. */
  message: string;
}

export interface CheckReport {
  faults: Fault[];
  documents: number;
  /** Files whose bytes were read and matched their row's size and SHA-256. */
  filesVerified: number;
  /** Files without a row still too young to judge (an upload may be under way). */
  young: number;
}

/**
 * `npm run cli -- check`: is everything whole? The database by its own checks (every page, every
 * index, every foreign key), then every documents row against its file (there, the right size,
 * the SHA-256 the row recorded at upload) and every file against the rows (none left over). The
 * rows referring to documents (Moment files, registreringsbevis, filmallar, invoice PDFs) are
 * covered by the foreign key check; every documents row is checked, whoever refers to it.
 */
export async function checkData(deps: { db: Db; storage: FileStorage }, options: { now?: number } = {}): Promise<CheckReport> {
  const faults: Fault[] = [];
  try {
    const rows = await deps.db.all<{ integrity_check: string }>(sql`PRAGMA integrity_check`);
    for (const r of rows) if (r.integrity_check !== "ok") faults.push({ kind: "integrity", message: `Databasens integritetskontroll: ${r.integrity_check}` });
  } catch (error) {
    faults.push({ kind: "integrity", message: `Databasens integritetskontroll misslyckades: ${(error as Error).message}` });
  }
  const broken = await deps.db.all<{ table: string; rowid: number | null; parent: string }>(sql`PRAGMA foreign_key_check`);
  for (const r of broken) faults.push({ kind: "foreign_key", message: `Främmande nyckel: rad ${r.rowid ?? "?"} i ${r.table} pekar på en rad i ${r.parent} som inte finns.` });

  const inventory = await takeInventory(deps, options.now);
  let filesVerified = 0;
  const missing = new Set(inventory.missing.map((r) => r.id));
  for (const row of inventory.documents) {
    if (missing.has(row.id)) {
      faults.push({ kind: "missing_file", message: `Filen saknas för dokument ${row.id} (${row.originalName}, lagringsnyckel ${row.storageKey}).` });
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await deps.storage.get(row.storageKey);
    } catch {
      faults.push({ kind: "missing_file", message: `Filen saknas för dokument ${row.id} (${row.originalName}, lagringsnyckel ${row.storageKey}).` });
      continue;
    }
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    if (bytes.length !== row.size || sha256 !== row.sha256) {
      faults.push({ kind: "wrong_content", message: `Fel innehåll i filen för dokument ${row.id} (${row.originalName}): ${bytes.length} byte med SHA-256 ${sha256}, raden säger ${row.size} byte med ${row.sha256}.` });
      continue;
    }
    filesVerified++;
  }
  for (const f of inventory.orphans) faults.push({ kind: "orphan_file", message: `Fil utan dokumentrad: ${f.name} (${f.size} byte, ${f.modifiedAt.toISOString()}); den tas bort vid nästa start eller dagliga körning.` });
  for (const f of inventory.temps) faults.push({ kind: "temp_file", message: `Kvarlämnad temporär fil från ett avbrutet skrivande: ${f.name}; den tas bort vid nästa start eller dagliga körning.` });
  for (const f of inventory.unknown) faults.push({ kind: "unknown_file", message: `Okänd fil i lagringen: ${f.name}.` });
  return { faults, documents: inventory.documents.length, filesVerified, young: inventory.young.length };
}

/** The summary line `check` ends with. */
export function checkSummary(report: CheckReport): string {
  const young = report.young ? ` ${report.young} nyss skrivna filer utan rad räknas inte (en uppladdning kan pågå).` : "";
  if (report.faults.length === 0) return `Kontroll klar: inga fel. Databasen är hel och alla ${report.documents} dokument har sin fil med rätt innehåll.${young}`;
  return `Kontroll klar: ${report.faults.length} fel (${report.documents} dokument, ${report.filesVerified} filer stämmer).${young}`;
}
