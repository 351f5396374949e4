// A certificate's whole life on a clock the test moves: issue, the reminder two months before
// Giltigt till (once), Årlig förlängning attested by a company admin (never for their own
// certificate), new versions a year on, a missed extension that expires the next day, the end of
// the cycle and Omcertifiering, a suspension that ends by itself, the status on any past date,
// and sweeps in parallel (also in two runtimes on one database file) that send each mail once.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationRequirements, applications, certificates, certificateStatusHistory, decisions, events, invoiceLines, invoices, mailOutbox, reminders, schemes } from "../../db/schema/index.ts";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { Conflict, Forbidden } from "../../lib/errors.ts";
import { applicationInFinalReview, insertCompany, schemeByCode } from "../../test/applications.ts";
import { seedUser } from "../../test/fixtures.ts";
import { startTestApp, TEST_ORIGIN, textOf, type TestApp } from "../../test/harness.ts";
import { actorForUser } from "../accounts/find-user.ts";
import { currentDeclaration, declare, loadApplication, setInvoiceRecipient, submitApplication } from "../certification/index.ts";
import type { Actor, Role } from "../deps.ts";
import { decideApplication, suspendCertificate } from "../review/index.ts";
import { nextRenewal, renewedDates } from "./due.ts";
import { attestActivity, listAttestable, startRenewal } from "./renewal.ts";
import { runDailySweep } from "./sweep.ts";

const run = promisify(execFile);
type UserActor = Actor & { userId: string; personId: string };
let t: TestApp;
let olle: UserActor; // technician, employee
let anna: UserActor; // company admin, also a technician
let bertil: UserActor; // the other company admin
let cecilia: UserActor; // works alone, misses her extension
let greta: UserActor; // reviewer
let dag: UserActor; // decider
let companyId: string;

const deps = () => t.runtime.deps;
const db = () => deps().db;
const user = async (email: string, roles: Role[], givenName: string, familyName: string) => (await actorForUser(db(), (await seedUser(deps(), { email, roles, givenName, familyName })).userId)) as UserActor;
const at = (date: string) => t.clock!.set(new Date(`${date}T09:00:00Z`));
const sweep = async () => {
  const r = await runDailySweep(deps());
  await deps().mailQueue.drain();
  return r;
};
const certRow = async (id: string) => (await db().select().from(certificates).where(eq(certificates.id, id)).get())!;
const currentOf = async (number: number) => (await db().select().from(certificates).where(eq(certificates.number, number)))
  .sort((a, b) => b.version - a.version)[0]!;
const api = async (number: number, on?: string) => (await t.app.request(`${TEST_ORIGIN}/api/v1/certificates/${number}${on ? `?on=${on}` : ""}`)).json() as Promise<{ status: string; statusLabel: string; validUntil: string; on?: { status: string | null; version: number | null; validUntil: string | null } }>;
const mailsTo = (email: string, subject: string) => t.mail.to(email).filter((m) => m.subject.includes(subject));

async function issue(person: UserActor, schemeCode = "fgas-person-i") {
  const applicationId = await applicationInFinalReview(deps(), { schemeCode, personId: person.personId, byUserId: person.userId, reviewerUserId: greta.userId });
  const r = await decideApplication(deps(), dag, { applicationId, decision: "grant" });
  return r.certificate!;
}

/** A renewal straight to final review with its Moment approved (what the holder's steps make), then granted. */
async function renewByStaff(person: UserActor, certificateId: string, kind: "extension" | "recertification", schemeCode = "fgas-person-i") {
  const applicationId = await applicationInFinalReview(deps(), { schemeCode, personId: person.personId, byUserId: person.userId, reviewerUserId: greta.userId, renews: { kind, certificateId } });
  return decideApplication(deps(), dag, { applicationId, decision: "grant" });
}

