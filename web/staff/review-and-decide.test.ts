import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationRequirements, certificates } from "../../db/schema/index.ts";
import { makeImage, makePdf } from "../../lib/uploads/test-files.ts";
import { actorForUser } from "../../modules/accounts/find-user.ts";
import { loadApplication } from "../../modules/certification/index.ts";
import type { Actor } from "../../modules/deps.ts";
import { applicationInFinalReview, insertCompany } from "../../test/applications.ts";
import { personClient, postForm } from "../../test/companies.ts";
import { startTestApp, textOf, type BrowserClient, type TestApp } from "../../test/harness.ts";
import { pdfText } from "../../test/pdf.ts";

let t: TestApp;
type Who = { client: BrowserClient; personId: string; userId: string };
let reviewer: Who;
let decider: Who;
let admin: Who;
let applicant: Who;
let companyAdmin: Who;
let companyId: string;

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-11-22T09:00:00Z") });
  reviewer = await personClient(t, "greta@certorg.example", { givenName: "Greta", familyName: "Granskare", roles: ["reviewer"] });
  decider = await personClient(t, "bo@certorg.example", { givenName: "Bo", familyName: "Beslutsfattare", roles: ["decider"] });
  admin = await personClient(t, "ada@certorg.example", { givenName: "Ada", familyName: "Admin", roles: ["admin"] });
  applicant = await personClient(t, "sven@example.se", { givenName: "Sven", familyName: "Svensson" });
  companyAdmin = await personClient(t, "karin@kyl.example.se", { givenName: "Karin", familyName: "Lindqvist" });
  companyId = await insertCompany(t.runtime.deps, { name: "Exempel Kyl AB", adminPersonIds: [companyAdmin.personId], employeePersonIds: [applicant.personId] });
});
afterAll(() => t.close());

const text = async (res: Response) => textOf(await res.text());
const get = async (who: Who, path: string) => {
  const res = await who.client.get(path);
  return { status: res.status, text: await text(res), res };
};

