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
