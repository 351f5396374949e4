import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationRequirements, applications, certificates, certificateStatusHistory, decisions, events, invoiceLines, invoices } from "../../db/schema/index.ts";
import { Conflict, Forbidden, Invalid } from "../../lib/errors.ts";
import { makePdf } from "../../lib/uploads/test-files.ts";
import { applicationInFinalReview, insertPerson, schemeByCode } from "../../test/applications.ts";
import { seedUser } from "../../test/fixtures.ts";
import { startTestApp, type TestApp } from "../../test/harness.ts";
import { actorForUser } from "../accounts/find-user.ts";
import { listPersonEvents } from "../audit/index.ts";
import { listCertificatesForPerson, publicStatus } from "../certificates/index.ts";
import { currentDeclaration, currentStep, declare, loadApplication, processState, setInvoiceRecipient, startApplication, submitApplication, uploadEvidence } from "../certification/index.ts";
import type { Actor, Role } from "../deps.ts";
import { isValidOcr } from "../invoicing/index.ts";
import { alreadyDecided, decideApplication, reviewRequirement } from "./index.ts";

type UserActor = Actor & { userId: string; personId: string };
let t: TestApp;
let sven: UserActor;
let greta: UserActor; // reviewer
let dag: UserActor; // decider
let ada: UserActor; // admin
let rolf: UserActor; // reviewer and decider

const NOW = new Date("2026-03-15T09:00:00Z");
const deps = () => t.runtime.deps;
const user = async (email: string, roles: Role[], givenName = "Test", familyName = "Person") => (await actorForUser(deps().db, (await seedUser(deps(), { email, roles, givenName, familyName })).userId)) as UserActor;
const appRow = async (id: string) => (await deps().db.select().from(applications).where(eq(applications.id, id)).get())!;
const certFor = async (applicationId: string) => deps().db.select().from(certificates).where(eq(certificates.applicationId, applicationId));
const finalReview = (schemeCode: string, personId: string, extra: Partial<Parameters<typeof applicationInFinalReview>[1]> = {}) =>
  applicationInFinalReview(deps(), { schemeCode, personId, byUserId: sven.userId, reviewerUserId: greta.userId, ...extra });
const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as Error);

beforeAll(async () => {
  t = await startTestApp({ now: NOW });
  sven = await user("sven@example.se", ["applicant"], "Sven", "Svensson");
  greta = await user("greta@certorg.example", ["reviewer"], "Greta", "Granskare");
  dag = await user("dag@certorg.example", ["decider"], "Dag", "Beslutare");
  ada = await user("ada@certorg.example", ["admin"], "Ada", "Admin");
  rolf = await user("rolf@certorg.example", ["reviewer", "decider"], "Rolf", "Dubbelroll");
});
afterAll(() => t.close());