let olleCert: { id: string; number: number };
let annaCert: { id: string; number: number };
let ceciliaCert: { id: string; number: number };

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-03-15T09:00:00Z") });
  olle = await user("olle@kyl.example.se", ["applicant"], "Olle", "Kylman");
  anna = await user("anna@kyl.example.se", ["applicant"], "Anna", "Admin");
  bertil = await user("bertil@kyl.example.se", ["applicant"], "Bertil", "Bas");
  cecilia = await user("cecilia@example.se", ["applicant"], "Cecilia", "Ensam");
  greta = await user("greta@certorg.example", ["reviewer"], "Greta", "Granskare");
  dag = await user("dag@certorg.example", ["decider"], "Dag", "Beslutare");
  companyId = await insertCompany(deps(), { name: "Kylteknik i Väst AB", adminPersonIds: [anna.personId, bertil.personId], employeePersonIds: [olle.personId, anna.personId, bertil.personId] });
  olleCert = await issue(olle);
  annaCert = await issue(anna);
  ceciliaCert = await issue(cecilia);
}, 60_000);
afterAll(() => t.close());

describe("the dates", () => {
  it("moves Giltigt till one year on, never past the cycle, and starts a new cycle after the last", () => {
    expect(renewedDates("extension", { validUntil: "2027-03-14", cycleEndsOn: "2031-03-14" }, { validityYears: 1, recertificationYears: 5 }, "2027-02-01")).toEqual({ validUntil: "2028-03-14", cycleEndsOn: "2031-03-14" });
    expect(renewedDates("extension", { validUntil: "2030-09-30", cycleEndsOn: "2031-03-14" }, { validityYears: 1, recertificationYears: 5 }, "2030-09-01")).toEqual({ validUntil: "2031-03-14", cycleEndsOn: "2031-03-14" });
    expect(renewedDates("recertification", { validUntil: "2031-03-14", cycleEndsOn: "2031-03-14" }, { validityYears: 1, recertificationYears: 5 }, "2031-01-10")).toEqual({ validUntil: "2032-03-14", cycleEndsOn: "2036-03-14" });
    const rules = { kind: "CERTIFICATE" as const, validityYears: 1, annualExtension: true, recertificationYears: 5, extensionNoticeMonths: 2, recertificationNoticeMonths: 6 };
    const cert = { status: "active" as const, validUntil: "2027-03-14", cycleEndsOn: "2031-03-14" };
    expect(nextRenewal(cert, rules, "2027-01-13")).toEqual({ kind: "extension", dueOn: "2027-03-14", opensOn: "2027-01-14", state: "upcoming" });
    expect(nextRenewal(cert, rules, "2027-01-14")?.state).toBe("due");
    expect(nextRenewal(cert, rules, "2027-03-15")?.state).toBe("missed");
    expect(nextRenewal({ ...cert, validUntil: "2031-03-14" }, rules, "2030-09-14")).toEqual({ kind: "recertification", dueOn: "2031-03-14", opensOn: "2030-09-14", state: "due" });
  });
});

