// The hot GETs (web/hot-reads.ts) answer exactly as the general chain would: the same status,
// headers and body for every kind of request to them, one log line each, and a revalidation
// from a kept tag only while nothing was written and the day is the same, whichever process
// (connection) wrote.
import { createClient } from "@libsql/client";
import { eq } from "drizzle-orm";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificates } from "../db/schema/index.ts";
import { createApp } from "../hono.config.ts";
import { suspendCertificate } from "../modules/review/index.ts";
import { captureLog, startTestApp, TEST_ORIGIN, type TestApp } from "../test/harness.ts";
import { insertCertifiedCompany } from "../test/public-data.ts";
import { buildVerificationWorld, type VerificationWorld } from "../test/verification-world.ts";
import { TagCache } from "./hot-reads.ts";

const log = captureLog();
let t: TestApp;
let w: VerificationWorld;
let general: ReturnType<typeof createApp>;
let orgNumber: string;
let companyNumber: number;

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-03-15T09:00:00Z"), log: log.destination, env: { PUBLIC_RATE_LIMIT: "0" } });
  w = await buildVerificationWorld(t.runtime.deps);
  const company = await insertCertifiedCompany(t.runtime.deps, { name: "Snabbsvar Kyl AB", city: "Umeå", certificates: [{ validUntil: "2026-03-20" }] });
  orgNumber = company.orgNumber;
  companyNumber = company.numbers[0]!;
  // The same runtime answering through the general chain only.
  general = createApp(t.runtime, { hotReads: false });
});
afterAll(() => t.close());

const DIFFERS_PER_ANSWER = new Set(["x-request-id", "date"]);

async function answer(app: ReturnType<typeof createApp>, p: string, headers: Record<string, string> = {}, method = "GET") {
  const res = await app.request(`${TEST_ORIGIN}${p}`, { method, headers });
  const h: [string, string][] = [];
  res.headers.forEach((value, name) => {
    if (!DIFFERS_PER_ANSWER.has(name)) h.push([name, value]);
  });
  return { status: res.status, headers: h.sort(), body: Buffer.from(await res.arrayBuffer()).toString("base64"), id: res.headers.get("X-Request-Id") };
}

describe("the hot GETs", () => {
  it("answer every kind of request to them as the general chain does", async () => {
    const n = w.numbers.company;
    const etag = (await t.app.request(`${TEST_ORIGIN}/api/v1/certificates/${n}`)).headers.get("ETag")!;
    const badgeTag = (await t.app.request(`${TEST_ORIGIN}/badge/${n}.svg`)).headers.get("ETag")!;
    const widgetTag = (await t.app.request(`${TEST_ORIGIN}/widgets/certportal.js`, { headers: { "Accept-Encoding": "br" } })).headers.get("ETag")!;
    const cases: [string, Record<string, string>?, string?][] = [
      [`/api/v1/certificates/${n}`],
      [`/api/v1/certificates/${n}`, { "If-None-Match": etag }],
      [`/api/v1/certificates/${n}`, { "If-None-Match": `W/${etag}, "other"` }],
      [`/api/v1/certificates/${n}`, { "If-None-Match": '"stale"' }],
      [`/api/v1/certificates/${n}?on=2026-01-01`],
      [`/api/v1/certificates/${n}?on=2026-13-01`],
      [`/api/v1/certificates/${w.numbers.suspended}`],
      ["/api/v1/certificates/99999"],
      ["/api/v1/certificates/12ab"],
      [`/api/v1/certificates/${n}`, {}, "HEAD"],
      [`/api/v1/companies/${orgNumber}`],
      [`/api/v1/companies/${orgNumber.replace("-", "")}`],
      ["/api/v1/companies/5560160680"],
      ["/api/v1/companies/123"],
      [`/badge/${n}.svg`],
      [`/badge/${n}.svg`, { "If-None-Match": badgeTag }],
      ["/badge/99999.svg"],
      ["/badge/abc.svg"],
      ["/widgets/certportal.js"],
      ["/widgets/certportal.js", { "Accept-Encoding": "gzip, br" }],
      ["/widgets/certportal.js", { "Accept-Encoding": "br", "If-None-Match": widgetTag }],
      [`/c/${n}`],
      [`/c/${n}`, { "Accept-Language": "en-GB,en;q=0.8" }],
      [`/c/${n}?lang=en`],
      [`/c/${n}?datum=2026-01-01`],
      [`/c/${n}?datum=igår`],
      [`/c/${w.numbers.expired}`],
      ["/c/99999"],
      ["/c/sw.js"],
    ];
    for (const [p, headers, method] of cases) {
      const hot = await answer(t.app, p, headers, method);
      const plain = await answer(general, p, headers, method);
      const { id, ...compared } = hot;
      expect(compared, `${method ?? "GET"} ${p} ${JSON.stringify(headers ?? {})}`).toEqual({ status: plain.status, headers: plain.headers, body: plain.body });
      expect(id, p).toMatch(/^[a-z2-7]{12}$/);
      // One line in the log for each answer, under the id it carries.
      expect(log.lines.filter((l) => l.msg === "förfrågan" && l.requestId === id), p).toHaveLength(1);
    }
  });

  it("log the path as the request log does: an organisationsnummer is never written", async () => {
    const res = await t.app.request(`${TEST_ORIGIN}/api/v1/companies/${orgNumber}`);
    expect(res.status).toBe(200);
    const line = log.lines.find((l) => l.msg === "förfrågan" && l.requestId === res.headers.get("X-Request-Id"));
    expect(line).toMatchObject({ level: "info", method: "GET", path: "/api/v1/companies/…", status: 200 });
    expect(JSON.stringify(log.lines)).not.toContain(orgNumber.replace("-", ""));
  });
});