describe("Bevilja och utfärda: the manual 'Utbildningsintyg Mobil AC' from start to certificate", () => {
  it("issues certificate, decision, history, events and invoice in one go, and mails the holder", async () => {
    const scheme = await schemeByCode(deps(), "fgas-utbildningsintyg-mac");
    const { applicationId } = await startApplication(deps(), sven, { schemeId: scheme.id });
    for (const m of (await loadApplication(deps().db, sven, applicationId)).moments) {
      await uploadEvidence(deps(), sven, { applicationId, momentId: m.moment.id, file: { bytes: makePdf(), originalName: "diplom.pdf" } });
      await reviewRequirement(deps(), greta, { applicationId, momentId: m.moment.id, approve: true, comment: null });
    }
    await declare(deps(), sven, { applicationId, declarationTextId: (await currentDeclaration(deps(), scheme.id)).id });
    const address = { name: "Sven Svensson", addressLine1: "Hemvägen 2", addressLine2: null, postalCode: "222 22", city: "Lund", country: "Sverige", phone: null, email: "sven.faktura@example.se" };
    await setInvoiceRecipient(deps(), sven, { applicationId, choice: { kind: "alternative", address, reference: "Kurs 12" } });
    expect((await appRow(applicationId)).status).toBe("in_progress");
    await submitApplication(deps(), sven, { applicationId });
    expect((await appRow(applicationId)).status).toBe("final_review");

    const result = await decideApplication(deps(), dag, { applicationId, decision: "grant", reason: null });
    // The mail and the invoice's PDF follow the commit through the utkorg.
    await deps().mailQueue.drain();

    // The certificate: numbered from the sequence, Aktivt from today, no end date for an attestation.
    const [cert] = await certFor(applicationId);
    expect(cert).toMatchObject({ number: 10001, status: "active", issuedOn: "2026-03-15", validUntil: null, cycleEndsOn: null, personId: sven.personId, companyId: null, version: 1, latestDecisionId: result.decisionId });
    expect(result.certificate).toEqual({ id: cert!.id, number: 10001, validUntil: null, cycleEndsOn: null });
    const decision = await deps().db.select().from(decisions).where(eq(decisions.id, result.decisionId)).get();
    expect(decision).toMatchObject({ kind: "grant", subjectType: "application", subjectId: applicationId, certificateId: cert!.id, decidedByUserId: dag.userId, effectiveOn: "2026-03-15" });
    expect(await deps().db.select().from(certificateStatusHistory).where(eq(certificateStatusHistory.certificateId, cert!.id))).toMatchObject([{ status: "active", fromDate: "2026-03-15", toDate: null, decisionId: result.decisionId }]);

    // The application: closed as issued, step 5 done.
    const app = await appRow(applicationId);
    expect(app.status).toBe("issued");
    expect(app.closedAt).toEqual(NOW);
    expect(currentStep(processState(await loadApplication(deps().db, sven, applicationId)))).toBe(5);

    // The invoice: 950 kr + 25 % VAT, due in 30 days, to the recipient chosen in step 4.
    const invoice = await deps().db.select().from(invoices).where(eq(invoices.applicationId, applicationId)).get();
    expect(invoice).toMatchObject({
      id: result.invoice!.id,
      certificateId: cert!.id,
      issuedOn: "2026-03-15",
      dueOn: "2026-04-14",
      netOre: 95000,
      vatOre: 23750,
      totalOre: 118750,
      vatPercent: 25,
      status: "unpaid",
      recipientKind: "alternative",
      recipientName: "Sven Svensson",
      recipientCity: "Lund",
      recipientEmail: "sven.faktura@example.se",
      recipientReference: "Kurs 12",
      // Made after the commit (follow-up work): the PDF mailed is stored and pointed at.
      pdfDocumentId: expect.any(String),
    });
    expect(isValidOcr(invoice!.ocr)).toBe(true);
    expect(invoice!.ocr.slice(0, -1)).toBe(String(invoice!.number));
    expect(await deps().db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice!.id))).toMatchObject([{ description: "F-gaser - Utbildningsintyg Mobil AC, certifikat nr 10001", quantity: 1, unitPriceOre: 95000, amountOre: 95000 }]);

    // Logged in the same transaction, with the labels of the Händelselogg.
    const log = await listPersonEvents(deps().db, sven.personId);
    expect(log.slice(0, 4).map((e) => e.label).sort()).toEqual(["Ansökan beviljad", "Certifikat utfärdat", "Faktura skapad", "Faktura skickad"]);
    // An action without a label would show its code, e.g. "invoice.created".
    expect(log.filter((e) => e.label === e.action)).toEqual([]);

    // Min Sida → Certifikat shows it as Aktivt with its number.
    const mine = await listCertificatesForPerson(deps().db, sven.personId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ certificate: { number: 10001 }, scheme: { name: "Utbildningsintyg Mobil AC" }, area: { name: "F-gaser" }, latestDecisionOn: "2026-03-15" });
    expect(publicStatus(mine[0]!.certificate, "2026-03-15")).toBe("active");

    const mail = await t.mail.waitFor((m) => m.to.includes("sven@example.se") && m.subject === "Ditt certifikat är utfärdat");
    expect(mail.text).toContain("Hej Sven Svensson,");
    expect(mail.text).toContain("F-gaser - Utbildningsintyg Mobil AC");
    expect(mail.text).toContain("Certifikatnummer: 10001");
    expect(mail.text).toContain("Certifikatet har inget slutdatum.");
    expect(mail.text).toContain(`Visa certifikat: http://localhost:3000/min-sida/certifikat/${cert!.id}`);
    expect(mail.text).toContain("Testcert AB");
    const invoiceMail = await t.mail.waitFor((m) => m.to.includes("sven.faktura@example.se") && m.subject === `Faktura ${invoice!.number} från Testcert AB`);
    expect(invoiceMail.attachments.map((a) => a.filename)).toEqual([`faktura-${invoice!.number}.pdf`]);
  });

  it("dates a one-year F-gas certificate to the day before its anniversary and the cycle five years on", async () => {
    const p = await insertPerson(deps());
    const id = await finalReview("fgas-person-i", p.personId);
    const result = await decideApplication(deps(), dag, { applicationId: id, decision: "grant" });
    expect(result.certificate).toMatchObject({ validUntil: "2027-03-14", cycleEndsOn: "2031-03-14" });
    expect(result.invoice!.totalOre).toBe(600000);
    const mail = await t.mail.waitFor((m) => m.to.includes(p.email) && m.subject === "Ditt certifikat är utfärdat");
    expect(mail.text).toContain("Giltigt till: 2027-03-14");
  });

  it("takes an external certificate's Giltigt till from the decider, checks it, and sends no invoice", async () => {
    const p = await insertPerson(deps());
    const id = await finalReview("extern-fgas-ii", p.personId);
    const missing = await failure(decideApplication(deps(), dag, { applicationId: id, decision: "grant" }));
    expect(missing).toBeInstanceOf(Invalid);
    expect((missing as Invalid).fields).toEqual({ giltigttill: "Ange Giltigt till från det externa certifikatet som ÅÅÅÅ-MM-DD." });
    const badDate = await failure(decideApplication(deps(), dag, { applicationId: id, decision: "grant", validUntil: "2027-02-30" }));
    expect((badDate as Invalid).fields.giltigttill).toMatch(/ÅÅÅÅ-MM-DD/);
    const past = await failure(decideApplication(deps(), dag, { applicationId: id, decision: "grant", validUntil: "2026-03-15" }));
    expect((past as Invalid).fields).toEqual({ giltigttill: "Det externa certifikatet har redan gått ut. Giltigt till måste vara ett senare datum än i dag." });
    expect((await appRow(id)).status).toBe("final_review");
    const result = await decideApplication(deps(), dag, { applicationId: id, decision: "grant", validUntil: "2028-06-30" });
    expect(result.certificate).toMatchObject({ validUntil: "2028-06-30", cycleEndsOn: "2028-06-30" });
    expect(result.invoice).toBeNull();
    expect(await deps().db.select().from(invoices).where(eq(invoices.applicationId, id))).toEqual([]);
  });
});

