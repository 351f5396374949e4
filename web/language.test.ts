// English beside Swedish (docs/decisions/022): which language a page is in, and how that is chosen
// and remembered: Accept-Language on a first visit, the switch's cookie, an account's setting,
// ?lang= in the address; /c/{number} stays cacheable; the public API stays Swedish.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, users } from "../db/schema/index.ts";
import { insertPerson } from "../test/applications.ts";
import { logIn, seedUser } from "../test/fixtures.ts";
import { browserClient, startTestApp, TEST_ORIGIN, textOf, type TestApp } from "../test/harness.ts";
import { insertCertificate } from "../test/public-data.ts";

let t: TestApp;
let number: number;
beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-03-01T10:00:00Z") });
  const { personId } = await insertPerson(t.runtime.deps, { givenName: "Vera", familyName: "Värme" });
  number = await insertCertificate(t.runtime.deps, { personId });
});
afterAll(() => t.close());

const EN = { "Accept-Language": "en-GB,en;q=0.9" };
const langOf = (html: string) => /<html lang="(\w+)">/.exec(html)?.[1];

describe("a first visit", () => {
  it("is in Swedish without Accept-Language, and says lang=sv", async () => {
    const html = await (await browserClient(t.app).get("/om-oss")).text();
    expect(langOf(html)).toBe("sv");
    expect(textOf(html)).toContain("Logga in");
  });

  it("is in English when Accept-Language prefers it, and says lang=en", async () => {
    const html = await (await browserClient(t.app).get("/om-oss", { headers: EN })).text();
    expect(langOf(html)).toBe("en");
    expect(textOf(html)).toContain("Log in");
    expect(textOf(html)).not.toContain("Logga in");
  });

  it("sets no cookie: only the switch does", async () => {
    const res = await browserClient(t.app).get("/", { headers: EN });
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});

describe("the language switch", () => {
  it("offers the other language on every page, and returns to the page it was on", async () => {
    const html = await (await browserClient(t.app).get("/sok-certifierade-foretag?q=kyl")).text();
    expect(html).toMatch(/<form method="post" action="\/sprak"/);
    expect(html).toMatch(/<button type="submit" name="lang" value="en" class="link-button" lang="en">English<\/button>/);
    const res = await browserClient(t.app).post("/sprak", { lang: "en" }, { headers: { Referer: `${TEST_ORIGIN}/sok-certifierade-foretag?q=kyl&ort=%C3%85m%C3%A5l` } });
    expect(res.headers.get("Location")).toBe("/sok-certifierade-foretag?q=kyl&ort=%C3%85m%C3%A5l");
    const english = await (await browserClient(t.app).get("/", { headers: EN })).text();
    expect(english).toMatch(/<button type="submit" name="lang" value="sv" class="link-button" lang="sv">Svenska<\/button>/);
  });

  it("remembers a visitor's choice in a cookie, which wins over Accept-Language from then on", async () => {
    const client = browserClient(t.app);
    const res = await client.post("/sprak", { lang: "sv" }, { headers: { ...EN, Referer: `${TEST_ORIGIN}/om-oss` } });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/om-oss");
    expect(res.headers.getSetCookie().join()).toMatch(/^lang=sv;.*Max-Age=31536000/);
    expect(langOf(await (await client.get("/om-oss", { headers: EN })).text())).toBe("sv");
    await client.post("/sprak", { lang: "en" });
    expect(client.jar.get("lang")).toBe("en");
    const html = await (await client.get("/prislista")).text();
    expect(langOf(html)).toBe("en");
  });

  it("returns only to a page of this site, else to the start page", async () => {
    const client = browserClient(t.app);
    for (const referer of ["https://evil.example/om-oss", "http://localhost:3001/om-oss", "javascript:alert(1)", "not a url", `${TEST_ORIGIN}/sprak`]) {
      const res = await client.post("/sprak", { lang: "en" }, { headers: { Referer: referer } });
      expect(res.headers.get("Location"), referer).toBe("/");
    }
    expect((await client.post("/sprak", { lang: "en" })).headers.get("Location")).toBe("/");
  });

  it("never writes the page's address into the page (it may hold a personnummer)", async () => {
    const html = await (await browserClient(t.app).get("/sok-certifierade-foretag/8001019812")).text();
    expect(html).not.toContain("8001019812");
  });

  it("refuses a language it does not have, changing nothing", async () => {
    const client = browserClient(t.app);
    const res = await client.post("/sprak", { lang: "de" }, { headers: { Referer: `${TEST_ORIGIN}/om-oss` } });
    expect(res.status).toBe(303);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it("reads a body it cannot parse as no choice: back to the page, nothing remembered", async () => {
    for (const body of ["--en--\r\n", '------g\r\nContent-Disposition: form-data; name="lang"\r\n\r\nen']) {
      const res = await browserClient(t.app).request("/sprak", { method: "POST", body, headers: { "Content-Type": "multipart/form-data; boundary=----g", Referer: `${TEST_ORIGIN}/om-oss` } });
      expect(res.status).toBe(303);
      expect(res.headers.get("Location")).toBe("/om-oss");
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });

  it("needs a request from this site (the Origin check of every form)", async () => {
    const res = await t.app.request("/sprak", { method: "POST", body: new URLSearchParams({ lang: "en" }), headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" } });
    expect(res.status).toBe(403);
  });
});

describe("?lang= in the address", () => {
  it("chooses the language of that answer over the cookie, without changing it", async () => {
    const client = browserClient(t.app);
    await client.post("/sprak", { lang: "sv" });
    const res = await client.get("/om-oss?lang=en");
    expect(langOf(await res.text())).toBe("en");
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(langOf(await (await client.get("/om-oss")).text())).toBe("sv");
  });
});

describe("an account's language", () => {
  it("is a setting: chosen once, it wins over the cookie and follows the person to another browser", async () => {
    const { userId } = await seedUser(t.runtime.deps, { email: "elin.engelska@example.com", givenName: "Elin", familyName: "Engelska" });
    const first = browserClient(t.app);
    await logIn(t, first, "elin.engelska@example.com");
    const res = await first.post("/sprak", { lang: "en" }, { headers: { Referer: `${TEST_ORIGIN}/min-sida` } });
    expect(res.headers.get("Location")).toBe("/min-sida");
    const row = await t.runtime.deps.db.select({ language: users.language }).from(users).where(eq(users.id, userId)).get();
    expect(row?.language).toBe("en");
    const logged = await t.runtime.deps.db.select().from(events).where(eq(events.action, "user.language_chosen")).all();
    expect(logged.map((e) => e.details)).toEqual([{ language: "en" }]);

    // Another browser, Swedish by its header and with a Swedish cookie: the account's choice wins.
    const second = browserClient(t.app);
    await second.post("/sprak", { lang: "sv" });
    await logIn(t, second, "elin.engelska@example.com");
    const page = await second.get("/min-sida", { headers: { "Accept-Language": "sv" } });
    expect(langOf(await page.text())).toBe("en");
    // The cookie learns it, so the pages after logging out stay in English.
    expect(second.jar.get("lang")).toBe("en");
    await second.post("/logga-ut", {});
    expect(langOf(await (await second.get("/", { headers: { "Accept-Language": "sv" } })).text())).toBe("en");
  });

  it("is not changed when the same language is chosen again (no new Händelselogg line)", async () => {
    await seedUser(t.runtime.deps, { email: "sam.samma@example.com" });
    const client = browserClient(t.app);
    await logIn(t, client, "sam.samma@example.com");
    await client.post("/sprak", { lang: "en" });
    await client.post("/sprak", { lang: "en" });
    const rows = await t.runtime.deps.db.select().from(events).where(eq(events.action, "user.language_chosen")).all();
    expect(rows.filter((r) => r.actorName.includes("Test Person"))).toHaveLength(1);
  });
});

describe("the public read path", () => {
  it("answers /c/{number} by address and Accept-Language only, cacheable for everyone", async () => {
    const client = browserClient(t.app);
    await client.post("/sprak", { lang: "en" });
    // A cookie is not read here: a shared cache keeps one answer per address and Accept-Language.
    const plain = await client.get(`/c/${number}`);
    expect(langOf(await plain.text())).toBe("sv");
    expect(plain.headers.get("Cache-Control")).toBe("public, max-age=60");
    expect(plain.headers.get("Vary")).toBe("Accept-Language");
    expect(plain.headers.getSetCookie()).toEqual([]);
    const negotiated = await browserClient(t.app).get(`/c/${number}`, { headers: EN });
    expect(langOf(await negotiated.text())).toBe("en");
    const addressed = await browserClient(t.app).get(`/c/${number}?lang=en`);
    expect(langOf(await addressed.text())).toBe("en");
    expect(addressed.headers.get("Cache-Control")).toBe("public, max-age=60");
  });

  it("switches /c/{number} by its address", async () => {
    const res = await browserClient(t.app).post("/sprak", { lang: "en" }, { headers: { Referer: `${TEST_ORIGIN}/c/${number}?datum=2026-02-01` } });
    expect(res.headers.get("Location")).toBe(`/c/${number}?datum=2026-02-01&lang=en`);
    const back = await browserClient(t.app).post("/sprak", { lang: "sv" }, { headers: { Referer: `${TEST_ORIGIN}/c/${number}?lang=en` } });
    expect(back.headers.get("Location")).toBe(`/c/${number}?lang=sv`);
  });

  it("keeps the public API in Swedish whatever is asked (a contract)", async () => {
    const res = await t.app.request(`/api/v1/certificates/${number}`, { headers: { ...EN, Cookie: "lang=en" } });
    const body = (await res.json()) as { statusLabel: string };
    expect(body.statusLabel).toBe("Aktivt");
    const missing = await t.app.request("/api/v1/certificates/99999999", { headers: EN });
    expect(((await missing.json()) as { detail: string }).detail).toBe("Inget certifikat med det numret.");
  });
});
