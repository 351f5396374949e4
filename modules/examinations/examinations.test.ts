// The examinations module through its operations, on the real app's database: centres and
// examinators, provtillfällen, registering candidates (which starts or joins their process),
// results from the form and from CSV, and what they do to the certification process.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationRequirements, applications, examRegistrations, examResults, requirements, users } from "../../db/schema/index.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { makePdf } from "../../lib/uploads/test-files.ts";
import { schemeByCode } from "../../test/applications.ts";
import { seedUser } from "../../test/fixtures.ts";
import { startTestApp, type TestApp } from "../../test/harness.ts";
import { actorForUser } from "../accounts/find-user.ts";
import { listPersonEvents, listSubjectEvents } from "../audit/index.ts";
import { listExamParts } from "../catalogue/index.ts";
import { loadApplication, startApplication } from "../certification/index.ts";
import type { Actor } from "../deps.ts";
import { canDecideApplication, loadApplicationParties } from "../review/index.ts";
import {
  ACCOUNT_FIRST,
  approveCentre,
  cancelRegistration,
  createCentre,
  createSession,
  entryKey,
  getSession,
  importResults,
  inviteExaminator,
  listCentreEvents,
  listPersonRegistrations,
  recordResults,
  registerCandidate,
  removeExaminator,
  uploadProtocol,
  type ResultRow,
} from "./index.ts";

type UserActor = Actor & { userId: string; personId: string };
const TODAY = "2026-11-22";
let t: TestApp;
let admin: UserActor, erik: UserActor, berit: UserActor, sven: UserActor, maria: UserActor, bo: UserActor;
let centreA: string, centreB: string, schemeII: string;
let partIds: { teori: string; praktik: string };

const deps = () => t.runtime.deps;
const actor = async (userId: string) => (await actorForUser(deps().db, userId)) as UserActor;
const person = async (email: string, extra: Parameters<typeof seedUser>[1] = { email }) => actor((await seedUser(deps(), { ...extra, email })).userId);
const centreInput = (name: string, orgNumber: string, city: string) => ({ name, orgNumber, addressLine1: "Provvägen 1", postalCode: "721 30", city, email: "prov@centrum.example", phone: "021-10 20 30", website: null, schemeIds: [schemeII] });
const session = (centreId: string, seats = 10, date = TODAY) => ({ centreId, schemeId: schemeII, date, startTime: "09:00", place: "Provhallen, Provvägen 1", seats, partIds: [partIds.teori, partIds.praktik] });
const both = (teori: [boolean, number], praktik: boolean) => ({ [partIds.teori]: { passed: teori[0], points: teori[1] }, [partIds.praktik]: { passed: praktik, points: null } });

beforeAll(async () => {
  t = await startTestApp({ now: new Date(`${TODAY}T08:00:00Z`) });
  admin = await person("anna@certorg.example", { email: "", givenName: "Anna", familyName: "Admin", roles: ["admin"] });
  erik = await person("erik@provcenter.example", { email: "", givenName: "Erik", familyName: "Examinator" });
  berit = await person("berit@annatcenter.example", { email: "", givenName: "Berit", familyName: "Bedömare" });
  sven = await person("sven@example.se", { email: "", givenName: "Sven", familyName: "Svensson", personnummer: "198001019812" });
  maria = await person("maria@example.com", { email: "", givenName: "Maria", familyName: "Nowak" });
  bo = await person("bo@certorg.example", { email: "", givenName: "Bo", familyName: "Beslut", roles: ["decider"] });
  schemeII = (await schemeByCode(deps(), "fgas-person-ii")).id;
  const parts = await listExamParts(deps().db, schemeII);
  partIds = { teori: parts.find((p) => p.code === "teori")!.id, praktik: parts.find((p) => p.code === "praktik")!.id };
  centreA = (await createCentre(deps(), admin, centreInput("Västerås Kylskola AB", "5566778899", "Västerås"))).centreId;
  centreB = (await createCentre(deps(), admin, centreInput("Norrlands Provcenter AB", "5590123450", "Umeå"))).centreId;
});
afterAll(() => t.close());

