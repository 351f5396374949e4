import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Conflict } from "../../lib/errors.ts";
import { BACKUP_DATABASE, copyDurably, hashFile, readManifest, syncDirectory } from "./manifest.ts";

export interface RestoreResult {
  documents: number;
  keyFiles: number;
  bytes: number;
}

/**
 * `npm run cli -- restore DIR`: puts a backup back into DATA_DIR. Refuses a DATA_DIR that holds
 * anything unless `force`, and refuses a backup whose files do not all match the manifest
 * (checked before anything is written). The database is written last, under a temporary name
 * and renamed: a restore cut short leaves files but no database, which the server refuses to
 * start on, instead of a half-restored installation. With the server stopped; `check` follows.
 */
export async function restoreBackup(dir: string, target: { dataDir: string; databaseFile: string }, options: { force?: boolean } = {}): Promise<RestoreResult> {
  const source = path.resolve(dir);
  const dataDir = path.resolve(target.dataDir);
  const databaseFile = path.resolve(target.databaseFile);
  const manifest = await readManifest(source);
  if (source === dataDir) throw new Conflict("Säkerhetskopian och DATA_DIR är samma katalog.");

  const occupied = (await readdir(dataDir).catch(() => [])).length > 0 || (await exists(databaseFile));
  if (occupied && !options.force) {
    throw new Conflict(`DATA_DIR (${dataDir}) är inte tom; återställningen skriver inte över befintliga data. Stoppa servern och kör igen med --force för att ersätta databasen, filerna och nycklarna.`);
  }

  const damaged: string[] = [];
  for (const entry of manifest.files) {
    const actual = await hashFile(path.join(source, ...entry.path.split("/"))).catch(() => null);
    if (!actual) damaged.push(`${entry.path} saknas`);
    else if (actual.size !== entry.size || actual.sha256 !== entry.sha256) damaged.push(`${entry.path} har ändrats`);
  }
  if (damaged.length) {
    const shown = damaged.slice(0, 5).join(", ") + (damaged.length > 5 ? ` och ${damaged.length - 5} till` : "");
    throw new Conflict(`Säkerhetskopian är skadad: ${damaged.length} filer stämmer inte med manifest.json (${shown}). Inget återställdes.`);
  }

  if (occupied) {
    // The database goes first: should the restore stop half-way, no old database stands beside new files.
    for (const suffix of ["", "-wal", "-shm", "-journal"]) await rm(`${databaseFile}${suffix}`, { force: true });
    await rm(path.join(dataDir, "uploads"), { recursive: true, force: true });
    await rm(path.join(dataDir, "keys"), { recursive: true, force: true });
  }
  await mkdir(dataDir, { recursive: true });
  await mkdir(path.dirname(databaseFile), { recursive: true });

  const dirs = new Set<string>([dataDir]);
  let keyFiles = 0;
  const copy = async (relative: string, to: string, expected: { size: number; sha256: string }) => {
    const written = await copyDurably(path.join(source, ...relative.split("/")), to);
    if (written.size !== expected.size || written.sha256 !== expected.sha256) throw new Conflict(`${relative} ändrades under återställningen; kör den igen.`);
  };
  for (const entry of manifest.files) {
    if (entry.path === BACKUP_DATABASE) continue;
    const to = path.join(dataDir, ...entry.path.split("/"));
    await mkdir(path.dirname(to), { recursive: true, mode: 0o700 });
    for (let d = path.dirname(to); d !== dataDir && d.startsWith(dataDir); d = path.dirname(d)) dirs.add(d);
    await copy(entry.path, to, entry);
    if (entry.path.startsWith("keys/")) keyFiles++;
  }
  for (const d of [...dirs].sort((a, b) => b.length - a.length)) await syncDirectory(d);

  const database = manifest.files.find((e) => e.path === BACKUP_DATABASE)!;
  const temp = `${databaseFile}.restore-${randomBytes(4).toString("hex")}`;
  try {
    await copy(BACKUP_DATABASE, temp, database);
    await rename(temp, databaseFile);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(path.dirname(databaseFile));
  return { documents: manifest.documents, keyFiles, bytes: manifest.files.reduce((n, e) => n + e.size, 0) };
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