/** Sven applies through the portal and uploads a file for every Moment; returns the application id. */
async function applyAndUpload(schemeName: string, area = "F-gaser", who: Who = applicant, file: { bytes: Buffer; name: string; type: string } = { bytes: makePdf(), name: "intyg.pdf", type: "application/pdf" }) {
  const form = await (await who.client.get("/min-sida/ansok")).text();
  const areaId = new RegExp(`<option value="([^"]+)"[^>]*>${area}</option>`).exec(form)![1]!;
  const withArea = await (await who.client.get(`/min-sida/ansok?teknikomrade=${areaId}`)).text();
  const schemeId = new RegExp(`<option value="([^"]+)"[^>]*>${schemeName}</option>`).exec(withArea)![1]!;
  const res = await who.client.post("/min-sida/ansok", { teknikomrade: areaId, certifikat: schemeId });
  expect(res.status, await res.clone().text()).toBe(303);
  const id = /ansokningar\/([^/?]+)/.exec(res.headers.get("Location")!)![1]!;
  const actor = (await actorForUser(t.runtime.deps.db, who.userId)) as Actor;
  for (const m of (await loadApplication(t.runtime.deps.db, actor, id)).moments) {
    const body = new FormData();
    body.set("fil", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    expect((await postForm(who.client, `/min-sida/ansokningar/${id}/moment/${m.moment.id}`, body)).status).toBe(303);
  }
  return id;
}

async function momentIdsOf(applicationId: string) {
  return (await t.runtime.deps.db.select().from(applicationRequirements).where(eq(applicationRequirements.applicationId, applicationId))).map((m) => m.id);
}

describe("the staff area's authorization", () => {
  it("opens every /personal page to reviewer, decider and admin, and to nobody else", async () => {
    const deps = t.runtime.deps;
    const applicationId = await applicationInFinalReview(deps, { schemeCode: "fgas-utbildningsintyg-mac", personId: applicant.personId, byUserId: applicant.userId, reviewerUserId: reviewer.userId });
    const [momentId] = await momentIdsOf(applicationId);
    const grant = await decider.client.post(`/personal/ansokningar/${applicationId}/beslut`, { beslut: "bevilja", kontrollerat: "identity", bekraftat: "ja" });
    expect(grant.status, await grant.clone().text()).toBe(303);
    const cert = (await deps.db.select().from(certificates).where(eq(certificates.applicationId, applicationId)).get())!;
    const pages = [
      "/personal",
      "/personal/moment",
      "/personal/ansokningar",
      `/personal/ansokningar/${applicationId}`,
      `/personal/ansokningar/${applicationId}/handelselogg`,
      `/personal/ansokningar/${applicationId}/moment/${momentId}`,
      "/personal/personer",
      `/personal/personer?q=Svensson`,
      `/personal/personer/${applicant.personId}`,
      `/personal/certifikat/${cert.id}`,
      "/personal/foretag",
      "/personal/foretagsregistreringar",
      `/personal/foretag/${companyId}`,
    ];
    const invoice = /href="(\/personal\/fakturor\/[a-z0-9]{20,})"/.exec(await (await admin.client.get("/personal/fakturor")).text())?.[1];
    expect(invoice, "an invoice from the grant").toBeDefined();
    pages.push("/personal/fakturor", invoice!, `${invoice}/pdf`, "/personal/fakturor/export.csv");
    for (const path of pages) {
      for (const who of [reviewer, decider, admin]) expect((await who.client.get(path)).status, `${path} staff`).toBe(200);
      for (const who of [applicant, companyAdmin]) expect((await who.client.get(path)).status, `${path} non-staff`).toBe(403);
    }
    // The catalogue is the admins' alone.
    const schemePage = /href="(\/personal\/katalog\/certifikat\/[a-z0-9]{20,})"/.exec(await (await admin.client.get("/personal/katalog")).text())![1]!;
    for (const path of ["/personal/katalog", schemePage, `${schemePage}/forbindelsetext`, `${schemePage}/moment`]) {
      expect((await admin.client.get(path)).status, path).toBe(200);
      for (const who of [reviewer, decider, applicant, companyAdmin]) expect((await who.client.get(path)).status, `${path} not admin`).toBe(403);
    }
    // Actions: not for applicants or company admins, whatever they post.
    const posts: [string, Record<string, string>][] = [
      [`/personal/ansokningar/${applicationId}/beslut`, { beslut: "avsla", motivering: "x" }],
      [`/personal/ansokningar/${applicationId}/moment/${momentId}`, { beslut: "godkann" }],
      [`/personal/certifikat/${cert.id}/suspendera`, { motivering: "x", tilldatum: "2027-01-01" }],
      [`/personal/certifikat/${cert.id}/dra-in`, { motivering: "x" }],
      [`${invoice}/betald`, {}],
      [`${invoice}/skicka`, {}],
    ];
    for (const [path, form] of posts) for (const who of [applicant, companyAdmin]) expect((await who.client.post(path, form)).status, path).toBe(403);
    // A reviewer does not decide and does not act on certificates; a decider does not review.
    expect((await reviewer.client.post(`${invoice}/betald`, {})).status).toBe(403);
    const suspend = await reviewer.client.post(`/personal/certifikat/${cert.id}/suspendera`, { motivering: "x", tilldatum: "2027-01-01" });
    expect(suspend.status).toBe(403);
    expect(await text(suspend)).toContain("Du har inte behörighet att besluta om certifikat.");
    const page = await get(reviewer, `/personal/certifikat/${cert.id}`);
    expect(page.text).not.toContain("Suspendera");
    expect(page.text).toContain("Du har inte behörighet att besluta om certifikat.");
  });
});

describe("reviewing a Moment", () => {
  it("queues it oldest first by area, shows an image inline, needs a comment for Ej godkänt, and mails the applicant either way", async () => {
    const sara = await personClient(t, "sara@example.se", { givenName: "Sara", familyName: "Sökande" });
    const id = await applyAndUpload("Utbildningsintyg Mobil AC", "F-gaser", sara, { bytes: await makeImage("jpeg", 900, 700), name: "diplom.jpg", type: "image/jpeg" });
    const queue = await get(reviewer, "/personal/moment");
    expect(queue.text).toContain("Diplom/ Intyg");
    expect(queue.text).toContain("Sara Sökande");
    const areas = await (await reviewer.client.get("/personal/moment")).text();
    const external = /<option value="([^"]+)"[^>]*>Externt certifikat<\/option>/.exec(areas)![1]!;
    expect((await get(reviewer, `/personal/moment?omrade=${external}`)).text).not.toContain("Diplom/ Intyg");

    const [momentId] = await momentIdsOf(id);
    const reviewUrl = `/personal/ansokningar/${id}/moment/${momentId}`;
    const html = await (await reviewer.client.get(reviewUrl)).text();
    const img = /<img src="([^"]+)" alt="Uppladdad bild: diplom.jpg"/.exec(html);
    expect(img).not.toBeNull();
    const inline = await reviewer.client.get(img![1]!.replace(/&amp;/g, "&"));
    expect(inline.headers.get("Content-Disposition")).toMatch(/^inline/);
    expect(inline.headers.get("Content-Type")).toBe("image/jpeg");

    const noComment = await reviewer.client.post(reviewUrl, { beslut: "ej-godkant", kommentar: " " });
    expect(noComment.status).toBe(422);
    expect(await text(noComment)).toContain("Skriv vad som behöver kompletteras.");

    const since = t.mail.messages.length;
    const rejected = await reviewer.client.post(reviewUrl, { beslut: "ej-godkant", kommentar: "Bilden är suddig: ladda upp en skarpare skanning." });
    // Back to the application, its way back the queue the reviewer came from, and the next in it.
    expect(rejected.headers.get("Location")).toBe(`/personal/ansokningar/${id}?klart=ej-godkant&fran=moment`);
    const back = await get(reviewer, rejected.headers.get("Location")!);
    expect(back.text).toMatch(/Personal › Moment att granska › Sara Sökande/);
    expect(back.text).toMatch(/Momentet är ej godkänt\.[\s\S]*(Nästa i kön: |Kön är tom)/);
    const mail = await t.mail.waitFor((m) => m.to.includes("sara@example.se") && m.subject.includes("ej godkänt") && t.mail.messages.indexOf(m) >= since);
    expect(mail.text).toContain("Bilden är suddig: ladda upp en skarpare skanning.");
    expect((await get(reviewer, `/personal/ansokningar/${id}`)).text).toMatch(/Ej godkänt\s+Kommentar: Bilden är suddig/);

    // A new file; a decider is not a reviewer.
    const body = new FormData();
    body.set("fil", new Blob([new Uint8Array(makePdf())], { type: "application/pdf" }), "skarp.pdf");
    expect((await postForm(sara.client, `/min-sida/ansokningar/${id}/moment/${momentId}`, body)).status).toBe(303);
    const asDecider = await decider.client.post(reviewUrl, { beslut: "godkann" });
    expect(asDecider.status).toBe(403);
    expect(await text(asDecider)).toContain("Du har inte behörighet att granska moment.");

    const since2 = t.mail.messages.length;
    expect((await reviewer.client.post(reviewUrl, { beslut: "godkann", kommentar: "" })).status).toBe(303);
    await t.mail.waitFor((m) => m.to.includes("sara@example.se") && m.subject.includes("är godkänt") && t.mail.messages.indexOf(m) >= since2);
    const after = await get(sara, `/min-sida/ansokningar/${id}`);
    expect(after.text).toMatch(/Diplom\/ Intyg\s+Godkänt/);
    expect(after.text).toMatch(/Senast ändrad av[\s\S]*Greta Granskare/);
  });
});

