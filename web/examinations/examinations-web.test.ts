// The examination pages over HTTP, as each kind of person: the authorization matrix (an
// examinator of centre A cannot see or change centre B's provtillfällen, candidates or results;
// candidates see only their own), the forms' Swedish messages, and a bad row saving nothing.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, examRegistrations, examResults, mailOutbox, persons, users } from "../../db/schema/index.ts";
import { makePdf } from "../../lib/uploads/test-files.ts";
import { actorForUser } from "../../modules/accounts/find-user.ts";
import { listExamParts } from "../../modules/catalogue/index.ts";
import type { Actor } from "../../modules/deps.ts";
import { approveCentre, createCentre, createSession, getSession, inviteExaminator, registerCandidate, uploadProtocol } from "../../modules/examinations/index.ts";
import { schemeByCode } from "../../test/applications.ts";
import { logIn, seedUser } from "../../test/fixtures.ts";
import { browserClient, startTestApp, textOf, type BrowserClient, type TestApp } from "../../test/harness.ts";

type UserActor = Actor & { userId: string; personId: string };
const TODAY = "2026-11-22";
let t: TestApp;
const clients: Record<string, BrowserClient> = {};
let ids: { centreA: string; centreB: string; sessionA: string; sessionB: string; svenReg: string; svenApp: string; berit: string };

async function user(key: string, email: string, extra: { givenName: string; familyName: string; personnummer?: string; roles?: ("applicant" | "reviewer" | "decider" | "admin")[] }): Promise<UserActor> {
  const { userId } = await seedUser(t.runtime.deps, { email, ...extra });
  clients[key] = browserClient(t.app);
  await logIn(t, clients[key]!, email);
  return (await actorForUser(t.runtime.deps.db, userId)) as UserActor;
}

const multipart = (name: string, bytes: Uint8Array, filename: string, type: string) => {
  const form = new FormData();
  form.set(name, new Blob([new Uint8Array(bytes)], { type }), filename);
  return form;
};

beforeAll(async () => {
  t = await startTestApp({ now: new Date(`${TODAY}T08:00:00Z`) });
  const deps = t.runtime.deps;
  const admin = await user("administratör", "anna@certorg.example", { givenName: "Anna", familyName: "Admin", roles: ["admin"] });
  await user("granskare", "greta@certorg.example", { givenName: "Greta", familyName: "Granskare", roles: ["reviewer"] });
  const erik = await user("examinator A", "erik@provcenter.example", { givenName: "Erik", familyName: "Examinator" });
  const berit = await user("examinator B", "berit@annatcenter.example", { givenName: "Berit", familyName: "Bedömare" });
  await user("kandidat", "sven@example.se", { givenName: "Sven", familyName: "Svensson", personnummer: "198001019812" });
  await user("annan sökande", "olle@example.se", { givenName: "Olle", familyName: "Olsson" });
  clients.anonym = browserClient(t.app);
  const schemeId = (await schemeByCode(deps, "fgas-person-ii")).id;
  const partIds = (await listExamParts(deps.db, schemeId)).map((p) => p.id);
  const centre = (name: string, orgNumber: string) => createCentre(deps, admin, { name, orgNumber, addressLine1: "Provvägen 1", postalCode: "721 30", city: "Västerås", email: null, phone: null, website: null, schemeIds: [schemeId] });
  const centreA = (await centre("Centrum A AB", "5566778899")).centreId;
  const centreB = (await centre("Centrum B AB", "5590123450")).centreId;
  for (const c of [centreA, centreB]) await approveCentre(deps, admin, { centreId: c });
  await inviteExaminator(deps, admin, { centreId: centreA, email: "erik@provcenter.example", givenName: null, familyName: null });
  await inviteExaminator(deps, admin, { centreId: centreB, email: "berit@annatcenter.example", givenName: null, familyName: null });
  const session = { schemeId, date: TODAY, startTime: "09:00", place: "Provhallen", seats: 10, partIds };
  const sessionA = (await createSession(deps, erik, { ...session, centreId: centreA })).sessionId;
  const sessionB = (await createSession(deps, berit, { ...session, centreId: centreB })).sessionId;
  const reg = await registerCandidate(deps, erik, { sessionId: sessionA, candidate: "19800101-9812" });
  await uploadProtocol(deps, berit, { sessionId: sessionB, file: { bytes: makePdf(), originalName: "protokoll.pdf" } });
  ids = { centreA, centreB, sessionA, sessionB, svenReg: reg.registrationId, svenApp: reg.applicationId, berit: berit.userId };
});
afterAll(() => t.close());

