import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NotFound } from "../errors.ts";
import { isStorageKey, localFileStorage } from "./storage.ts";

let root: string;
// The fsync tests name each synced handle through /proc (Linux).
const canNameHandles = existsSync("/proc/self/fd");

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "storage-test-"));
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

/** Every file under dir, relative, including dot files. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/** FileHandle is not exported; its prototype is reachable from any open handle. */
async function fileHandlePrototype(): Promise<{ sync(): Promise<void> }> {
  const handle = await open(root, "r");
  await handle.close();
  return Object.getPrototypeOf(handle);
}

describe("localFileStorage", () => {
  it("gives back exactly the bytes it was given", async () => {
    const storage = localFileStorage(root);
    const bytes = new Uint8Array([0, 1, 2, 250, 255, 10, 13]);
    const { key } = await storage.put(bytes);
    expect(isStorageKey(key)).toBe(true);
    expect(await storage.exists(key)).toBe(true);
    expect(new Uint8Array(await storage.get(key))).toEqual(bytes);
  });

  it("streams the stored bytes", async () => {
    const storage = localFileStorage(root);
    const bytes = new Uint8Array(300_000).map((_, i) => i % 251);
    const { key } = await storage.put(bytes);
    const chunks: Uint8Array[] = [];
    for await (const chunk of (await storage.stream!(key)) as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    // Buffer.equals, not toEqual: deep-comparing 300 000 elements one by one takes seconds.
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });

  it("gives every put a new random key of at least 128 bits", async () => {
    const storage = localFileStorage(root);
    const a = await storage.put(new Uint8Array([1]));
    const b = await storage.put(new Uint8Array([1]));
    expect(a.key).not.toBe(b.key);
    // 26 base32 characters carry 130 bits, of which 128 are random.
    expect(a.key).toMatch(/^[a-z2-7]{26}$/);
  });

  it("fans files out into two levels of subfolders, leaves no temp files, and is private (0600)", async () => {
    const storage = localFileStorage(root);
    const { key } = await storage.put(new Uint8Array([42]));
    expect(filesUnder(root)).toEqual([path.join(key.slice(0, 2), key.slice(2, 4), key)]);
    const mode = statSync(path.join(root, key.slice(0, 2), key.slice(2, 4), key)).mode & 0o777;
    expect(mode).toBe(0o600);
  });

  it.runIf(canNameHandles)("fsyncs the temp file before the rename, then the directory", async () => {
    const proto = await fileHandlePrototype();
    const synced: string[] = [];
    const realSync = proto.sync;
    vi.spyOn(proto, "sync").mockImplementation(function (this: { fd: number }) {
      synced.push(readlinkSync(`/proc/self/fd/${this.fd}`));
      return realSync.call(this);
    });

    const storage = localFileStorage(root);
    const { key } = await storage.put(new Uint8Array([1, 2, 3]));
    const dir = path.join(root, key.slice(0, 2), key.slice(2, 4));

    // New subfolders: root and the first level are synced so the new entries survive a crash.
    expect(synced).toEqual([root, path.join(root, key.slice(0, 2)), expect.stringMatching(/\.tmp-/), dir]);
    expect(path.dirname(synced[2])).toBe(dir);
  });

  it.runIf(canNameHandles)("stores nothing, not even a temp file, when the write cannot be made durable", async () => {
    const proto = await fileHandlePrototype();
    vi.spyOn(proto, "sync").mockImplementation(function (this: { fd: number }) {
      if (readlinkSync(`/proc/self/fd/${this.fd}`).includes(".tmp-")) return Promise.reject(new Error("EIO"));
      return Promise.resolve();
    });
    const storage = localFileStorage(root);
    await expect(storage.put(new Uint8Array([1]))).rejects.toThrow("EIO");
    expect(filesUnder(root)).toEqual([]);
  });

  it.each([
    "../../etc/passwd",
    "..",
    "/etc/passwd",
    "ab/cd/efghijklmnopqrstuvwxyz23",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "abcdefghijklmnopqrstuvwxy1",
    "abcdefghijklmnopqrstuvwxyz2\0",
    "",
  ])("refuses the key %j on get, stream and delete", async (key) => {
    const storage = localFileStorage(root);
    await expect(storage.get(key)).rejects.toBeInstanceOf(NotFound);
    await expect(storage.stream!(key)).rejects.toBeInstanceOf(NotFound);
    await expect(storage.delete(key)).rejects.toBeInstanceOf(NotFound);
    expect(await storage.exists(key)).toBe(false);
  });

  it("says NotFound for a well-formed key that is not stored", async () => {
    const storage = localFileStorage(root);
    const missing = "abcdefghijklmnopqrstuvwxyz";
    await expect(storage.get(missing)).rejects.toBeInstanceOf(NotFound);
    expect(await storage.exists(missing)).toBe(false);
  });

  it("deletes, and deleting twice is fine", async () => {
    const storage = localFileStorage(root);
    const { key } = await storage.put(new Uint8Array([7]));
    await storage.delete(key);
    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.get(key)).rejects.toBeInstanceOf(NotFound);
  });
});
