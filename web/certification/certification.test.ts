import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationRequirementFiles, applicationRequirements, documents } from "../../db/schema/index.ts";
import { makeImage, makePdf } from "../../lib/uploads/test-files.ts";
import { actorForUser } from "../../modules/accounts/find-user.ts";
import { loadApplication } from "../../modules/certification/index.ts";
import type { Actor } from "../../modules/deps.ts";
import { reviewRequirement } from "../../modules/review/review-requirement.ts";
import { approveCompany, personClient, postForm, registerCompanyAs, requestEmploymentAs } from "../../test/companies.ts";
import { startTestApp, textOf, type BrowserClient, type TestApp } from "../../test/harness.ts";

let t: TestApp;
let reviewer: Actor & { userId: string; personId: string };
let staff: BrowserClient;

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-11-22T09:00:00Z") });
  const r = await personClient(t, "granskare@certorg.example", { givenName: "Greta", familyName: "Granskare", roles: ["reviewer"] });
  staff = r.client;
  reviewer = (await actorForUser(t.runtime.deps.db, r.userId)) as typeof reviewer;
});
afterAll(() => t.close());

/** The value of the <option> with this text, from a page. */
function optionValue(html: string, text: string): string {
  const m = new RegExp(`<option value="([^"]+)"[^>]*>${text.replace(/[()/]/g, "\\$&")}</option>`).exec(html);
  expect(m, `option ${text}`).not.toBeNull();
  return m![1]!;
}

async function apply(client: BrowserClient, area: string, scheme: string, base = "/min-sida/ansok"): Promise<string> {
  const form = await (await client.get(base)).text();
  const areaId = optionValue(form, area);
  const withArea = await (await client.get(`${base}?teknikomrade=${areaId}`)).text();
  const res = await client.post(base, { teknikomrade: areaId, certifikat: optionValue(withArea, scheme) });
  expect(res.status, await res.clone().text()).toBe(303);
  const m = /^\/min-sida\/ansokningar\/([^/?]+)\?klart=startad$/.exec(res.headers.get("Location")!);
  expect(m).not.toBeNull();
  return m![1]!;
}

function fileForm(bytes: Buffer, name: string, type = "application/octet-stream"): FormData {
  const form = new FormData();
  form.set("fil", new Blob([new Uint8Array(bytes)], { type }), name);
  return form;
}

async function momentIds(applicationId: string, who: Actor) {
  return (await loadApplication(t.runtime.deps.db, who, applicationId)).moments.map((m) => m.moment.id);
}

async function uploadAll(client: BrowserClient, applicationId: string) {
  for (const m of await momentIds(applicationId, reviewer)) {
    const res = await postForm(client, `/min-sida/ansokningar/${applicationId}/moment/${m}`, fileForm(makePdf(), "intyg.pdf", "application/pdf"));
    expect(res.status, await res.clone().text()).toBe(303);
  }
}

async function approveAll(applicationId: string) {
  for (const m of await momentIds(applicationId, reviewer)) await reviewRequirement(t.runtime.deps, reviewer, { applicationId, momentId: m, approve: true, comment: null });
}

const page = async (client: BrowserClient, path: string) => {
  const res = await client.get(path);
  return { status: res.status, html: await res.text() };
};

