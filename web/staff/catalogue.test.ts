import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { declarationTexts, requirements, schemes, technicalAreas } from "../../db/schema/index.ts";
import { makePdf } from "../../lib/uploads/test-files.ts";
import { personClient, postForm } from "../../test/companies.ts";
import { browserClient, startTestApp, textOf, type BrowserClient, type TestApp } from "../../test/harness.ts";

let t: TestApp;
let admin: BrowserClient;
const db = () => t.runtime.deps.db;
const scheme = async (code: string) => (await db().select().from(schemes).where(eq(schemes.code, code)).get())!;
const requirement = async (schemeCode: string, code: string) =>
  (await db().select({ r: requirements }).from(requirements).innerJoin(schemes, eq(schemes.id, requirements.schemeId)).where(and(eq(schemes.code, schemeCode), eq(requirements.code, code))).get())!.r;

/** The settings form as the page fills it in, with some fields changed. */
async function settingsForm(schemeId: string, changes: Record<string, string>): Promise<Record<string, string>> {
  const html = await (await admin.get(`/personal/katalog/certifikat/${schemeId}`)).text();
  const form: Record<string, string> = {};
  for (const m of html.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1]!;
    const name = /name="([^"]+)"/.exec(attrs)?.[1];
    if (!name) continue;
    const value = /value="([^"]*)"/.exec(attrs)?.[1] ?? "";
    const type = /type="([^"]+)"/.exec(attrs)?.[1] ?? "text";
    if ((type === "checkbox" || type === "radio") && !/\schecked/.test(attrs)) continue;
    form[name] = value.replace(/&amp;/g, "&").replace(/&quot;/g, '"');
  }
  for (const m of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) form[m[1]!] = m[2]!;
  for (const m of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) form[m[1]!] = /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? "";
  return { ...form, ...changes };
}

/** Every input, select and textarea a person can use has a label: by for=, or around it. */
function expectEveryInputLabelled(html: string) {
  for (const m of html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)) {
    const attrs = m[2]!;
    if (/type="(hidden|submit)"/.test(attrs)) continue;
    const id = /\sid="([^"]+)"/.exec(attrs)?.[1];
    const before = html.slice(0, m.index);
    const wrapped = before.lastIndexOf("<label") > before.lastIndexOf("</label>");
    expect(wrapped || (id !== undefined && html.includes(`for="${id}"`)), `${m[0]} has no label`).toBe(true);
  }
}

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-11-22T09:00:00Z") });
  admin = (await personClient(t, "ada@certorg.example", { givenName: "Ada", familyName: "Admin", roles: ["admin"] })).client;
});
afterAll(() => t.close());

