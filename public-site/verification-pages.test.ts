// Kontrollera certifikat, /c/{number}, Sök certifierade företag and the company pages, as a
// browser without JavaScript and as htmx see them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatOrgNumber } from "../lib/identity/orgnummer.ts";
import { browserClient, startTestApp, textOf, TEST_ORIGIN, type TestApp } from "../test/harness.ts";
import { logIn } from "../test/fixtures.ts";
import { insertCertifiedCompany } from "../test/public-data.ts";
import { buildVerificationWorld, type VerificationWorld } from "../test/verification-world.ts";

let t: TestApp;
let w: VerificationWorld;
const get = (path: string, headers: Record<string, string> = {}) => t.app.request(`${TEST_ORIGIN}${path}`, { headers });
const page = async (path: string, headers: Record<string, string> = {}) => {
  const res = await get(path, headers);
  const html = await res.text();
  return { res, html, text: textOf(html) };
};

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-03-15T09:00:00Z"), env: { PUBLIC_RATE_LIMIT: "0" } });
  w = await buildVerificationWorld(t.runtime.deps);
});
afterAll(() => t.close());

/** Every input and select has a <label for> naming it (hidden inputs aside). */
function expectLabelledControls(html: string) {
  const ids = [...html.matchAll(/<(?:input|select|textarea)\b([^>]*)>/g)].map((m) => m[1]!).filter((attrs) => !/type="hidden"/.test(attrs)).map((attrs) => /\bid="([^"]+)"/.exec(attrs)?.[1]);
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) {
    expect(id, "a control without an id cannot have a label").toBeTruthy();
    expect(html, id).toMatch(new RegExp(`<label for="${id}"[^>]*>\\s*\\S`));
  }
}

