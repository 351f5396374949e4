import { mkdir, open, readdir, rename, stat } from "node:fs/promises";
import path from "node:path";
import { createClient } from "@libsql/client";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { Conflict } from "../../lib/errors.ts";
import { storagePathFor, type FileStorage } from "../../lib/storage/storage.ts";
import { BACKUP_DATABASE, copyDurably, hashBytes, hashFile, MANIFEST, syncDirectory, writeDurably, type Manifest, type ManifestEntry } from "./manifest.ts";

export interface BackupResult {
  dir: string;
  documents: number;
  keyFiles: number;
  bytes: number;
  /** Files the snapshot refers to that storage could not give back whole (Swedish, one line each). */
  faults: string[];
}

/**
 * `npm run cli -- backup DIR` while the server runs: a consistent snapshot of the database
 * (VACUUM INTO), then the file of every documents row in that snapshot, the keys, and a
 * manifest with the size and SHA-256 of everything. Stored files never change once written, so
 * files copied after the snapshot are the snapshot's files; files the snapshot does not know
 * (an upload committed a moment later, a crash's leftovers) are not taken, so a restored backup
 * passes `check`. The manifest is written last: a folder without one is not a finished backup.
 */
export async function backUp(source: { db: Db; storage: FileStorage; dataDir: string }, dir: string, now: Date): Promise<BackupResult> {
  const target = path.resolve(dir);
  const uploads = path.resolve(source.dataDir, "uploads");
  if (target === uploads || target.startsWith(uploads + path.sep)) throw new Conflict(`Lägg inte säkerhetskopian i ${uploads}; välj en katalog utanför lagringen.`);
  if ((await readdir(target).catch(() => [])).length > 0) throw new Conflict(`Katalogen ${target} är inte tom; ange en ny eller tom katalog för säkerhetskopian.`);
  await mkdir(target, { recursive: true, mode: 0o700 });

  const databaseCopy = path.join(target, BACKUP_DATABASE);
  await source.db.run(sql`VACUUM INTO ${databaseCopy}`);
  const entries: ManifestEntry[] = [{ path: BACKUP_DATABASE, ...(await hashFile(databaseCopy)) }];
  await syncFile(databaseCopy);

  const faults: string[] = [];
  const rows = await snapshotDocuments(databaseCopy);
  const dirs = new Set<string>([target]);
  for (const row of rows) {
    let bytes: Buffer;
    try {
      bytes = await source.storage.get(row.storageKey);
    } catch {
      faults.push(`Filen saknas för dokument ${row.id} (lagringsnyckel ${row.storageKey}); den finns inte i säkerhetskopian.`);
      continue;
    }
    const sha256 = hashBytes(bytes);
    if (sha256 !== row.sha256) faults.push(`Fel innehåll i filen för dokument ${row.id} (lagringsnyckel ${row.storageKey}): SHA-256 stämmer inte med raden; den kopierades som den är.`);
    const relative = `uploads/${storagePathFor(row.storageKey)}`;
    const file = path.join(target, ...relative.split("/"));
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    addParents(dirs, target, path.dirname(file));
    await writeDurably(file, bytes);
    entries.push({ path: relative, size: bytes.length, sha256 });
  }

  let keyFiles = 0;
  for (const relative of await filesUnder(path.join(source.dataDir, "keys"))) {
    const from = path.join(source.dataDir, "keys", ...relative.split("/"));
    const to = path.join(target, "keys", ...relative.split("/"));
    await mkdir(path.dirname(to), { recursive: true, mode: 0o700 });
    addParents(dirs, target, path.dirname(to));
    const written = await copyDurably(from, to, (await stat(from)).mode & 0o777);
    entries.push({ path: `keys/${relative}`, ...written });
    keyFiles++;
  }

  for (const d of [...dirs].sort((a, b) => b.length - a.length)) await syncDirectory(d);
  const manifest: Manifest = { format: "certportal-backup", version: 1, createdAt: now.toISOString(), documents: rows.length, files: entries };
  const temp = path.join(target, `.${MANIFEST}.tmp`);
  await writeDurably(temp, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 0o644);
  await rename(temp, path.join(target, MANIFEST));
  await syncDirectory(target);
  return { dir: target, documents: rows.length, keyFiles, bytes: entries.reduce((n, e) => n + e.size, 0), faults };
}

/** The documents rows as the snapshot has them (not the live database, which has moved on). */
async function snapshotDocuments(file: string): Promise<{ id: string; storageKey: string; sha256: string }[]> {
  const client = createClient({ url: `file:${file}` });
  try {
    const result = await client.execute("SELECT id, storage_key, sha256 FROM documents ORDER BY uploaded_at, id");
    return result.rows.map((r) => ({ id: String(r.id), storageKey: String(r.storage_key), sha256: String(r.sha256) }));
  } finally {
    client.close();
  }
}

/** Every file under dir, relative with "/", or none if dir is absent. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

function addParents(dirs: Set<string>, root: string, dir: string): void {
  for (let d = dir; d.startsWith(root) && d !== root; d = path.dirname(d)) dirs.add(d);
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
