import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveCompany, newOrgNumber, personClient, registerCompanyAs, requestEmploymentAs } from "../../test/companies.ts";
import { firstLink } from "../../test/mail-sink.ts";
import { startTestApp, textOf, type BrowserClient, type TestApp } from "../../test/harness.ts";

let t: TestApp;
let staff: BrowserClient;
let admin: BrowserClient;
let company: { companyId: string; orgnr: string };
let pending: { companyId: string; orgnr: string };

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-11-22T09:00:00Z") });
  staff = (await personClient(t, "staff@certorg.example", { roles: ["reviewer"] })).client;
  admin = (await personClient(t, "admin@kyl.example.se", { givenName: "Karin", familyName: "Admin" })).client;
  company = await registerCompanyAs(admin, { namn: "Kyl & Värme i Luleå AB", ort: "Luleå" });
  await approveCompany(staff, company.companyId);
  // Registered but not approved: not to be found by anyone asking for employment.
  pending = await registerCompanyAs((await personClient(t, "vantar@example.se")).client, { namn: "Ännu Ej Godkänt AB" });
});
afterAll(() => t.close());

function tableRow(text: string, company: string): string {
  const i = text.indexOf(company);
  expect(i, `${company} in ${text}`).toBeGreaterThanOrEqual(0);
  return text.slice(i, i + 160);
}

