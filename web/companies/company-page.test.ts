import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events } from "../../db/schema/index.ts";
import { actorForUser } from "../../modules/accounts/find-user.ts";
import type { Actor } from "../../modules/deps.ts";
import { decideApplication } from "../../modules/review/index.ts";
import { applicationInFinalReview } from "../../test/applications.ts";
import { approveCompany, personClient, registerCompanyAs, requestEmploymentAs } from "../../test/companies.ts";
import { browserClient, startTestApp, textOf, type BrowserClient, type TestApp } from "../../test/harness.ts";

let t: TestApp;
let staff: BrowserClient;

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-11-22T09:00:00Z") });
  staff = (await personClient(t, "staff@certorg.example", { roles: ["reviewer"] })).client;
});
afterAll(() => t.close());

/** An approved company with its first admin logged in. */
async function companyWithAdmin(email: string, namn: string, givenName = "Adam", familyName = "Admin") {
  const admin = await personClient(t, email, { givenName, familyName });
  const c = await registerCompanyAs(admin.client, { namn });
  await approveCompany(staff, c.companyId);
  return { admin, ...c, page: `/min-sida/foretag/${c.companyId}` };
}

/** A person whose request the admin can see; returns the action paths found on the admin's page. */
async function requester(adminClient: BrowserClient, company: { orgnr: string; page: string }, email: string, givenName: string, familyName: string) {
  const p = await personClient(t, email, { givenName, familyName });
  expect((await requestEmploymentAs(p.client, company.orgnr, "2025-09-01")).status).toBe(303);
  const html = await (await adminClient.get(company.page)).text();
  const name = `${givenName} ${familyName}`;
  const confirm = new RegExp(`action="([^"]+/bekrafta)"[^>]*>\\s*<button[^>]*aria-label="Bekräfta anställningen för ${name}"`).exec(html)![1]!;
  return { ...p, confirm, reject: confirm.replace(/bekrafta$/, "avboj"), name };
}

function actionsOf(html: string, label: RegExp): string {
  const m = new RegExp(`action="([^"]+)"[^>]*>(?:(?!</form>)[\\s\\S])*?aria-label="${label.source}"`).exec(html);
  if (!m) throw new Error(`no form for ${label} in page`);
  return m[1]!;
}

describe("the employees' certificates", () => {
  it("lists today's employees' person certificates with their status, linked to the public check", async () => {
    const c = await companyWithAdmin("cert-admin@example.se", "Certbolaget AB");
    const employee = await requester(c.admin.client, c, "cert-anst@example.se", "Erik", "Engström");
    expect((await c.admin.client.post(employee.confirm, {})).status).toBe(303);
    const reviewer = await personClient(t, "cert-granskare@certorg.example", { roles: ["reviewer"] });
    const decider = (await actorForUser(t.runtime.deps.db, (await personClient(t, "cert-beslut@certorg.example", { roles: ["decider"] })).userId)) as Actor & { userId: string };
    const applicationId = await applicationInFinalReview(t.runtime.deps, { schemeCode: "extern-fgas-iii", personId: employee.personId, byUserId: employee.userId, reviewerUserId: reviewer.userId, recipient: false });
    const { certificate } = await decideApplication(t.runtime.deps, decider, { applicationId, decision: "grant", validUntil: "2028-06-30" });
    const text = textOf(await (await c.admin.client.get(c.page)).text());
    expect(text).toMatch(new RegExp(`Anställdas certifikat[\\s\\S]*${certificate!.number}\\s+Erik Engström\\s+Externt certifikat - Personcertifikat f-gas kat III - Externt\\s+Aktivt\\s+2028-06-30`));
    expect(await (await c.admin.client.get(c.page)).text()).toContain(`href="/c/${certificate!.number}"`);
  });
});