describe("centres and their examinators", () => {
  it("lets only admins create and approve centres; a second centre with the same number is refused", async () => {
    await expect(createCentre(deps(), bo, centreInput("X AB", "5569876543", "Y"))).rejects.toBeInstanceOf(Forbidden);
    await expect(createCentre(deps(), admin, centreInput("Kopia AB", "5566778899", "Västerås"))).rejects.toMatchObject({ fields: { orgnr: expect.stringContaining("556677-8899") } });
    await expect(createCentre(deps(), admin, { ...centreInput("Inget AB", "5569876543", "Y"), schemeIds: [(await schemeByCode(deps(), "fgas-utbildningsintyg-mac")).id] })).rejects.toBeInstanceOf(Invalid);
    await expect(approveCentre(deps(), bo, { centreId: centreA })).rejects.toBeInstanceOf(Forbidden);
  });

  it("invites an existing account by e-mail: the role is at that centre only, and the person is told", async () => {
    const since = t.mail.messages.length;
    expect(await inviteExaminator(deps(), admin, { centreId: centreA, email: "Erik@Provcenter.example", givenName: null, familyName: null })).toEqual({ personId: erik.personId, newAccount: false });
    await inviteExaminator(deps(), admin, { centreId: centreB, email: "berit@annatcenter.example", givenName: null, familyName: null });
    await t.runtime.deps.mailQueue.drain();
    expect(t.mail.messages.slice(since).find((m) => m.to.includes("erik@provcenter.example"))?.subject).toBe("Du är examinator vid Västerås Kylskola AB");
    await expect(inviteExaminator(deps(), admin, { centreId: centreA, email: "erik@provcenter.example", givenName: null, familyName: null })).rejects.toBeInstanceOf(Conflict);
    // Not approved yet: the examinator sees the centre but can put up no provtillfälle.
    await expect(createSession(deps(), erik, session(centreA))).rejects.toMatchObject({ message: expect.stringContaining("inte godkänt ännu") });
    await approveCentre(deps(), admin, { centreId: centreA });
    await approveCentre(deps(), admin, { centreId: centreB });
    await expect(approveCentre(deps(), admin, { centreId: centreA })).rejects.toBeInstanceOf(Conflict);
  });

  it("invites a new address by making an account with a one-time password to change", async () => {
    await expect(inviteExaminator(deps(), admin, { centreId: centreA, email: "ny@provcenter.example", givenName: "", familyName: "" })).rejects.toMatchObject({ fields: { fornamn: expect.any(String), efternamn: expect.any(String) } });
    const since = t.mail.messages.length;
    const { personId, newAccount } = await inviteExaminator(deps(), admin, { centreId: centreA, email: "ny@provcenter.example", givenName: "Nina", familyName: "Ny" });
    expect(newAccount).toBe(true);
    const user = await deps().db.select().from(users).where(eq(users.personId, personId)).get();
    expect(user?.mustChangePassword).toBe(true);
    await t.runtime.deps.mailQueue.drain();
    const mail = t.mail.messages.slice(since).find((m) => m.to.includes("ny@provcenter.example"))!;
    expect(mail.subject).toContain("examinator vid Västerås Kylskola AB");
    expect(mail.text).toMatch(/engångslösenord är: [a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}/);
    const nina = await actor(user!.id);
    const { examinators } = await import("../../db/schema/index.ts");
    const row = await deps().db.select().from(examinators).where(and(eq(examinators.personId, personId), eq(examinators.centreId, centreA))).get();
    await removeExaminator(deps(), admin, { centreId: centreA, examinatorId: row!.id });
    await expect(createSession(deps(), nina, session(centreA))).rejects.toBeInstanceOf(NotFound);
  });
});

