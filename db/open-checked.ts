// Opens the database only if it is ours. A DATA_DIR that holds uploads, keys or mail but no
// usable certportal.db is a lost or damaged installation, not a new one: starting as a new one
// would seed demo data, hand out certificate numbers again and bury the damage under new rows.
import { closeSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@libsql/client";
import { openDatabase, type Database } from "./client.ts";

/** The process must not start: `message` is the one line to print. */
export class StartupRefused extends Error {
  constructor(
    message: string,
    /** Why, for tests and for whoever reads the code; the message is what a person sees. */
    readonly reason: string,
  ) {
    super(message);
  }
}

/** For server.ts and cli.ts: print the one line and exit, or rethrow anything else. */
export function exitIfStartupRefused(error: unknown): never {
  if (error instanceof StartupRefused) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

/** What in DATA_DIR shows that an installation lived here. */
const EVIDENCE = ["uploads", "keys", "outbox"];

export function databaseFile(url: string): string {
  return url.startsWith("file://") ? fileURLToPath(url) : url.slice("file:".length);
}

export function lostDatabaseMessage(file: string): string {
  return `${path.basename(file)} saknas eller är skadad; återställ från en säkerhetskopia: npm run cli -- restore DIR`;
}

/**
 * openDatabase, with the checks first: a missing or empty database beside an installation's
 * files, a file that is not SQLite, one shorter than its own header says, or one that fails
 * `PRAGMA quick_check` is refused without being written to. A DATA_DIR with nothing in it is a
 * new installation. Errors opening the file (a read-only DATA_DIR, SQLITE_CANTOPEN) become
 * one Swedish line too.
 */
export async function openCheckedDatabase(config: { dataDir: string; databaseUrl: string; databaseAuthToken?: string }): Promise<Database> {
  if (!config.databaseUrl.startsWith("file:")) return openDatabase(config.databaseUrl, config.databaseAuthToken);
  const file = path.resolve(databaseFile(config.databaseUrl));
  const refuse = (reason: string): never => {
    throw new StartupRefused(lostDatabaseMessage(file), reason);
  };
  const cannotOpen = (cause: string): never => {
    throw new StartupRefused(`Kan inte öppna databasen ${file} (${cause}); kontrollera att DATA_DIR (${config.dataDir}) finns, går att skriva i och har ledigt utrymme.`, cause);
  };

  const state = inspect(file, cannotOpen);
  const wal = sizeOf(`${file}-wal`);
  const evidence = EVIDENCE.filter((name) => hasEntries(path.join(config.dataDir, name)));
  if (state.kind === "damaged") refuse(state.reason);
  if (state.kind === "missing" && (wal !== null || evidence.length)) refuse(`database missing beside ${wal !== null ? "its WAL" : evidence.join(", ")}`);
  if (state.kind === "empty" && (wal || evidence.length)) refuse(`database empty beside ${wal ? "a WAL" : evidence.join(", ")}`);
  // Without a WAL the file alone must hold every page its header counts. With one, a crash in
  // the middle of a checkpoint can leave it shorter, and the WAL still holds those pages.
  if (state.kind === "present" && !wal && state.size < state.expectedSize) refuse(`truncated: ${state.size} of ${state.expectedSize} bytes`);
  if (state.kind === "present") await quickCheck(file, refuse, cannotOpen);

  let database: Database;
  try {
    database = await openDatabase(config.databaseUrl, config.databaseAuthToken);
  } catch (error) {
    return cannotOpen(causeOf(error));
  }
  try {
    // A read-only file or directory shows only at the first write: find out now, not mid-request.
    const probe = await database.client.transaction("write");
    await probe.rollback();
  } catch (error) {
    database.close();
    return cannotOpen(causeOf(error));
  }
  return database;
}

type FileState = { kind: "missing" } | { kind: "empty" } | { kind: "damaged"; reason: string } | { kind: "present"; size: number; expectedSize: number };

const MAGIC = Buffer.from("SQLite format 3\0", "latin1");

/** The file's header, read without SQLite (which would take a bad file for a new one or fail). */
function inspect(file: string, cannotOpen: (cause: string) => never): FileState {
  let info;
  try {
    info = statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { kind: "missing" };
    return cannotOpen(causeOf(error));
  }
  if (!info.isFile()) return cannotOpen("inte en vanlig fil");
  const size = info.size;
  if (size === 0) return { kind: "empty" };
  const header = Buffer.alloc(100);
  let read: number;
  try {
    const fd = openSync(file, "r");
    try {
      read = readSync(fd, header, 0, 100, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return cannotOpen(causeOf(error));
  }
  if (read < 100) return { kind: "damaged", reason: `only ${read} bytes` };
  if (!header.subarray(0, 16).equals(MAGIC)) return { kind: "damaged", reason: "not an SQLite header" };
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return { kind: "damaged", reason: `page size ${rawPageSize}` };
  // The page count at offset 28 is valid when the change counter (24) equals offset 92.
  const pages = header.readUInt32BE(24) === header.readUInt32BE(92) ? header.readUInt32BE(28) : 0;
  return { kind: "present", size, expectedSize: pages * pageSize };
}

/** Reads every page; through a client of its own that writes nothing. */
async function quickCheck(file: string, refuse: (reason: string) => never, cannotOpen: (cause: string) => never): Promise<void> {
  let client;
  try {
    client = createClient({ url: `file:${file}`, timeout: 5000 });
  } catch (error) {
    return cannotOpen(causeOf(error));
  }
  try {
    const rows = (await client.execute("PRAGMA quick_check")).rows;
    const answer = rows.map((r) => String(r[0])).join("; ");
    if (answer !== "ok") refuse(`quick_check: ${answer.slice(0, 200)}`);
  } catch (error) {
    if (error instanceof StartupRefused) throw error;
    const cause = causeOf(error);
    if (/NOTADB|CORRUPT/.test(cause)) refuse(cause);
    cannotOpen(cause);
  } finally {
    client.close();
  }
}

function sizeOf(file: string): number | null {
  try {
    return statSync(file).size;
  } catch {
    return null;
  }
}

function hasEntries(dir: string): boolean {
  try {
    return readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}

/** A short name for what went wrong: an SQLite or system error code, else the first line. */
function causeOf(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  if (typeof e?.code === "string" && e.code) return e.code;
  const message = String(e?.message ?? error);
  // The libSQL client reports a failed open as ConnectionFailed("…: 14"); 14 is SQLITE_CANTOPEN.
  if (/ConnectionFailed\(.*: 14"\)/.test(message)) return "SQLITE_CANTOPEN";
  return message.split("\n")[0]!.slice(0, 200);
}