describe("Ansök om nytt certifikat", () => {
  it("asks for Teknikområde, then offers that area's person certificates, with and without JavaScript", async () => {
    const { client } = await personClient(t, "form@example.se");
    const form = await page(client, "/min-sida/ansok");
    expect(form.status).toBe(200);
    const text = textOf(form.html);
    for (const w of ["Ansök om nytt certifikat", "Teknikområde", "Certifikat", "Spara", "Avbryt", "Välj teknikområde först"]) expect(text).toContain(w);
    expect(form.html).toContain('<label for="teknikomrade">Teknikområde');
    expect(form.html).toMatch(/<select id="certifikat" name="certifikat" required="" disabled=""/);
    // Without JavaScript: a button inside <noscript> reloads the form with the area chosen.
    expect(form.html).toMatch(/<noscript><button type="submit" class="button button--secondary" formmethod="get" formaction="\/min-sida\/ansok"/);
    // With htmx: the list is fetched when the area changes.
    expect(form.html).toContain('hx-get="/min-sida/ansok/certifikat"');

    const fgas = optionValue(form.html, "F-gaser");
    const external = optionValue(form.html, "Externt certifikat");
    const noJs = textOf((await page(client, `/min-sida/ansok?teknikomrade=${fgas}`)).html);
    for (const s of ["Personcertifikat kategori I", "Personcertifikat kategori V", "Utbildningsintyg Mobil AC"]) expect(noJs).toContain(s);
    expect(noJs).not.toContain("Företagscertifikat F-gas");
    expect(noJs).not.toContain("- Externt");

    const fragment = await client.get(`/min-sida/ansok/certifikat?teknikomrade=${external}`, { htmx: true });
    const frag = await fragment.text();
    expect(frag).not.toContain("<html");
    expect(frag).toContain('id="certifikat-falt"');
    expect(textOf(frag)).toContain("Personcertifikat f-gas kat V - Externt");
    expect(textOf(frag)).not.toContain("Utbildningsintyg");
  });

  it("refuses an empty choice and a certificate from another area, on the form", async () => {
    const { client } = await personClient(t, "val@example.se");
    const html = (await page(client, "/min-sida/ansok")).html;
    const empty = await client.post("/min-sida/ansok", { teknikomrade: "", certifikat: "" });
    expect(empty.status).toBe(422);
    expect(textOf(await empty.text())).toContain("Välj ett teknikområde.");
    const fgas = optionValue(html, "F-gaser");
    const externalScheme = optionValue((await page(client, `/min-sida/ansok?teknikomrade=${optionValue(html, "Externt certifikat")}`)).html, "Personcertifikat f-gas kat I - Externt");
    const mixed = await client.post("/min-sida/ansok", { teknikomrade: fgas, certifikat: externalScheme }, { htmx: true });
    expect(mixed.status).toBe(422);
    const frag = await mixed.text();
    expect(frag).not.toContain("<html");
    expect(textOf(frag)).toContain("Välj ett certifikat i listan.");
  });

  it("opens the Certifieringsprocess, lists it under Sök certifikat, and refuses a second open application clearly", async () => {
    const { client } = await personClient(t, "dubbel@example.se", { givenName: "Dora", familyName: "Dubbel" });
    const id = await apply(client, "F-gaser", "Utbildningsintyg Mobil AC");
    const tab = await page(client, "/min-sida");
    const text = textOf(tab.html);
    expect(text).toContain("1 träff");
    expect(text).toContain("F-gaser - Utbildningsintyg Mobil AC");
    expect(text).toContain("Pågående");
    for (const h of ["Nr", "Certifikat", "Status", "Årlig förlängning", "Omcertifiering"]) expect(tab.html).toContain(`>${h}</a>`);
    expect(tab.html).toContain(`href="/min-sida/ansokningar/${id}" title="Visa certifieringsprocess"`);
    expect(text).toContain("Visa certifieringsprocess: F-gaser - Utbildningsintyg Mobil AC");

    const html = (await page(client, "/min-sida/ansok")).html;
    const areaId = optionValue(html, "F-gaser");
    const schemeId = optionValue((await page(client, `/min-sida/ansok?teknikomrade=${areaId}`)).html, "Utbildningsintyg Mobil AC");
    const again = await client.post("/min-sida/ansok", { teknikomrade: areaId, certifikat: schemeId });
    expect(again.status).toBe(409);
    expect(textOf(await again.text())).toContain("Du har redan en pågående ansökan om F-gaser - Utbildningsintyg Mobil AC.");
  });
});

