// Every request leaves one JSON line (id, method, path without query values, status, ms), every
// answer carries the id as X-Request-Id, and a fault logs its stack under the same id that the
// error page, the htmx fragment and the API's problem+json show the person.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureLog, startTestApp, TEST_ORIGIN, textOf, type LogLine, type TestApp } from "../test/harness.ts";
import { loggablePath, newRequestId } from "./request-log.ts";

const PERSONNUMMER = "19900101-1234";
const url = (p: string) => new URL(p, TEST_ORIGIN).toString();

/** The one request line with this id (fails if there is none or more than one). */
function requestLine(lines: LogLine[], id: string | null): LogLine {
  const found = lines.filter((l) => l.msg === "förfrågan" && l.requestId === id);
  expect(found, JSON.stringify(lines)).toHaveLength(1);
  return found[0]!;
}

describe("the path as logged", () => {
  it("keeps the query's names, drops its values, and drops names that look like typed data", () => {
    expect(loggablePath(`${TEST_ORIGIN}/c/10001`)).toBe("/c/10001");
    expect(loggablePath(`${TEST_ORIGIN}/c/10001?datum=2026-01-01`)).toBe("/c/10001?datum=");
    expect(loggablePath(`${TEST_ORIGIN}/sok?q=${PERSONNUMMER}&sida=2&q=x`)).toBe("/sok?q=&sida=");
    expect(loggablePath(`${TEST_ORIGIN}/sok?${PERSONNUMMER}&q=`)).toBe("/sok?q=");
    expect(loggablePath(`${TEST_ORIGIN}/sok?`)).toBe("/sok");
    // A sole trader's organisationsnummer is a personnummer: never in the log, in any spelling.
    for (const pnr of ["8001019812", "800101-9812", "198001019812", "19800101-9812", "800101+9812"]) {
      expect(loggablePath(`${TEST_ORIGIN}/sok-certifierade-foretag/${pnr}`)).toBe("/sok-certifierade-foretag/…");
      expect(loggablePath(`${TEST_ORIGIN}/api/v1/companies/${pnr}?x=1`)).toBe("/api/v1/companies/…?x=");
    }
    expect(loggablePath(`${TEST_ORIGIN}/badge/10001.svg`)).toBe("/badge/10001.svg");
  });

  it("makes 12-character ids that differ", () => {
    const ids = new Set(Array.from({ length: 100 }, newRequestId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[a-z2-7]{12}$/);
  });
});

describe("the request log", () => {
  const log = captureLog();
  let t: TestApp;
  beforeAll(async () => {
    // Behind "our own proxy", which may name requests.
    t = await startTestApp({ log: log.destination, env: { PUBLIC_RATE_LIMIT: "0", TRUST_PROXY: "true" } });
  });
  afterAll(() => t.close());

  it("writes one line per request with id, method, path without query values, status and ms", async () => {
    const res = await t.app.request(url(`/sok-certifierade-foretag?q=${PERSONNUMMER}&sida=1`));
    expect(res.status).toBe(200);
    const id = res.headers.get("X-Request-Id");
    expect(id).toMatch(/^[a-z2-7]{12}$/);
    const line = requestLine(log.lines, id);
    expect(line).toMatchObject({ level: "info", method: "GET", path: "/sok-certifierade-foretag?q=&sida=", status: 200 });
    expect(typeof line.ms).toBe("number");
    expect(line.ms as number).toBeGreaterThanOrEqual(0);
    expect(typeof line.time).toBe("string");
    expect(JSON.stringify(log.lines)).not.toContain("19900101");
  });

  it("gives every answer its own id, also 404, the probes and what middleware refuses (403, 413)", async () => {
    const answers = [
      await t.app.request(url("/finns-inte")),
      await t.app.request(url("/healthz")),
      // No Origin on a POST: refused before any route.
      await t.app.request(url("/logga-in"), { method: "POST", body: new URLSearchParams({ email: "a@example.se" }) }),
      // A form far above 128 kB: refused unread.
      await t.app.request(url("/logga-in"), { method: "POST", headers: { Origin: TEST_ORIGIN, "Content-Type": "application/x-www-form-urlencoded" }, body: "x=" + "a".repeat(200 * 1024) }),
    ];
    expect(answers.map((r) => r.status)).toEqual([404, 200, 403, 413]);
    const ids = answers.map((r) => r.headers.get("X-Request-Id"));
    expect(new Set(ids).size).toBe(4);
    expect(ids.map((id) => requestLine(log.lines, id)).map((l) => [l.method, l.path, l.status])).toEqual([
      ["GET", "/finns-inte", 404],
      ["GET", "/healthz", 200],
      ["POST", "/logga-in", 403],
      ["POST", "/logga-in", 413],
    ]);
  });

  it("does not take a client's X-Request-Id without TRUST_PROXY", async () => {
    const direct = await startTestApp({ log: captureLog().destination });
    try {
      const res = await direct.app.request(url("/healthz"), { headers: { "X-Request-Id": "3f2b1c9e-7d4a-4b8e-9c1d-5e6f7a8b9c0d" } });
      expect(res.headers.get("X-Request-Id")).toMatch(/^[a-z2-7]{12}$/);
    } finally {
      await direct.close();
    }
  });

  it("takes over a proxy's X-Request-Id of a safe shape, and only that", async () => {
    const proxied = await t.app.request(url("/healthz"), { headers: { "X-Request-Id": "3f2b1c9e-7d4a-4b8e-9c1d-5e6f7a8b9c0d" } });
    expect(proxied.headers.get("X-Request-Id")).toBe("3f2b1c9e-7d4a-4b8e-9c1d-5e6f7a8b9c0d");
    requestLine(log.lines, "3f2b1c9e-7d4a-4b8e-9c1d-5e6f7a8b9c0d");
    for (const forged of ["kort", "a".repeat(65), 'x" "level":"fatal', "abc def ghi"]) {
      const res = await t.app.request(url("/healthz"), { headers: { "X-Request-Id": forged } });
      expect(res.headers.get("X-Request-Id")).toMatch(/^[a-z2-7]{12}$/);
    }
    expect(JSON.stringify(log.lines)).not.toContain("kort");
  });
});

describe("a fault (the database gone)", () => {
  const log = captureLog();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ log: log.destination, env: { PUBLIC_RATE_LIMIT: "0" } });
    await t.runtime.deps.mailQueue.stop();
    t.runtime.database.close();
  });
  afterAll(() => t.close());

  function errorLine(id: string | null): LogLine {
    const found = log.lines.filter((l) => l.level === "error" && l.requestId === id && l.err);
    expect(found, JSON.stringify(log.lines)).toHaveLength(1);
    return found[0]!;
  }

  it("logs the error's stack under the request's id, and the page shows that id as Felkod", async () => {
    const res = await t.app.request(url("/c/10001"));
    expect(res.status).toBe(500);
    const id = res.headers.get("X-Request-Id");
    expect(id).toMatch(/^[a-z2-7]{12}$/);
    expect(textOf(await res.text())).toContain(`Felkod: ${id}. Ange den om du kontaktar oss.`);
    const err = errorLine(id).err as { stack?: string; message?: string };
    expect(err.stack).toMatch(/\n\s+at /);
    expect(errorLine(id).msg).toBe("Oväntat fel vid GET /c/10001");
    expect(requestLine(log.lines, id)).toMatchObject({ level: "error", method: "GET", path: "/c/10001", status: 500 });
  });

  it("shows the id in the htmx fragment", async () => {
    const res = await t.app.request(url("/c/10001"), { headers: { "HX-Request": "true" } });
    expect(res.status).toBe(500);
    const id = res.headers.get("X-Request-Id");
    const html = await res.text();
    expect(html).not.toContain("<html");
    expect(textOf(html)).toContain(`Felkod: ${id}.`);
    errorLine(id);
  });

  it("gives the API's problem+json a requestId member", async () => {
    const res = await t.app.request(url("/api/v1/certificates/10001"));
    expect(res.status).toBe(500);
    expect(res.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
    const id = res.headers.get("X-Request-Id");
    expect(await res.json()).toMatchObject({ status: 500, requestId: id });
    errorLine(id);
  });

  it("shows no Felkod on an answer that is not a fault of ours", async () => {
    const res = await t.app.request(url("/finns-inte"));
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("Felkod");
  });
});
