// Överklaganden och klagomål through the operations, on the real app's database with its SMTP
// sink: an appeal from receipt to a decision that reopens the application, appeals that reinstate
// a certificate and approve a Moment, a visitor's complaint to a suspension, the independence
// rule, the appeal period, and bad input that leaves nothing half-saved.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, applicationRequirements, caseFiles, cases, certificates, credentialStatusEntries, decisions, documents, events, mailOutbox } from "../../db/schema/index.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { makeImage, makePdf } from "../../lib/uploads/test-files.ts";
import { applicationInFinalReview, insertCompany } from "../../test/applications.ts";
import { seedUser } from "../../test/fixtures.ts";
import { startTestApp, type TestApp } from "../../test/harness.ts";
import { actorForUser } from "../accounts/find-user.ts";
import { listPersonEvents } from "../audit/index.ts";
import { publicStatus } from "../certificates/index.ts";
import { loadApplication } from "../certification/index.ts";
import type { Actor, Role } from "../deps.ts";
import { decideApplication, reviewRequirement, suspendCertificate, withdrawCertificate } from "../review/index.ts";
import { appealOptions, caseStatistics, decideCase, dismissCase, listCasesReceived, planDecideCase, submitAppeal, submitComplaint, takeCase } from "./index.ts";

type UserActor = Actor & { userId: string; personId: string };
let t: TestApp;
let greta: UserActor;
let bo: UserActor;
let dag: UserActor;
let ada: UserActor;

const deps = () => t.runtime.deps;
const at = (iso: string) => t.clock!.set(new Date(iso));
const user = async (email: string, roles: Role[], givenName = "Test", familyName = "Person") => (await actorForUser(deps().db, (await seedUser(deps(), { email, roles, givenName, familyName })).userId)) as UserActor;
const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as Error);
const pdf = (name = "yttrande.pdf") => ({ bytes: makePdf(), originalName: name, declaredType: "application/pdf" });
const counts = async () => ({
  cases: (await deps().db.select({ n: count() }).from(cases).get())!.n,
  files: (await deps().db.select({ n: count() }).from(caseFiles).get())!.n,
  documents: (await deps().db.select({ n: count() }).from(documents).get())!.n,
  stored: (await readdir(path.join(t.dataDir, "uploads"), { recursive: true, withFileTypes: true })).filter((f) => f.isFile()).length,
  mail: (await deps().db.select({ n: count() }).from(mailOutbox).get())!.n,
});

async function refusedApplication(applicant: UserActor, schemeCode = "fgas-person-i") {
  const applicationId = await applicationInFinalReview(deps(), { schemeCode, personId: applicant.personId, byUserId: applicant.userId, reviewerUserId: greta.userId });
  const { decisionId } = await decideApplication(deps(), bo, { applicationId, decision: "refuse", reason: "Intyget om praktisk erfarenhet saknar underskrift." });
  return { applicationId, decisionId };
}

async function issued(applicant: UserActor, schemeCode = "fgas-person-ii") {
  const applicationId = await applicationInFinalReview(deps(), { schemeCode, personId: applicant.personId, byUserId: applicant.userId, reviewerUserId: greta.userId });
  return (await decideApplication(deps(), bo, { applicationId, decision: "grant" })).certificate!;
}

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-12-03T10:00:00Z") });
  greta = await user("greta@certorg.example", ["reviewer"], "Greta", "Granskare");
  bo = await user("bo@certorg.example", ["decider"], "Bo", "Beslut");
  dag = await user("dag@certorg.example", ["decider"], "Dag", "Domare");
  ada = await user("ada@certorg.example", ["admin"], "Ada", "Admin");
});
afterAll(() => t.close());