describe("the Certifieringsprocess page", () => {
  it("shows the title, Visa person, the five steps with step 2 current, Information and the Moment table", async () => {
    const { client } = await personClient(t, "sida@example.se", { givenName: "Sven", familyName: "Svensson" });
    const id = await apply(client, "F-gaser", "Utbildningsintyg Mobil AC");
    const { status, html } = await page(client, `/min-sida/ansokningar/${id}?klart=startad`);
    expect(status).toBe(200);
    const text = textOf(html);
    expect(html).toContain("<h1>Sven Svensson: F-gaser - Utbildningsintyg Mobil AC</h1>");
    expect(text).toContain("Visa person");
    expect(text).toContain("Ansökan är skapad.");
    const steps = html.slice(html.indexOf('<ol class="steps"'), html.indexOf("</ol>", html.indexOf('<ol class="steps"')));
    for (const s of ["Ansök om certifikat", "Genomför momenten", "Intyga certifikatansökan", "Ange fakturamottagare", "Certifikat utfärdat"]) expect(steps).toContain(s);
    expect(steps).toMatch(/<li data-done="true">Ansök om certifikat<span class="visually-hidden"> \(klart\)/);
    expect(steps).toMatch(/<li aria-current="step">Genomför momenten<span class="visually-hidden"> \(pågår\)/);
    expect(text).toMatch(/Status\s+Pågående/);
    expect(text).toMatch(/Senaste beslut\s+Inget beslut ännu/);
    for (const h of ["Moment", "Status", "Senast uppladdad fil", "Skapad", "Skapad av", "Senast ändrad", "Senast ändrad av"]) expect(html).toContain(`>${h}</a>`);
    expect(html).toContain('<th scope="col">Filmall</th>');
    expect(text).toContain("Diplom/ Intyg");
    expect(text).toContain("Inväntar fil från certifikand");
    // The upload in words, not only the manual's arrow; its name says which Moment.
    expect(html).toMatch(/<a class="upload-link" href="[^"]+"><svg[^>]*aria-hidden="true"[\s\S]*?<\/svg> <span aria-hidden="true">Ladda upp fil<\/span><span class="visually-hidden">Ladda upp fil: Diplom\/ Intyg<\/span><\/a>/);
    expect(text).toContain("Sven Svensson");
    // The tabs.
    expect(html).toContain(`<a href="/min-sida/ansokningar/${id}" aria-current="page">Moment</a>`);
    const log = textOf((await page(client, `/min-sida/ansokningar/${id}/handelselogg`)).html);
    expect(log).toContain("Ansökan om certifikat påbörjad");
    expect(log).toContain("Certifikat: F-gaser - Utbildningsintyg Mobil AC");
  });

  it("is nobody else's: another applicant gets 404 for the page, its sub-pages and its files", async () => {
    const owner = (await personClient(t, "agare@example.se")).client;
    const id = await apply(owner, "F-gaser", "Utbildningsintyg Mobil AC");
    await uploadAll(owner, id);
    const [m] = await momentIds(id, reviewer);
    const documentId = (await t.runtime.deps.db.select().from(applicationRequirements).where(eq(applicationRequirements.id, m!)).get())!.latestDocumentId!;
    const mine = await owner.get(`/min-sida/ansokningar/${id}/filer/${documentId}`);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("Content-Disposition")).toMatch(/^attachment; filename="intyg.pdf"/);
    expect(mine.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(Buffer.from(await mine.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");

    const other = (await personClient(t, "annan@example.se")).client;
    for (const path of ["", "/handelselogg", `/moment/${m}`, "/intyga", "/fakturamottagare", "/aterkalla", `/filer/${documentId}`]) {
      expect((await other.get(`/min-sida/ansokningar/${id}${path}`)).status, path).toBe(404);
    }
    const upload = await postForm(other, `/min-sida/ansokningar/${id}/moment/${m}`, fileForm(makePdf(), "x.pdf"));
    expect(upload.status).toBe(404);
    expect((await other.post(`/min-sida/ansokningar/${id}/aterkalla`, {})).status).toBe(404);
    // Staff may read it (they review it).
    expect((await staff.get(`/min-sida/ansokningar/${id}/filer/${documentId}`)).status).toBe(200);
    // A document id of another application does not open through this one.
    const otherId = await apply(other, "F-gaser", "Utbildningsintyg Mobil AC");
    expect((await other.get(`/min-sida/ansokningar/${otherId}/filer/${documentId}`)).status).toBe(404);
  });
});

describe("Ladda upp fil", () => {
  it("takes a PDF and a JPEG, refuses an HTML .pdf, an empty file, a too-small image and 21 MB with a clear message, storing nothing refused", async () => {
    const { client } = await personClient(t, "filer@example.se");
    const id = await apply(client, "F-gaser", "Utbildningsintyg Mobil AC");
    const [m] = await momentIds(id, reviewer);
    const path = `/min-sida/ansokningar/${id}/moment/${m}`;
    const form = await page(client, path);
    expect(textOf(form.html)).toContain("PDF, JPEG, PNG, WebP, högst 20 MB");
    expect(form.html).toContain('<label for="f-fil">Fil');
    const files = async () => (await t.runtime.deps.db.select().from(applicationRequirementFiles).where(eq(applicationRequirementFiles.applicationRequirementId, m!))).length;
    const docs = async () => (await t.runtime.deps.db.select().from(documents)).length;
    const docsBefore = await docs();

    const refusals: [FormData, number, string][] = [
      [fileForm(Buffer.from("<!doctype html><script>alert(1)</script>"), "intyg.pdf", "application/pdf"), 422, "PDF"],
      [fileForm(Buffer.alloc(0), "tom.pdf"), 422, "tom"],
      [fileForm(await makeImage("png", 40, 40), "liten.png", "image/png"), 422, "liten"],
      [fileForm(Buffer.alloc(21 * 1024 * 1024, 1), "stor.pdf", "application/pdf"), 413, "för stor"],
    ];
    for (const [body, status, words] of refusals) {
      const res = await postForm(client, path, body);
      expect(res.status).toBe(status);
      const text = textOf(await res.text());
      expect(text).toContain("Fel:");
      expect(text.toLowerCase()).toContain(words.toLowerCase());
    }
    const none = await postForm(client, path, new FormData());
    expect(none.status).toBe(422);
    expect(textOf(await none.text())).toContain("Välj en fil att ladda upp");
    expect(await files()).toBe(0);
    expect(await docs()).toBe(docsBefore);

    const ok = await postForm(client, path, fileForm(await makeImage("jpeg", 1200, 900), "diplom.jpg", "image/jpeg"), { htmx: true });
    expect(ok.status).toBe(204);
    expect(ok.headers.get("HX-Redirect")).toBe(`/min-sida/ansokningar/${id}?klart=uppladdad`);
    const after = textOf((await page(client, `/min-sida/ansokningar/${id}?klart=uppladdad`)).html);
    expect(after).toContain("Filen är uppladdad.");
    expect(after).toContain("Inväntar granskning");
    expect(after).toContain("diplom.jpg");
    expect(await files()).toBe(1);
  });

  it("shows the reviewer's comment after Ej godkänt and takes a new file", async () => {
    const { client } = await personClient(t, "komplettera@example.se");
    const id = await apply(client, "F-gaser", "Utbildningsintyg Mobil AC");
    await uploadAll(client, id);
    const [m] = await momentIds(id, reviewer);
    await reviewRequirement(t.runtime.deps, reviewer, { applicationId: id, momentId: m!, approve: false, comment: "Intyget saknar kursens datum." });
    const text = textOf((await page(client, `/min-sida/ansokningar/${id}`)).html);
    expect(text).toContain("Ej godkänt");
    expect(text).toContain("Kommentar från granskaren: Intyget saknar kursens datum.");
    expect(text).toContain("Momentet Diplom/ Intyg är ej godkänt.");
    expect(textOf((await page(client, `/min-sida/ansokningar/${id}/moment/${m}`)).html)).toContain("Intyget saknar kursens datum.");
    await uploadAll(client, id);
    const again = textOf((await page(client, `/min-sida/ansokningar/${id}/moment/${m}`)).html);
    expect(again).toContain("Inväntar granskning");
    expect(again.match(/intyg\.pdf/g)?.length).toBe(2);
  });
});

describe("intyga and fakturamottagare", () => {
  it("walks Utbildningsintyg Mobil AC from step 3 to final review with the employer as recipient", async () => {
    const admin = (await personClient(t, "karin@kyl.example.se", { givenName: "Karin", familyName: "Admin" })).client;
    const company = await registerCompanyAs(admin, { namn: "Exempel Kyl AB" });
    await approveCompany(staff, company.companyId);
    const { client } = await personClient(t, "tekniker@example.se", { givenName: "Tea", familyName: "Tekniker" });
    await requestEmploymentAs(client, company.orgnr);
    const companyPage = await (await admin.get(`/min-sida/foretag/${company.companyId}`)).text();
    const employmentId = /\/forfragningar\/([^/]+)\/bekrafta/.exec(companyPage)![1]!;
    expect((await admin.post(`/min-sida/foretag/${company.companyId}/forfragningar/${employmentId}/bekrafta`, {})).status).toBe(303);

    const id = await apply(client, "F-gaser", "Utbildningsintyg Mobil AC");
    await uploadAll(client, id);
    expect(textOf((await page(client, `/min-sida/ansokningar/${id}`)).html)).not.toContain("Klicka här för att intyga");
    expect((await client.get(`/min-sida/ansokningar/${id}/intyga`)).status).toBe(200);
    expect(textOf((await page(client, `/min-sida/ansokningar/${id}/intyga`)).html)).toContain("Alla moment måste vara godkända");
    await approveAll(id);

    const step3 = await page(client, `/min-sida/ansokningar/${id}`);
    expect(textOf(step3.html)).toContain("Du måste nu intyga din certifikatsansökan. Det gör du genom att klicka på länken till höger.");
    expect(step3.html).toContain(`<a href="/min-sida/ansokningar/${id}/intyga">Klicka här för att intyga din certifikatsansökan</a>`);
    expect(step3.html).toMatch(/<li aria-current="step">Intyga certifikatansökan/);

    const decl = await page(client, `/min-sida/ansokningar/${id}/intyga`);
    expect(textOf(decl.html)).toContain("Förbindelsetext version 1");
    const textId = /name="text" value="([^"]+)"/.exec(decl.html)![1]!;
    // A stale version is refused, not silently replaced.
    expect((await client.post(`/min-sida/ansokningar/${id}/intyga`, { text: "gammal" })).status).toBe(409);
    const yes = await client.post(`/min-sida/ansokningar/${id}/intyga`, { text: textId });
    expect(yes.headers.get("Location")).toBe(`/min-sida/ansokningar/${id}?klart=intygad`);

    const step4 = await page(client, `/min-sida/ansokningar/${id}?klart=intygad`);
    expect(step4.html).toMatch(/<li aria-current="step">Ange fakturamottagare/);
    expect(step4.html).toContain(`href="/min-sida/ansokningar/${id}/fakturamottagare">Ange fakturamottagare</a>`);

    const form = await page(client, `/min-sida/ansokningar/${id}/fakturamottagare`);
    const text = textOf(form.html);
    for (const w of ["Fakturan ska skickas till", "Företag", "Rekommenderad", "Mig personligen", "Alternativ fakturaadress", "Baserat på din anställning", "Sök efter annat företag", "Adressrad 1", "Adressrad 2", "Ort", "Land", "Postnummer", "Telefonnummer", "E-postadress", "Fakturareferens/Ordernr"]) {
      expect(text).toContain(w);
    }
    expect(form.html).toMatch(/<input type="radio" name="mottagare" value="foretag" checked=""/);
    expect(text).toContain(`Exempel Kyl AB (${company.orgnr})`);

    const none = await client.post(`/min-sida/ansokningar/${id}/fakturamottagare`, { mottagare: "" }, { htmx: true });
    expect(none.status).toBe(422);
    expect(textOf(await none.text())).toContain("Välj vem fakturan ska skickas till.");
    const alt = await client.post(`/min-sida/ansokningar/${id}/fakturamottagare`, { mottagare: "alternativ", land: "", epost: "inte-en-adress" });
    expect(alt.status).toBe(422);
    const altText = textOf(await alt.text());
    for (const w of ["Ange adressrad 1.", "Ange ort.", "Ange land.", "Ange postnummer.", "Ange en giltig e-postadress"]) expect(altText).toContain(w);
    const wrongOrg = await client.post(`/min-sida/ansokningar/${id}/fakturamottagare`, { mottagare: "foretag", foretag: "5566778899" });
    expect(wrongOrg.status).toBe(422);
    expect(textOf(await wrongOrg.text())).toContain("Inget registrerat företag har exakt det organisationsnumret.");

    const saved = await client.post(`/min-sida/ansokningar/${id}/fakturamottagare`, { mottagare: "foretag", arbetsgivare: company.companyId, foretag: "", referens: "PO-4711" });
    // Spara does not send it: "Granska och skicka in" shows what is sent, with a button that says so.
    expect(saved.headers.get("Location")).toBe(`/min-sida/ansokningar/${id}/skicka-in`);
    expect(textOf((await page(client, `/min-sida/ansokningar/${id}`)).html)).toMatch(/Status\s+Pågående/);
    const summary = await page(client, `/min-sida/ansokningar/${id}/skicka-in`);
    const summaryText = textOf(summary.html);
    for (const w of ["Granska och skicka in", "Moment", "Godkänt", "Förbindelse", "förbindelsetext version 1", "Fakturamottagare", "Exempel Kyl AB", "PO-4711", "Ändra fakturamottagare", "Skicka in ansökan"]) expect(summaryText).toContain(w);
    expect(summary.html).toMatch(new RegExp(`href="/min-sida/ansokningar/${id}/filer/[^"]+">[^<]+\\.pdf</a>`));
    // Changing the recipient before sending: the form comes back with the choice made.
    const again = await page(client, `/min-sida/ansokningar/${id}/fakturamottagare`);
    expect(again.html).toMatch(/<input type="radio" name="mottagare" value="foretag" checked=""/);
    expect(again.html).toContain('value="PO-4711"');
    const before = t.mail.messages.length;
    const done = await client.post(`/min-sida/ansokningar/${id}/skicka-in`, {});
    expect(done.headers.get("Location")).toBe(`/min-sida/ansokningar/${id}?klart=granskas`);
    expect((await client.post(`/min-sida/ansokningar/${id}/skicka-in`, {})).status).toBe(409);
    const mail = await t.mail.waitFor((m) => m.to.includes("tekniker@example.se") && t.mail.messages.indexOf(m) >= before);
    expect(mail.text).toContain(`/min-sida/ansokningar/${id}`);
    const review = textOf((await page(client, `/min-sida/ansokningar/${id}?klart=granskas`)).html);
    expect(review).toContain("Tack! Ansökan granskas nu.");
    expect(review).toMatch(/Status\s+Ansökan granskas/);
    expect(review).toContain("Exempel Kyl AB");
    expect(review).toContain("referens: PO-4711");
    expect(review).not.toContain("Återkalla ansökan".repeat(2));
    const log = textOf((await page(client, `/min-sida/ansokningar/${id}/handelselogg`)).html);
    for (const w of ["Certifikatansökan intygad", "Förbindelsetext version 1", "Fakturamottagare angiven", "Fakturamottagare: Exempel Kyl AB", "Ansökan skickad till sista granskning", "Moment godkänt"]) expect(log).toContain(w);
    // Nothing more to do: the recipient page says so instead of a form.
    expect(textOf((await page(client, `/min-sida/ansokningar/${id}/fakturamottagare`)).html)).toContain("Ansökan granskas och kan inte ändras nu.");
  });

  it("skips step 4 for an external certificate (not invoiced): Ja leads to Granska och skicka in", async () => {
    const { client } = await personClient(t, "extern@example.se");
    const id = await apply(client, "Externt certifikat", "Personcertifikat f-gas kat V - Externt");
    const step2 = await page(client, `/min-sida/ansokningar/${id}`);
    expect(textOf(step2.html)).toContain("Kopia av aktivt extern certifikat");
    expect(step2.html).toMatch(/Ange fakturamottagare<span class="visually-hidden"><\/span><span class="hint" aria-hidden="true"><br\/>Ingen faktura/);
    await uploadAll(client, id);
    await approveAll(id);
    const textId = /name="text" value="([^"]+)"/.exec((await page(client, `/min-sida/ansokningar/${id}/intyga`)).html)![1]!;
    const yes = await client.post(`/min-sida/ansokningar/${id}/intyga`, { text: textId });
    expect(yes.headers.get("Location")).toBe(`/min-sida/ansokningar/${id}/skicka-in`);
    expect(textOf((await page(client, `/min-sida/ansokningar/${id}/skicka-in`)).html)).toContain("Ingen faktura skickas för det här certifikatet.");
    expect((await client.post(`/min-sida/ansokningar/${id}/skicka-in`, {})).headers.get("Location")).toBe(`/min-sida/ansokningar/${id}?klart=granskas`);
    const html = (await page(client, `/min-sida/ansokningar/${id}`)).html;
    expect(html).toMatch(/<li data-done="true">Ange fakturamottagare<span class="visually-hidden"> \(behövs inte\)/);
    // In final review step 5 is not the current step: it says what the status says.
    expect(html).not.toContain('aria-current="step"');
    expect(textOf(html)).toMatch(/Certifikat utfärdat\s*\(inte ännu\)\s*Ansökan granskas/);
  });

  it("takes the personal billing address, or explains where to enter one", async () => {
    const { client } = await personClient(t, "privat@example.se");
    const id = await apply(client, "F-gaser", "Personcertifikat kategori V");
    await uploadAll(client, id);
    await approveAll(id);
    const textId = /name="text" value="([^"]+)"/.exec((await page(client, `/min-sida/ansokningar/${id}/intyga`)).html)![1]!;
    await client.post(`/min-sida/ansokningar/${id}/intyga`, { text: textId });
    const form = textOf((await page(client, `/min-sida/ansokningar/${id}/fakturamottagare`)).html);
    expect(form).not.toContain("Rekommenderad");
    expect(form).toContain("Du har ingen faktureringsadress ännu.");
    const refused = await client.post(`/min-sida/ansokningar/${id}/fakturamottagare`, { mottagare: "personlig" });
    expect(refused.status).toBe(422);
    expect(textOf(await refused.text())).toContain("Du har ingen faktureringsadress.");
    const alt = await client.post(`/min-sida/ansokningar/${id}/fakturamottagare`, { mottagare: "alternativ", adressrad1: "Storgatan 1", ort: "Umeå", land: "Sverige", postnummer: "903 25" });
    expect(alt.status).toBe(303);
    expect(textOf((await page(client, `/min-sida/ansokningar/${id}`)).html)).toContain("Test Person, Storgatan 1, 903 25 Umeå");
  });
});