describe("/c/{number}: where the QR code leads", () => {
  it("shows the holder, the certificate and a status in words and icon, with the manual's labels", async () => {
    const { res, html, text } = await page(`/c/${w.numbers.external}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=60");
    expect(text).toContain(`Certifikat ${w.numbers.external}`);
    expect(text).toContain("Sven Svensson");
    expect(text).toContain("Externt certifikat - Personcertifikat f-gas kat I - Externt");
    expect(text).toMatch(/Status: Aktivt Certifikatet är giltigt till och med 2030-01-01\./);
    expect(html).toMatch(/<p class="verification__status" role="status"><svg[^>]*aria-hidden="true"/);
    for (const [label, value] of [["Certifikatnummer", String(w.numbers.external)], ["Status", "Aktivt"], ["Utfärdandedatum", "2026-03-15"], ["Giltigt till", "2030-01-01"], ["Senaste beslut", "2026-03-15"], ["Utfärdat av", "Testcert AB"]]) {
      expect(text).toContain(`${label} ${value}`);
    }
  });

  it("says Vilande, Utgånget in words, and that they do not hold", async () => {
    expect((await page(`/c/${w.numbers.suspended}`)).text).toMatch(/Status: Vilande Certifikatet är vilande och gäller inte just nu\./);
    expect((await page(`/c/${w.numbers.expired}`)).text).toMatch(/Status: Utgånget Certifikatet har gått ut \(giltigt till och med 2026-03-14\) och gäller inte längre\./);
    expect((await page(`/c/${w.numbers.mac}`)).text).toContain("Giltigt till Tills vidare");
  });

  it("answers 404 with 'Inget certifikat med det numret' for an unknown or impossible number", async () => {
    for (const path of ["/c/99999", "/c/abc", "/c/0"]) {
      const { res, text } = await page(path);
      expect(res.status, path).toBe(404);
      expect(text).toContain("Inget certifikat med det numret");
    }
  });
});

describe("Kontrollera certifikat", () => {
  it("has a labelled Certifikatnummer field and shows the certificate the number leads to", async () => {
    const empty = await page("/kontrollera-certifikat");
    expect(empty.res.status).toBe(200);
    expectLabelledControls(empty.html);
    const found = await page(`/kontrollera-certifikat?nummer=${w.numbers.suspended}`);
    expect(found.res.status).toBe(200);
    expect(found.text).toContain("Anna Åkesson");
    expect(found.text).toContain("Status: Vilande");
    expect(found.html).toContain(`value="${w.numbers.suspended}"`);
    const spaced = await page(`/kontrollera-certifikat?nummer=${encodeURIComponent(` ${String(w.numbers.mac).slice(0, 2)} ${String(w.numbers.mac).slice(2)} `)}`);
    expect(spaced.text).toContain("Sven Svensson");
  });

  it("says so when no certificate has the number, and asks for digits when it is not a number", async () => {
    const unknown = await page("/kontrollera-certifikat?nummer=99999");
    expect(unknown.text).toContain("Inget certifikat med det numret");
    const bad = await page("/kontrollera-certifikat?nummer=Sven+Svensson");
    expect(bad.res.status).toBe(422);
    expect(bad.text).toContain("Ange certifikatnumret med siffror");
    expect(bad.text).not.toContain("Inget certifikat");
  });
});

describe("Sök certifierade företag", () => {
  it("lists companies with an active company certificate, with ort, number, certificate, status and Giltigt till", async () => {
    const { res, html, text } = await page("/sok-certifierade-foretag");
    expect(res.status).toBe(200);
    expectLabelledControls(html);
    for (const label of ["Företagsnamn", "Organisationsnummer", "Teknikområde", "Ort", "Visa även företag utan aktivt företagscertifikat"]) expect(text).toContain(label);
    expect(text).toContain("1 företag med aktivt företagscertifikat");
    expect(text).toContain("Kylteknik i Norr AB");
    expect(text).toContain(`Umeå Org.nr ${formatOrgNumber(w.company.orgNumber)}`);
    expect(text).toContain(`F-gaser - Företagscertifikat F-gas ${w.numbers.company} Aktivt 2027-03-14`);
    expect(html).toContain(`href="/sok-certifierade-foretag/${w.company.orgNumber}"`);
    expect(html).toContain(`href="/c/${w.numbers.company}"`);
    expect(html).toMatch(/<option value="fgas"[^>]*>F-gaser<\/option>/);
    // People are never listed.
    expect(text).not.toContain("Svensson");
  });

  it("answers htmx with just the results, which it morphs in place of the old ones", async () => {
    const { res, html } = await page("/sok-certifierade-foretag?q=kylt", { "HX-Request": "true" });
    expect(res.status).toBe(200);
    expect(html.startsWith('<div id="foretag-resultat"')).toBe(true);
    expect(html).not.toContain("<html");
    expect(textOf(html)).toContain("Kylteknik i Norr AB");
    const full = await page("/sok-certifierade-foretag?q=kylt");
    // One URL, two answers: Back must not show the cached fragment as the page.
    for (const r of [res, full.res]) expect(r.headers.get("Vary")).toBe("HX-Request");
    expect(full.html).toContain('hx-select="#foretag-resultat"');
    expect(full.html).toMatch(/<form[^>]*hx-get="\/sok-certifierade-foretag"[^>]*hx-trigger="submit, input delay:300ms, change"/);
  });

  it("finds by organisationsnummer and asks for all ten digits when fewer are given", async () => {
    expect((await page(`/sok-certifierade-foretag?orgnr=${formatOrgNumber(w.company.orgNumber)}`)).text).toContain("Kylteknik i Norr AB");
    const partial = await page("/sok-certifierade-foretag?orgnr=55690");
    expect(partial.res.status).toBe(422);
    expect(partial.text).toContain("Skriv hela organisationsnumret, tio siffror");
    expect(partial.html).toMatch(/id="f-orgnr"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-orgnr"/);
  });

  it("shows companies without an active certificate only when asked, and pages through many", async () => {
    await insertCertifiedCompany(t.runtime.deps, { name: "Vilande Värme AB", city: "Luleå", certificates: [{ status: "suspended" }] });
    expect((await page("/sok-certifierade-foretag?q=vilande")).text).toContain("0 företag med aktivt företagscertifikat");
    const others = await page("/sok-certifierade-foretag?q=vilande&alla=1");
    expect(others.text).toContain("1 företag");
    expect(others.text).toContain("Vilande Värme AB Luleå");
    expect(others.text).toContain("Vilande");
    expect(others.html).toMatch(/<input type="checkbox" id="f-alla" name="alla" value="1" checked/);

    for (let i = 1; i <= 45; i++) await insertCertifiedCompany(t.runtime.deps, { name: `Kylservice ${String(i).padStart(2, "0")} AB`, city: "Göteborg" });
    const first = await page("/sok-certifierade-foretag?q=kylservice&ort=g%C3%B6te");
    expect(first.text).toContain("45 företag");
    expect(first.text).toContain("Sida 1 av 3");
    expect(first.text).toContain("Kylservice 20 AB");
    expect(first.text).not.toContain("Kylservice 21 AB");
    const next = /<a href="([^"]+)"[^>]*rel="next">Nästa<\/a>/.exec(first.html)?.[1]?.replace(/&amp;/g, "&");
    expect(next).toBe("/sok-certifierade-foretag?q=kylservice&ort=g%C3%B6te&sida=2");
    const second = await page(next!);
    expect(second.text).toContain("Sida 2 av 3");
    expect(second.text).toContain("Kylservice 21 AB");
    expect(second.html).toMatch(/rel="prev">Föregående/);
    // An old link past the end shows the last page.
    expect((await page("/sok-certifierade-foretag?q=kylservice&ort=g%C3%B6te&sida=9")).text).toContain("Sida 3 av 3");
  });
});

describe("a company's page", () => {
  it("shows the company's name, ort, number and company certificates, and no employees", async () => {
    const { res, text } = await page(`/sok-certifierade-foretag/${w.company.orgNumber}`);
    expect(res.status).toBe(200);
    expect(text).toContain("Kylteknik i Norr AB");
    expect(text).toContain(`Organisationsnummer ${formatOrgNumber(w.company.orgNumber)}`);
    expect(text).toContain("Ort Umeå");
    expect(text).toContain(`Företagscertifikat F-gas ${w.numbers.company} Aktivt 2027-03-14`);
    expect(text).not.toContain("Sven");
    expect(text).not.toContain(w.company.email);
    expect((await get(`/sok-certifierade-foretag/${formatOrgNumber(w.company.orgNumber)}`)).status).toBe(200);
  });

  it("answers 404 for a number no certified company has", async () => {
    for (const path of ["/sok-certifierade-foretag/5569999999", "/sok-certifierade-foretag/abc"]) {
      const { res, text } = await page(path);
      expect(res.status, path).toBe(404);
      expect(text).toContain("Företaget finns inte");
    }
  });
});

describe("the public pages keep the site's navigation for a logged-in visitor", () => {
  it("still knows who is logged in on Kontrollera certifikat and the search, though not on /c", async () => {
    const client = browserClient(t.app);
    await logIn(t, client, w.anna.email);
    expect(textOf(await (await client.get("/kontrollera-certifikat")).text())).toContain("Logga ut");
    expect(textOf(await (await client.get("/sok-certifierade-foretag")).text())).toContain("Logga ut");
    // /c/{number} is the same page for everyone (a CDN may keep it), so it reads no session.
    expect(textOf(await (await client.get(`/c/${w.numbers.mac}`)).text())).toContain("Logga in");
  });
});
