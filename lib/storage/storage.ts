// Where uploaded files live. Modules see only FileStorage, so moving uploads to S3-compatible
// object storage (DESIGN.md §5) means writing one more implementation, not touching callers.
import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { access, lstat, mkdir, open, readdir, rename, rm, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { NotFound } from "../errors.ts";

export interface FileStorage {
  /**
   * Stores the bytes under a new random key and resolves only once they are durable
   * (on disk: written, fsynced and renamed into place, directory fsynced; on S3: the PUT
   * succeeded). Callers write the database row that points at the key only after this
   * resolves, so a row never points at bytes a crash could lose. If the row then fails,
   * `delete(key)` the orphan.
   */
  put(bytes: Uint8Array): Promise<{ key: string }>;
  /** The stored bytes; NotFound if the key is malformed or nothing is stored under it. */
  get(key: string): Promise<Buffer>;
  /** The stored bytes as a stream, for large downloads; NotFound as for `get`. */
  stream?(key: string): Promise<ReadableStream<Uint8Array>>;
  /** Removes the file. Deleting what is not there is not an error, so cleanup can retry. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /**
   * Every file in storage, stored or left over: for `check` and the crash recovery, which
   * compare them with the documents rows. A crash between `put` and the row leaves a file
   * with a key but no row; a crash inside `put` leaves a temp file.
   */
  list(): AsyncIterable<StoredFile>;
  /** Removes a file `list` returned that holds no key (a leftover temp file). */
  removeLeftover(name: string): Promise<void>;
}

export interface StoredFile {
  /** Where it sits, relative to the storage root, with "/" between the parts. */
  name: string;
  /** The key, when the file is a stored file in its own place; null for anything else. */
  key: string | null;
  /** A temp file of an interrupted `put`. */
  temp: boolean;
  size: number;
  modifiedAt: Date;
}

// 128 random bits: unguessable, and never colliding, so put never overwrites anything.
const KEY_BYTES = 16;
const KEY_PATTERN = /^[a-z2-7]{26}$/;

export function newStorageKey(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(KEY_BYTES));
}

/** Keys come back from the database or a URL; anything but our own shape could be a path. */
export function isStorageKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** Where a key's file sits under the storage root: `ab/cd/<key>` (keeps directories small). */
export function storagePathFor(key: string): string {
  return `${key.slice(0, 2)}/${key.slice(2, 4)}/${key}`;
}

const TEMP_PREFIX = ".tmp-";

/**
 * Files on the local disk under `rootDir`, meant to be `$DATA_DIR/uploads`: outside any
 * static root, so the only way to a file is the authorized download route.
 * Layout `ab/cd/<key>` keeps directories small however many files there are.
 */
export function localFileStorage(rootDir: string): FileStorage {
  const root = path.resolve(rootDir);
  const fileFor = (key: string) => path.join(root, ...storagePathFor(key).split("/"));
  const checkedFileFor = (key: string) => {
    if (!isStorageKey(key)) throw new NotFound("Filen finns inte.");
    return fileFor(key);
  };

  return {
    async put(bytes) {
      const key = newStorageKey();
      const file = fileFor(key);
      const dir = path.dirname(file);
      const created = await mkdir(dir, { recursive: true, mode: 0o700 }).catch(async (error: unknown) => {
        // A recursive mkdir on a read-only file system reports ENOENT; say what it really is.
        if (isMissing(error)) await access(root, constants.W_OK).catch((cause: unknown) => Promise.reject(cause));
        throw error;
      });
      // A new subfolder is itself a directory entry that a crash could lose.
      if (created) {
        await syncDirectory(root);
        await syncDirectory(path.dirname(dir));
      }
      // The temp file sits in the same directory so rename is atomic: readers see the
      // whole file or none, never a half-written one under the real key.
      const temp = path.join(dir, `${TEMP_PREFIX}${key}-${randomBytes(4).toString("hex")}`);
      try {
        const handle = await open(temp, "wx", 0o600);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      // The rename lives in the directory; without this a crash could undo it.
      await syncDirectory(dir);
      return { key };
    },

    async get(key) {
      const handle = await openExisting(checkedFileFor(key));
      try {
        return await handle.readFile();
      } finally {
        await handle.close();
      }
    },

    async stream(key) {
      const handle = await openExisting(checkedFileFor(key));
      // autoClose (the default) closes the handle when the stream ends or is cancelled.
      return Readable.toWeb(handle.createReadStream()) as unknown as ReadableStream<Uint8Array>;
    },

    async delete(key) {
      await rm(checkedFileFor(key), { force: true });
    },

    async exists(key) {
      if (!isStorageKey(key)) return false;
      try {
        return (await stat(fileFor(key))).isFile();
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },

    async *list() {
      for await (const name of walk(root, "")) {
        let info;
        try {
          info = await lstat(path.join(root, ...name.split("/")));
        } catch (error) {
          if (isMissing(error)) continue; // removed while we walked
          throw error;
        }
        if (!info.isFile()) continue;
        const base = path.posix.basename(name);
        const key = isStorageKey(base) && storagePathFor(base) === name ? base : null;
        yield { name, key, temp: base.startsWith(TEMP_PREFIX), size: info.size, modifiedAt: info.mtime };
      }
    },

    async removeLeftover(name) {
      const file = path.resolve(root, ...name.split("/"));
      // Only a temp file inside the root: never a stored key, never anything outside.
      if (!file.startsWith(root + path.sep) || !path.basename(file).startsWith(TEMP_PREFIX)) throw new NotFound("Filen finns inte.");
      await rm(file, { force: true });
    },
  };
}

/** Every non-directory under dir, as paths relative to the root; nothing if the root is absent. */
async function* walk(root: string, relative: string): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(relative ? path.join(root, ...relative.split("/")) : root, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  for (const entry of entries) {
    const name = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* walk(root, name);
    else yield name;
  }
}

async function openExisting(file: string): Promise<FileHandle> {
  try {
    return await open(file, "r");
  } catch (error) {
    if (isMissing(error)) throw new NotFound("Filen finns inte.");
    throw error;
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === "ENOENT";
}