describe("Återkalla ansökan", () => {
  it("withdraws an open application with a reason, after which nothing can be changed", async () => {
    const { client } = await personClient(t, "angrar@example.se");
    const id = await apply(client, "F-gaser", "Utbildningsintyg Mobil AC");
    const confirm = textOf((await page(client, `/min-sida/ansokningar/${id}/aterkalla`)).html);
    expect(confirm).toContain("Ansökan avslutas och kan inte öppnas igen.");
    const res = await client.post(`/min-sida/ansokningar/${id}/aterkalla`, { motivering: "Fel certifikat" });
    expect(res.headers.get("Location")).toBe(`/min-sida/ansokningar/${id}?klart=aterkallad`);
    const html = (await page(client, `/min-sida/ansokningar/${id}`)).html;
    expect(textOf(html)).toContain("Ansökan är återkallad: Fel certifikat");
    expect(html).not.toContain("Ladda upp fil:");
    expect(textOf((await page(client, "/min-sida")).html)).toContain("Återkallad");
    const [m] = await momentIds(id, reviewer);
    const late = await postForm(client, `/min-sida/ansokningar/${id}/moment/${m}`, fileForm(makePdf(), "sen.pdf"));
    expect(late.status).toBe(409);
    expect(textOf(await late.text())).toContain("Ansökan är avslutad och kan inte ändras.");
    expect((await client.post(`/min-sida/ansokningar/${id}/aterkalla`, {})).status).toBe(409);
    // A new application for the same certificate may start.
    await apply(client, "F-gaser", "Utbildningsintyg Mobil AC");
  });
});