describe("the authorization matrix over HTTP", () => {
  // What each person gets from centre A's pages and actions: 200 page, 303 done, 404 "not found"
  // (they learn nothing), 403 may see but not act, "login" sent to Logga in.
  const matrix: Record<string, Record<string, number | "login">> = {
    "examinator A": { centre: 200, session: 200, template: 200, newSession: 200, register: 422, results: 409 },
    "examinator B": { centre: 404, session: 404, template: 404, newSession: 404, register: 404, results: 404 },
    kandidat: { centre: 404, session: 404, template: 404, newSession: 404, register: 404, results: 404 },
    "annan sökande": { centre: 404, session: 404, template: 404, newSession: 404, register: 404, results: 404 },
    granskare: { centre: 200, session: 200, template: 200, newSession: 200, register: 403, results: 403 },
    anonym: { centre: "login", session: "login", template: "login", newSession: "login", register: "login", results: "login" },
  };
  const requests = () => ({
    centre: (c: BrowserClient) => c.get(`/min-sida/examinationscenter/${ids.centreA}`),
    session: (c: BrowserClient) => c.get(`/min-sida/provtillfallen/${ids.sessionA}`),
    template: (c: BrowserClient) => c.get(`/min-sida/provtillfallen/${ids.sessionA}/resultat/mall.csv`),
    newSession: (c: BrowserClient) => c.get(`/min-sida/examinationscenter/${ids.centreA}/provtillfallen/nytt`),
    // An unknown person: the examinator gets the form's message (422), anyone else nothing.
    register: (c: BrowserClient) => c.post(`/min-sida/provtillfallen/${ids.sessionA}/anmal`, { kandidat: "okand@example.se" }),
    // No protocol yet at A: 409 for the examinator, before anything is saved.
    results: (c: BrowserClient) => c.post(`/min-sida/provtillfallen/${ids.sessionA}/resultat`, {}),
  });
  for (const [who, expected] of Object.entries(matrix)) {
    it(who, async () => {
      const got: Record<string, number | "login"> = {};
      for (const [name, send] of Object.entries(requests())) {
        const res = await send(clients[who]!);
        got[name] = res.status === 303 && res.headers.get("Location")?.startsWith("/logga-in") ? "login" : res.status;
      }
      expect(got).toEqual(expected);
    });
  }

  it("lets examinator B see and work only at B, and never names A's candidates to B", async () => {
    const b = clients["examinator B"]!;
    expect((await b.get(`/min-sida/provtillfallen/${ids.sessionB}`)).status).toBe(200);
    expect((await b.get(`/min-sida/provtillfallen/${ids.sessionA}/protokoll`)).status).toBe(404);
    const importAtA = await b.request(`/min-sida/provtillfallen/${ids.sessionA}/resultat/import`, { method: "POST", body: multipart("fil", new TextEncoder().encode("kandidat;del;resultat;poäng\n19800101-9812;Teori;Godkänd;40\n"), "r.csv", "text/csv") });
    expect(importAtA.status).toBe(404);
    const protocolAtA = await b.request(`/min-sida/provtillfallen/${ids.sessionA}/protokoll`, { method: "POST", body: multipart("fil", makePdf(), "p.pdf", "application/pdf") });
    expect(protocolAtA.status).toBe(404);
    const cancelAtA = await b.post(`/min-sida/provtillfallen/${ids.sessionA}/anmalningar/${ids.svenReg}/aterkalla`, {});
    expect(cancelAtA.status).toBe(404);
    // Sven's registration id at B's own session is not Sven's registration there.
    expect((await b.post(`/min-sida/provtillfallen/${ids.sessionB}/anmalningar/${ids.svenReg}/aterkalla`, {})).status).toBe(404);
    for (const res of [await b.get(`/min-sida/provtillfallen/${ids.sessionB}`), await b.get(`/min-sida/prov`)]) expect(textOf(await res.text())).not.toContain("Sven");
    expect((await t.runtime.deps.db.select().from(examRegistrations).where(eq(examRegistrations.id, ids.svenReg)).get())?.status).toBe("registered");
  });

  it("shows candidates only their own registrations and results, and no centre's page", async () => {
    const sven = textOf(await (await clients.kandidat!.get("/min-sida/prov")).text());
    expect(sven).toMatch(/Centrum A AB\s+F-gaser - Personcertifikat kategori II.*Provhallen\s+Teori, Praktik\s+Anmäld/);
    const olle = textOf(await (await clients["annan sökande"]!.get("/min-sida/prov")).text());
    expect(olle).toContain("Du är inte anmäld till något prov.");
    expect(olle).not.toContain("Centrum A AB");
    expect((await clients["annan sökande"]!.get(`/min-sida/ansokningar/${ids.svenApp}`)).status).toBe(404);
    expect((await clients.kandidat!.get(`/min-sida/ansokningar/${ids.svenApp}`)).status).toBe(200);
  });

  it("keeps /personal/examinationscentra for staff, and its changes for admins", async () => {
    expect((await clients.kandidat!.get("/personal/examinationscentra")).status).toBe(403);
    expect((await clients["examinator A"]!.get(`/personal/provtillfallen/${ids.sessionA}`)).status).toBe(403);
    const greta = clients.granskare!;
    expect((await greta.get("/personal/examinationscentra")).status).toBe(200);
    expect((await greta.get(`/personal/provtillfallen/${ids.sessionA}`)).status).toBe(200);
    expect((await greta.get("/personal/examinationscentra/nytt")).status).toBe(403);
    expect((await greta.post(`/personal/examinationscentra/${ids.centreA}/examinatorer`, { epost: "greta@certorg.example" })).status).toBe(403);
    const anna = clients.administratör!;
    expect((await anna.get("/personal/examinationscentra/nytt")).status).toBe(200);
    // The exam parts are the catalogue's: the scheme's Moment tab shows them and the Provmoment.
    const catalogue = textOf(await (await anna.get(`/personal/katalog/certifikat/${(await schemeByCode(t.runtime.deps, "fgas-person-ii")).id}/moment`)).text());
    expect(catalogue).toContain("Godkänt prov (provmoment)");
    expect(catalogue).toContain("Provdelar vid examinationscentra: Teori (0–50 poäng, godkänt från 35), Praktik (godkänd / ej godkänd).");
  });
});

