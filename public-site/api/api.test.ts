// The public API's contract (DESIGN.md §3): fields and their types exactly, the five statuses,
// caching (Cache-Control, ETag, 304), CORS, problem+json, and never a cookie.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificates } from "../../db/schema/index.ts";
import { reinstateCertificate } from "../../modules/review/index.ts";
import { logIn } from "../../test/fixtures.ts";
import { browserClient, startTestApp, TEST_ORIGIN, type TestApp } from "../../test/harness.ts";
import { buildVerificationWorld, type VerificationWorld } from "../../test/verification-world.ts";

let t: TestApp;
let w: VerificationWorld;
const get = (path: string, headers: Record<string, string> = {}) => t.app.request(`${TEST_ORIGIN}${path}`, { headers });
const DATE = /^\d{4}-\d{2}-\d{2}$/;

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-03-15T09:00:00Z"), env: { PUBLIC_RATE_LIMIT: "0" } });
  w = await buildVerificationWorld(t.runtime.deps);
});
afterAll(() => t.close());

function expectPublicHeaders(res: Response) {
  expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
  expect(res.headers.get("Cross-Origin-Resource-Policy")).toBe("cross-origin");
  expect(res.headers.get("Set-Cookie")).toBeNull();
  // "*" answers every origin alike: nothing to vary on.
  expect(res.headers.get("Vary") ?? "").not.toMatch(/origin/i);
}