describe("a company's application", () => {
  it("is started by an admin from the company page, worked by any admin, invoiced to the company, and hidden from employees", async () => {
    const first = await personClient(t, "forsta@firma.example.se", { givenName: "Första", familyName: "Admin" });
    const company = await registerCompanyAs(first.client, { namn: "Firma Kyl AB" });
    await approveCompany(staff, company.companyId);
    const base = `/min-sida/foretag/${company.companyId}`;
    const companyPage = textOf((await page(first.client, base)).html);
    expect(companyPage).toContain("Ansök om företagscertifikat");

    const form = await page(first.client, `${base}/ansok`);
    expect(textOf(form.html)).toContain("Firma Kyl AB ansöker.");
    const areaId = optionValue(form.html, "F-gaser");
    const schemes = (await page(first.client, `${base}/ansok?teknikomrade=${areaId}`)).html;
    expect(textOf(schemes)).not.toContain("Utbildningsintyg Mobil AC");
    const res = await first.client.post(`${base}/ansok`, { teknikomrade: areaId, certifikat: optionValue(schemes, "Företagscertifikat F-gas") });
    expect(res.status).toBe(303);
    const id = /ansokningar\/([^/?]+)/.exec(res.headers.get("Location")!)![1]!;

    const process = await page(first.client, `/min-sida/ansokningar/${id}`);
    expect(process.html).toContain("<h1>Firma Kyl AB: F-gaser - Företagscertifikat F-gas</h1>");
    const text = textOf(process.html);
    for (const m of ["Registreringsbevis", "Rutiner", "Förteckning över utrustning"]) expect(text).toContain(m);
    expect(text).toContain("Visa företag");
    expect(textOf((await page(first.client, base)).html)).toContain("F-gaser - Företagscertifikat F-gas");

    // A second admin acts for the company; an employee who is no admin sees nothing.
    const second = await personClient(t, "andra@firma.example.se", { givenName: "Andra", familyName: "Admin" });
    const employee = await personClient(t, "anstalld@firma.example.se");
    for (const who of [second, employee]) await requestEmploymentAs(who.client, company.orgnr);
    const admin = await (await first.client.get(base)).text();
    for (const employmentId of new Set([...admin.matchAll(/\/forfragningar\/([^/]+)\/bekrafta/g)].map((m) => m[1]!))) expect((await first.client.post(`${base}/forfragningar/${employmentId}/bekrafta`, {})).status).toBe(303);
    expect((await first.client.post(`${base}/administratorer/${second.personId}`, {})).status).toBe(303);
    expect((await employee.client.get(`/min-sida/ansokningar/${id}`)).status).toBe(404);
    expect((await employee.client.get(`${base}/ansok`)).status).toBe(404);

    await uploadAll(second.client, id);
    await approveAll(id);
    const textId = /name="text" value="([^"]+)"/.exec((await page(second.client, `/min-sida/ansokningar/${id}/intyga`)).html)![1]!;
    await second.client.post(`/min-sida/ansokningar/${id}/intyga`, { text: textId });
    const recipient = textOf((await page(first.client, `/min-sida/ansokningar/${id}/fakturamottagare`)).html);
    expect(recipient).toContain("Fakturan skickas till företaget som ansöker: Firma Kyl AB");
    expect(recipient).not.toContain("Mig personligen");
    const done = await first.client.post(`/min-sida/ansokningar/${id}/fakturamottagare`, { mottagare: "personlig", referens: "Inköp 12" });
    expect(done.headers.get("Location")).toBe(`/min-sida/ansokningar/${id}/skicka-in`);
    expect((await second.client.post(`/min-sida/ansokningar/${id}/skicka-in`, {})).headers.get("Location")).toBe(`/min-sida/ansokningar/${id}?klart=granskas`);
    expect(textOf((await page(second.client, `/min-sida/ansokningar/${id}`)).html)).toMatch(/Fakturamottagare\s+Firma Kyl AB/);
  });
});