describe("Ny anställning", () => {
  it("has the manual's fields, a hint that only an exact number finds anything, and a live lookup", async () => {
    const { client } = await personClient(t, "form@example.se");
    const html = await (await client.get("/min-sida/anstallningar/ny")).text();
    const text = textOf(html);
    for (const w of ["Ny anställning", "Företag", "Startdatum", "Spara", "Avbryt", "Sök på fullständigt organisationsnummer. Endast exakt matchning ger resultat."]) expect(text).toContain(w);
    expect(html).toContain('<label for="f-foretag">Företag');
    expect(html).toMatch(/<input id="f-startdatum" name="startdatum" type="date"/);
    expect(html).toContain('hx-get="/min-sida/anstallningar/foretag"');
    expect(html).toContain('hx-trigger="input changed delay:300ms"');
    expect(html).toContain('href="/min-sida/anstallningar"');
  });

  it("looks up only a full, approved organisationsnummer, and never lists", async () => {
    const { client } = await personClient(t, "lookup@example.se");
    const lookup = async (q: string) => (await client.get(`/min-sida/anstallningar/foretag?foretag=${encodeURIComponent(q)}`, { htmx: true })).text();
    for (const q of [company.orgnr, company.orgnr.replace("-", "")]) {
      const found = textOf(await lookup(q));
      expect(found).toContain("Kyl & Värme i Luleå AB");
      expect(found).toContain(company.orgnr);
    }
    const neutral = "Inget företag med exakt det organisationsnumret.";
    for (const q of [company.orgnr.slice(0, 6), company.orgnr.slice(0, 10), "Kyl", "5", pending.orgnr, newOrgNumber()]) {
      const html = await lookup(q);
      expect(textOf(html), q).toBe(`${neutral} Skriv hela numret, tio siffror.`);
      expect(html).not.toContain("Kyl &amp; Värme");
      expect(html).not.toContain("Ännu Ej Godkänt");
    }
    expect(await lookup("")).toBe("");
  });

  it("sends a request, mails the admins a link to the requests, and shows it as Väntar på bekräftelse", async () => {
    const { client } = await personClient(t, "anstalld@example.se", { givenName: "Erik", familyName: "Anställd" });
    const res = await requestEmploymentAs(client, company.orgnr.replace("-", ""), "2026-02-01");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/min-sida/anstallningar");
    const mail = await t.mail.waitFor((m) => m.to.includes("admin@kyl.example.se") && m.subject === "Anställningsförfrågan från Erik Anställd");
    expect(firstLink(mail, "/min-sida/foretag/")).toBe(`http://localhost:3000/min-sida/foretag/${company.companyId}#forfragningar`);
    const tab = textOf(await (await client.get("/min-sida/anstallningar")).text());
    for (const w of ["Företag", "Organisationsnummer", "Startdatum", "Slutdatum", "Status"]) expect(tab).toContain(w);
    expect(tableRow(tab, "Kyl & Värme i Luleå AB")).toMatch(new RegExp(`^Kyl & Värme i Luleå AB ${company.orgnr} 2026-02-01 Väntar på bekräftelse Återkalla`));

    const again = await requestEmploymentAs(client, company.orgnr, "2026-03-01");
    expect(again.status).toBe(409);
    const body = await again.text();
    expect(textOf(body)).toContain("Du har redan en förfrågan eller anställning hos det här företaget.");
    expect(body).toMatch(/<div class="field field--error">\s*<label for="f-foretag">/);
    const log = textOf(await (await client.get("/min-sida/handelselogg")).text());
    expect(log).toContain("Anställning begärd");
    expect(log).toContain("Företag: Kyl & Värme i Luleå AB");
  });

  it("refuses a partial number, an unapproved company and a bad date with messages at the fields", async () => {
    const { client } = await personClient(t, "fel@example.se");
    const partial = await client.post("/min-sida/anstallningar/ny", { foretag: company.orgnr.slice(0, 6), startdatum: "2026-01-01" }, { htmx: true });
    expect(partial.status).toBe(422);
    const fragment = await partial.text();
    expect(fragment.startsWith("<form")).toBe(true);
    expect(textOf(fragment)).toContain("Organisationsnumret ska ha tio siffror");
    const unapproved = await requestEmploymentAs(client, pending.orgnr);
    expect(unapproved.status).toBe(422);
    expect(textOf(await unapproved.text())).toContain("Inget registrerat företag har det organisationsnumret.");
    const badDate = await client.post("/min-sida/anstallningar/ny", { foretag: company.orgnr, startdatum: "2026-02-30" });
    expect(badDate.status).toBe(422);
    const badText = textOf(await badDate.text());
    expect(badText).toContain("Datumet finns inte.");
    // The number was right: the company is shown under the field again.
    expect(badText).toContain("Företag: Kyl & Värme i Luleå AB");
    const missing = await client.post("/min-sida/anstallningar/ny", { foretag: "", startdatum: "" });
    const missingText = textOf(await missing.text());
    expect(missingText).toContain("Ange företagets organisationsnummer.");
    expect(missingText).toContain("Ange startdatum.");
  });

  it("lets the person take back a pending request, once", async () => {
    const { client } = await personClient(t, "angrar@example.se");
    await requestEmploymentAs(client, company.orgnr);
    const html = await (await client.get("/min-sida/anstallningar")).text();
    const action = /action="(\/min-sida\/anstallningar\/[^/"]+\/aterkalla)"/.exec(html)![1]!;
    const res = await client.post(action, {});
    expect(res.status).toBe(303);
    expect(tableRow(textOf(await (await client.get("/min-sida/anstallningar")).text()), "Kyl & Värme i Luleå AB")).toContain("Återkallad");
    const twice = await client.post(action, {});
    expect(twice.status).toBe(409);
    expect(textOf(await twice.text())).toContain("Förfrågan är redan besvarad och kan inte återkallas.");
    // Someone else's request cannot be touched.
    const other = await personClient(t, "annan@example.se");
    expect((await other.client.post(action, {})).status).toBe(404);
    // After taking it back a new request may be sent.
    expect((await requestEmploymentAs(client, company.orgnr)).status).toBe(303);
  });

  it("lets a person work for several companies and end an active employment with a Slutdatum", async () => {
    const second = await registerCompanyAs(admin, { namn: "Andra Arbetsgivaren AB" });
    await approveCompany(staff, second.companyId);
    const { client } = await personClient(t, "tva@example.se", { givenName: "Tove", familyName: "Tvåjobb" });
    expect((await requestEmploymentAs(client, company.orgnr, "2025-05-01")).status).toBe(303);
    expect((await requestEmploymentAs(client, second.orgnr, "2025-06-01")).status).toBe(303);
    // The admin confirms both on the company pages.
    for (const c of [company, second]) {
      const page = await (await admin.get(`/min-sida/foretag/${c.companyId}`)).text();
      const confirm = new RegExp(`action="(/min-sida/foretag/${c.companyId}/forfragningar/[^/"]+/bekrafta)"[^>]*>\\s*<button[^>]*aria-label="Bekräfta anställningen för Tove Tvåjobb"`).exec(page);
      expect(confirm).not.toBeNull();
      expect((await admin.post(confirm![1]!, {})).status).toBe(303);
    }
    let tab = await (await client.get("/min-sida/anstallningar")).text();
    expect(tableRow(textOf(tab), "Kyl & Värme i Luleå AB")).toContain("Aktiv");
    expect(tableRow(textOf(tab), "Andra Arbetsgivaren AB")).toContain("Aktiv");
    expect(tab).toContain('value="2026-11-22"');
    const end = [...tab.matchAll(/action="(\/min-sida\/anstallningar\/[^/"]+\/avsluta)"/g)].map((m) => m[1]!);
    expect(end).toHaveLength(2);

    const early = await client.post(end[0]!, { slutdatum: "2020-01-01" });
    expect(early.status).toBe(422);
    const earlyText = textOf(await early.text());
    expect(earlyText).toContain("Slutdatum kan inte vara före startdatum");
    const ask = await client.post(end[0]!, { slutdatum: "2026-10-31" });
    expect(ask.status).toBe(200);
    expect(textOf(await ask.text())).toMatch(/Avsluta din anställning på (Kyl & Värme i Luleå AB|Andra Arbetsgivaren AB)\?.*Anställningen avslutas med slutdatum 2026-10-31\./);
    const res = await client.post(end[0]!, { slutdatum: "2026-10-31", bekraftat: "ja" });
    expect(res.status).toBe(303);
    tab = textOf(await (await client.get("/min-sida/anstallningar")).text());
    expect(tab).toMatch(/2026-10-31 Avslutad/);
    expect(tab.match(/Aktiv/g)).toHaveLength(1);
    const log = textOf(await (await client.get("/min-sida/handelselogg")).text());
    for (const w of ["Anställning begärd", "Anställning bekräftad", "Anställning avslutad", "Slutdatum: 2026-10-31"]) expect(log).toContain(w);
  });

  it("lists the companies the person administers under Mina företag, with a link to the company page", async () => {
    const html = await (await admin.get("/min-sida/anstallningar")).text();
    expect(textOf(html)).toContain("Mina företag");
    expect(html).toContain(`<a href="/min-sida/foretag/${company.companyId}">Kyl &amp; Värme i Luleå AB</a>`);
    expect(html).toContain('href="/registrera-foretag"');
  });
});