describe("the forms", () => {
  it("registers by personnummer or e-mail, and says 'Kontot måste skapas först' for an unknown person", async () => {
    const erik = clients["examinator A"]!;
    const unknown = await erik.post(`/min-sida/provtillfallen/${ids.sessionA}/anmal`, { kandidat: "19800101-9804" });
    expect(unknown.status).toBe(422);
    const text = textOf(await unknown.text());
    expect(text).toContain("Kontot måste skapas först.");
    expect(text).not.toContain("Olle");
    const ok = await erik.post(`/min-sida/provtillfallen/${ids.sessionA}/anmal`, { kandidat: "olle@example.se" });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("Location")).toBe(`/min-sida/provtillfallen/${ids.sessionA}?klart=startad#anmal-kandidat`);
    expect(textOf(await (await erik.get(ok.headers.get("Location")!)).text())).toContain("En certifieringsprocess har startats åt hen");
  });

  it("creates a provtillfälle from its form, with the Swedish message at each wrong field", async () => {
    const erik = clients["examinator A"]!;
    const path = `/min-sida/examinationscenter/${ids.centreA}/provtillfallen/nytt`;
    const bad = await erik.post(path, { certifikat: "", datum: "2026-02-30", tid: "25:00", plats: "", platser: "noll" });
    expect(bad.status).toBe(422);
    const text = textOf(await bad.text());
    for (const m of ["Välj ett av certifikaten", "Ange datumet som ÅÅÅÅ-MM-DD", "Ange tiden som TT:MM", "Ange var provet hålls", "Ange antalet platser"]) expect(text).toContain(m);
    const schemeId = (await schemeByCode(t.runtime.deps, "fgas-person-ii")).id;
    const form = new URLSearchParams([["certifikat", schemeId], ["datum", "2026-12-01"], ["tid", "13:00"], ["plats", "Verkstaden"], ["platser", "4"], ["delar", "praktik"]]);
    const ok = await erik.request(path, { method: "POST", body: form, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(ok.status, await ok.clone().text()).toBe(303);
    const page = textOf(await (await erik.get(ok.headers.get("Location")!)).text());
    expect(page).toContain("Provtillfälle 2026-12-01 kl. 13:00: Personcertifikat kategori II");
    expect(page).toContain("Provdelar Praktik (godkänd / ej godkänd)");
  });

  it("enters results by form only after the protocol, and saves nothing when one candidate's row is wrong", async () => {
    const erik = clients["examinator A"]!;
    const upload = await erik.request(`/min-sida/provtillfallen/${ids.sessionA}/protokoll`, { method: "POST", body: multipart("fil", makePdf({ text: "Protokoll" }), "protokoll.pdf", "application/pdf") });
    expect(upload.status).toBe(303);
    const protocol = await erik.get(`/min-sida/provtillfallen/${ids.sessionA}/protokoll`);
    expect([protocol.status, protocol.headers.get("Content-Disposition")]).toEqual([200, expect.stringContaining("attachment")]);
    const { registrations, parts } = await getSession(t.runtime.deps.db, { userId: null, personId: null, name: "t", roles: ["admin"] }, ids.sessionA);
    const [teori, praktik] = parts;
    const regOf = (name: string) => registrations.find((r) => r.name === name)!.registration.id;
    const field = (kind: "resultat" | "poang", reg: string, part: { id: string }) => `${kind}-${reg}-${part.id}`;
    const values = {
      [field("resultat", regOf("Sven Svensson"), teori!)]: "godkand",
      [field("poang", regOf("Sven Svensson"), teori!)]: "44",
      [field("resultat", regOf("Sven Svensson"), praktik!)]: "godkand",
      [field("resultat", regOf("Olle Olsson"), teori!)]: "godkand",
      [field("poang", regOf("Olle Olsson"), teori!)]: "20",
    };
    const bad = await erik.post(`/min-sida/provtillfallen/${ids.sessionA}/resultat`, values);
    expect(bad.status).toBe(422);
    const text = textOf(await bad.text());
    expect(text).toContain("Inget sparades.");
    expect(text).toContain("Olle Olsson: Teori: 20 poäng räcker inte till Godkänd (gränsen är 35).");
    expect(text).toContain("Olle Olsson: Välj Godkänd eller Ej godkänd för Praktik.");
    expect(await t.runtime.deps.db.select().from(examResults)).toEqual([]);
    const ok = await erik.post(`/min-sida/provtillfallen/${ids.sessionA}/resultat`, { ...values, [field("resultat", regOf("Olle Olsson"), teori!)]: "ej-godkand", [field("resultat", regOf("Olle Olsson"), praktik!)]: "godkand" });
    expect(ok.status).toBe(303);
    expect((await t.runtime.deps.db.select().from(examRegistrations).where(eq(examRegistrations.sessionId, ids.sessionA))).map((r) => r.result).sort()).toEqual(["failed", "passed"]);
    const process = textOf(await (await clients.kandidat!.get(`/min-sida/ansokningar/${ids.svenApp}`)).text());
    expect(process).toMatch(/Godkänt prov\s+Godkänt\s+Godkänt prov 2026-11-22 vid Centrum A AB: Teori: Godkänd, 44 av 50 poäng; Praktik: Godkänd\./);
  });

  it("imports a CSV: a bad row names its line and saves nothing", async () => {
    const berit = clients["examinator B"]!;
    await registerCandidate(t.runtime.deps, (await actorForUser(t.runtime.deps.db, ids.berit)) as UserActor, { sessionId: ids.sessionB, candidate: "olle@example.se" }).catch(() => undefined);
    const send = (csv: string) => berit.request(`/min-sida/provtillfallen/${ids.sessionB}/resultat/import`, { method: "POST", body: multipart("fil", new TextEncoder().encode(csv), "resultat.csv", "text/csv") });
    const before = (await t.runtime.deps.db.select().from(examResults)).length;
    const bad = await send("kandidat;del;resultat;poäng\nolle@example.se;Teori;Godkänd;40\nolle@example.se;Praktik;Jadå;\n");
    expect(bad.status).toBe(422);
    const text = textOf(await bad.text());
    expect(text).toContain("Inget sparades: filen har ett fel.");
    expect(text).toContain("Rad 3: Resultatet ska vara Godkänd eller Ej godkänd, inte ”Jadå”.");
    expect((await t.runtime.deps.db.select().from(examResults)).length).toBe(before);
    const good = await send("kandidat;del;resultat;poäng\nolle@example.se;Teori;Godkänd;40\nolle@example.se;Praktik;Godkänd;\n");
    expect(good.status).toBe(303);
    expect((await t.runtime.deps.db.select().from(examResults)).length).toBe(before + 2);
  });
});

describe("Ändra uppgifter", () => {
  it("lets an admin correct a centre's name, address, contact and schemes, shown at once and in the Händelselogg; others get 403", async () => {
    const path = `/personal/examinationscentra/${ids.centreB}`;
    const greta = clients.granskare!;
    expect((await greta.get(`${path}/andra`)).status).toBe(403);
    expect((await greta.post(`${path}/andra`, { namn: "Kapat AB" })).status).toBe(403);
    expect(textOf(await (await greta.get(path)).text())).not.toContain("Ändra uppgifter");
    const anna = clients.administratör!;
    expect(textOf(await (await anna.get(path)).text())).toContain("Ändra uppgifter");

    // The form holds what is saved now; the organisationsnummer is shown, not asked for.
    const form = await (await anna.get(`${path}/andra`)).text();
    expect(form).toContain('value="Centrum B AB"');
    expect(form).toContain('value="Provvägen 1"');
    expect(form).not.toContain('name="orgnr"');
    expect(textOf(form)).toContain("559012-3450");
    const fgasII = (await schemeByCode(t.runtime.deps, "fgas-person-ii")).id;
    const fgasI = (await schemeByCode(t.runtime.deps, "fgas-person-i")).id;
    expect(form).toMatch(new RegExp(`value="${fgasII}"[^>]*checked`));

    const fields = { namn: "Centrum Bee AB", adressrad1: "Provvägen 1", postnummer: "721 30", ort: "Köping", epost: "prov@annatcenter.example", telefon: "0221-123 45", webbplats: "", orgnr: "5566778899" };
    // A wrong field: its message, 422, nothing saved.
    const bad = await anna.post(`${path}/andra`, { ...fields, telefon: "ring oss", certifikat: fgasII });
    expect(bad.status).toBe(422);
    expect(textOf(await bad.text())).toContain("Ange telefonnumret med siffror");
    // A scheme with a provtillfälle still to come cannot be taken away.
    const taken = await anna.post(`${path}/andra`, { ...fields, certifikat: fgasI });
    expect(taken.status).toBe(422);
    expect(textOf(await taken.text())).toContain(`den ${TODAY}: certifikatet kan tas bort först när det har hållits.`);
    expect(textOf(await (await clients.anonym!.get("/examinationscentra")).text())).toContain("Centrum B AB");

    const body = new URLSearchParams({ ...fields });
    body.append("certifikat", fgasII);
    body.append("certifikat", fgasI);
    const saved = await anna.post(`${path}/andra`, body);
    expect(saved.status).toBe(303);
    expect(saved.headers.get("Location")).toBe(`${path}?klart=andrat`);
    const shown = textOf(await (await anna.get(`${path}?klart=andrat`)).text());
    expect(shown).toContain("Uppgifterna är sparade.");
    expect(shown).toContain("Provvägen 1, 721 30 Köping");
    expect(shown).toContain("0221-123 45");
    // The organisationsnummer is who the centre is: not changed by a posted field.
    expect(shown).toContain("559012-3450");
    expect(shown).toContain("Examinationscentrets uppgifter ändrade");
    expect(shown).toContain("Ändrat: Namn, Ort, E-postadress, Telefonnummer, Certifikat som centret får examinera");
    const publicPage = textOf(await (await clients.anonym!.get("/examinationscentra")).text());
    expect(publicPage).toContain("Centrum Bee AB");
    expect(publicPage).toContain("0221-123 45");

    // The same again changes nothing and says so, without an Event.
    const events = (await anna.get(path).then((r) => r.text())).split("Examinationscentrets uppgifter ändrade").length;
    const again = await anna.post(`${path}/andra`, body);
    expect(again.headers.get("Location")).toBe(`${path}?klart=oforandrat`);
    const after = await (await anna.get(`${path}?klart=oforandrat`)).text();
    expect(textOf(after)).toContain("Inget ändrades.");
    expect(after.split("Examinationscentrets uppgifter ändrade").length).toBe(events);
  });
});

describe("Stäng av and Återaktivera", () => {
  it("stops all work at a suspended centre but letting a waiting candidate go, hides it from the public page, and lifts it on Återaktivera", async () => {
    const deps = t.runtime.deps;
    const erik = clients["examinator A"]!;
    const anna = clients.administratör!;
    const staffPath = `/personal/examinationscentra/${ids.centreA}`;
    const centrePath = `/min-sida/examinationscenter/${ids.centreA}`;
    // A candidate waiting at A for an exam next week.
    const nils = await user("väntande kandidat", "nils@example.se", { givenName: "Nils", familyName: "Nilsson", personnummer: "198503039816" });
    const schemeId = (await schemeByCode(deps, "fgas-person-ii")).id;
    const partIds = (await listExamParts(deps.db, schemeId)).map((p) => p.id);
    const erikUser = (await deps.db.select({ id: users.id }).from(users).innerJoin(persons, eq(persons.id, users.personId)).where(eq(persons.email, "erik@provcenter.example")).get())!;
    const erikActor = (await actorForUser(deps.db, erikUser.id)) as UserActor;
    const { sessionId } = await createSession(deps, erikActor, { centreId: ids.centreA, schemeId, date: "2026-11-29", startTime: "09:00", place: "Provhallen", seats: 5, partIds });
    const { registrationId } = await registerCandidate(deps, erikActor, { sessionId, candidate: "nils@example.se" });
    expect(textOf(await (await clients.anonym!.get("/examinationscentra")).text())).toContain("Centrum A AB");

    // Only admins; a reason is asked for.
    expect((await clients.granskare!.post(`${staffPath}/stang-av`, { skal: "Oegentligheter" })).status).toBe(403);
    const noReason = await anna.post(`${staffPath}/stang-av`, { skal: "  " });
    expect(noReason.status).toBe(422);
    expect(textOf(await noReason.text())).toContain("Skriv varför centret stängs av.");
    const mailsOf = async (kind: string) => (await deps.db.select().from(mailOutbox).where(eq(mailOutbox.kind, kind))).map((m) => [m.to, m.subject]);
    const done = await anna.post(`${staffPath}/stang-av`, { skal: "Provprotokollen saknar underskrifter." });
    expect(done.headers.get("Location")).toBe(`${staffPath}?klart=avstangt`);
    // Erik is told, with the reason; Nils, who waits for a result there, is told what he can do.
    expect(await mailsOf("centre.suspended")).toEqual([["erik@provcenter.example", "Centrum A AB är avstängt som examinationscenter"]]);
    expect(await mailsOf("exam.centre_suspended")).toEqual([["nils@example.se", "Ditt prov 2026-11-29 kan inte hållas som planerat: F-gaser - Personcertifikat kategori II"]]);
    const staffPage = textOf(await (await anna.get(`${staffPath}?klart=avstangt`)).text());
    for (const words of ["Examinationscentret är avstängt.", "Status Avstängt", "Skäl till avstängningen Provprotokollen saknar underskrifter.", "Examinationscenter avstängt", "Återaktivera"]) expect(staffPage).toContain(words);
    expect((await anna.post(`${staffPath}/stang-av`, { skal: "Igen" })).status).toBe(409);

    // Not on the public page, nor its provtillfällen.
    const publicPage = textOf(await (await clients.anonym!.get("/examinationscentra")).text());
    expect(publicPage).not.toContain("Centrum A AB");
    // Erik is told why, and can do nothing there: no session, no registration, no protocol.
    const centrePage = textOf(await (await erik.get(centrePath)).text());
    expect(centrePage).toContain("Examinationscentret är avstängt");
    expect(centrePage).toContain("Skäl: Provprotokollen saknar underskrifter.");
    expect(centrePage).not.toContain("Nytt provtillfälle");
    expect(textOf(await (await erik.get(`${centrePath}/provtillfallen/nytt`)).text())).toContain("Examinationscentret är avstängt");
    const refused = await erik.post(`${centrePath}/provtillfallen/nytt`, { certifikat: schemeId, datum: "2026-12-10", tid: "09:00", plats: "Hallen", platser: "3", delar: "praktik" });
    expect(refused.status).toBe(403);
    expect(textOf(await refused.text())).toContain("Examinationscentret är avstängt");
    expect((await erik.post(`/min-sida/provtillfallen/${sessionId}/anmal`, { kandidat: "olle@example.se" })).status).toBe(403);
    expect((await erik.request(`/min-sida/provtillfallen/${sessionId}/protokoll`, { method: "POST", body: multipart("fil", makePdf(), "protokoll.pdf", "application/pdf") })).status).toBe(403);
    expect(textOf(await (await clients["examinator A"]!.get(`/min-sida/prov`)).text())).toMatch(/Centrum A AB\s*, Västerås\s+Avstängt/);
    // ... but may let Nils go, so that he can be registered at another centre.
    const sessionPage = await (await erik.get(`/min-sida/provtillfallen/${sessionId}`)).text();
    expect(textOf(sessionPage)).toContain("Examinationscentret är avstängt");
    expect(sessionPage).toContain(`/anmalningar/${registrationId}/aterkalla`);
    expect((await erik.post(`/min-sida/provtillfallen/${sessionId}/anmalningar/${registrationId}/aterkalla`, {})).status).toBe(303);
    expect((await deps.db.select().from(examRegistrations).where(eq(examRegistrations.id, registrationId)).get())!.status).toBe("cancelled");
    expect(nils.personId).toBeTruthy();

    // Återaktivera: listed again, and Erik may work.
    const back = await anna.post(`${staffPath}/ateraktivera`, {});
    expect(back.headers.get("Location")).toBe(`${staffPath}?klart=ateraktiverat`);
    expect(await mailsOf("centre.reinstated")).toEqual([["erik@provcenter.example", "Centrum A AB är återaktiverat som examinationscenter"]]);
    expect(textOf(await (await anna.get(`${staffPath}?klart=ateraktiverat`)).text())).toContain("Examinationscenter återaktiverat");
    expect((await anna.post(`${staffPath}/ateraktivera`, {})).status).toBe(409);
    expect(textOf(await (await clients.anonym!.get("/examinationscentra")).text())).toContain("Centrum A AB");
    expect(textOf(await (await erik.get(`${centrePath}/provtillfallen/nytt`)).text())).not.toContain("Examinationscentret är avstängt");
    expect((await erik.post(`${centrePath}/provtillfallen/nytt`, { certifikat: schemeId, datum: "2026-12-10", tid: "09:00", plats: "Hallen", platser: "3", delar: "praktik" })).status).toBe(303);
  });
});

describe("Rätta resultat", () => {
  it("corrects a recorded result with a reason: the exam Moment follows it, the candidate is mailed, the Händelselogg keeps both; refused in final review", async () => {
    const deps = t.runtime.deps;
    const erik = clients["examinator A"]!;
    const path = `/min-sida/provtillfallen/${ids.sessionA}/anmalningar/${ids.svenReg}/ratta`;
    const { parts } = await getSession(deps.db, { userId: null, personId: null, name: "t", roles: ["admin"] }, ids.sessionA);
    const [teori, praktik] = parts;
    const field = (kind: "resultat" | "poang", part: { id: string }) => `${kind}-${ids.svenReg}-${part.id}`;

    // Only the centre's examinators; the candidate and another centre's examinator learn nothing.
    expect((await clients["examinator B"]!.get(path)).status).toBe(404);
    expect((await clients.kandidat!.get(path)).status).toBe(404);
    expect(await (await erik.get(`/min-sida/provtillfallen/${ids.sessionA}`)).text()).toContain(`/anmalningar/${ids.svenReg}/ratta`);
    // The form starts from what is recorded.
    const form = await (await erik.get(path)).text();
    expect(textOf(form)).toContain("Registrerat nu Teori: Godkänd");
    expect(form).toMatch(new RegExp(`name="${field("resultat", teori!)}" value="godkand" checked`));
    expect(form).toContain(`name="${field("poang", teori!)}" type="text" inputmode="numeric" maxlength="6" size="4" value="44"`);

    const failed = { [field("resultat", teori!)]: "ej-godkand", [field("poang", teori!)]: "30", [field("resultat", praktik!)]: "godkand" };
    const noReason = await erik.post(path, { ...failed, skal: " " });
    expect(noReason.status).toBe(422);
    expect(textOf(await noReason.text())).toContain("Skriv varför resultatet rättas.");
    expect((await deps.db.select().from(examRegistrations).where(eq(examRegistrations.id, ids.svenReg)).get())!.result).toBe("passed");

    const mailsBefore = (await deps.db.select().from(mailOutbox).where(eq(mailOutbox.kind, "exam.corrected"))).length;
    const done = await erik.post(path, { ...failed, skal: "Poängen för Teori var felskriven: 30 i protokollet." });
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe(`/min-sida/provtillfallen/${ids.sessionA}?klart=rattat#kandidater`);
    expect((await deps.db.select().from(examRegistrations).where(eq(examRegistrations.id, ids.svenReg)).get())!.result).toBe("failed");
    expect((await deps.db.select().from(examResults).where(eq(examResults.registrationId, ids.svenReg))).map((r) => [r.partId, r.passed, r.points]).sort()).toEqual([[teori!.id, false, 30], [praktik!.id, true, null]].sort());
    const mails = await deps.db.select().from(mailOutbox).where(eq(mailOutbox.kind, "exam.corrected"));
    expect(mails).toHaveLength(mailsBefore + 1);
    expect(mails.at(-1)!.subject).toBe("Rättat provresultat 2026-11-22: F-gaser - Personcertifikat kategori II");
    // Sven's process: the exam Moment is Ej godkänt, saying why; the Händelselogg has before and after.
    const process = textOf(await (await clients.kandidat!.get(`/min-sida/ansokningar/${ids.svenApp}`)).text());
    expect(process).toMatch(/Godkänt prov\s+Ej godkänt\s+Kommentar från granskaren: Ej godkänt prov 2026-11-22 vid Centrum A AB \(rättat 2026-11-22: Poängen för Teori var felskriven: 30 i protokollet\.\): Teori: Ej godkänd, 30 av 50 poäng; Praktik: Godkänd\./);
    const log = textOf(await (await clients.kandidat!.get(`/min-sida/ansokningar/${ids.svenApp}/handelselogg`)).text());
    expect(log).toContain("Provresultat rättat");
    expect(log).toContain("Före rättelsen: Teori: Godkänd, 44 av 50 poäng; Praktik: Godkänd");
    expect(log).toContain("Motivering: Poängen för Teori var felskriven: 30 i protokollet.");

    // The same result again changes nothing.
    const same = await erik.post(path, { ...failed, skal: "Igen" });
    expect(same.headers.get("Location")).toContain("klart=orattat");

    // Back to a pass: the Moment is approved again.
    const passed = { [field("resultat", teori!)]: "godkand", [field("poang", teori!)]: "44", [field("resultat", praktik!)]: "godkand", skal: "Fel rad i protokollet: 44 poäng." };
    expect((await erik.post(path, passed)).status).toBe(303);
    expect(textOf(await (await clients.kandidat!.get(`/min-sida/ansokningar/${ids.svenApp}`)).text())).toMatch(/Godkänt prov\s+Godkänt\s+Godkänt prov 2026-11-22 vid Centrum A AB \(rättat/);

    // In final review the decision rests on it: the certification body returns the Moment first.
    await deps.db.update(applications).set({ status: "final_review" }).where(eq(applications.id, ids.svenApp));
    expect(await (await erik.get(`/min-sida/provtillfallen/${ids.sessionA}`)).text()).not.toContain(`/anmalningar/${ids.svenReg}/ratta`);
    expect(textOf(await (await erik.get(path)).text())).toContain("Ansökan är redan inskickad för beslut.");
    const refused = await erik.post(path, { ...failed, skal: "Ännu en rättelse" });
    expect(refused.status).toBe(409);
    expect(textOf(await refused.text())).toContain("Ansökan är redan inskickad för beslut. Be certifieringsorganet returnera provmomentet innan resultatet rättas.");
    expect((await deps.db.select().from(examRegistrations).where(eq(examRegistrations.id, ids.svenReg)).get())!.result).toBe("passed");
    await deps.db.update(applications).set({ status: "in_progress" }).where(eq(applications.id, ids.svenApp));
  });
});