describe("Överklaga beslutet", () => {
  it("takes an appeal against a refusal with files, confirms it by mail, and is decided by someone else, reopening the application", async () => {
    at("2026-12-03T10:00:00Z");
    const sven = await user("sven@example.se", ["applicant"], "Sven", "Svensson");
    const { applicationId, decisionId } = await refusedApplication(sven);
    const [option] = await appealOptions(deps().db, { applicationId }, "2026-12-03");
    expect(option!.verdict).toEqual({ ok: true, deadline: "2027-02-03" });

    at("2026-12-10T10:00:00Z");
    const since = t.mail.messages.length;
    const { caseId, number } = await submitAppeal(deps(), sven, { target: { decisionId }, grounds: "Intyget är underskrivet på sidan två. Jag bifogar det igen.", files: [pdf("intyg-sida-2.pdf"), { bytes: await makeImage("png", 800, 600), originalName: "foto.png" }] });
    expect(number).toBeGreaterThanOrEqual(1001);
    const row = (await deps().db.select().from(cases).where(eq(cases.id, caseId)).get())!;
    expect(row).toMatchObject({ kind: "appeal", status: "received", appealedKind: "refusal", appealedDecidedByUserId: bo.userId, deadlineOn: "2027-02-03", applicationId, personId: sven.personId });
    expect(await deps().db.select().from(caseFiles).where(eq(caseFiles.caseId, caseId))).toHaveLength(2);
    const receipt = await t.mail.waitFor((m) => m.to.includes("sven@example.se") && m.subject === `Ditt överklagande är mottaget (ärende ${number})` && t.mail.messages.indexOf(m) >= since);
    expect(receipt.text).toContain("beslutet 3 december 2026 att avslå ansökan om F-gaser - Personcertifikat kategori I");

    // A second appeal against the same decision is refused, and says where the first one is.
    expect((await failure(submitAppeal(deps(), sven, { target: { decisionId }, grounds: "Igen", files: [] })))!.message).toBe(`Beslutet är redan överklagat (ärende ${number}).`);

    // Bo refused it, Greta reviewed its Moment: neither may handle it; Dag may.
    expect(await failure(takeCase(deps(), bo, { caseId, reason: "Jag tittar på det." }))).toEqual(new Forbidden("Du fattade beslutet som överklagas och kan därför inte handlägga överklagandet."));
    const gretaDecider = { ...greta, roles: ["reviewer", "decider"] } as UserActor;
    expect((await failure(takeCase(deps(), gretaDecider, { caseId, reason: "x" })))!.message).toBe("Du har granskat moment i ansökan som ärendet gäller och kan därför inte handlägga det.");
    expect(((await failure(takeCase(deps(), dag, { caseId, reason: " " }))) as Invalid).fields).toEqual({ motivering: expect.stringContaining("Skriv ett besked") });
    await takeCase(deps(), dag, { caseId, reason: "Vi går igenom intyget och räknar med ett besked inom två veckor." });
    await t.mail.waitFor((m) => m.to.includes("sven@example.se") && m.subject === `Ditt överklagande utreds (ärende ${number})`);
    expect((await failure(takeCase(deps(), ada, { caseId, reason: "Jag tar över." })))).toBeNull();
    expect((await failure(decideCase(deps(), dag, { caseId, outcome: "granted", reason: "x", effect: null })))!.message).toBe("Bara handläggaren kan avgöra ärendet.");

    // Ada, who took it over, decides: Bifallen, the application reopened with one Moment to complement.
    const app = await loadApplication(deps().db, ada, applicationId);
    const momentId = app.moments[0]!.moment.id;
    expect(((await failure(decideCase(deps(), ada, { caseId, outcome: "rejected", reason: "Nej.", effect: { kind: "reopen", momentIds: [] } }))) as Invalid).fields.atgard).toContain("Ett avslaget ärende ändrar inget beslut");
    const plan = await planDecideCase(deps(), ada, { caseId, outcome: "granted", reason: "Intyget är underskrivet.", effect: { kind: "reopen", momentIds: [momentId] } });
    expect(plan.mail!.text).toContain("Ansökan om F-gaser - Personcertifikat kategori I är öppnad igen.");
    const { decisionId: reopenedBy } = await decideCase(deps(), ada, { caseId, outcome: "granted", reason: "Intyget är underskrivet.", effect: { kind: "reopen", momentIds: [momentId] } });
    expect((await deps().db.select().from(applications).where(eq(applications.id, applicationId)).get())!).toMatchObject({ status: "returned", closedAt: null });
    expect((await deps().db.select().from(applicationRequirements).where(eq(applicationRequirements.id, momentId)).get())!.status).toBe("rejected");
    expect((await deps().db.select().from(decisions).where(eq(decisions.id, reopenedBy!)).get())!).toMatchObject({ kind: "return", decidedByUserId: ada.userId });
    expect((await deps().db.select().from(cases).where(eq(cases.id, caseId)).get())!).toMatchObject({ status: "decided", outcome: "granted", handlerUserId: ada.userId, resultDecisionId: reopenedBy });
    const decided = await t.mail.waitFor((m) => m.to.includes("sven@example.se") && m.subject === `Ditt överklagande är avgjort (ärende ${number})`);
    expect(decided.text).toBe(plan.mail!.text);
    // The steps are in Sven's Händelselogg, each with its reason.
    const svensLog = (await listPersonEvents(deps().db, sven.personId)).map((e) => e.action);
    expect(svensLog).toEqual(expect.arrayContaining(["case.appeal_received", "case.investigating", "case.decided", "application.reopened"]));
    // Who handles it is the body's own business: the take-over is in the case's log only.
    expect(svensLog).not.toContain("case.taken_over");
  });

  it("closes the appeal period the day after its deadline, and says so", async () => {
    at("2026-12-03T10:00:00Z");
    const olle = await user("olle@example.se", ["applicant"], "Olle", "Öberg");
    const { applicationId, decisionId } = await refusedApplication(olle, "fgas-person-iii");
    at("2027-02-04T10:00:00Z");
    const before = await counts();
    expect(await failure(submitAppeal(deps(), olle, { target: { decisionId }, grounds: "Sent", files: [] }))).toEqual(new Conflict("Tiden för att överklaga gick ut 3 februari 2027. Ett beslut kan överklagas inom 2 månader från beslutsdagen."));
    expect(await counts()).toEqual(before);
    const [option] = await appealOptions(deps().db, { applicationId }, "2027-02-04");
    expect(option!.verdict.ok).toBe(false);
    // Somebody else's decision is not theirs to appeal, and does not exist for them.
    const kim = await user("kim@example.se", ["applicant"]);
    at("2026-12-04T10:00:00Z");
    expect(await failure(submitAppeal(deps(), kim, { target: { decisionId }, grounds: "x", files: [] }))).toBeInstanceOf(NotFound);
  });

  it("refuses no grounds, files of the wrong type and 1 MB of text with a message at the field, and saves nothing", async () => {
    at("2026-12-03T10:00:00Z");
    const lisa = await user("lisa@example.se", ["applicant"], "Lisa", "Larsson");
    const { decisionId } = await refusedApplication(lisa, "fgas-person-iv");
    const before = await counts();
    const none = (await failure(submitAppeal(deps(), lisa, { target: { decisionId }, grounds: "   ", files: [pdf()] }))) as Invalid;
    expect(none.fields).toEqual({ grunder: "Skriv varför du överklagar: vad i beslutet du anser är fel, och vad du vill ska ändras." });
    const wrong = (await failure(submitAppeal(deps(), lisa, { target: { decisionId }, grounds: "Se bilagan.", files: [pdf(), { bytes: Buffer.from("MZ\x90\x00 not a pdf"), originalName: "program.exe" }] }))) as Invalid;
    expect(wrong.fields.filer).toMatch(/^”program\.exe”: Filen är inte en PDF, JPEG, PNG eller WebP\..*Välj filerna igen; inget har sparats\.$/);
    const huge = (await failure(submitAppeal(deps(), lisa, { target: { decisionId }, grounds: "x".repeat(1024 * 1024), files: [pdf()] }))) as Invalid;
    expect(huge.fields.grunder).toMatch(/^Texten är för lång: högst 10\s000 tecken tas emot, och din är 1\s048\s576 tecken\./);
    const tooMany = (await failure(submitAppeal(deps(), lisa, { target: { decisionId }, grounds: "Se bilagorna.", files: Array.from({ length: 6 }, () => pdf()) }))) as Invalid;
    expect(tooMany.fields.filer).toBe("Du kan bifoga högst 5 filer. Du valde 6.");
    expect(await counts()).toEqual(before);
  });

  it("reinstates a suspended and a withdrawn certificate when an appeal is granted, publicly and in the status lists at once", async () => {
    at("2026-12-03T10:00:00Z");
    const anna = await user("anna@example.se", ["applicant"], "Anna", "Åkesson");
    const cert = await issued(anna);
    const { decisionId: suspension } = await suspendCertificate(deps(), bo, { certificateId: cert.id, reason: "Läckagekontroller saknas.", until: "2027-06-30" });
    const [option] = await appealOptions(deps().db, { certificateId: cert.id }, "2026-12-03");
    expect(option!.loaded.kind).toBe("suspension");
    const { caseId } = await submitAppeal(deps(), anna, { target: { decisionId: suspension }, grounds: "Kontrollerna är gjorda, se protokollen.", files: [pdf("protokoll.pdf")] });
    await takeCase(deps(), dag, { caseId, reason: "Vi granskar protokollen." });
    await decideCase(deps(), dag, { caseId, outcome: "granted", reason: "Protokollen visar att kontrollerna är gjorda.", effect: { kind: "reinstate" } });
    const row = (await deps().db.select().from(certificates).where(eq(certificates.id, cert.id)).get())!;
    expect(publicStatus(row, "2026-12-03")).toBe("active");
    expect((await deps().db.select().from(credentialStatusEntries).where(eq(credentialStatusEntries.certificateNumber, cert.number)).get())!).toMatchObject({ suspended: false, revoked: false });
    // Anna is told once, by the case's mail, not again by the reinstatement's.
    expect(t.mail.to("anna@example.se").filter((m) => /återaktiverat/.test(m.subject))).toHaveLength(0);

    const { decisionId: withdrawal } = await withdrawCertificate(deps(), bo, { certificateId: cert.id, reason: "Falska protokoll." });
    const appeal = await submitAppeal(deps(), anna, { target: { decisionId: withdrawal }, grounds: "Protokollen är äkta.", files: [] });
    await takeCase(deps(), ada, { caseId: appeal.caseId, reason: "Vi kontrollerar protokollen med kunderna." });
    await decideCase(deps(), ada, { caseId: appeal.caseId, outcome: "partly_granted", reason: "Protokollen är äkta.", effect: { kind: "reinstate" } });
    expect((await deps().db.select().from(certificates).where(eq(certificates.id, cert.id)).get())!.status).toBe("active");
    expect((await deps().db.select().from(credentialStatusEntries).where(eq(credentialStatusEntries.certificateNumber, cert.number)).get())!.revoked).toBe(false);
  });

  it("approves a Moment when an appeal against its Ej godkänt is granted", async () => {
    at("2026-12-03T10:00:00Z");
    const per = await user("per@example.se", ["applicant"], "Per", "Persson");
    const applicationId = await applicationInFinalReview(deps(), { schemeCode: "fgas-utbildningsintyg-mac", personId: per.personId, byUserId: per.userId, reviewerUserId: greta.userId });
    await deps().db.update(applications).set({ status: "in_progress" }).where(eq(applications.id, applicationId));
    const app = await loadApplication(deps().db, per, applicationId);
    const momentId = app.moments[0]!.moment.id;
    await deps().db.update(applicationRequirements).set({ status: "awaiting_review", reviewedByUserId: null }).where(eq(applicationRequirements.id, momentId));
    await reviewRequirement(deps(), greta, { applicationId, momentId, approve: false, comment: "Diplomet är oläsligt." });
    const options = await appealOptions(deps().db, { applicationId }, "2026-12-03");
    expect(options.map((o) => [o.loaded.kind, o.loaded.momentName])).toEqual([["moment", app.moments[0]!.requirement.name]]);
    const { caseId } = await submitAppeal(deps(), per, { target: { momentId }, grounds: "Diplomet går att läsa i full storlek.", files: [] });
    // Greta rejected it: she may not handle the appeal, whatever her roles.
    expect((await failure(takeCase(deps(), { ...greta, roles: ["reviewer", "admin"] }, { caseId, reason: "x" })))!.message).toBe("Du fattade beslutet som överklagas och kan därför inte handlägga överklagandet.");
    await takeCase(deps(), dag, { caseId, reason: "Vi tittar på diplomet." });
    await decideCase(deps(), dag, { caseId, outcome: "granted", reason: "Diplomet är läsligt.", effect: { kind: "approve_moment" } });
    expect((await deps().db.select().from(applicationRequirements).where(eq(applicationRequirements.id, momentId)).get())!).toMatchObject({ status: "approved", reviewedByUserId: dag.userId });
    // Everything else was done: it goes to final review, as after an ordinary approval.
    expect((await deps().db.select().from(applications).where(eq(applications.id, applicationId)).get())!.status).toBe("final_review");
  });

  it("lets any of a company's admins appeal the company's refusal, and keeps employees of the company from handling it", async () => {
    at("2026-12-03T10:00:00Z");
    const karin = await user("karin@example.se", ["applicant"], "Karin", "Lindqvist");
    const staffer = await user("stina@certorg.example", ["decider"], "Stina", "Anställd");
    const companyId = await insertCompany(deps(), { name: "Kyl och Värme AB", adminPersonIds: [karin.personId], employeePersonIds: [staffer.personId] });
    const applicationId = await applicationInFinalReview(deps(), { schemeCode: "fgas-foretag", companyId, byUserId: karin.userId, reviewerUserId: greta.userId });
    const { decisionId } = await decideApplication(deps(), bo, { applicationId, decision: "refuse", reason: "Ingen anställd har giltigt personcertifikat." });
    const { caseId } = await submitAppeal(deps(), karin, { target: { decisionId }, grounds: "Stina har ett giltigt certifikat.", files: [] });
    expect((await failure(takeCase(deps(), staffer, { caseId, reason: "x" })))!.message).toBe("Du är anställd hos eller certifikatsadministratör för företaget som ärendet gäller och kan därför inte handlägga det.");
    await dismissCase(deps(), dag, { caseId, reason: "Företaget återkallade överklagandet i telefon." });
    expect((await deps().db.select().from(cases).where(eq(cases.id, caseId)).get())!).toMatchObject({ status: "dismissed", handlerUserId: dag.userId });
    await t.mail.waitFor((m) => m.to.includes("karin@example.se") && /är avskrivet/.test(m.subject));
  });
});