describe("who may decide", () => {
  it("refuses reviewers and applicants, and a decider on their own application", async () => {
    const id = await finalReview("fgas-person-iii", sven.personId);
    expect(await failure(decideApplication(deps(), greta, { applicationId: id, decision: "grant" }))).toEqual(new Forbidden("Du har inte behörighet att besluta om ansökningar."));
    expect(await failure(decideApplication(deps(), sven, { applicationId: id, decision: "grant" }))).toBeInstanceOf(Forbidden);
    const dora = await user("dora@certorg.example", ["decider"]);
    const own = await finalReview("fgas-person-iii", dora.personId);
    expect(await failure(decideApplication(deps(), dora, { applicationId: own, decision: "grant" }))).toEqual(new Forbidden("Du kan inte besluta om din egen ansökan."));
    expect(await failure(decideApplication(deps(), dora, { applicationId: own, decision: "refuse", reason: "Nej" }))).toBeInstanceOf(Forbidden);
    expect((await appRow(own)).status).toBe("final_review");
    await decideApplication(deps(), ada, { applicationId: own, decision: "grant" });
  });

  it("keeps four eyes where the scheme asks: who approved the evidence does not decide", async () => {
    const p = await insertPerson(deps());
    const id = await applicationInFinalReview(deps(), { schemeCode: "fgas-person-iv", personId: p.personId, byUserId: sven.userId, reviewerUserId: rolf.userId });
    expect(await failure(decideApplication(deps(), rolf, { applicationId: id, decision: "grant" }))).toEqual(new Forbidden("Du har godkänt moment i ansökan. Certifikatet kräver att någon annan fattar beslutet (fyra ögon)."));
    await decideApplication(deps(), dag, { applicationId: id, decision: "grant" });
    // Without four eyes (Mobil AC), the same person may do both.
    const q = await insertPerson(deps());
    const mac = await applicationInFinalReview(deps(), { schemeCode: "fgas-utbildningsintyg-mac", personId: q.personId, byUserId: sven.userId, reviewerUserId: rolf.userId });
    await expect(decideApplication(deps(), rolf, { applicationId: mac, decision: "grant" })).resolves.toBeDefined();
  });
});

