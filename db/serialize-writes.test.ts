import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serializeWrites } from "./serialize-writes.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "serialize-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function overlappingWriters(wrap: boolean) {
  const raw = createClient({ url: `file:${path.join(dir, `${wrap}.db`)}`, timeout: 600 });
  const client = wrap ? serializeWrites(raw) : raw;
  await client.execute("PRAGMA journal_mode = WAL");
  await client.execute("CREATE TABLE t (n INTEGER)");
  async function writer(n: number) {
    const tx = await client.transaction("write");
    try {
      await tx.execute({ sql: "INSERT INTO t VALUES (?)", args: [n] });
      await new Promise((r) => setTimeout(r, 30)); // a request awaiting something mid-transaction
      await tx.execute({ sql: "INSERT INTO t VALUES (?)", args: [n] });
      await tx.commit();
    } finally {
      tx.close();
    }
  }
  const started = Date.now();
  const results = await Promise.allSettled([writer(1), writer(2), client.execute("INSERT INTO t VALUES (3)"), writer(4)]);
  const elapsed = Date.now() - started;
  const rows = (await client.execute("SELECT count(*) AS n FROM t")).rows[0]!.n;
  client.close();
  return { failed: results.filter((r) => r.status === "rejected").length, elapsed, rows: Number(rows) };
}

describe("serializeWrites", () => {
  it("lets overlapping write transactions in one process all succeed, without waiting out the busy timeout", async () => {
    const r = await overlappingWriters(true);
    expect(r.failed).toBe(0);
    expect(r.rows).toBe(7);
    expect(r.elapsed).toBeLessThan(1000);
  });

  it("is needed: without it the same writers stall for the busy timeout and fail", async () => {
    const r = await overlappingWriters(false);
    expect(r.failed).toBeGreaterThan(0);
    expect(r.elapsed).toBeGreaterThanOrEqual(550);
  });
});