describe("a five-year cycle on a moving clock", () => {
  it("issues with Giltigt till a year on and the cycle's end five years on", async () => {
    expect(await certRow(olleCert.id)).toMatchObject({ version: 1, status: "active", issuedOn: "2026-03-15", validUntil: "2027-03-14", cycleEndsOn: "2031-03-14" });
  });

  it("sends no reminder before the window, then one at −2 months to the holder and the employer's admins, and not a second time", async () => {
    at("2027-01-13");
    expect((await sweep()).reminders).toBe(0);
    expect(mailsTo("olle@kyl.example.se", "Dags för årlig förlängning")).toHaveLength(0);
    await expect(startRenewal(deps(), olle, { certificateId: olleCert.id })).rejects.toThrow("Årlig förlängning kan sökas från och med 2027-01-14.");

    at("2027-01-14");
    const first = await sweep();
    expect(first).toMatchObject({ ran: true, reminders: 3 });
    const toOlle = mailsTo("olle@kyl.example.se", "Dags för årlig förlängning");
    expect(toOlle).toHaveLength(1);
    expect(toOlle[0]!.subject).toBe(`Dags för årlig förlängning: certifikat nr ${olleCert.number}`);
    expect(toOlle[0]!.text).toContain("Certifikatet gäller till och med 2027-03-14.");
    // Both admins hear about Olle's certificate, worded for an employer.
    for (const admin of ["anna@kyl.example.se", "bertil@kyl.example.se"]) {
      const m = mailsTo(admin, `certifikat nr ${olleCert.number}`);
      expect(m).toHaveLength(1);
      expect(m[0]!.text).toContain("Som certifikatsadministratör kan du intyga Olle Kylmans yrkesverksamhet");
    }
    // Anna's own certificate: once to her, once to Bertil; never twice to Anna.
    expect(mailsTo("anna@kyl.example.se", `certifikat nr ${annaCert.number}`)).toHaveLength(1);

    const again = await sweep();
    expect(again).toMatchObject({ ran: true, reminders: 0, mails: 0 });
    expect(mailsTo("olle@kyl.example.se", "Dags för årlig förlängning")).toHaveLength(1);
    const logged = await db().select().from(events).where(and(eq(events.action, "certificate.reminder_sent"), eq(events.subjectId, olleCert.id)));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ actorName: "System", details: { reminder: "Årlig förlängning", dueOn: "2027-03-14", recipients: 3 } });
  });

  it("lets a company admin attest an employee's activity, never her own; the other admin attests hers", async () => {
    at("2027-01-20");
    const list = await listAttestable(db(), anna, companyId, "2027-01-20");
    expect(list.map((r) => [r.name, r.number, r.own])).toEqual(
      expect.arrayContaining([
        ["Anna Admin", annaCert.number, true],
        ["Olle Kylman", olleCert.number, false],
      ]),
    );
    const own = await attestActivity(deps(), anna, { companyId, certificateIds: [annaCert.id] }).catch((e: unknown) => e);
    expect(own).toBeInstanceOf(Forbidden);
    expect((own as Error).message).toContain("Du kan inte intyga din egen yrkesverksamhet");
    // A batch with her own certificate in it is refused whole.
    await expect(attestActivity(deps(), anna, { companyId, certificateIds: [olleCert.id, annaCert.id] })).rejects.toBeInstanceOf(Forbidden);
    expect(await db().select().from(applications).where(eq(applications.renewsCertificateId, olleCert.id))).toHaveLength(0);
    // Someone outside the company cannot attest at all.
    await expect(attestActivity(deps(), cecilia, { companyId, certificateIds: [olleCert.id] })).rejects.toThrow();

    expect(await attestActivity(deps(), anna, { companyId, certificateIds: [olleCert.id] })).toEqual({ attested: 1 });
    expect(await attestActivity(deps(), bertil, { companyId, certificateIds: [annaCert.id] })).toEqual({ attested: 1 });
    const [app] = await db().select().from(applications).where(eq(applications.renewsCertificateId, olleCert.id));
    expect(app).toMatchObject({ kind: "extension", personId: olle.personId, status: "in_progress", createdByUserId: anna.userId });
    const [moment] = await db().select().from(applicationRequirements).where(eq(applicationRequirements.applicationId, app!.id));
    expect(moment).toMatchObject({ status: "approved", attestedByUserId: anna.userId, attestedCompanyId: companyId, attestedAt: new Date("2027-01-20T09:00:00Z") });
    await deps().mailQueue.drain();
    expect(mailsTo("olle@kyl.example.se", "Din yrkesverksamhet är intygad")).toHaveLength(1);
    // Attesting twice is refused: it is already done.
    await expect(attestActivity(deps(), bertil, { companyId, certificateIds: [olleCert.id] })).rejects.toBeInstanceOf(Conflict);
    // The holder's "Ansök om årlig förlängning" leads to the same application.
    expect(await startRenewal(deps(), olle, { certificateId: olleCert.id })).toEqual({ applicationId: app!.id });
  });

  it("grants the extension as version 2, Giltigt till a year on, at the price frozen when it was submitted", async () => {
    const [app] = await db().select().from(applications).where(eq(applications.renewsCertificateId, olleCert.id));
    const scheme = await schemeByCode(deps(), "fgas-person-i");
    await declare(deps(), olle, { applicationId: app!.id, declarationTextId: (await currentDeclaration(deps(), scheme.id)).id });
    const address = { name: "Olle Kylman", addressLine1: "Hemvägen 2", addressLine2: null, postalCode: "222 22", city: "Lund", country: "Sverige", phone: null, email: "olle.faktura@example.se" };
    await setInvoiceRecipient(deps(), olle, { applicationId: app!.id, choice: { kind: "alternative", address, reference: null } });
    await submitApplication(deps(), olle, { applicationId: app!.id });
    expect((await db().select().from(applications).where(eq(applications.id, app!.id)).get())).toMatchObject({ status: "final_review", priceOre: 90000 });
    // The fee goes up after submission: the applicant still pays what was shown.
    await db().update(schemes).set({ extensionPriceOre: 150000 }).where(eq(schemes.id, scheme.id));

    at("2027-02-01");
    const r = await decideApplication(deps(), dag, { applicationId: app!.id, decision: "grant" });
    const v2 = await certRow(r.certificate!.id);
    expect(v2).toMatchObject({ number: olleCert.number, version: 2, supersedesCertificateId: olleCert.id, status: "active", issuedOn: "2027-02-01", validUntil: "2028-03-14", cycleEndsOn: "2031-03-14" });
    expect(await db().select().from(decisions).where(eq(decisions.id, r.decisionId)).get()).toMatchObject({ kind: "extend", certificateId: v2.id, decidedByUserId: dag.userId });
    // The old version's period closes the day the new one opens.
    expect(await db().select().from(certificateStatusHistory).where(eq(certificateStatusHistory.certificateId, olleCert.id))).toMatchObject([{ status: "active", fromDate: "2026-03-15", toDate: "2027-02-01" }]);
    const lines = await db().select().from(invoiceLines).innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId)).where(eq(invoices.applicationId, app!.id));
    expect(lines.map((l) => [l.invoice_lines.description, l.invoice_lines.unitPriceOre])).toEqual([[`Årlig förlängning, F-gaser - Personcertifikat kategori I, certifikat nr ${olleCert.number} version 2`, 90000]]);
    await deps().mailQueue.drain();
    const mail = mailsTo("olle@kyl.example.se", "är förlängt");
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain("Certifikatet har nu version 2 och gäller till och med 2028-03-14.");
    expect(await db().select().from(events).where(and(eq(events.action, "certificate.extended"), eq(events.subjectId, v2.id)))).toHaveLength(1);
    await db().update(schemes).set({ extensionPriceOre: 90000 }).where(eq(schemes.id, scheme.id));
    // A decision on the old version is refused: it belongs on the current one.
    await expect(suspendCertificate(deps(), dag, { certificateId: olleCert.id, reason: "Fel version.", until: "2027-06-30" })).rejects.toThrow("Det finns en nyare version av certifikatet (version 2).");

    // The public sees the same number, now valid to 2028; the old printout is "Ersatt av version 2".
    expect(await api(olleCert.number)).toMatchObject({ status: "active", validUntil: "2028-03-14" });
    const page = textOf(await (await t.app.request(`${TEST_ORIGIN}/c/${olleCert.number}?version=1`)).text());
    expect(page).toContain("Ersatt av version 2.");
    expect(page).toMatch(/1\s+2026-03-15\s+2027-03-14\s+Ersatt av version 2 \(2027-02-01\)/);
  });

  it("expires a certificate whose extension was missed, from the day after Giltigt till, on page, API and badge", async () => {
    at("2027-03-14");
    await sweep();
    expect(await api(ceciliaCert.number)).toMatchObject({ status: "active" });
    expect((await certRow(ceciliaCert.id)).status).toBe("active");

    at("2027-03-15");
    const r = await sweep();
    expect(r.expired).toBeGreaterThanOrEqual(1);
    expect(await certRow(ceciliaCert.id)).toMatchObject({ status: "expired" });
    expect(await api(ceciliaCert.number)).toMatchObject({ status: "expired", statusLabel: "Utgånget" });
    expect(textOf(await (await t.app.request(`${TEST_ORIGIN}/c/${ceciliaCert.number}`)).text())).toContain("Utgånget");
    expect(await (await t.app.request(`${TEST_ORIGIN}/badge/${ceciliaCert.number}.svg`)).text()).toContain("Utgånget");
    const history = await db().select().from(certificateStatusHistory).where(eq(certificateStatusHistory.certificateId, ceciliaCert.id));
    expect(history).toMatchObject([
      { status: "active", fromDate: "2026-03-15", toDate: "2027-03-15" },
      { status: "expired", fromDate: "2027-03-15", toDate: null, decisionId: null, reason: "Giltighetstiden gick ut 2027-03-14 utan årlig förlängning." },
    ]);
    const logged = await db().select().from(events).where(and(eq(events.action, "certificate.expired"), eq(events.subjectId, ceciliaCert.id)));
    expect(logged).toHaveLength(1);
    expect(logged[0]!.details).toMatchObject({ reason: "Giltighetstiden gick ut 2027-03-14 utan årlig förlängning." });
    // Too late to extend; and the sweep does it once.
    await expect(startRenewal(deps(), cecilia, { certificateId: ceciliaCert.id })).rejects.toThrow("Certifikatet gick ut 2027-03-14.");
    expect((await sweep()).expired).toBe(0);
    // Anna's extension was attested but never sent in: hers expired too, Olle's version 2 did not.
    expect((await currentOf(olleCert.number)).status).toBe("active");
    expect((await certRow(annaCert.id)).status).toBe("expired");
  });

  it("extends year by year to the cycle's end, then recertifies into a new cycle with the same number", async () => {
    for (const [year, validUntil] of [["2028", "2029-03-14"], ["2029", "2030-03-14"], ["2030", "2031-03-14"]] as const) {
      at(`${year}-02-01`);
      const current = await currentOf(olleCert.number);
      const r = await renewByStaff(olle, current.id, "extension");
      expect(await certRow(r.certificate!.id)).toMatchObject({ version: current.version + 1, validUntil, cycleEndsOn: "2031-03-14" });
    }
    const v5 = await currentOf(olleCert.number);
    expect(v5.version).toBe(5);
    // Giltigt till has reached the cycle's end: next is Omcertifiering, from six months before.
    at("2030-09-13");
    await sweep();
    expect(mailsTo("olle@kyl.example.se", "Dags för omcertifiering")).toHaveLength(0);
    at("2030-09-14");
    await sweep();
    const reminder = mailsTo("olle@kyl.example.se", "Dags för omcertifiering");
    expect(reminder).toHaveLength(1);
    expect(reminder[0]!.text).toContain("Certifieringsperioden slutar 2031-03-14.");
    const { applicationId } = await startRenewal(deps(), olle, { certificateId: v5.id });
    const started = await loadApplication(db(), olle, applicationId);
    expect(started.application.kind).toBe("recertification");
    expect(started.moments.map((m) => m.requirement.name)).toEqual(["Godkänt prov eller dokumenterad erfarenhet"]);
    await db().update(applications).set({ status: "withdrawn", closedAt: t.clock!.now() }).where(eq(applications.id, applicationId));

    at("2031-01-10");
    const r = await renewByStaff(olle, v5.id, "recertification");
    const v6 = await certRow(r.certificate!.id);
    expect(v6).toMatchObject({ number: olleCert.number, version: 6, issuedOn: "2031-01-10", validUntil: "2032-03-14", cycleEndsOn: "2036-03-14", status: "active" });
    expect(await db().select().from(decisions).where(eq(decisions.id, r.decisionId)).get()).toMatchObject({ kind: "recertify" });
    // A new cycle: next is Årlig förlängning again.
    const next = nextRenewal(v6, await schemeByCode(deps(), "fgas-person-i"), "2032-01-14");
    expect(next).toMatchObject({ kind: "extension", dueOn: "2032-03-14", state: "due" });
  });

  it("answers for any date from the status history: which status, which version", async () => {
    at("2031-06-01");
    const n = olleCert.number;
    expect((await api(n, "2026-03-14")).on).toEqual({ date: "2026-03-14", status: null, statusLabel: "Inte utfärdat", version: null, validUntil: null });
    expect((await api(n, "2026-06-01")).on).toMatchObject({ status: "active", version: 1, validUntil: "2027-03-14" });
    expect((await api(n, "2027-02-01")).on).toMatchObject({ status: "active", version: 2, validUntil: "2028-03-14" });
    expect((await api(n, "2030-12-24")).on).toMatchObject({ status: "active", version: 5 });
    expect((await api(n, "2031-03-20")).on).toMatchObject({ status: "active", version: 6, validUntil: "2032-03-14" });
    // Cecilia: active the last day, expired the day after.
    expect((await api(ceciliaCert.number, "2027-03-14")).on).toMatchObject({ status: "active", version: 1 });
    expect((await api(ceciliaCert.number, "2027-03-15")).on).toMatchObject({ status: "expired", version: 1 });
    // The pages say the same in words.
    expect(textOf(await (await t.app.request(`${TEST_ORIGIN}/c/${ceciliaCert.number}?datum=2027-03-01`)).text())).toContain("Den 2027-03-01 var certifikatet Aktivt (giltigt). Gällande version: 1, giltig till 2027-03-14.");
    expect(textOf(await (await t.app.request(`${TEST_ORIGIN}/kontrollera-certifikat?nummer=${ceciliaCert.number}&datum=2027-04-01`)).text())).toContain("Den 2027-04-01 var certifikatet Utgånget (inte giltigt).");
    // A date that is not one: a clear Swedish message, never a 500.
    const bad = await t.app.request(`${TEST_ORIGIN}/api/v1/certificates/${n}?on=2027-02-30`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).title).toBe("Felaktigt datum");
    const badPage = await t.app.request(`${TEST_ORIGIN}/kontrollera-certifikat?nummer=${n}&datum=imorgon`);
    expect(badPage.status).toBe(422);
    expect(textOf(await badPage.text())).toContain("Ange datumet som ÅÅÅÅ-MM-DD");
  });
});