describe("refused paths of a grant", () => {
  it("refuses an application that is not in final review", async () => {
    const ivar = await user("ivar@example.se", ["applicant"]);
    const { applicationId } = await startApplication(deps(), ivar, { schemeId: (await schemeByCode(deps(), "fgas-person-ii")).id });
    expect(await failure(decideApplication(deps(), dag, { applicationId, decision: "grant" }))).toEqual(new Conflict("Ansökan är inte klar för beslut."));
    expect(await failure(decideApplication(deps(), dag, { applicationId, decision: "refuse", reason: "x" }))).toEqual(new Conflict("Ansökan är inte klar för beslut."));
  });

  it("refuses while the checklist is not all done, and says what is missing", async () => {
    const p = await insertPerson(deps());
    const id = await finalReview("fgas-person-ii", p.personId, { recipient: false });
    const error = await failure(decideApplication(deps(), dag, { applicationId: id, decision: "grant" }));
    expect(error).toBeInstanceOf(Conflict);
    expect(error!.message).toBe("Ansökan kan inte beviljas förrän allt i checklistan är uppfyllt: Fakturamottagare (Ingen fakturamottagare angiven.)");
    expect((await appRow(id)).status).toBe("final_review");
    expect(await certFor(id)).toEqual([]);
  });
});

describe("Avslå", () => {
  it("needs a reason, closes the application as refused, and tells the applicant why", async () => {
    const p = await insertPerson(deps(), { givenName: "Rut", familyName: "Avslag" });
    const id = await finalReview("fgas-person-ii", p.personId);
    const noReason = await failure(decideApplication(deps(), dag, { applicationId: id, decision: "refuse", reason: "  " }));
    expect((noReason as Invalid).fields).toEqual({ motivering: "Skriv varför ansökan avslås. Motiveringen skickas till den sökande." });
    const result = await decideApplication(deps(), dag, { applicationId: id, decision: "refuse", reason: "Provintyget gäller en annan kategori." });
    expect(result).toMatchObject({ certificate: null, invoice: null });
    expect(await appRow(id)).toMatchObject({ status: "refused", closedReason: "Provintyget gäller en annan kategori.", closedAt: NOW });
    expect(await deps().db.select().from(decisions).where(eq(decisions.id, result.decisionId)).get()).toMatchObject({ kind: "refuse", reason: "Provintyget gäller en annan kategori.", decidedByUserId: dag.userId });
    expect(await certFor(id)).toEqual([]);
    const logged = await deps().db.select().from(events).where(and(eq(events.subjectId, id), eq(events.action, "application.refused")));
    expect(logged).toHaveLength(1);
    const mail = await t.mail.waitFor((m) => m.to.includes(p.email) && m.subject === "Din ansökan om F-gaser - Personcertifikat kategori II har avslagits");
    expect(mail.text).toContain("Motivering: Provintyget gäller en annan kategori.");
    expect(mail.text).toContain(`/min-sida/ansokningar/${id}`);
    expect(await failure(decideApplication(deps(), ada, { applicationId: id, decision: "grant" }))).toEqual(new Conflict(alreadyDecided()));
  });
});

