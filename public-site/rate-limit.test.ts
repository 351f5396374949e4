// PUBLIC_RATE_LIMIT lookups a minute per address over the API, /c and Kontrollera certifikat
// together; above it 429 with Retry-After, a readable page or problem+json.
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppEnv } from "../web/env.ts";
import { countPublicLookup, publicRateLimit } from "./rate-limit.ts";
import { startTestApp, textOf, TEST_ORIGIN, type TestApp } from "../test/harness.ts";
import { insertCertifiedCompany } from "../test/public-data.ts";

let t: TestApp;
let number: number;
const get = (path: string, headers: Record<string, string> = {}) => t.app.request(`${TEST_ORIGIN}${path}`, { headers });

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-03-15T09:00:00Z"), env: { PUBLIC_RATE_LIMIT: "4" } });
  number = (await insertCertifiedCompany(t.runtime.deps, { name: "Kylteknik i Norr AB" })).numbers[0]!;
});
afterAll(() => t.close());

describe("the public rate limit", () => {
  it("counts the API, /c and Kontrollera certifikat together, then answers 429 until the minute has passed", async () => {
    expect((await get(`/api/v1/certificates/${number}`)).status).toBe(200);
    expect((await get(`/c/${number}`)).status).toBe(200);
    expect((await get(`/kontrollera-certifikat?nummer=${number}`)).status).toBe(200);
    expect((await get("/api/v1/certificates/99999")).status).toBe(404);

    t.clock!.advance(20_000);
    const page = await get(`/c/${number}`);
    expect(page.status).toBe(429);
    expect(page.headers.get("Retry-After")).toBe("40");
    expect(page.headers.get("Content-Type")).toContain("text/html");
    const text = textOf(await page.text());
    expect(text).toContain("För många försök");
    expect(text).toContain("Du har gjort många kontroller på kort tid. Försök igen om 40 sekunder.");

    const form = await get(`/kontrollera-certifikat?nummer=${number}`);
    expect(form.status).toBe(429);
    expect(textOf(await form.text())).toContain("För många försök");

    const api = await get(`/api/v1/certificates/${number}`);
    expect(api.status).toBe(429);
    expect(api.headers.get("Retry-After")).toBe("40");
    expect(api.headers.get("Content-Type")).toBe("application/problem+json; charset=utf-8");
    expect(api.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(api.headers.get("Cache-Control")).toBe("no-store");
    expect(await api.json()).toMatchObject({ status: 429, title: "För många försök", detail: expect.stringContaining("Försök igen om 40 sekunder") });

    // A forged X-Forwarded-For does not escape the count (TRUST_PROXY is off); the company search
    // and the badge are not counted.
    expect((await get(`/api/v1/certificates/${number}`, { "X-Forwarded-For": "203.0.113.9" })).status).toBe(429);
    expect((await get("/sok-certifierade-foretag?q=kyl")).status).toBe(200);
    expect((await get(`/badge/${number}.svg`)).status).toBe(200);

    t.clock!.advance(41_000);
    expect((await get(`/api/v1/certificates/${number}`)).status).toBe(200);
  });

  it("lets a preflight through without counting it", async () => {
    t.clock!.advance(61_000);
    for (let i = 0; i < 10; i++) {
      const res = await t.app.request(`${TEST_ORIGIN}/api/v1/certificates/${number}`, { method: "OPTIONS", headers: { Origin: "https://example.org", "Access-Control-Request-Method": "GET" } });
      expect(res.status).toBe(204);
    }
    expect((await get(`/api/v1/certificates/${number}`)).status).toBe(200);
  });

  it("counts a request once, also one the hot reads count and then hand on to the general chain", async () => {
    t.clock!.advance(61_000);
    // As web/hot-reads.ts does with an answer it cannot give: count, then hand on to the chain,
    // whose rate limit must not count the same request again.
    const app = new Hono<AppEnv>();
    app.use("*", async (c, next) => {
      c.set("deps", t.runtime.deps);
      countPublicLookup(c);
      await next();
    });
    app.get("/x", publicRateLimit(), (c) => c.text("ok"));
    app.onError((e, c) => c.text(e.message, 429));
    // PUBLIC_RATE_LIMIT is 4: four requests, each passing both counts, are all let through.
    for (let i = 0; i < 4; i++) expect((await app.request("/x")).status, `request ${i + 1}`).toBe(200);
    expect((await app.request("/x")).status).toBe(429);
  });
});