describe("suspensions that reach their last day", () => {
  it("reinstates by itself from the day after, with the reason in the history and the Händelselogg", async () => {
    at("2031-06-01");
    const holder = await user("david@example.se", ["applicant"], "David", "Vilande");
    const cert = await issue(holder, "fgas-person-iii");
    await suspendCertificate(deps(), dag, { certificateId: cert.id, reason: "Utredning av klagomål.", until: "2031-06-30" });
    at("2031-06-30");
    await sweep();
    expect((await certRow(cert.id)).status).toBe("suspended");
    at("2031-07-02");
    const r = await sweep();
    expect(r.reinstated).toBe(1);
    expect(await certRow(cert.id)).toMatchObject({ status: "active", suspendedUntil: null });
    const history = await db().select().from(certificateStatusHistory).where(eq(certificateStatusHistory.certificateId, cert.id));
    expect(history.map((h) => [h.status, h.fromDate, h.toDate, h.reason])).toEqual([
      ["active", "2031-06-01", "2031-06-01", null],
      ["suspended", "2031-06-01", "2031-07-01", null],
      ["active", "2031-07-01", null, "Vilandeperioden slutade 2031-06-30."],
    ]);
    expect(await db().select().from(events).where(and(eq(events.action, "certificate.suspension_ended"), eq(events.subjectId, cert.id)))).toHaveLength(1);
    expect((await api(cert.number, "2031-06-15")).on).toMatchObject({ status: "suspended" });
    expect((await api(cert.number, "2031-07-01")).on).toMatchObject({ status: "active" });
    expect((await sweep()).reinstated).toBe(0);
  });

  it("tells the decider once instead, where the scheme says so", async () => {
    at("2031-08-01");
    const scheme = await schemeByCode(deps(), "fgas-person-iv");
    await db().update(schemes).set({ suspensionEnd: "notify" }).where(eq(schemes.id, scheme.id));
    const holder = await user("erik@example.se", ["applicant"], "Erik", "Aviserad");
    const cert = await issue(holder, "fgas-person-iv");
    await suspendCertificate(deps(), dag, { certificateId: cert.id, reason: "Saknar intyg.", until: "2031-08-10" });
    at("2031-08-11");
    expect((await sweep()).suspensionNotices).toBe(1);
    expect((await sweep()).suspensionNotices).toBe(0);
    expect((await certRow(cert.id)).status).toBe("suspended");
    const notices = mailsTo("dag@certorg.example", `Vilandeperioden för certifikat nr ${cert.number} har slutat`);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain("återaktiveras det inte av sig självt");
  });
});