describe("GET /api/v1/certificates/{number}", () => {
  it("answers DESIGN.md §3's fields, with their types, and nothing else", async () => {
    const res = await get(`/api/v1/certificates/${w.numbers.external}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=60");
    expect(res.headers.get("ETag")).toMatch(/^"[\w-]+"$/);
    expectPublicHeaders(res);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(["number", "holder", "scheme", "status", "statusLabel", "issuedOn", "validUntil", "lastDecisionOn", "issuer", "verifyUrl"]);
    expect(body).toEqual({
      number: w.numbers.external,
      holder: { name: "Sven Svensson" },
      scheme: { area: "Externt certifikat", name: "Personcertifikat f-gas kat I - Externt" },
      status: "active",
      statusLabel: "Aktivt",
      issuedOn: "2026-03-15",
      validUntil: "2030-01-01",
      lastDecisionOn: "2026-03-15",
      issuer: { name: "Testcert AB" },
      verifyUrl: `${TEST_ORIGIN}/c/${w.numbers.external}`,
    });
  });

  it("has null for a certificate that does not expire, and a date string otherwise", async () => {
    const body = await (await get(`/api/v1/certificates/${w.numbers.mac}`)).json();
    expect(body.validUntil).toBeNull();
    expect(body.issuedOn).toMatch(DATE);
    expect(body.lastDecisionOn).toMatch(DATE);
    expect(typeof body.number).toBe("number");
  });

  it("says suspended / Vilande for a suspended one, with the suspension as Senaste beslut", async () => {
    const body = await (await get(`/api/v1/certificates/${w.numbers.suspended}`)).json();
    expect(body).toMatchObject({ holder: { name: "Anna Åkesson" }, scheme: { area: "F-gaser", name: "Personcertifikat kategori I" }, status: "suspended", statusLabel: "Vilande", lastDecisionOn: "2026-03-15" });
  });

  it("says expired / Utgånget the day after Giltigt till", async () => {
    const body = await (await get(`/api/v1/certificates/${w.numbers.expired}`)).json();
    expect(body).toMatchObject({ status: "expired", statusLabel: "Utgånget", validUntil: "2026-03-14" });
  });

  it("has every status among its five words", async () => {
    const statuses = new Set<string>();
    for (const n of Object.values(w.numbers)) statuses.add((await (await get(`/api/v1/certificates/${n}`)).json()).status);
    for (const s of statuses) expect(["active", "suspended", "withdrawn", "expired", "ended"]).toContain(s);
    expect([...statuses].sort()).toEqual(["active", "expired", "suspended"]);
  });

  it("answers 304 without a body when If-None-Match has the ETag, and a new ETag when the status changes", async () => {
    const first = await get(`/api/v1/certificates/${w.numbers.suspended}`);
    const etag = first.headers.get("ETag")!;
    for (const tag of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const again = await get(`/api/v1/certificates/${w.numbers.suspended}`, { "If-None-Match": tag });
      expect(again.status, tag).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("ETag")).toBe(etag);
      expect(again.headers.get("Cache-Control")).toBe("public, max-age=60");
      expectPublicHeaders(again);
    }
    expect((await get(`/api/v1/certificates/${w.numbers.suspended}`, { "If-None-Match": '"stale"' })).status).toBe(200);

    const cert = (await t.runtime.deps.db.select().from(certificates).where(eq(certificates.number, w.numbers.suspended)).get())!;
    t.clock!.advance(24 * 3600_000);
    await reinstateCertificate(t.runtime.deps, w.dag, { certificateId: cert.id, reason: "Läckagekontrollerna är inlämnade." });
    const changed = await get(`/api/v1/certificates/${w.numbers.suspended}`, { "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).not.toBe(etag);
    expect(await changed.json()).toMatchObject({ status: "active", statusLabel: "Aktivt", lastDecisionOn: "2026-03-16" });
    t.clock!.advance(-24 * 3600_000);
  });

  it("answers 400 for something that is not a number and 404 for an unknown one, as problem+json in Swedish", async () => {
    for (const bad of ["abc", "12a", "0", "1234567890123", "-1"]) {
      const res = await get(`/api/v1/certificates/${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.headers.get("Content-Type")).toBe("application/problem+json; charset=utf-8");
      expectPublicHeaders(res);
      expect(res.headers.get("Cache-Control")).toBe("no-store");
      expect(await res.json()).toEqual({ type: "about:blank", title: "Felaktigt certifikatnummer", status: 400, detail: "Ett certifikatnummer består av siffror, till exempel 10001." });
    }
    const res = await get("/api/v1/certificates/99999");
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json; charset=utf-8");
    expectPublicHeaders(res);
    expect(await res.json()).toEqual({ type: "about:blank", title: "Certifikatet finns inte", status: 404, detail: "Inget certifikat med det numret." });
    const unknownPath = await get("/api/v1/finns-inte");
    expect(unknownPath.status).toBe(404);
    expect(unknownPath.headers.get("Content-Type")).toContain("application/problem+json");
  });

  it("answers a CORS preflight from any site", async () => {
    const res = await t.app.request(`${TEST_ORIGIN}/api/v1/certificates/${w.numbers.mac}`, {
      method: "OPTIONS",
      headers: { Origin: "https://kylteknik.example.se", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "if-none-match" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("Access-Control-Allow-Methods")).toContain("GET");
    expect(res.headers.get("Access-Control-Allow-Headers")).toBe("if-none-match");
    expect(res.headers.get("Set-Cookie")).toBeNull();
    const cross = await get(`/api/v1/certificates/${w.numbers.mac}`, { Origin: "https://kylteknik.example.se" });
    expect(cross.status).toBe(200);
    expect(cross.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });
});

describe("GET /api/v1/companies and /api/v1/companies/{orgNumber}", () => {
  const companyKeys = ["orgNumber", "name", "city", "pageUrl", "certificates"];
  const certificateKeys = ["number", "scheme", "status", "statusLabel", "validUntil", "verifyUrl"];

  it("finds companies by words, with their company certificates", async () => {
    const res = await get("/api/v1/companies?q=kyl&area=fgas");
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=60");
    expect(res.headers.get("ETag")).toBeTruthy();
    expectPublicHeaders(res);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(["companies", "total", "totalIsLowerBound", "page", "pageSize", "pageCount"]);
    expect(body).toMatchObject({ total: 1, totalIsLowerBound: false, page: 1, pageSize: 20, pageCount: 1 });
    const [company] = body.companies;
    expect(Object.keys(company)).toEqual(companyKeys);
    expect(Object.keys(company.certificates[0])).toEqual(certificateKeys);
    expect(company).toEqual({
      orgNumber: w.company.orgNumber,
      name: "Kylteknik i Norr AB",
      city: "Umeå",
      pageUrl: `${TEST_ORIGIN}/sok-certifierade-foretag/${w.company.orgNumber}`,
      certificates: [
        { number: w.numbers.company, scheme: { area: "F-gaser", name: "Företagscertifikat F-gas" }, status: "active", statusLabel: "Aktivt", validUntil: "2027-03-14", verifyUrl: `${TEST_ORIGIN}/c/${w.numbers.company}` },
      ],
    });
    const etag = res.headers.get("ETag")!;
    expect((await get("/api/v1/companies?q=kyl&area=fgas", { "If-None-Match": etag })).status).toBe(304);
    expect((await (await get("/api/v1/companies?q=finnsinte")).json()).companies).toEqual([]);
  });

  it("answers one company by organisationsnummer, with or without dash", async () => {
    const dashed = `${w.company.orgNumber.slice(0, 6)}-${w.company.orgNumber.slice(6)}`;
    for (const n of [w.company.orgNumber, dashed]) {
      const res = await get(`/api/v1/companies/${n}`);
      expect(res.status).toBe(200);
      expectPublicHeaders(res);
      const body = await res.json();
      expect(Object.keys(body)).toEqual(companyKeys);
      expect(body).toMatchObject({ orgNumber: w.company.orgNumber, name: "Kylteknik i Norr AB", city: "Umeå" });
    }
    const unknown = await get("/api/v1/companies/5569999999");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ title: "Företaget finns inte", status: 404 });
    const bad = await get("/api/v1/companies/123");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("Content-Type")).toBe("application/problem+json; charset=utf-8");
    expect(await bad.json()).toMatchObject({ title: "Felaktigt organisationsnummer", status: 400 });
  });

  it("refuses search parameters it cannot use, as problem+json", async () => {
    for (const q of ["pageSize=1000", "page=0", "includeWithoutActive=kanske", "orgNumber=12"]) {
      const res = await get(`/api/v1/companies?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.headers.get("Content-Type")).toBe("application/problem+json; charset=utf-8");
      expectPublicHeaders(res);
    }
  });
});

describe("no cookies on the public answers", () => {
  it("sets none even when a logged-in browser sends its session cookie, or a stale one", async () => {
    const client = browserClient(t.app);
    await logIn(t, client, w.sven.email);
    expect(client.jar.size).toBeGreaterThan(0);
    const paths = [`/api/v1/certificates/${w.numbers.mac}`, "/api/v1/certificates/abc", "/api/v1/certificates/99999", "/api/v1/companies?q=kyl", `/api/v1/companies/${w.company.orgNumber}`, "/api/v1/openapi.json", `/badge/${w.numbers.mac}.svg`, "/badge/99999.svg", `/c/${w.numbers.mac}`, "/c/99999"];
    for (const path of paths) {
      const res = await client.get(path);
      expect(res.status, path).toBeLessThan(500);
      expect(res.headers.get("Set-Cookie"), path).toBeNull();
    }
    for (const path of paths) {
      const res = await get(path, { Cookie: "session=stale.cookie-value" });
      expect(res.headers.get("Set-Cookie"), path).toBeNull();
    }
  });
});