describe("provtillfällen, registrations and results", () => {
  let sessionA: string;
  let svenApplication: string;

  it("lets an examinator put up a provtillfälle only at their own centre, with the scheme's parts", async () => {
    await expect(createSession(deps(), berit, session(centreA))).rejects.toBeInstanceOf(NotFound);
    await expect(createSession(deps(), erik, { ...session(centreA), date: "2026-11-21", startTime: "9", seats: 0, place: " ", partIds: [] })).rejects.toMatchObject({
      fields: { datum: expect.stringContaining("redan varit"), tid: expect.any(String), platser: expect.any(String), plats: expect.any(String), delar: expect.any(String) },
    });
    sessionA = (await createSession(deps(), erik, session(centreA, 2))).sessionId;
    expect((await getSession(deps().db, erik, sessionA)).parts.map((p) => p.name)).toEqual(["Teori", "Praktik"]);
  });

  it("registers an existing account by exact personnummer, starting a process and mailing date and place", async () => {
    await expect(registerCandidate(deps(), erik, { sessionId: sessionA, candidate: "19800101-9804" })).rejects.toMatchObject({ fields: { kandidat: ACCOUNT_FIRST } });
    await expect(registerCandidate(deps(), erik, { sessionId: sessionA, candidate: "okand@example.se" })).rejects.toMatchObject({ fields: { kandidat: ACCOUNT_FIRST } });
    await expect(registerCandidate(deps(), erik, { sessionId: sessionA, candidate: "Sven" })).rejects.toMatchObject({ fields: { kandidat: expect.stringContaining("tolv siffror") } });
    await expect(registerCandidate(deps(), erik, { sessionId: sessionA, candidate: "erik@provcenter.example" })).rejects.toBeInstanceOf(Forbidden);
    await expect(registerCandidate(deps(), berit, { sessionId: sessionA, candidate: "19800101-9812" })).rejects.toBeInstanceOf(NotFound);
    const since = t.mail.messages.length;
    const r = await registerCandidate(deps(), erik, { sessionId: sessionA, candidate: "19800101-9812" });
    expect(r).toMatchObject({ started: true, name: "Sven Svensson" });
    svenApplication = r.applicationId;
    const app = await loadApplication(deps().db, sven, svenApplication);
    expect(app.application).toMatchObject({ personId: sven.personId, schemeId: schemeII, status: "in_progress", createdByUserId: erik.userId });
    const mail = await t.mail.waitFor((m) => m.to.includes("sven@example.se") && t.mail.messages.indexOf(m) >= since);
    expect(mail.subject).toBe(`Anmäld till prov ${TODAY}: F-gaser - Personcertifikat kategori II`);
    expect(mail.text).toContain(`Datum och tid: ${TODAY} kl. 09:00. Plats: Provhallen, Provvägen 1. Provdelar: Teori, Praktik.`);
    await expect(registerCandidate(deps(), erik, { sessionId: sessionA, candidate: "sven@example.se" })).rejects.toMatchObject({ message: "Sven Svensson är redan anmäld till provtillfället." });
  });

  it("joins the candidate's open process of the scheme instead of starting another, and stops at the seats", async () => {
    const { applicationId } = await startApplication(deps(), maria, { schemeId: schemeII });
    const r = await registerCandidate(deps(), erik, { sessionId: sessionA, candidate: "maria@example.com" });
    expect(r).toMatchObject({ applicationId, started: false });
    const karin = await person("karin@example.se");
    await expect(registerCandidate(deps(), erik, { sessionId: sessionA, candidate: "karin@example.se" })).rejects.toMatchObject({ message: "Provtillfället är fullt: alla 2 platser är tagna." });
    expect(await listPersonRegistrations(deps().db, karin.personId)).toEqual([]);
  });

  it("takes no results without the protocol, and saves nothing when one row is wrong", async () => {
    const { registrations } = await getSession(deps().db, erik, sessionA);
    const [mariaReg, svenReg] = [registrations.find((r) => r.name === "Maria Nowak")!, registrations.find((r) => r.name === "Sven Svensson")!];
    const rows: ResultRow[] = [
      { registrationId: svenReg.registration.id, entries: both([true, 44], true) },
      { registrationId: mariaReg.registration.id, entries: both([true, 30], true) },
    ];
    await expect(recordResults(deps(), erik, { sessionId: sessionA, rows })).rejects.toMatchObject({ message: "Ladda upp provprotokollet (PDF) innan du registrerar resultat." });
    await expect(uploadProtocol(deps(), erik, { sessionId: sessionA, file: { bytes: Buffer.from("inte en pdf"), originalName: "protokoll.pdf" } })).rejects.toBeInstanceOf(Invalid);
    await uploadProtocol(deps(), erik, { sessionId: sessionA, file: { bytes: makePdf({ text: "Provprotokoll" }), originalName: "protokoll.pdf" } });
    await expect(recordResults(deps(), berit, { sessionId: sessionA, rows })).rejects.toBeInstanceOf(NotFound);
    const wrong = await recordResults(deps(), erik, { sessionId: sessionA, rows }).catch((e: Invalid) => e);
    expect(wrong).toBeInstanceOf(Invalid);
    expect((wrong as Invalid).fields).toEqual({ [entryKey(mariaReg.registration.id, partIds.teori)]: "Maria Nowak: Teori: 30 poäng räcker inte till Godkänd (gränsen är 35). Kontrollera resultatet." });
    expect(await deps().db.select().from(examResults)).toEqual([]);
    expect((await deps().db.select().from(examRegistrations)).every((r) => r.result === null)).toBe(true);
  });

  it("approves the exam Moment of a passed candidate, with the examinator as reviewer; a failed one may register again", async () => {
    const { registrations } = await getSession(deps().db, erik, sessionA);
    const [mariaReg, svenReg] = [registrations.find((r) => r.name === "Maria Nowak")!, registrations.find((r) => r.name === "Sven Svensson")!];
    const since = t.mail.messages.length;
    expect(
      await recordResults(deps(), erik, {
        sessionId: sessionA,
        rows: [
          { registrationId: svenReg.registration.id, entries: both([true, 44], true) },
          { registrationId: mariaReg.registration.id, entries: both([false, 30], true) },
        ],
      }),
    ).toEqual({ recorded: 2, passed: 1 });
    const exam = async (applicationId: string) =>
      (await deps().db.select({ m: applicationRequirements }).from(applicationRequirements).innerJoin(requirements, eq(requirements.id, applicationRequirements.requirementId)).where(and(eq(applicationRequirements.applicationId, applicationId), eq(requirements.exam, true))).get())!.m;
    expect(await exam(svenApplication)).toMatchObject({ status: "approved", reviewedByUserId: erik.userId, reviewComment: `Godkänt prov ${TODAY} vid Västerås Kylskola AB: Teori: Godkänd, 44 av 50 poäng; Praktik: Godkänd.` });
    expect((await exam(mariaReg.registration.applicationId)).status).toBe("awaiting_file");
    await t.runtime.deps.mailQueue.drain();
    const mails = t.mail.messages.slice(since);
    expect(mails.some((m) => m.to.includes("sven@example.se") && m.subject === "Godkänt prov: F-gaser - Personcertifikat kategori II")).toBe(true);
    expect(mails.find((m) => m.to.includes("maria@example.com") && m.subject.startsWith("Provresultat"))?.text).toContain("Du kan anmäla dig till ett nytt provtillfälle");
    await expect(recordResults(deps(), erik, { sessionId: sessionA, rows: [{ registrationId: svenReg.registration.id, entries: both([true, 50], true) }] })).rejects.toBeInstanceOf(Invalid);
    await expect(cancelRegistration(deps(), erik, { sessionId: sessionA, registrationId: svenReg.registration.id })).rejects.toBeInstanceOf(Conflict);

    // Maria again, at the next one; Sven has nothing left to take.
    const next = (await createSession(deps(), erik, session(centreA, 5, "2026-12-01"))).sessionId;
    expect((await registerCandidate(deps(), erik, { sessionId: next, candidate: "maria@example.com" })).applicationId).toBe(mariaReg.registration.applicationId);
    await expect(registerCandidate(deps(), erik, { sessionId: next, candidate: "sven@example.se" })).rejects.toMatchObject({ message: expect.stringContaining("provmomentet är godkänt") });
    // The candidate's own list: their registrations and results, nobody else's.
    const svens = await listPersonRegistrations(deps().db, sven.personId);
    expect(svens.map((r) => [r.session.date, r.centreName, r.registration.result, r.parts.map((p) => [p.part.name, p.result?.passed, p.result?.points])])).toEqual([
      [TODAY, "Västerås Kylskola AB", "passed", [["Teori", true, 44], ["Praktik", true, null]]],
    ]);
    expect((await listPersonRegistrations(deps().db, maria.personId)).map((r) => r.registration.result)).toEqual([null, "failed"]);
  });

  it("keeps whoever examined the candidate from deciding on the application", async () => {
    const erikAsDecider = { ...erik, roles: ["decider" as const] };
    const app = await loadApplication(deps().db, bo, svenApplication);
    const parties = await loadApplicationParties(deps().db, erikAsDecider, app.application, app.scheme, TODAY);
    expect(parties.examinedByUserIds).toEqual([erik.userId]);
    expect(canDecideApplication(erikAsDecider, parties)).toEqual({ ok: false, reason: expect.stringContaining("examinerat den sökande") });
    expect(canDecideApplication(bo, await loadApplicationParties(deps().db, bo, app.application, app.scheme, TODAY)).ok).toBe(true);
  });

  it("writes it all in the Händelselogg of the person, the application and the centre", async () => {
    const personLog = (await listPersonEvents(deps().db, sven.personId)).map((e) => [e.action, e.actorName]);
    expect(personLog).toEqual(expect.arrayContaining([["application.started", "Erik Examinator"], ["exam.registered", "Erik Examinator"], ["exam.passed", "Erik Examinator"], ["evidence.approved", "Erik Examinator"]]));
    const appLog = (await listSubjectEvents(deps().db, "application", svenApplication)).map((e) => e.action);
    expect(appLog).toEqual(expect.arrayContaining(["application.started", "exam.registered", "exam.passed", "evidence.approved"]));
    const centreLog = await listCentreEvents(deps().db, admin, centreA);
    expect(centreLog.map((e) => e.action)).toEqual(expect.arrayContaining(["centre.created", "centre.approved", "examinator.added", "examinator.removed", "exam_session.created", "exam.candidate_registered", "exam_session.protocol_uploaded", "exam.result_recorded"]));
    expect(centreLog.find((e) => e.action === "exam.result_recorded" && e.details?.person === "Sven Svensson")?.details).toMatchObject({ result: "Godkänt" });
    await expect(listCentreEvents(deps().db, berit, centreA)).rejects.toBeInstanceOf(NotFound);
  });
});