describe("a revalidation answered from a kept tag", () => {
  const revalidate = (p: string, tag: string) => t.app.request(`${TEST_ORIGIN}${p}`, { headers: { "If-None-Match": tag } });

  it("is a 304 until a write from another connection, then the new answer at once", async () => {
    const n = w.numbers.external;
    const p = `/api/v1/certificates/${n}`;
    const first = await t.app.request(`${TEST_ORIGIN}${p}`);
    const tag = first.headers.get("ETag")!;
    // The first revalidation keeps the tag; the next ones are answered from it.
    for (let i = 0; i < 3; i++) expect((await revalidate(p, tag)).status).toBe(304);
    // Another process: a connection of its own on the database file, as the CLI would be.
    const other = createClient({ url: `file:${path.join(t.dataDir, "certportal.db")}` });
    try {
      await other.execute({ sql: "update certificates set status = 'suspended', suspended_until = '2026-06-30' where number = ?", args: [n] });
    } finally {
      other.close();
    }
    const after = await revalidate(p, tag);
    expect(after.status).toBe(200);
    expect(((await after.json()) as { statusLabel: string }).statusLabel).toBe("Vilande");
    expect(after.headers.get("ETag")).not.toBe(tag);
  });

  it("is a 304 until a decision in this process, then the new answer, for the API, the company and the badge", async () => {
    const n = w.numbers.company;
    const paths = [`/api/v1/certificates/${n}`, `/api/v1/companies/${w.company.orgNumber}`, `/badge/${n}.svg`];
    const tags = new Map<string, string>();
    for (const p of paths) {
      tags.set(p, (await t.app.request(`${TEST_ORIGIN}${p}`)).headers.get("ETag")!);
      expect((await revalidate(p, tags.get(p)!)).status, p).toBe(304);
      expect((await revalidate(p, tags.get(p)!)).status, p).toBe(304);
    }
    const cert = (await t.runtime.deps.db.select().from(certificates).where(eq(certificates.number, n)).get())!;
    await suspendCertificate(t.runtime.deps, w.dag, { certificateId: cert.id, reason: "Ingen ansvarig tekniker.", until: "2026-06-30" });
    for (const p of paths) {
      const res = await revalidate(p, tags.get(p)!);
      expect(res.status, p).toBe(200);
      expect(await res.text(), p).toContain("Vilande");
    }
  });

  it("is not given after midnight: an expiry shows the first request of the new day", async () => {
    const p = `/api/v1/certificates/${companyNumber}`;
    t.clock!.set(new Date("2026-03-20T21:59:00Z"));
    const tag = (await t.app.request(`${TEST_ORIGIN}${p}`)).headers.get("ETag")!;
    expect((await revalidate(p, tag)).status).toBe(304);
    expect((await revalidate(p, tag)).status).toBe(304);
    t.clock!.set(new Date("2026-03-20T23:01:00Z"));
    const res = await revalidate(p, tag);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { statusLabel: string }).statusLabel).toBe("Utgånget");
  });
});

describe("TagCache", () => {
  const parts = (etag: string, status = 200) => ({ status, body: "{}", base: { "X-Content-Type-Options": "nosniff" }, own: { "Content-Type": "application/json", ETag: etag, "Cache-Control": "public, max-age=60" } });

  it("keeps tags under the stamp they were asked under and forgets them all at a new one", () => {
    const tags = new TagCache(10);
    const s1 = tags.stamp(1, "2026-03-15")!;
    tags.keep(s1, "/a", parts('"a1"'));
    const hit = tags.notModified("/a", '"a1"', "id")!;
    expect(hit.status).toBe(304);
    expect(Object.fromEntries(hit.headers)).toEqual({ "x-content-type-options": "nosniff", etag: '"a1"', "cache-control": "public, max-age=60", "x-request-id": "id" });
    expect(tags.notModified("/a", '"other"', "id")).toBeNull();
    expect(tags.notModified("/b", '"a1"', "id")).toBeNull();
    // A write (another version) or another day: nothing kept from before.
    tags.stamp(2, "2026-03-15");
    expect(tags.notModified("/a", '"a1"', "id")).toBeNull();
    tags.keep(tags.stamp(2, "2026-03-15")!, "/a", parts('"a2"'));
    tags.stamp(2, "2026-03-16");
    expect(tags.notModified("/a", '"a2"', "id")).toBeNull();
  });

  it("does not keep an answer made under an older stamp, an error, an answer without a tag, or anything without a data_version", () => {
    const tags = new TagCache(10);
    const old = tags.stamp(1, "d")!;
    const now = tags.stamp(2, "d")!;
    tags.keep(old, "/a", parts('"a"'));
    tags.keep(now, "/b", parts('"b"', 404));
    tags.keep(now, "/c", { ...parts('"c"'), own: { "Content-Type": "text/html" } } as never);
    expect(tags.notModified("/a", '"a"', "id")).toBeNull();
    expect(tags.notModified("/b", '"b"', "id")).toBeNull();
    expect(tags.stamp(null, "d")).toBeNull();
  });

  it("holds at most its number of tags", () => {
    const tags = new TagCache(3);
    const s = tags.stamp(1, "d")!;
    for (const k of ["/1", "/2", "/3", "/4"]) tags.keep(s, k, parts(`"${k}"`));
    expect(tags.notModified("/4", '"/4"', "id")?.status).toBe(304);
    expect(tags.notModified("/1", '"/1"', "id")).toBeNull();
  });
});