describe("Lämna klagomål", () => {
  it("takes a visitor's complaint about a certificate and leads to a suspension the holder learns of, but not of the complaint", async () => {
    at("2026-12-03T10:00:00Z");
    const ulf = await user("ulf@example.se", ["applicant"], "Ulf", "Utförare");
    const cert = await issued(ulf, "fgas-person-i");
    const since = t.mail.messages.length;
    const { caseId, number, mailed } = await submitComplaint(deps(), null, { description: "Aggregatet läckte efter hans service.", certificateNumber: String(cert.number), name: "Klara Kund", email: "klara@example.org", phone: "070-111 22 33", files: [pdf("kvitto.pdf")] });
    expect(mailed).toBe(true);
    expect((await deps().db.select().from(cases).where(eq(cases.id, caseId)).get())!).toMatchObject({ kind: "complaint", certificateId: cert.id, personId: ulf.personId, contactEmail: "klara@example.org", submittedByUserId: null });
    expect((await deps().db.select().from(documents).innerJoin(caseFiles, eq(caseFiles.documentId, documents.id)).where(eq(caseFiles.caseId, caseId)).get())!.documents.uploadedByUserId).toBeNull();
    await t.mail.waitFor((m) => m.to.includes("klara@example.org") && m.subject === `Ditt klagomål är mottaget (ärende ${number})` && t.mail.messages.indexOf(m) >= since);
    // Bo granted the certificate: he may not handle a complaint about it.
    expect((await failure(takeCase(deps(), bo, { caseId, reason: "x" })))!.message).toBe("Du fattade beslutet om certifikatet som klagomålet gäller och kan därför inte handlägga det.");
    await takeCase(deps(), dag, { caseId, reason: "Vi begär in serviceprotokollet." });
    const invalid = (await failure(decideCase(deps(), dag, { caseId, outcome: "granted", reason: "Läckaget styrks.", effect: { kind: "suspend", until: "2026-12-01", holderReason: "" } }))) as Invalid;
    expect(invalid.fields).toEqual({ skal: "Skriv skälet som certifikatinnehavaren får. Nämn inte den som klagade." });
    await decideCase(deps(), dag, { caseId, outcome: "granted", reason: "Läckaget styrks av protokollet.", effect: { kind: "suspend", until: "2027-03-31", holderReason: "Brister i läckagekontroll vid service." } });
    const row = (await deps().db.select().from(certificates).where(eq(certificates.id, cert.id)).get())!;
    expect(publicStatus(row, "2026-12-03")).toBe("suspended");
    const toHolder = await t.mail.waitFor((m) => m.to.includes("ulf@example.se") && /vilande/.test(m.subject));
    expect(toHolder.text).toContain("Brister i läckagekontroll vid service.");
    for (const secret of ["Klara", "klara@example.org", "070-111 22 33", "klagomål", "Läckaget styrks"]) expect(toHolder.text).not.toContain(secret);
    const toComplainant = await t.mail.waitFor((m) => m.to.includes("klara@example.org") && /avgjort/.test(m.subject));
    expect(toComplainant.text).toContain("suspenderat (Vilande) till och med 31 mars 2027");
    // The holder's Händelselogg has the suspension, nothing of the complaint.
    const log = await listPersonEvents(deps().db, ulf.personId);
    expect(log.map((e) => e.action)).toContain("certificate.suspended");
    expect(log.filter((e) => e.action.startsWith("case."))).toEqual([]);
    expect(await deps().db.select().from(events).where(and(eq(events.subjectType, "case"), eq(events.subjectId, caseId)))).toSatisfy((rows: { personId: string | null; companyId: string | null }[]) => rows.length === 3 && rows.every((r) => r.personId === null && r.companyId === null));
  });

  it("names a wrong certificate number and a wrong organisationsnummer, and keeps nothing", async () => {
    const before = await counts();
    const e = (await failure(submitComplaint(deps(), null, { description: "", certificateNumber: "99999999", orgNumber: "556016-0681", email: "inte en adress", files: [{ bytes: Buffer.from("<html>"), originalName: "sida.html" }] }))) as Invalid;
    expect(Object.keys(e.fields).sort()).toEqual(["beskrivning", "certifikat", "epost", "filer", "orgnr"]);
    expect(e.fields.certifikat).toContain("Det finns inget certifikat med nummer 99999999.");
    expect(await counts()).toEqual(before);
  });

  it("counts a year's cases with their median handling time", async () => {
    const rows = await listCasesReceived(deps().db, new Date("2026-01-01T00:00:00+01:00"), new Date("2027-01-01T00:00:00+01:00"));
    const figures = caseStatistics(rows);
    expect(figures.received).toBe(rows.length);
    expect(figures.byKind.appeal + figures.byKind.complaint).toBe(rows.length);
    expect(figures.decided + figures.dismissed + figures.open).toBe(rows.length);
    expect(figures.medianDays).not.toBeNull();
  });
});