describe("Returnera för komplettering", () => {
  it("reopens the chosen Moment, then approving the new file sends it back to final review, and it can be granted", async () => {
    const scheme = await schemeByCode(deps(), "fgas-person-i");
    const olga = await user("olga@example.se", ["applicant"], "Olga", "Retur");
    const id = await applicationInFinalReview(deps(), { schemeCode: scheme.code, personId: olga.personId, byUserId: olga.userId, reviewerUserId: greta.userId });
    const moments = (await loadApplication(deps().db, olga, id)).moments;
    const prov = moments.find((m) => m.requirement.code === "prov")!;

    const noReason = await failure(decideApplication(deps(), dag, { applicationId: id, decision: "return", momentIds: [prov.moment.id] }));
    expect((noReason as Invalid).fields).toEqual({ motivering: "Skriv vad som ska kompletteras. Det skickas till den sökande." });
    const noMoment = await failure(decideApplication(deps(), dag, { applicationId: id, decision: "return", reason: "Oläsligt", momentIds: [] }));
    expect((noMoment as Invalid).fields).toEqual({ moment: "Välj minst ett moment som ska kompletteras." });
    const foreign = await failure(decideApplication(deps(), dag, { applicationId: id, decision: "return", reason: "Oläsligt", momentIds: ["nope"] }));
    expect((foreign as Invalid).fields).toEqual({ moment: "Ett valt moment hör inte till ansökan." });

    await decideApplication(deps(), dag, { applicationId: id, decision: "return", reason: "Provintyget är oläsligt. Ladda upp en tydligare kopia.", momentIds: [prov.moment.id] });
    expect(await appRow(id)).toMatchObject({ status: "returned", closedAt: null });
    const reopened = await deps().db.select().from(applicationRequirements).where(eq(applicationRequirements.id, prov.moment.id)).get();
    expect(reopened).toMatchObject({ status: "rejected", reviewComment: "Provintyget är oläsligt. Ladda upp en tydligare kopia.", reviewedByUserId: dag.userId });
    const other = await deps().db.select().from(applicationRequirements).where(eq(applicationRequirements.id, moments.find((m) => m !== prov)!.moment.id)).get();
    expect(other!.status).toBe("approved");
    const mail = await t.mail.waitFor((m) => m.to.includes("olga@example.se") && m.subject === "Din ansökan om F-gaser - Personcertifikat kategori I behöver kompletteras");
    expect(mail.text).toContain("Det här behöver kompletteras: Provintyget är oläsligt. Ladda upp en tydligare kopia.");
    expect(mail.text).toContain("Moment att komplettera: Godkänt prov.");
    expect(await failure(decideApplication(deps(), dag, { applicationId: id, decision: "grant" }))).toEqual(new Conflict("Ansökan är inte klar för beslut."));

    // The applicant uploads again; the reviewer's approval of the last open Moment sends it back.
    await uploadEvidence(deps(), olga, { applicationId: id, momentId: prov.moment.id, file: { bytes: makePdf(), originalName: "prov-skarp.pdf" } });
    expect(await reviewRequirement(deps(), greta, { applicationId: id, momentId: prov.moment.id, approve: true, comment: null })).toEqual({ submitted: true });
    expect((await appRow(id)).status).toBe("final_review");
    await t.mail.waitFor((m) => m.to.includes("olga@example.se") && m.subject === "Din ansökan om F-gaser - Personcertifikat kategori I granskas");
    const result = await decideApplication(deps(), dag, { applicationId: id, decision: "grant" });
    expect(result.certificate).not.toBeNull();
    const kinds = await deps().db.select({ kind: decisions.kind }).from(decisions).where(eq(decisions.applicationId, id));
    expect(kinds.map((k) => k.kind)).toEqual(["return", "grant"]);
  });

  it("does not send an in-progress application to final review when its Moment are approved", async () => {
    const p = await user("pia@example.se", ["applicant"]);
    const { applicationId } = await startApplication(deps(), p, { schemeId: (await schemeByCode(deps(), "fgas-utbildningsintyg-mac")).id });
    const [m] = (await loadApplication(deps().db, p, applicationId)).moments;
    await uploadEvidence(deps(), p, { applicationId, momentId: m!.moment.id, file: { bytes: makePdf(), originalName: "d.pdf" } });
    expect(await reviewRequirement(deps(), greta, { applicationId, momentId: m!.moment.id, approve: true, comment: null })).toEqual({ submitted: false });
    expect((await appRow(applicationId)).status).toBe("in_progress");
  });
});

