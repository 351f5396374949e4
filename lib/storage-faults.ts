// A full disk or a storage that cannot be written is not a bug in a request: it is the machine,
// and it passes. Such errors become a 503 with a Swedish message (web/errors.tsx) and a log line
// that names the cause, instead of "Något gick fel".
import { labels } from "./i18n/index.ts";

export type StorageFaultKind = "full" | "read_only";

export interface StorageFault {
  kind: StorageFaultKind;
  /** The code that told us: ENOSPC, SQLITE_FULL, EROFS, SQLITE_READONLY, … */
  code: string;
}

const FULL = new Set(["ENOSPC", "EDQUOT", "SQLITE_FULL"]);
const READ_ONLY = new Set(["EROFS", "EACCES", "EPERM", "SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM"]);

/** Walks the error and its causes (drizzle wraps the driver's error) for a storage code. */
export function storageFault(error: unknown): StorageFault | null {
  for (let e = error as { code?: unknown; cause?: unknown; message?: unknown } | undefined, depth = 0; e && depth < 6; e = e.cause as typeof e, depth++) {
    const code = typeof e.code === "string" ? e.code : "";
    // SQLite's extended codes: SQLITE_READONLY_DBMOVED, SQLITE_READONLY_DIRECTORY, …
    const base = code.startsWith("SQLITE_READONLY") ? "SQLITE_READONLY" : code;
    if (FULL.has(base)) return { kind: "full", code };
    if (READ_ONLY.has(base)) return { kind: "read_only", code };
    const message = typeof e.message === "string" ? e.message : "";
    if (/database or disk is full/i.test(message)) return { kind: "full", code: "SQLITE_FULL" };
    if (/attempt to write a readonly database/i.test(message)) return { kind: "read_only", code: "SQLITE_READONLY" };
  }
  return null;
}

export const STORAGE_FAULT_MESSAGES: Record<StorageFaultKind, string> = labels({
  full: "storage.full",
  read_only: "storage.readOnly",
});
