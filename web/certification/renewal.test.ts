// The renewal pages as a holder and a company admin use them: Min Sida's "Att göra" with the
// button, the POST that starts (or reopens) the application, its refusals in words, "Att intyga"
// refusing an admin's own certificate, and the PDF of an old version saying it was replaced.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications } from "../../db/schema/index.ts";
import { actorForUser } from "../../modules/accounts/find-user.ts";
import type { Actor } from "../../modules/deps.ts";
import { decideApplication } from "../../modules/review/index.ts";
import { applicationInFinalReview, insertCompany } from "../../test/applications.ts";
import { logIn, seedUser } from "../../test/fixtures.ts";
import { browserClient, startTestApp, textOf, type BrowserClient, type TestApp } from "../../test/harness.ts";
import { pdfText } from "../../test/pdf.ts";

let t: TestApp;
let sven: { personId: string; userId: string };
let karin: { personId: string; userId: string };
let svenClient: BrowserClient;
let karinClient: BrowserClient;
let svenCert: { id: string; number: number };
let karinCert: { id: string; number: number };
let companyId: string;
let olle: { personId: string; userId: string };
let nils: { personId: string; userId: string };
let olleCert: { id: string; number: number };
let nilsCert: { id: string; number: number };

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-03-15T09:00:00Z") });
  const deps = t.runtime.deps;
  sven = await seedUser(deps, { email: "sven@example.se", givenName: "Sven", familyName: "Svensson" });
  karin = await seedUser(deps, { email: "karin@example.se", givenName: "Karin", familyName: "Lind" });
  olle = await seedUser(deps, { email: "olle@example.se", givenName: "Olle", familyName: "Kylman" });
  nils = await seedUser(deps, { email: "nils@example.se", givenName: "Nils", familyName: "Frost" });
  const greta = await seedUser(deps, { email: "greta@certorg.example", roles: ["reviewer"] });
  const dag = (await actorForUser(deps.db, (await seedUser(deps, { email: "dag@certorg.example", roles: ["decider"] })).userId)) as Actor & { userId: string };
  companyId = await insertCompany(deps, { name: "Exempel Kyl AB", adminPersonIds: [karin.personId], employeePersonIds: [sven.personId, karin.personId, olle.personId, nils.personId] });
  const issue = async (who: { personId: string; userId: string }) => {
    const applicationId = await applicationInFinalReview(deps, { schemeCode: "fgas-person-ii", personId: who.personId, byUserId: who.userId, reviewerUserId: greta.userId });
    return (await decideApplication(deps, dag, { applicationId, decision: "grant" })).certificate!;
  };
  svenCert = await issue(sven);
  karinCert = await issue(karin);
  olleCert = await issue(olle);
  nilsCert = await issue(nils);
  svenClient = browserClient(t.app);
  karinClient = browserClient(t.app);
  await logIn(t, svenClient, "sven@example.se");
  await logIn(t, karinClient, "karin@example.se");
}, 60_000);
afterAll(() => t.close());