describe("the final decision", () => {
  it("walks 'Utbildningsintyg Mobil AC' through review, checklist and Bevilja och utfärda to an Aktivt certificate with a number, QR and PDF", async () => {
    const holder = await personClient(t, "tea@example.se", { givenName: "Åsa", familyName: "Öberg" });
    const id = await applyAndUpload("Utbildningsintyg Mobil AC", "F-gaser", holder);
    for (const m of await momentIdsOf(id)) expect((await reviewer.client.post(`/personal/ansokningar/${id}/moment/${m}`, { beslut: "godkann" })).status).toBe(303);
    const decl = await (await holder.client.get(`/min-sida/ansokningar/${id}/intyga`)).text();
    await holder.client.post(`/min-sida/ansokningar/${id}/intyga`, { text: /name="text" value="([^"]+)"/.exec(decl)![1]! });
    await holder.client.post(`/min-sida/ansokningar/${id}/fakturamottagare`, { mottagare: "alternativ", namn: "Åsa Öberg", adressrad1: "Storgatan 1", ort: "Umeå", land: "Sverige", postnummer: "903 25" });
    expect((await holder.client.post(`/min-sida/ansokningar/${id}/skicka-in`, {})).status).toBe(303);

    const queue = await get(decider, "/personal/ansokningar");
    expect(queue.text).toContain("Åsa Öberg");
    const page = await get(decider, `/personal/ansokningar/${id}`);
    for (const w of ["Sista granskning", "Alla moment godkända", "Ansökan intygad", "Förbindelsetext version 1", "Fakturamottagare", "Åsa Öberg, 903 25 Umeå", "Bevilja och utfärda", "Returnera för komplettering", "Avslå"]) expect(page.text).toContain(w);

    const since = t.mail.messages.length;
    const res = await decider.client.post(`/personal/ansokningar/${id}/beslut`, { beslut: "bevilja", kontrollerat: "identity", bekraftat: "ja" });
    expect(res.headers.get("Location")).toBe(`/personal/ansokningar/${id}?klart=beviljad`);
    const cert = (await t.runtime.deps.db.select().from(certificates).where(eq(certificates.applicationId, id)).get())!;
    const mail = await t.mail.waitFor((m) => m.to.includes("tea@example.se") && m.subject.includes("utfärdat") && t.mail.messages.indexOf(m) >= since);
    expect(mail.text).toContain(String(cert.number));
    const after = await get(decider, `/personal/ansokningar/${id}?klart=beviljad`);
    expect(after.text).toContain(`Certifikat nr ${cert.number}`);
    expect(after.text).toMatch(/Beviljad och utfärdad\s+\S+ \S+\s+Bo Beslutsfattare/);

    // The holder: Aktivt with its number on Min Sida, and the certificate page with QR and PDF.
    const minSida = await get(holder, "/min-sida");
    expect(minSida.text).toMatch(new RegExp(`${cert.number}\\s+F-gaser - Utbildningsintyg Mobil AC\\s+Aktivt`));
    const certPage = await (await holder.client.get(`/min-sida/certifikat/${cert.id}`)).text();
    expect(certPage).toContain(`<h1>Åsa Öberg: F-gaser - Utbildningsintyg Mobil AC</h1>`);
    expect(textOf(certPage)).toMatch(new RegExp(`Certifikatnummer\\s+${cert.number}\\s+Status\\s+Aktivt\\s+Utfärdandedatum\\s+2026-11-22`));
    expect(certPage).toContain("<svg");
    expect(certPage).toContain(`/c/${cert.number}`);
    const pdf = await holder.client.get(`/min-sida/certifikat/${cert.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Disposition")).toContain(`certifikat-${cert.number}.pdf`);
    const pdfWords = await pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(pdfWords).toContain("Åsa Öberg");
    expect(pdfWords).toContain(String(cert.number));
    expect((await applicant.client.get(`/min-sida/certifikat/${cert.id}`)).status).toBe(404);
    expect((await applicant.client.get(`/min-sida/certifikat/${cert.id}/pdf`)).status).toBe(404);
  });

  it("lets exactly one of two deciders win; the other sees 'redan beslutad'", async () => {
    const other = await personClient(t, "dora@certorg.example", { givenName: "Dora", familyName: "Decider", roles: ["decider"] });
    const id = await applicationInFinalReview(t.runtime.deps, { schemeCode: "fgas-utbildningsintyg-mac", personId: applicant.personId, byUserId: applicant.userId, reviewerUserId: reviewer.userId }).catch(async () => {
      throw new Error("set-up");
    });
    const [a, b] = await Promise.all([decider.client.post(`/personal/ansokningar/${id}/beslut`, { beslut: "bevilja", kontrollerat: "identity", bekraftat: "ja" }), other.client.post(`/personal/ansokningar/${id}/beslut`, { beslut: "bevilja", kontrollerat: "identity", bekraftat: "ja" })]);
    expect([a.status, b.status].sort()).toEqual([303, 409]);
    const loser = a.status === 409 ? a : b;
    expect(await text(loser)).toContain("Ansökan är redan beslutad.");
    expect((await t.runtime.deps.db.select().from(certificates).where(eq(certificates.applicationId, id))).length).toBe(1);
  });

  it("returns for complement with the chosen Moment and refuses with a reason, both required", async () => {
    const person = await personClient(t, "retur@example.se");
    const id = await applicationInFinalReview(t.runtime.deps, { schemeCode: "extern-fgas-i", personId: person.personId, byUserId: person.userId, reviewerUserId: reviewer.userId, recipient: false });
    const empty = await decider.client.post(`/personal/ansokningar/${id}/beslut`, { beslut: "returnera", motivering: "" });
    expect(empty.status).toBe(422);
    const [momentId] = await momentIdsOf(id);
    const body = new URLSearchParams([
      ["beslut", "returnera"],
      ["motivering", "Kopian saknar giltighetsdatum."],
      ["moment", momentId!],
    ]);
    const returned = await decider.client.request(`/personal/ansokningar/${id}/beslut`, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(returned.headers.get("Location")).toBe(`/personal/ansokningar/${id}?klart=returnerad`);
    const seen = await get(person, `/min-sida/ansokningar/${id}`);
    expect(seen.text).toContain("Returnerad för komplettering");
    expect(seen.text).toContain("Kommentar från granskaren: Kopian saknar giltighetsdatum.");

    const id2 = await applicationInFinalReview(t.runtime.deps, { schemeCode: "extern-fgas-ii", personId: person.personId, byUserId: person.userId, reviewerUserId: reviewer.userId, recipient: false });
    const noReason = await decider.client.post(`/personal/ansokningar/${id2}/beslut`, { beslut: "avsla", motivering: " " });
    expect(noReason.status).toBe(422);
    expect(await text(noReason)).toContain("Skriv varför ansökan avslås.");
    const grantNoDate = await decider.client.post(`/personal/ansokningar/${id2}/beslut`, { beslut: "bevilja", giltigttill: "", kontrollerat: "identity", bekraftat: "ja" });
    expect(grantNoDate.status).toBe(422);
    expect((await decider.client.post(`/personal/ansokningar/${id2}/beslut`, { beslut: "avsla", motivering: "Certifikatet är utfärdat av ett organ som inte är ackrediterat.", bekraftat: "ja" })).status).toBe(303);
    expect((await get(person, `/min-sida/ansokningar/${id2}`)).text).toContain("Ansökan är avslagen: Certifikatet är utfärdat av ett organ som inte är ackrediterat.");
  });

  it("keeps four eyes and impartiality: the approver and the applicant's company admin cannot decide", async () => {
    const both = await personClient(t, "bade@certorg.example", { givenName: "Bea", familyName: "Båda", roles: ["reviewer", "decider"] });
    const id = await applicationInFinalReview(t.runtime.deps, { schemeCode: "fgas-person-i", personId: applicant.personId, byUserId: applicant.userId, reviewerUserId: both.userId });
    const page = await get(both, `/personal/ansokningar/${id}`);
    expect(page.text).toContain("fyra ögon");
    expect(page.text).not.toContain("Bevilja och utfärda");
    expect((await both.client.post(`/personal/ansokningar/${id}/beslut`, { beslut: "bevilja", kontrollerat: "identity", bekraftat: "ja" })).status).toBe(403);

    const staffAdminOfEmployer = await personClient(t, "kollega@certorg.example", { roles: ["decider"] });
    await insertCompany(t.runtime.deps, { name: "Kollega AB", adminPersonIds: [staffAdminOfEmployer.personId], employeePersonIds: [applicant.personId] });
    const refused = await staffAdminOfEmployer.client.post(`/personal/ansokningar/${id}/beslut`, { beslut: "bevilja", kontrollerat: "identity", bekraftat: "ja" });
    expect(refused.status).toBe(403);
    expect(await text(refused)).toContain("kollegas certifikat");
  });
});

describe("what cannot be undone is confirmed first, naming the consequence", () => {
  it("Bevilja och utfärda: the identity without BankID is ticked by the decider (recorded), then a confirm page, then the grant", async () => {
    const holder = await personClient(t, "manuell@example.se", { givenName: "Mona", familyName: "Manuell" });
    const id = await applicationInFinalReview(t.runtime.deps, { schemeCode: "fgas-utbildningsintyg-mac", personId: holder.personId, byUserId: holder.userId, reviewerUserId: reviewer.userId });
    const url = `/personal/ansokningar/${id}`;
    const page = await get(decider, url);
    // A person must still check it: not a ✓, but a box to tick with the grant.
    expect(page.text).toMatch(/☐ Identitet\s*:\s*att kontrollera\. Registrerad utan BankID/);
    expect(page.text).not.toMatch(/✓ Identitet/);
    expect(page.text).toContain("Jag har kontrollerat identiteten mot legitimationen i underlagen.");
    const unticked = await decider.client.post(`${url}/beslut`, { beslut: "bevilja", bekraftat: "ja" });
    expect(unticked.status).toBe(422);
    expect(await text(unticked)).toContain("Kryssa i det du har kontrollerat");
    const issued = async () => (await t.runtime.deps.db.select().from(certificates).where(eq(certificates.applicationId, id))).length;

    const confirm = await decider.client.post(`${url}/beslut`, { beslut: "bevilja", kontrollerat: "identity" });
    expect(confirm.status).toBe(200);
    const confirmText = await text(confirm);
    for (const w of ["Bevilja och utfärda?", "utfärdas till Mona Manuell", "Aktivt i den publika kontrollen", "Mona Manuell får ett mejl", "Det går inte att ångra."]) expect(confirmText).toContain(w);
    expect(await issued()).toBe(0);
    const done = await decider.client.post(`${url}/beslut`, { beslut: "bevilja", kontrollerat: "identity", bekraftat: "ja" });
    expect(done.headers.get("Location")).toBe(`${url}?klart=beviljad`);
    expect(await issued()).toBe(1);
    expect((await get(decider, url)).text).toMatch(/Beviljad och utfärdad[\s\S]*Identiteten kontrollerad mot legitimationen i underlagen\./);
  });

  it("Avslå and Dra in: a confirm page first, nothing changed until it is confirmed", async () => {
    const holder = await personClient(t, "bekrafta@example.se", { givenName: "Berit", familyName: "Bekräfta" });
    const refuseId = await applicationInFinalReview(t.runtime.deps, { schemeCode: "fgas-person-i", personId: holder.personId, byUserId: holder.userId, reviewerUserId: reviewer.userId });
    const refuse = await decider.client.post(`/personal/ansokningar/${refuseId}/beslut`, { beslut: "avsla", motivering: "Provet är för gammalt." });
    expect(refuse.status).toBe(200);
    const refuseText = await text(refuse);
    for (const w of ["Avslå ansökan?", "avslås och stängs", "”Provet är för gammalt.”", "Det går inte att ångra."]) expect(refuseText).toContain(w);
    expect((await get(decider, `/personal/ansokningar/${refuseId}`)).text).toMatch(/Status\s+Ansökan granskas/);

    const grantId = await applicationInFinalReview(t.runtime.deps, { schemeCode: "fgas-utbildningsintyg-mac", personId: holder.personId, byUserId: holder.userId, reviewerUserId: reviewer.userId });
    await decider.client.post(`/personal/ansokningar/${grantId}/beslut`, { beslut: "bevilja", kontrollerat: "identity", bekraftat: "ja" });
    const cert = (await t.runtime.deps.db.select().from(certificates).where(eq(certificates.applicationId, grantId)).get())!;
    const withdraw = await admin.client.post(`/personal/certifikat/${cert.id}/dra-in`, { motivering: "Fusk vid provet." });
    expect(withdraw.status).toBe(200);
    const withdrawText = await text(withdraw);
    for (const w of [`Dra in certifikat nr ${cert.number}?`, "blir Indraget för alltid", "kan inte återaktiveras", "”Fusk vid provet.”"]) expect(withdrawText).toContain(w);
    expect((await get(admin, `/personal/certifikat/${cert.id}`)).text).toMatch(/Status\s+Aktivt/);
  });
});

describe("certificate actions", () => {
  it("suspends (Vilande, reason, until date), reinstates and withdraws, visible at once to the holder and in the PDF", async () => {
    const holder = await personClient(t, "vilande@example.se", { givenName: "Vera", familyName: "Vilande" });
    const id = await applicationInFinalReview(t.runtime.deps, { schemeCode: "fgas-utbildningsintyg-mac", personId: holder.personId, byUserId: holder.userId, reviewerUserId: reviewer.userId });
    await decider.client.post(`/personal/ansokningar/${id}/beslut`, { beslut: "bevilja", kontrollerat: "identity", bekraftat: "ja" });
    const cert = (await t.runtime.deps.db.select().from(certificates).where(eq(certificates.applicationId, id)).get())!;
    const url = `/personal/certifikat/${cert.id}`;

    const missing = await decider.client.post(`${url}/suspendera`, { motivering: "", tilldatum: "" });
    expect(missing.status).toBe(422);
    expect((await decider.client.post(`${url}/suspendera`, { motivering: "Utreds efter klagomål.", tilldatum: "2027-02-01" })).headers.get("Location")).toBe(`${url}?klart=suspenderat`);
    expect((await get(holder, "/min-sida")).text).toMatch(new RegExp(`${cert.number}\\s+F-gaser - Utbildningsintyg Mobil AC\\s+Vilande`));
    const pdf = await pdfText(Buffer.from(await (await holder.client.get(`/min-sida/certifikat/${cert.id}/pdf`)).arrayBuffer()));
    expect(pdf).toContain("VILANDE");
    const staffPage = await get(decider, url);
    expect(staffPage.text).toMatch(/Status\s+Vilande till och med 2027-02-01/);
    expect(staffPage.text).toContain("Utreds efter klagomål.");
    // Suspending again is not offered, and a stale form gets 409.
    expect((await decider.client.post(`${url}/suspendera`, { motivering: "igen", tilldatum: "2027-03-01" })).status).toBe(409);

    expect((await decider.client.post(`${url}/ateraktivera`, { motivering: "" })).status).toBe(303);
    expect((await get(holder, `/min-sida/certifikat/${cert.id}`)).text).toMatch(/Status\s+Aktivt/);

    expect((await admin.client.post(`${url}/dra-in`, { motivering: "Fusk vid provet.", bekraftat: "ja" })).status).toBe(303);
    const withdrawn = await get(admin, url);
    expect(withdrawn.text).toMatch(/Status\s+Indraget/);
    expect(withdrawn.text).toContain("inga fler beslut kan fattas");
    expect(withdrawn.text).toMatch(/Statushistorik[\s\S]*Aktivt[\s\S]*Vilande[\s\S]*Aktivt[\s\S]*Indraget/);
    expect((await get(holder, "/min-sida")).text).toContain("Indraget");
  });
});

describe("person search", () => {
  it("finds a person by name, e-mail or personnummer and shows the whole picture", async () => {
    for (const q of ["svensson", "Sven Svens", "sven@example"]) {
      const res = await get(reviewer, `/personal/personer?q=${encodeURIComponent(q)}`);
      expect(res.text, q).toContain("Sven Svensson");
    }
    expect((await get(reviewer, `/personal/personer?q=${encodeURIComponent("nobody-here")}`)).text).toContain("Ingen person matchar sökningen.");
    const page = await get(reviewer, `/personal/personer/${applicant.personId}`);
    for (const w of ["Personuppgifter", "Legitimering", "Anställningar", "Exempel Kyl AB", "Certifikat", "Ansökningar", "Händelselogg"]) expect(page.text).toContain(w);
  });
});