describe("the company page for its admins", () => {
  it("shows the company, its requests, employees, admins, certificates and log", async () => {
    const c = await companyWithAdmin("visa@example.se", "Visningsbolaget AB");
    await requester(c.admin.client, c, "visa-anst@example.se", "Vera", "Väntande");
    const res = await c.admin.client.get(c.page);
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = textOf(html);
    expect(html).toContain("<h1>Visningsbolaget AB</h1>");
    for (const w of [`Organisationsnummer ${c.orgnr}`, "Företagsuppgifter", "Ändra företagsuppgifter", "Industrigatan 4", "901 30 Umeå", "Anställningsförfrågningar", "Vera Väntande", "2025-09-01", "Bekräfta", "Avböj", "Motivering", "Anställda", "Administratörer", "Adam Admin", "Certifikat", "Händelselogg", "Företagsregistrering godkänd", "Anställning begärd"]) {
      expect(text).toContain(w);
    }
    for (const w of ["Företagets certifikat", "Ansök om företagscertifikat", "Företaget har inga certifikat eller ansökningar ännu.", "Anställdas certifikat"]) expect(text).toContain(w);
    expect(html).toContain('id="forfragningar"');
    expect(html).not.toContain("registreringsbevis");
  });

  it("confirms a request (the person is mailed) and rejects one with a reason (mailed too)", async () => {
    const c = await companyWithAdmin("bekrafta@example.se", "Bekräftarna AB");
    const yes = await requester(c.admin.client, c, "ja@example.se", "Jonas", "Ja");
    const no = await requester(c.admin.client, c, "nej@example.se", "Nina", "Nej");

    const confirmed = await c.admin.client.post(yes.confirm, {});
    expect(confirmed.status).toBe(303);
    // Bekräfta says what it did: the row does not just vanish.
    expect(confirmed.headers.get("Location")).toBe(`${c.page}?klart=bekraftad&vem=${yes.personId}#forfragningar`);
    expect(textOf(await (await c.admin.client.get(confirmed.headers.get("Location")!)).text())).toContain("Anställningen för Jonas Ja är bekräftad. Jonas Ja finns nu under Anställda och har fått ett mejl.");
    const mail = await t.mail.waitFor((m) => m.to.includes("ja@example.se") && m.subject === "Din anställning på Bekräftarna AB är bekräftad");
    expect(mail.text).toContain("Anställningar");

    const rejected = await c.admin.client.post(no.reject, { motivering: "Du arbetar inte här." }, { htmx: true });
    expect(rejected.status).toBe(200);
    const fragment = await rejected.text();
    expect(fragment.startsWith('<div id="foretagssida">')).toBe(true);
    expect(textOf(fragment)).toContain("Förfrågan är avböjd. Personen har fått ett mejl.");
    const rejectMail = await t.mail.waitFor((m) => m.to.includes("nej@example.se") && m.subject.includes("avböjdes"));
    expect(rejectMail.text).toContain("Motivering: Du arbetar inte här.");

    const page = textOf(await (await c.admin.client.get(c.page)).text());
    expect(page).toMatch(/Anställda 1 träff .*Jonas Ja 2025-09-01 Nej/);
    expect(page).toContain("Inga förfrågningar väntar.");
    for (const w of ["Anställning bekräftad", "Anställningsförfrågan avböjd", "Person: Nina Nej", "Motivering: Du arbetar inte här."]) expect(page).toContain(w);
    const ninaTab = textOf(await (await no.client.get("/min-sida/anstallningar")).text());
    expect(ninaTab).toContain("Avböjd");
    expect(ninaTab).toContain("Motivering: Du arbetar inte här.");
    // A decided request stays decided.
    const twice = await c.admin.client.post(yes.confirm, {});
    expect(twice.status).toBe(409);
    expect(textOf(await twice.text())).toContain("Förfrågan är redan besvarad eller återkallad.");
  });

  it("ends an employment at a Slutdatum, refusing one before the start", async () => {
    const c = await companyWithAdmin("avsluta@example.se", "Avslutarna AB");
    const p = await requester(c.admin.client, c, "slutar@example.se", "Sigge", "Slutar");
    await c.admin.client.post(p.confirm, {});
    const html = await (await c.admin.client.get(c.page)).text();
    const end = actionsOf(html, /Avsluta anställningen för Sigge Slutar/);
    const early = await c.admin.client.post(end, { slutdatum: "2025-01-01" });
    expect(early.status).toBe(422);
    const earlyHtml = await early.text();
    expect(textOf(earlyHtml)).toContain("Slutdatum kan inte vara före startdatum (2025-09-01).");
    expect(earlyHtml).toContain('value="2025-01-01"');
    expect((await c.admin.client.post(end, { slutdatum: "inte ett datum" })).status).toBe(422);
    // Avsluta asks first, naming what follows; nothing ends until it is confirmed.
    const ask = await c.admin.client.post(end, { slutdatum: "2026-11-30" });
    expect(ask.status).toBe(200);
    const askText = textOf(await ask.text());
    for (const w of ["Avsluta anställningen för Sigge Slutar?", "Sigge Slutars anställning på Avslutarna AB avslutas med slutdatum 2026-11-30.", "Det går inte att ångra."]) expect(askText).toContain(w);
    expect(textOf(await (await c.admin.client.get(c.page)).text())).toMatch(/Anställda 1 träff/);
    expect((await c.admin.client.post(end, { slutdatum: "2026-11-30", bekraftat: "ja" })).status).toBe(303);
    const page = textOf(await (await c.admin.client.get(c.page)).text());
    expect(page).toContain("Inga bekräftade anställda ännu.");
    expect(page).toContain("Slutdatum: 2026-11-30");
    expect(textOf(await (await p.client.get("/min-sida/anstallningar")).text())).toMatch(/2026-11-30 Avslutad/);
  });

  it("makes an active employee an admin, removes an admin, and never the last one", async () => {
    const c = await companyWithAdmin("admins@example.se", "Administratörerna AB", "Alma", "Först");
    const p = await requester(c.admin.client, c, "blir-admin@example.se", "Bertil", "Blivande");
    await c.admin.client.post(p.confirm, {});
    let html = await (await c.admin.client.get(c.page)).text();
    const make = new RegExp(`action="([^"]+)"[^>]*>\\s*<button[^>]*>\\s*Gör till administratör<span class="visually-hidden"> \\(Bertil Blivande\\)</span>`).exec(html)![1]!;
    expect(make).toBe(`${c.page}/administratorer/${p.personId}`);
    expect((await c.admin.client.post(make, {})).status).toBe(303);
    expect((await c.admin.client.post(make, {})).status).toBe(409);
    // Bertil now opens the page.
    expect((await p.client.get(c.page)).status).toBe(200);
    html = await (await c.admin.client.get(c.page)).text();
    expect(textOf(html)).toMatch(/Administratörer .*2 träffar/);
    expect(textOf(html)).toContain("Certifikatsadministratör tillagd");

    // Alma removes herself: she is sent back to her tab and no longer sees the page.
    const removeAlma = actionsOf(html, /Ta bort Alma Först som administratör/);
    const ask = await c.admin.client.post(removeAlma, {});
    expect(ask.status).toBe(200);
    expect(textOf(await ask.text())).toContain("Du kommer inte längre åt företagssidan.");
    const res = await c.admin.client.post(removeAlma, { bekraftat: "ja" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/min-sida/anstallningar");
    expect((await c.admin.client.get(c.page)).status).toBe(404);

    // Bertil is the last one and cannot leave the company without an admin.
    html = await (await p.client.get(c.page)).text();
    const removeBertil = actionsOf(html, /Ta bort Bertil Blivande som administratör/);
    const last = await p.client.post(removeBertil, {});
    expect(last.status).toBe(409);
    const lastText = textOf(await last.text());
    expect(lastText).toContain("Företaget måste ha minst en certifikatsadministratör.");
    expect(lastText).toContain("Administratörerna AB");
    // Only an active employee can become an admin.
    expect((await p.client.post(`${c.page}/administratorer/${c.admin.personId}`, {})).status).toBe(422);
  });

  it("edits Företagsuppgifter with messages at the fields, and logs the change", async () => {
    const c = await companyWithAdmin("uppgifter@example.se", "Uppgiftslämnarna AB");
    const form = await c.admin.client.get(`${c.page}/uppgifter`);
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toContain('value="Uppgiftslämnarna AB"');
    expect(textOf(formHtml)).toContain(c.orgnr);
    const values = { namn: "Nya Namnet AB", adressrad1: "Hamngatan 2", adressrad2: "", postnummer: "111 47", ort: "Stockholm", land: "Sverige", telefon: "08-123 456 78", epost: "kontakt@nya.example.se" };
    const bad = await c.admin.client.post(`${c.page}/uppgifter`, { ...values, namn: "", epost: "inte-en-adress" }, { htmx: true });
    expect(bad.status).toBe(422);
    const badText = textOf(await bad.text());
    expect(badText).toContain("Ange företagets namn.");
    expect(badText).toContain("Ange en giltig e-postadress");
    const ok = await c.admin.client.post(`${c.page}/uppgifter`, values);
    expect(ok.status).toBe(303);
    expect(ok.headers.get("Location")).toBe(c.page);
    const page = textOf(await (await c.admin.client.get(c.page)).text());
    for (const w of ["Nya Namnet AB", "Hamngatan 2", "111 47 Stockholm", "08-123 456 78", "kontakt@nya.example.se", "Företagsuppgifter ändrade"]) expect(page).toContain(w);
  });

  it("lets an admin confirm their own request, and logs that they did so as admin", async () => {
    const c = await companyWithAdmin("egen@example.se", "Egenföretagarna AB", "Eva", "Egen");
    expect((await requestEmploymentAs(c.admin.client, c.orgnr, "2024-01-01")).status).toBe(303);
    const html = await (await c.admin.client.get(c.page)).text();
    expect(textOf(html)).toContain("Din egen förfrågan.");
    const confirm = actionsOf(html, /Bekräfta anställningen för Eva Egen/);
    expect((await c.admin.client.post(confirm, {})).status).toBe(303);
    const rows = await t.runtime.deps.db.select().from(events).where(and(eq(events.companyId, c.companyId), eq(events.action, "employment.confirmed")));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.details).toMatchObject({ ownRequestAsAdmin: true, person: "Eva Egen" });
    expect(rows[0]!.personId).toBe(c.admin.personId);
    expect(textOf(await (await c.admin.client.get(c.page)).text())).toContain("Egen förfrågan, bekräftad som certifikatsadministratör");
    const log = textOf(await (await c.admin.client.get("/min-sida/handelselogg")).text());
    expect(log).toContain("Anställning bekräftad");
    expect(log).toContain("Egen förfrågan, bekräftad som certifikatsadministratör");
  });

  it("is not the page of a person whose company is not approved yet", async () => {
    const p = await personClient(t, "ejgodkand@example.se");
    const { companyId } = await registerCompanyAs(p.client, { namn: "Väntande Bolaget AB" });
    expect((await p.client.get(`/min-sida/foretag/${companyId}`)).status).toBe(404);
    // A request of someone else cannot be confirmed by the registrant, who is no admin yet.
    expect((await requestEmploymentAs(p.client, "556016-0680")).status).toBe(422);
  });
});

describe("authorization of the company page", () => {
  it("gives an admin of another company, an ordinary employee and staff 404 on every page and action; a visitor is sent to log in", async () => {
    const a = await companyWithAdmin("admin-a@example.se", "Företag A AB", "Anna", "A");
    const b = await companyWithAdmin("admin-b@example.se", "Företag B AB", "Bosse", "B");
    const employee = await requester(b.admin.client, b, "anstalld-b@example.se", "Elin", "Anställd");
    await b.admin.client.post(employee.confirm, {});
    const waiting = await requester(b.admin.client, b, "vantar-b@example.se", "Vilma", "Väntar");
    const html = await (await b.admin.client.get(b.page)).text();
    const endElin = actionsOf(html, /Avsluta anställningen för Elin Anställd/);
    const details = { namn: "Kapat AB", adressrad1: "x", postnummer: "1", ort: "x", land: "x", telefon: "08-123 456", epost: "x@example.se" };

    const gets = [b.page, `${b.page}/uppgifter`];
    const posts: [string, Record<string, string>][] = [
      [`${b.page}/uppgifter`, details],
      [waiting.confirm, {}],
      [waiting.reject, { motivering: "Nej" }],
      [endElin, { slutdatum: "2026-11-30" }],
      [`${b.page}/administratorer/${employee.personId}`, {}],
      [`${b.page}/administratorer/${b.admin.personId}/ta-bort`, {}],
    ];
    const outsiders = { "admin of A": a.admin.client, "employee of B": employee.client, staff };
    for (const [who, client] of Object.entries(outsiders)) {
      for (const path of gets) expect((await client.get(path)).status, `${who} GET ${path}`).toBe(404);
      for (const [path, form] of posts) {
        const res = await client.post(path, form);
        expect(res.status, `${who} POST ${path}`).toBe(404);
        expect(textOf(await res.text())).not.toContain("Företag B AB");
      }
    }
    const visitor = browserClient(t.app);
    for (const path of gets) {
      const res = await visitor.get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get("Location")).toBe(`/logga-in?next=${encodeURIComponent(path)}`);
    }
    for (const [path, form] of posts) {
      const res = await visitor.post(path, form);
      expect(res.status, path).toBe(303);
      expect(res.headers.get("Location")).toBe("/logga-in");
    }
    // An admin of A cannot reach B's requests through A's own page either.
    expect((await a.admin.client.post(waiting.confirm.replace(b.companyId, a.companyId), {})).status).toBe(404);

    // Nothing changed: B is as it was.
    const after = textOf(await (await b.admin.client.get(b.page)).text());
    expect(after).toContain("Företag B AB");
    expect(after).toContain("Vilma Väntar");
    expect(after).toMatch(/Anställda 1 träff .*Elin Anställd/);
    expect(after).toMatch(/Administratörer .*1 träff/);
    expect(after).not.toContain("Kapat AB");
  });
});