describe("Årlig förlängning from Min Sida", () => {
  it("is refused in words before its window opens, and someone else's certificate does not exist", async () => {
    const early = await svenClient.post(`/min-sida/certifikat/${svenCert.id}/fornya`, {});
    expect(early.status).toBe(409);
    expect(textOf(await early.text())).toContain("Årlig förlängning kan sökas från och med 2027-01-14.");
    expect(textOf(await (await svenClient.get("/min-sida")).text())).not.toContain("Att göra");
    expect((await karinClient.post(`/min-sida/certifikat/${svenCert.id}/fornya`, {})).status).toBe(404);
  });

  it("shows what is due with the date and a button that starts the application once", async () => {
    t.clock!.set(new Date("2027-02-01T09:00:00Z"));
    // Sessions run out over a year: log in again on the new date.
    svenClient = browserClient(t.app);
    karinClient = browserClient(t.app);
    await logIn(t, svenClient, "sven@example.se");
    await logIn(t, karinClient, "karin@example.se");
    const minSida = textOf(await (await svenClient.get("/min-sida")).text());
    expect(minSida).toContain(`Att göra Årlig förlängning senast 2027-03-14 : F-gaser - Personcertifikat kategori II (nr ${svenCert.number}). Ansök senast 2027-03-14, annars går certifikatet ut dagen efter. Ansök om årlig förlängning`);
    expect(minSida).toMatch(/Aktivt\s+2027-03-14 \(dags nu\)\s+2031-03-14/);
    const certPage = textOf(await (await svenClient.get(`/min-sida/certifikat/${svenCert.id}`)).text());
    expect(certPage).toMatch(/Årlig förlängning\s+2027-03-14 \(dags nu\)/);
    expect(certPage).toContain("Ansök om årlig förlängning");

    const started = await svenClient.post(`/min-sida/certifikat/${svenCert.id}/fornya`, {});
    expect(started.status).toBe(303);
    const location = started.headers.get("Location")!;
    expect(location).toMatch(/^\/min-sida\/ansokningar\//);
    const process = textOf(await (await svenClient.get(location)).text());
    expect(process).toMatch(/Ansökan\s+Årlig förlängning/);
    expect(process).toContain("Intyg om yrkesverksamhet");
    expect(process).not.toContain("Godkänt prov");
    expect(process).toMatch(/Avgift\s+900 kr exkl. moms/);
    // Again: the same application, not a second one.
    expect((await svenClient.post(`/min-sida/certifikat/${svenCert.id}/fornya`, {})).headers.get("Location")).toBe(location);
    expect(await t.runtime.deps.db.select().from(applications).where(eq(applications.renewsCertificateId, svenCert.id))).toHaveLength(1);
    expect(textOf(await (await svenClient.get("/min-sida")).text())).toContain("Ansökan är påbörjad.");
  });
});

describe("Att intyga on the company page", () => {
  it("refuses an admin's own certificate with the reason, and attests an employee's", async () => {
    const page = textOf(await (await karinClient.get(`/min-sida/foretag/${companyId}`)).text());
    expect(page).toContain("Att intyga");
    expect(page).toContain("Ditt eget certifikat: en annan administratör intygar det.");
    expect(page).toMatch(/Certifikat som går ut .* 60 dagar Karin Lind/);
    const own = await karinClient.post(`/min-sida/foretag/${companyId}/intyga`, { certifikat: karinCert.id }, { htmx: true });
    expect(own.status).toBe(403);
    expect(textOf(await own.text())).toContain("Du kan inte intyga din egen yrkesverksamhet.");
    const ok = await karinClient.post(`/min-sida/foretag/${companyId}/intyga`, { certifikat: svenCert.id }, { htmx: true });
    expect(ok.status).toBe(200);
    expect(textOf(await ok.text())).toContain("Yrkesverksamheten är intygad.");
    const none = await karinClient.post(`/min-sida/foretag/${companyId}/intyga`, {}, { htmx: true });
    expect(none.status).toBe(422);
    expect(textOf(await none.text())).toContain("Välj minst ett certifikat att intyga.");
    // Only the company's admins: Sven is an employee, not an admin.
    expect((await svenClient.post(`/min-sida/foretag/${companyId}/intyga`, { certifikat: karinCert.id })).status).toBe(404);
  });
});

describe("Intyga yrkesverksamhet för valda", () => {
  it("attests several employees in one go, each recorded with who and when, each holder mailed", async () => {
    const deps = t.runtime.deps;
    const page = await (await karinClient.get(`/min-sida/foretag/${companyId}`)).text();
    // One checkbox per employee who can be attested, labelled with the name and number.
    expect(page).toContain(`value="${olleCert.id}"`);
    expect(page).toContain(`value="${nilsCert.id}"`);
    expect(textOf(page)).toContain("Intyga yrkesverksamhet för valda");
    const before = t.mail.messages.length;
    const body = new URLSearchParams([
      ["valda", olleCert.id],
      ["valda", nilsCert.id],
    ]);
    const res = await karinClient.request(`/min-sida/foretag/${companyId}/intyga`, { method: "POST", body, htmx: true, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(res.status).toBe(200);
    const after = textOf(await res.text());
    expect(after).toContain("2 intyganden sparade.");
    expect(after).toMatch(/Olle Kylman.*Intygad 2027-02-01/);
    expect(after).toMatch(/Nils Frost.*Intygad 2027-02-01/);
    for (const [who, cert] of [
      [olle, olleCert],
      [nils, nilsCert],
    ] as const) {
      const app = await deps.db.query.applications.findFirst({ where: (a, { eq }) => eq(a.renewsCertificateId, cert.id) });
      expect(app?.kind).toBe("extension");
      const moments = await deps.db.query.applicationRequirements.findMany({ where: (r, { eq }) => eq(r.applicationId, app!.id) });
      const attested = moments.filter((m) => m.attestedAt);
      expect(attested).toHaveLength(1);
      expect(attested[0]).toMatchObject({ status: "approved", attestedByUserId: karin.userId, attestedCompanyId: companyId });
      expect(attested[0]!.attestedAt!.toISOString()).toBe(t.clock!.now().toISOString());
      const email = who === olle ? "olle@example.se" : "nils@example.se";
      await t.mail.waitFor((m) => m.to.includes(email) && t.mail.messages.indexOf(m) >= before);
    }
    // A second time: already attested, refused in words, nothing changes.
    const again = await karinClient.request(`/min-sida/foretag/${companyId}/intyga`, { method: "POST", body, htmx: true, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(again.status).toBe(409);
    expect(textOf(await again.text())).toContain(`Certifikat nr ${olleCert.number}: yrkesverksamheten är redan intygad eller godkänd.`);
  });
});

describe("the PDF of a version", () => {
  it("shows its version, and an old one says which version replaced it", async () => {
    const deps = t.runtime.deps;
    const greta = await seedUser(deps, { email: "greta2@certorg.example", roles: ["reviewer"] });
    const dag = (await actorForUser(deps.db, (await seedUser(deps, { email: "dag2@certorg.example", roles: ["decider"] })).userId)) as Actor & { userId: string };
    const applicationId = await applicationInFinalReview(deps, { schemeCode: "fgas-person-ii", personId: karin.personId, byUserId: karin.userId, reviewerUserId: greta.userId, renews: { kind: "extension", certificateId: karinCert.id } });
    const v2 = (await decideApplication(deps, dag, { applicationId, decision: "grant" })).certificate!;
    const oldPdf = await (await karinClient.get(`/min-sida/certifikat/${karinCert.id}/pdf`)).arrayBuffer();
    expect((await pdfText(Buffer.from(oldPdf))).replace(/\s+/g, " ")).toContain("Version 1 (ersatt av version 2)");
    const newPdf = await (await karinClient.get(`/min-sida/certifikat/${v2.id}/pdf`)).arrayBuffer();
    expect((await pdfText(Buffer.from(newPdf))).replace(/\s+/g, " ")).toMatch(/Version 2\b(?! \(ersatt)/);
    expect(textOf(await (await karinClient.get(`/min-sida/certifikat/${karinCert.id}`)).text())).toContain("Ersatt av version 2. Visa den aktuella versionen");
  });
});