describe("sweeps at the same time", () => {
  it("send each reminder once: many sweeps in one process, with and without the lease", async () => {
    at("2031-09-01");
    const holders = await Promise.all(["fia", "gun", "hans"].map((n) => user(`${n}@example.se`, ["applicant"], n, "Parallell")));
    const certs = [];
    for (const h of holders) certs.push(await issue(h, "fgas-person-ii"));
    at("2032-07-01"); // two months before 2032-08-31
    t.mail.clear();
    const results = await Promise.all([runDailySweep(deps(), { lease: false }), runDailySweep(deps(), { lease: false }), runDailySweep(deps()), runDailySweep(deps()), runDailySweep(deps(), { lease: false })]);
    await deps().mailQueue.drain();
    expect(results.reduce((n, r) => n + r.reminders, 0)).toBeGreaterThanOrEqual(3);
    for (const c of certs) {
      expect((await db().select({ n: count() }).from(reminders).where(and(eq(reminders.certificateNumber, c.number), eq(reminders.kind, "extension"))).get())!.n).toBe(1);
    }
    for (const h of holders) expect(mailsTo(h.name ? `${h.name.split(" ")[0]}@example.se` : "", "Dags för årlig förlängning")).toHaveLength(1);
  });

  it("send each reminder once from two processes and the server on one database file", async () => {
    // The CLI runs on the real clock: certificates issued eleven months ago are due now.
    const realNow = new Date();
    const elevenMonthsAgo = new Date(realNow);
    elevenMonthsAgo.setUTCMonth(elevenMonthsAgo.getUTCMonth() - 11);
    t.clock!.set(elevenMonthsAgo);
    const holders = await Promise.all(["ivar", "jan"].map((n) => user(`${n}@example.se`, ["applicant"], n, "Tvåprocess")));
    for (const h of holders) await issue(h, "fgas-person-ii");
    t.clock!.set(realNow);
    t.mail.clear();
    const env = { ...process.env, NODE_ENV: "test", DATA_DIR: t.dataDir, SMTP_URL: t.mail.url, PUBLIC_URL: TEST_ORIGIN, ORG_NAME: "Testcert AB" };
    const cli = () => run(process.execPath, ["--import", "tsx", "cli.ts", "jobs:run"], { env, cwd: path.resolve(import.meta.dirname, "../..") });
    const [a, b] = await Promise.all([cli(), cli(), runDailySweep(deps(), { lease: false }).then(() => deps().mailQueue.drain())]);
    expect(`${a.stdout}${b.stdout}`).toMatch(/Daglig körning klar|En annan process/);
    await deps().mailQueue.drain();
    for (const n of ["ivar", "jan"]) expect(mailsTo(`${n}@example.se`, "Dags för årlig förlängning")).toHaveLength(1);
    const pending = await db().select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.status, "pending")).get();
    expect(pending!.n).toBe(0);
  }, 60_000);
});