describe("/personal/katalog is for admins only", () => {
  it("answers 403 to reviewers, deciders and applicants and sends visitors to log in, on every route", async () => {
    const area = (await db().select().from(technicalAreas).where(eq(technicalAreas.code, "fgas")).get())!;
    const s = await scheme("fgas-person-i");
    const r = await requirement("fgas-person-i", "prov");
    const gets = [
      "/personal/katalog",
      "/personal/katalog?cert_group=omrade",
      "/personal/katalog/teknikomraden/nytt",
      `/personal/katalog/teknikomraden/${area.id}`,
      "/personal/katalog/certifikat/nytt",
      `/personal/katalog/certifikat/${s.id}`,
      `/personal/katalog/certifikat/${s.id}/forbindelsetext`,
      `/personal/katalog/certifikat/${s.id}/moment`,
      `/personal/katalog/certifikat/${s.id}/moment/nytt`,
      `/personal/katalog/certifikat/${s.id}/handelselogg`,
      `/personal/katalog/moment/${r.id}`,
      `/personal/katalog/moment/${r.id}/filmall`,
    ];
    const posts = [
      "/personal/katalog/teknikomraden/nytt",
      `/personal/katalog/teknikomraden/${area.id}`,
      "/personal/katalog/certifikat/nytt",
      `/personal/katalog/certifikat/${s.id}`,
      `/personal/katalog/certifikat/${s.id}/forbindelsetext`,
      `/personal/katalog/certifikat/${s.id}/moment/nytt`,
      `/personal/katalog/moment/${r.id}`,
      `/personal/katalog/moment/${r.id}/filmall`,
      `/personal/katalog/moment/${r.id}/avveckla`,
    ];
    const others = {
      reviewer: (await personClient(t, "greta@certorg.example", { roles: ["reviewer"] })).client,
      decider: (await personClient(t, "bengt@certorg.example", { roles: ["decider"] })).client,
      "reviewer+decider": (await personClient(t, "bada@certorg.example", { roles: ["reviewer", "decider"] })).client,
      applicant: (await personClient(t, "sven@example.se")).client,
    };
    const visitor = browserClient(t.app);
    for (const [who, client] of Object.entries(others)) {
      for (const path of gets) expect((await client.get(path)).status, `${who} GET ${path}`).toBe(403);
      for (const path of posts) expect((await client.post(path, { name: "Ändrat", text: "Ny", priceSek: "1" })).status, `${who} POST ${path}`).toBe(403);
    }
    const refused = await others.reviewer.get("/personal/katalog");
    expect(textOf(await refused.text())).toContain("Katalogen ändras bara av administratörer.");
    for (const path of gets) {
      const res = await visitor.get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get("Location"), path).toMatch(/^\/logga-in/);
    }
    for (const path of posts) expect((await visitor.post(path, { name: "x" })).status, path).toBe(303);
    // Nothing changed on the way.
    expect((await scheme("fgas-person-i")).priceOre).toBe(480000);
    expect((await db().select().from(technicalAreas).where(eq(technicalAreas.id, area.id)).get())!.name).toBe("F-gaser");
    expect(await db().select().from(declarationTexts).where(eq(declarationTexts.schemeId, s.id))).toHaveLength(1);
    // Other staff pages are not caught by the catalogue's guard.
    expect((await others.reviewer.get("/personal")).status).toBe(200);
  });
});