describe("CSV import", () => {
  it("saves nothing when a row is wrong, names the row, and saves all of a corrected file", async () => {
    const sessionId = (await createSession(deps(), berit, session(centreB))).sessionId;
    await registerCandidate(deps(), berit, { sessionId, candidate: "karin@example.se" });
    const olle = await person("olle@example.se", { email: "", givenName: "Olle", familyName: "Olsson", personnummer: "197506209837" });
    await registerCandidate(deps(), berit, { sessionId, candidate: "19750620-9837" });
    await uploadProtocol(deps(), berit, { sessionId, file: { bytes: makePdf(), originalName: "protokoll.pdf" } });
    const before = (await deps().db.select().from(examResults)).length;
    const file = (rows: string[]) => new TextEncoder().encode(["kandidat;del;resultat;poäng", ...rows].join("\n"));
    const bad = await importResults(deps(), berit, {
      sessionId,
      bytes: file(["karin@example.se;Teori;Godkänd;40", "karin@example.se;Praktik;Godkänd;", "19750620-9837;Teori;Godkänd;41", "19750620-9837;Praktik;Kanske;"]),
    }).catch((e: Invalid) => e);
    expect(bad).toBeInstanceOf(Invalid);
    expect((bad as Invalid).message).toBe("Inget sparades: filen har ett fel. Rätta filen och importera den igen.");
    expect(Object.values((bad as Invalid).fields)).toEqual(["Rad 5: Resultatet ska vara Godkänd eller Ej godkänd, inte ”Kanske”."]);
    expect((await deps().db.select().from(examResults)).length).toBe(before);
    expect((await deps().db.select().from(examRegistrations).where(eq(examRegistrations.sessionId, sessionId))).map((r) => r.result)).toEqual([null, null]);
    await expect(importResults(deps(), erik, { sessionId, bytes: file(["karin@example.se;Teori;Godkänd;40"]) })).rejects.toBeInstanceOf(NotFound);

    expect(await importResults(deps(), berit, { sessionId, bytes: file(["karin@example.se;Teori;Godkänd;40", "karin@example.se;Praktik;Godkänd;", "19750620-9837;Teori;Godkänd;41", "19750620-9837;Praktik;Ej godkänd;"]) })).toEqual({ recorded: 2, passed: 1 });
    const olleApp = await deps().db.select().from(applications).where(eq(applications.personId, olle.personId)).get();
    expect(olleApp?.status).toBe("in_progress");
  });
});