describe("concurrency", () => {
  it("two deciders at once on one application: exactly one certificate, the other gets 'redan beslutad'", async () => {
    const p = await insertPerson(deps());
    const id = await finalReview("fgas-person-iii", p.personId);
    const outcomes = await Promise.allSettled([decideApplication(deps(), dag, { applicationId: id, decision: "grant" }), decideApplication(deps(), ada, { applicationId: id, decision: "grant" })]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const lost = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(Conflict);
    expect(lost.reason.message).toBe("Ansökan är redan beslutad.");
    expect(lost.reason.status).toBe(409);
    expect(await certFor(id)).toHaveLength(1);
    expect((await deps().db.select({ n: count() }).from(invoices).where(eq(invoices.applicationId, id)))[0]!.n).toBe(1);
    expect((await deps().db.select({ n: count() }).from(decisions).where(eq(decisions.applicationId, id)))[0]!.n).toBe(1);
  });

  it("a grant and a refusal at once: one of them, never both", async () => {
    const p = await insertPerson(deps());
    const id = await finalReview("fgas-person-iii", p.personId);
    const outcomes = await Promise.allSettled([decideApplication(deps(), dag, { applicationId: id, decision: "refuse", reason: "Nej" }), decideApplication(deps(), ada, { applicationId: id, decision: "grant" })]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const status = (await appRow(id)).status;
    expect((await certFor(id)).length).toBe(status === "issued" ? 1 : 0);
  });

  it("50 parallel issuances get 50 unique certificate numbers and 50 unique invoice numbers", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(await finalReview("fgas-person-ii", (await insertPerson(deps())).personId));
    const results = await Promise.all(ids.map((applicationId, i) => decideApplication(deps(), i % 2 ? dag : ada, { applicationId, decision: "grant" })));
    const numbers = results.map((r) => r.certificate!.number);
    expect(new Set(numbers).size).toBe(50);
    const sorted = [...numbers].sort((a, b) => a - b);
    expect(sorted.at(-1)! - sorted[0]!).toBe(49); // no gaps: none of them rolled back
    const invoiceNumbers = results.map((r) => r.invoice!.number);
    expect(new Set(invoiceNumbers).size).toBe(50);
    const stored = await deps().db.select({ number: certificates.number }).from(certificates);
    expect(new Set(stored.map((s) => s.number)).size).toBe(stored.length);
    // Each issuance also renders and mails its invoice PDF after the commit: a bound for slow CI
    // machines, not a speed claim (speed is in npm run bench).
  }, 180_000);
});