describe("the catalogue pages", () => {
  it("list schemes and areas in tables with search, sort and Gruppera på, every input labelled", async () => {
    const res = await admin.get("/personal/katalog");
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = textOf(html);
    for (const w of ["Katalog", "Nytt certifikat", "Nytt teknikområde", "Personcertifikat kategori I", "Utbildningsintyg Mobil AC", "Externt certifikat", "4 800 kr", "Gruppera på"]) expect(text).toContain(w);
    expect(text).toMatch(/\d+ träffar/);
    expectEveryInputLabelled(html);
    const searched = textOf(await (await admin.get(`/personal/katalog?cert_q=${encodeURIComponent("mobil ac")}`)).text());
    expect(searched).toContain("1 träff");
    const grouped = await (await admin.get("/personal/katalog?cert_group=omrade")).text();
    expect(grouped).toContain('<th colspan="8" scope="rowgroup">F-gaser (7 träffar)</th>');
  });

  it("edit a scheme's settings: 303 without JavaScript, the price in kronor stored as öre, the change in the Händelselogg", async () => {
    const s = await scheme("fgas-person-ii");
    const page = await admin.get(`/personal/katalog/certifikat/${s.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expectEveryInputLabelled(html);
    for (const w of ["Inställningar", "Förbindelsetext", "Moment", "Händelselogg", "Teknikområde", "Pris (kr, exkl. moms)", "Faktureras", "Fyra ögon", "Giltighetstid (år)", "Årlig förlängning"]) {
      expect(textOf(html)).toContain(w);
    }
    const res = await admin.post(`/personal/katalog/certifikat/${s.id}`, await settingsForm(s.id, { priceSek: "4 650,50", fourEyes: "" }));
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get("Location")).toBe(`/personal/katalog/certifikat/${s.id}?klart=sparat`);
    expect(await scheme("fgas-person-ii")).toMatchObject({ priceOre: 465050, fourEyes: false, invoiced: true, annualExtension: true, validityYears: 1 });
    expect(textOf(await (await admin.get(`/personal/katalog/certifikat/${s.id}?klart=sparat`)).text())).toContain("Ändringarna är sparade.");
    const log = textOf(await (await admin.get(`/personal/katalog/certifikat/${s.id}/handelselogg`)).text());
    expect(log).toContain("Certifikatets inställningar ändrade");
    expect(log).toContain("Ändrat: Pris, Fyra ögon");
    expect(log).toContain("Ada Admin");

    // Saved again unchanged: said so, nothing logged.
    const again = await admin.post(`/personal/katalog/certifikat/${s.id}`, await settingsForm(s.id, {}));
    expect(again.headers.get("Location")).toBe(`/personal/katalog/certifikat/${s.id}?klart=oforandrat`);

    // With htmx the redirect is an HX-Redirect.
    const hx = await admin.post(`/personal/katalog/certifikat/${s.id}`, await settingsForm(s.id, { priceSek: "4700" }), { htmx: true });
    expect(hx.status).toBe(204);
    expect(hx.headers.get("HX-Redirect")).toBe(`/personal/katalog/certifikat/${s.id}?klart=sparat`);
  });

  it("answer a wrong form with 422 and the messages at the fields: htmx gets the form, a browser the page", async () => {
    const s = await scheme("fgas-person-iii");
    const form = await settingsForm(s.id, { priceSek: "fyratusen", validityYears: "0", name: "", activeFrom: "2027-01-01", activeTo: "2026-01-01" });
    const hx = await admin.post(`/personal/katalog/certifikat/${s.id}`, form, { htmx: true });
    expect(hx.status).toBe(422);
    const fragment = await hx.text();
    expect(fragment.startsWith("<form")).toBe(true);
    expect(fragment).toContain(`hx-post="/personal/katalog/certifikat/${s.id}"`);
    expect(fragment).toMatch(/<div class="field field--error"><label for="f-priceSek">Pris \(kr, exkl. moms\)/);
    const text = textOf(fragment);
    expect(text).toContain("Ange priset i kronor med siffror, t.ex. 4800 eller 4800,50 (0 om certifikatet är kostnadsfritt).");
    expect(text).toContain("Ange giltighetstiden som ett helt antal år, 1–50, eller lämna fältet tomt.");
    expect(text).toContain("Ange certifikatets namn.");
    expect(fragment).toContain('value="fyratusen"');
    expectEveryInputLabelled(fragment);

    const plain = await admin.post(`/personal/katalog/certifikat/${s.id}`, form);
    expect(plain.status).toBe(422);
    const page = textOf(await plain.text());
    expect(page).toContain("Uppgifterna behöver rättas:");
    expect(page).toContain("Förbindelsetext");
    expect((await scheme("fgas-person-iii")).priceOre).toBe(s.priceOre);

    const crossed = await admin.post(`/personal/katalog/certifikat/${s.id}`, await settingsForm(s.id, { activeFrom: "2027-01-01", activeTo: "2026-01-01" }), { htmx: true });
    expect(crossed.status).toBe(422);
    expect(textOf(await crossed.text())).toContain("Sista dagen för ansökan kan inte vara före den första.");
  });

  it("publish a new förbindelsetext version through the form; the old one is listed with its date", async () => {
    const s = await scheme("fgas-person-iv");
    const tab = await admin.get(`/personal/katalog/certifikat/${s.id}/forbindelsetext`);
    expect(tab.status).toBe(200);
    const html = await tab.text();
    expectEveryInputLabelled(html);
    expect(textOf(html)).toContain("Version 1, publicerad");
    expect(textOf(html)).toContain("Publiceras som version 2.");

    const same = await admin.post(`/personal/katalog/certifikat/${s.id}/forbindelsetext`, { text: (await db().select().from(declarationTexts).where(eq(declarationTexts.schemeId, s.id)).get())!.text }, { htmx: true });
    expect(same.status).toBe(422);
    expect(textOf(await same.text())).toContain("Texten är densamma som gällande version (1).");

    t.clock!.advance(10 * 60 * 1000);
    const res = await admin.post(`/personal/katalog/certifikat/${s.id}/forbindelsetext`, { text: "Jag intygar att uppgifterna är riktiga.\r\n\r\nJag följer de nya reglerna." });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/personal/katalog/certifikat/${s.id}/forbindelsetext?klart=publicerad`);
    const after = textOf(await (await admin.get(res.headers.get("Location")!)).text());
    expect(after).toContain("Den nya versionen av förbindelsetexten är publicerad.");
    expect(after).toMatch(/Version 2, publicerad 2026-11-22 10:\d0\./);
    expect(after).toContain("Jag följer de nya reglerna.");
    expect(after).toMatch(/Tidigare versioner Version 1, publicerad 2026-11-22 10:00/);
    const versions = await db().select().from(declarationTexts).where(eq(declarationTexts.schemeId, s.id));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
  });

  it("create a technical area and a scheme through the forms; a taken code is said at the field", async () => {
    const area = await admin.post("/personal/katalog/teknikomraden/nytt", { name: "Högspänning", code: "", sortOrder: "" });
    expect(area.status).toBe(303);
    const created = (await db().select().from(technicalAreas).where(eq(technicalAreas.code, "hogspanning")).get())!;
    const taken = await admin.post("/personal/katalog/teknikomraden/nytt", { name: "Annat", code: "fgas", sortOrder: "" }, { htmx: true });
    expect(taken.status).toBe(422);
    expect(await taken.text()).toMatch(/<div class="field field--error"><label for="f-code">Kod/);

    const newPage = await (await admin.get(`/personal/katalog/certifikat/nytt?omrade=${created.id}`)).text();
    expectEveryInputLabelled(newPage);
    expect(newPage).toContain(`<option value="${created.id}" selected="">Högspänning</option>`);
    const fields = {
      areaId: created.id,
      name: "Ställverk 24 kV",
      scope: "Arbete i högspänningsställverk.",
      subject: "PERSON",
      kind: "CERTIFICATE",
      validityYears: "3",
      recertificationYears: "",
      priceSek: "2500",
      invoiced: "1",
      category: "",
      activeFrom: "",
      activeTo: "",
      code: "",
      declaration: "Jag intygar.",
    };
    const res = await admin.post("/personal/katalog/certifikat/nytt", fields);
    expect(res.status, await res.clone().text()).toBe(303);
    const made = await scheme("stallverk-24-kv");
    expect(res.headers.get("Location")).toBe(`/personal/katalog/certifikat/${made.id}/moment?klart=skapat`);
    expect(made).toMatchObject({ areaId: created.id, priceOre: 250000, validityYears: 3, invoiced: true, fourEyes: false, subject: "PERSON" });
    const again = await admin.post("/personal/katalog/certifikat/nytt", fields, { htmx: true });
    expect(again.status).toBe(422);
    expect(textOf(await again.text())).toContain("Koden ”stallverk-24-kv”, som bildas av namnet, används redan av ett annat certifikat. Ange en egen kod.");
    expect(textOf(await (await admin.get(`/personal/katalog/teknikomraden/${created.id}`)).text())).toContain("Ställverk 24 kV");
  });

  it("add, edit and retire a Moment through the forms", async () => {
    const s = await scheme("fgas-foretag");
    const form = await (await admin.get(`/personal/katalog/certifikat/${s.id}/moment/nytt`)).text();
    expectEveryInputLabelled(form);
    const missing = await admin.post(`/personal/katalog/certifikat/${s.id}/moment/nytt`, { name: "Ansvarsförsäkring", description: "" }, { htmx: true });
    expect(missing.status).toBe(422);
    expect(textOf(await missing.text())).toContain("Välj minst en filtyp.");
    const res = await admin.post(`/personal/katalog/certifikat/${s.id}/moment/nytt`, { name: "Ansvarsförsäkring", description: "Försäkringsbrev.", acceptedTypes_pdf: "1" });
    expect(res.status).toBe(303);
    const added = await requirement("fgas-foretag", "ansvarsforsakring");
    expect(added.acceptedTypes).toBe("pdf");
    const tab = textOf(await (await admin.get(`/personal/katalog/certifikat/${s.id}/moment?klart=tillagt`)).text());
    expect(tab).toContain("Momentet är tillagt.");
    expect(tab).toContain("Ansvarsförsäkring");

    const page = await (await admin.get(`/personal/katalog/moment/${added.id}`)).text();
    expectEveryInputLabelled(page);
    const edit = await admin.post(`/personal/katalog/moment/${added.id}`, { name: "Ansvarsförsäkring (gällande)", description: "Försäkringsbrev.", acceptedTypes_pdf: "1", acceptedTypes_png: "1" });
    expect(edit.headers.get("Location")).toBe(`/personal/katalog/moment/${added.id}?klart=sparat`);
    expect((await requirement("fgas-foretag", "ansvarsforsakring")).acceptedTypes).toBe("pdf,png");

    const retire = await admin.post(`/personal/katalog/moment/${added.id}/avveckla`, {});
    expect(retire.headers.get("Location")).toBe(`/personal/katalog/certifikat/${s.id}/moment?klart=avvecklat`);
    expect((await requirement("fgas-foretag", "ansvarsforsakring")).retiredAt).not.toBeNull();
    const retiredPage = textOf(await (await admin.get(`/personal/katalog/moment/${added.id}`)).text());
    expect(retiredPage).toContain("Momentet är avvecklat och läggs inte till nya ansökningar.");
    const twice = await admin.post(`/personal/katalog/moment/${added.id}/avveckla`, {}, { htmx: true });
    expect(twice.status).toBe(409);
    expect(textOf(await twice.text())).toContain("Momentet är redan avvecklat.");
  });

  it("upload a Filmall that an applicant then downloads from Min Sida; a file that is not PDF or image is refused", async () => {
    const r = await requirement("fgas-utbildningsintyg-mac", "diplom");
    const bad = new FormData();
    bad.set("file", new Blob([new TextEncoder().encode("{\\rtf1 mall}")], { type: "application/rtf" }), "mall.rtf");
    const refused = await postForm(admin, `/personal/katalog/moment/${r.id}/filmall`, bad, { htmx: true });
    expect(refused.status).toBe(422);
    const fragment = await refused.text();
    expect(fragment.startsWith("<form")).toBe(true);
    expect(textOf(fragment)).toContain("Filen är inte en PDF, JPEG, PNG eller WebP.");
    const none = await postForm(admin, `/personal/katalog/moment/${r.id}/filmall`, new FormData());
    expect(none.status).toBe(422);
    expect(textOf(await none.text())).toContain("Välj filmallen att ladda upp: en PDF-fil eller en bild.");

    const pdf = makePdf({ text: "Filmall diplom" });
    const good = new FormData();
    good.set("file", new Blob([new Uint8Array(pdf)], { type: "application/pdf" }), "Mall för diplom.pdf");
    const res = await postForm(admin, `/personal/katalog/moment/${r.id}/filmall`, good);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/personal/katalog/moment/${r.id}?klart=filmall`);
    expect(textOf(await (await admin.get(`/personal/katalog/moment/${r.id}`)).text())).toContain("Ladda ned filmall (Mall för diplom.pdf)");

    const own = await admin.get(`/personal/katalog/moment/${r.id}/filmall`);
    expect(own.status).toBe(200);
    expect(own.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    const applicant = (await personClient(t, "filmall@example.se")).client;
    const download = await applicant.get(`/min-sida/filmallar/${r.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Type")).toBe("application/pdf");
    expect(download.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
  });
});
