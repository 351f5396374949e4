import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeImage } from "../../lib/uploads/test-files.ts";
import { companyForm, newOrgNumber, personClient, postForm, registerCompanyAs } from "../../test/companies.ts";
import { browserClient, startTestApp, textOf, type TestApp } from "../../test/harness.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-11-22T09:00:00Z") });
});
afterAll(() => t.close());

describe("Registrera företag", () => {
  it("explains to a visitor that one logs in first, and sends a post to the login", async () => {
    const client = browserClient(t.app);
    const res = await client.get("/registrera-foretag");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(textOf(html)).toContain("Logga in först");
    expect(html).toContain('href="/logga-in?next=/registrera-foretag"');
    expect(html).toContain('href="/registrera-konto"');
    expect(html).not.toContain('name="orgnr"');
    const post = await postForm(client, "/registrera-foretag", companyForm());
    expect(post.status).toBe(303);
    expect(post.headers.get("Location")).toMatch(/^\/logga-in/);
  });

  it("shows a multipart form with the manual's labels, Land filled in", async () => {
    const { client } = await personClient(t, "form@example.se");
    const html = await (await client.get("/registrera-foretag")).text();
    expect(html).toContain('enctype="multipart/form-data"');
    for (const label of ["Organisationsnummer", "Företagsnamn", "Adressrad 1", "Adressrad 2", "Postnummer", "Ort", "Land", "Telefonnummer", "E-postadress", "Registreringsbevis"]) {
      expect(html).toMatch(new RegExp(`<label for="f-[a-z0-9]+">${label}(<span|</label>)`));
    }
    expect(html).toMatch(/<input id="f-land" name="land" type="text" value="Sverige"/);
    expect(html).toMatch(/type="file"[^>]*accept="application\/pdf,image\/jpeg,image\/png,image\/webp/);
  });

  it("takes a valid PDF: the company waits for review and the person is told what comes next", async () => {
    const { client } = await personClient(t, "registrant@example.se", { givenName: "Rut", familyName: "Registrant" });
    const { companyId } = await registerCompanyAs(client, { namn: "Värmepumpar Syd AB" });
    const thanks = await client.get(`/registrera-foretag/tack/${companyId}`);
    expect(thanks.status).toBe(200);
    const text = textOf(await thanks.text());
    expect(text).toContain("Tack! Värmepumpar Syd AB väntar på granskning");
    expect(text).toContain("registrant@example.se");
    const tab = textOf(await (await client.get("/min-sida/anstallningar")).text());
    expect(tab).toContain("Mina företag");
    expect(tab).toMatch(/Värmepumpar Syd AB \d{6}-\d{4} Väntar på granskning/);
    const log = textOf(await (await client.get("/min-sida/handelselogg")).text());
    expect(log).toContain("Företag registrerat, väntar på granskning");
    // Someone else's thank-you page does not exist.
    const other = await personClient(t, "nyfiken@example.se");
    expect((await other.client.get(`/registrera-foretag/tack/${companyId}`)).status).toBe(404);
  });

  it("takes an image as well", async () => {
    const { client } = await personClient(t, "bild@example.se");
    const form = companyForm({}, { bytes: await makeImage("png", 600, 800), name: "bevis.png", type: "image/png" });
    expect((await postForm(client, "/registrera-foretag", form)).status).toBe(303);
  });

  it("refuses an HTML file named .pdf with a message at the field, keeping what was typed", async () => {
    const { client } = await personClient(t, "html@example.se");
    const html = Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>");
    const res = await postForm(client, "/registrera-foretag", companyForm({ namn: "Falska Filer AB" }, { bytes: html, name: "registreringsbevis.pdf", type: "application/pdf" }));
    expect(res.status).toBe(422);
    const body = await res.text();
    expect(textOf(body)).toContain("”registreringsbevis.pdf” är inte en PDF");
    expect(body).toContain('value="Falska Filer AB"');
    expect(body).toMatch(/<div class="field field--error">\s*<label for="f-registreringsbevis">/);
  });

  it("asks for the file when none was chosen", async () => {
    const { client } = await personClient(t, "utanfil@example.se");
    const res = await postForm(client, "/registrera-foretag", companyForm({}, null));
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toContain("Välj registreringsbeviset");
  });

  it("says what is wrong with each kind of mistaken organisationsnummer, and that the file must be chosen again", async () => {
    const { client } = await personClient(t, "orgnr@example.se");
    const cases: [string, string][] = [
      ["", "Ange företagets organisationsnummer."],
      ["55601A-0680", "får bara innehålla siffror och ett bindestreck"],
      ["556016-068", "ska ha tio siffror"],
      ["5560-160680", "Skriv organisationsnumret som 556016-0680 eller 5560160680"],
      ["556016-0681", "kontrollsiffran (den sista siffran) är fel"],
    ];
    for (const [orgnr, message] of cases) {
      const res = await postForm(client, "/registrera-foretag", companyForm({ orgnr, namn: "Felskrivna AB" }), { htmx: true });
      expect(res.status, orgnr).toBe(422);
      const body = await res.text();
      expect(body.startsWith("<form"), "an htmx fragment").toBe(true);
      const text = textOf(body);
      expect(text, orgnr).toContain(message);
      expect(text).toContain("Välj filen igen");
      expect(body).toContain('value="Felskrivna AB"');
    }
  });

  it("answers a second registration of a number at the field, not with an error page", async () => {
    const first = await personClient(t, "forst@example.se");
    const orgnr = newOrgNumber();
    await registerCompanyAs(first.client, { orgnr });
    const second = await personClient(t, "andra@example.se");
    for (const htmx of [false, true]) {
      const res = await postForm(second.client, "/registrera-foretag", companyForm({ orgnr: orgnr.replace("-", ""), namn: "Dubbletten AB" }), { htmx });
      expect(res.status).toBe(409);
      const body = await res.text();
      const text = textOf(body);
      expect(text).toContain(`Organisationsnummer ${orgnr} är redan registrerat`);
      // The advice is a way that exists: ask to be employed; an admin cannot add anyone.
      expect(text).toContain("koppla dig till företaget under Anställningar med Ny anställning");
      expect(text).not.toContain("lägga till dig");
      expect(body).toMatch(/<div class="field field--error">\s*<label for="f-orgnr">/);
      expect(body).toContain('value="Dubbletten AB"');
      expect(text).not.toContain("Redan ändrat");
    }
  });

  it("refuses a body over the limit with a Swedish 413", async () => {
    const { client } = await personClient(t, "stor@example.se");
    const big = companyForm({}, { bytes: Buffer.alloc(22 * 1024 * 1024, 1), name: "stor.pdf", type: "application/pdf" });
    const res = await postForm(client, "/registrera-foretag", big);
    expect(res.status).toBe(413);
    expect(textOf(await res.text())).toContain("registreringsbeviset får vara högst 20 MB");
  });
});
