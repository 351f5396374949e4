// The backup's table of contents, and the careful file handling backup and restore share.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, readFile } from "node:fs/promises";
import path from "node:path";
import { Conflict } from "../../lib/errors.ts";

export const MANIFEST = "manifest.json";
/** The database's name inside a backup, whatever DATABASE_URL calls it. */
export const BACKUP_DATABASE = "certportal.db";

export interface ManifestEntry {
  /** Relative to the backup folder, "/" between the parts. */
  path: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  format: "certportal-backup";
  version: 1;
  createdAt: string;
  /** Documents rows in the snapshot; each has its file under uploads/. */
  documents: number;
  files: ManifestEntry[];
}

// The only names a backup holds: the database, stored files in their own place, key files.
const ALLOWED = /^(certportal\.db|uploads\/[a-z2-7]{2}\/[a-z2-7]{2}\/[a-z2-7]{26}|keys\/[^\0]+)$/;

export function isAllowedPath(p: string): boolean {
  return ALLOWED.test(p) && p.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}

/** Reads and checks the manifest's shape; a folder without one is not a backup of ours. */
export async function readManifest(dir: string): Promise<Manifest> {
  let raw: string;
  try {
    raw = await readFile(path.join(dir, MANIFEST), "utf8");
  } catch {
    throw new Conflict(`${dir} är ingen säkerhetskopia: ${MANIFEST} saknas. Inget återställdes.`);
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(raw) as Manifest;
  } catch {
    throw new Conflict(`Säkerhetskopian är skadad: ${MANIFEST} går inte att läsa. Inget återställdes.`);
  }
  const entries = Array.isArray(manifest?.files) ? manifest.files : null;
  const wellFormed =
    manifest?.format === "certportal-backup" &&
    manifest.version === 1 &&
    entries !== null &&
    entries.every((e) => typeof e?.path === "string" && isAllowedPath(e.path) && Number.isInteger(e.size) && e.size >= 0 && /^[0-9a-f]{64}$/.test(e.sha256)) &&
    new Set(entries.map((e) => e.path)).size === entries.length &&
    entries.some((e) => e.path === BACKUP_DATABASE);
  if (!wellFormed) throw new Conflict(`Säkerhetskopian är skadad: ${MANIFEST} har inte det innehåll backup skriver. Inget återställdes.`);
  return manifest;
}

/** Size and SHA-256 of a file, read as a stream (a database may be large). */
export async function hashFile(file: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest("hex") };
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Writes a new file and fsyncs it: a backup or a restore that says "done" is on the disk. */
export async function writeDurably(file: string, bytes: Uint8Array, mode = 0o600): Promise<void> {
  const handle = await open(file, "wx", mode);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Copies a file as a stream, fsyncs the copy and returns what was written. */
export async function copyDurably(from: string, to: string, mode = 0o600): Promise<{ size: number; sha256: string }> {
  const hash = createHash("sha256");
  let size = 0;
  const handle = await open(to, "wx", mode);
  try {
    for await (const chunk of createReadStream(from)) {
      const bytes = chunk as Buffer;
      hash.update(bytes);
      size += bytes.length;
      for (let offset = 0; offset < bytes.length; ) offset += (await handle.write(bytes, offset, bytes.length - offset)).bytesWritten;
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { size, sha256: hash.digest("hex") };
}

/** A file's directory entry is only durable once its directory is synced. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
