import path from "node:path";
import { createClient } from "@libsql/client";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import { describe, expect, it } from "vitest";
import { createLogger } from "./log.ts";

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(JSON.parse(line)) } };
}

describe("the JSON log", () => {
  it("writes one line per event with an ISO time, the level as a word and the bound fields", () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: "info", destination });
    log.child({ requestId: "abc123def456" }).info({ status: 200 }, "förfrågan");
    log.debug("not at info");
    expect(lines).toEqual([expect.objectContaining({ level: "info", requestId: "abc123def456", status: 200, msg: "förfrågan" })]);
    expect(lines[0]!.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("logs a failed query's stack but never its values (people's data)", async () => {
    const client = createClient({ url: ":memory:" });
    const failed = await drizzle(client)
      .run(sql`insert into missing_table values (${"19900101-1234"}, ${"Anna\nAndersson: anna@example.se"})`)
      .then(() => null, (e: unknown) => e);
    client.close();
    const { lines, destination } = capture();
    createLogger({ level: "info", destination }).error({ err: failed }, "Oväntat fel");
    const err = lines[0]!.err as { type: string; message: string; stack: string; query: string };
    expect(err.message).toContain("Failed query: insert into missing_table values (?, ?)");
    expect(err.message).toContain("no such table: missing_table");
    expect(err.stack).toMatch(/\n\s+at /);
    expect(err.query).toBe("insert into missing_table values (?, ?)");
    const line = JSON.stringify(lines);
    for (const value of ["19900101", "Andersson", "anna@example.se"]) expect(line).not.toContain(value);
    expect(line).toContain("params: [utelämnade]");
  });
});

describe("the log on standard output", () => {
  it("keeps request lines for a moment, writes them with the first error at once, and loses none at exit", async () => {
    const { spawn } = await import("node:child_process");
    const script = `
      import { createLogger } from "./lib/log.ts";
      const log = createLogger({ level: "info" });
      for (let i = 0; i < 3; i++) log.info({ n: i }, "förfrågan");
      process.stderr.write("klar\\n");
      process.stdin.once("data", () => {
        log.error({ n: 3 }, "Oväntat fel");
        process.stdin.once("data", () => { log.info({ n: 4 }, "sist"); process.exit(0); });
      });`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: path.join(import.meta.dirname, ".."), env: { ...withoutVitest(), NODE_ENV: "development" }, stdio: ["pipe", "pipe", "pipe"] });
    const ready = new Promise<void>((resolve) => child.stderr!.on("data", (d: Buffer) => d.toString().includes("klar") && resolve()));
    const lines: { n: number; level: string }[] = [];
    let text = "";
    child.stdout!.on("data", (d: Buffer) => {
      text += d.toString();
      const parts = text.split("\n");
      text = parts.pop()!;
      for (const p of parts) lines.push(JSON.parse(p));
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    await ready;
    await new Promise((r) => setTimeout(r, 300));
    // Buffered: the three request lines have not been written yet (they go at the latest after 1 s).
    expect(lines).toEqual([]);
    child.stdin!.write("x");
    await expect.poll(() => lines.length, { timeout: 500 }).toBe(4);
    expect(lines.map((l) => l.n)).toEqual([0, 1, 2, 3]);
    expect(lines[3]!.level).toBe("error");
    child.stdin!.write("x");
    expect(await exited).toBe(0);
    expect(lines.map((l) => l.n)).toEqual([0, 1, 2, 3, 4]);
  });
});

/** The environment of a process that is not a test run (the logger is silent under vitest). */
function withoutVitest(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST")));
}
