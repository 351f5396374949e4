import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationRequirements, applications, decisions, events, persons } from "../../db/schema/index.ts";
import { Forbidden } from "../../lib/errors.ts";
import { applicationInFinalReview, employ, insertCompany, insertPerson } from "../../test/applications.ts";
import { seedUser } from "../../test/fixtures.ts";
import { startTestApp, type TestApp } from "../../test/harness.ts";
import { actorForUser } from "../accounts/find-user.ts";
import type { Actor, Role } from "../deps.ts";
import { decideApplication, finalReviewChecklist, identityCheck, reinstateCertificate, suspendCertificate, type ChecklistItem } from "./index.ts";

type UserActor = Actor & { userId: string; personId: string };
let t: TestApp;
let clerk: UserActor;
let greta: UserActor;
let dag: UserActor;

const deps = () => t.runtime.deps;
const user = async (email: string, roles: Role[]) => (await actorForUser(deps().db, (await seedUser(deps(), { email, roles })).userId)) as UserActor;
const checklist = (applicationId: string) => finalReviewChecklist(deps(), dag, { applicationId });
const item = (items: ChecklistItem[], key: ChecklistItem["key"]) => items.find((i) => i.key === key)!;
const inFinalReview = (schemeCode: string, holder: { personId?: string; companyId?: string }, recipient?: false) =>
  applicationInFinalReview(deps(), { schemeCode, ...holder, byUserId: clerk.userId, reviewerUserId: greta.userId, recipient });
/** Issues a person certificate the real way, so the company rule reads what issuance writes. */
const issue = async (schemeCode: string, personId: string, validUntil?: string) => (await decideApplication(deps(), dag, { applicationId: await inFinalReview(schemeCode, { personId }), decision: "grant", validUntil })).certificate!;

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-03-15T09:00:00Z") });
  clerk = await user("clerk@example.se", ["applicant"]);
  greta = await user("greta@certorg.example", ["reviewer"]);
  dag = await user("dag@certorg.example", ["decider"]);
});
afterAll(() => t.close());

describe("the final review checklist of a person's application", () => {
  it("lists Moment, declaration with its version, recipient and identity, all done", async () => {
    const p = await insertPerson(deps(), { identityMethod: "bankid" });
    const items = await checklist(await inFinalReview("fgas-person-i", { personId: p.personId }));
    expect(items).toEqual([
      { key: "requirements", label: "Alla moment godkända", ok: true, detail: "2 av 2 moment godkända." },
      { key: "declaration", label: "Ansökan intygad", ok: true, detail: "Förbindelsetext version 1, intygad 2026-03-15." },
      { key: "invoice_recipient", label: "Fakturamottagare", ok: true, detail: "Faktura Mottagare, 211 20 Malmö." },
      { key: "identity", label: "Identitet", ok: true, detail: "Styrkt med BankID." },
    ]);
  });

  it("names what is missing", async () => {
    const p = await insertPerson(deps());
    const id = await inFinalReview("fgas-person-i", { personId: p.personId }, false);
    const [first] = await deps().db.select().from(applicationRequirements).where(eq(applicationRequirements.applicationId, id));
    await deps().db.update(applicationRequirements).set({ status: "awaiting_review" }).where(eq(applicationRequirements.id, first!.id));
    await deps().db.update(applications).set({ declaredAt: null, declarationTextId: null }).where(eq(applications.id, id));
    const items = await checklist(id);
    expect(item(items, "requirements")).toMatchObject({ ok: false, detail: expect.stringMatching(/^Inte godkända: (Godkänt prov|Kopia av legitimation)\.$/) });
    expect(item(items, "declaration")).toEqual({ key: "declaration", label: "Ansökan intygad", ok: false, detail: "Ansökan är inte intygad." });
    expect(item(items, "invoice_recipient")).toMatchObject({ ok: false, detail: "Ingen fakturamottagare angiven." });
    expect(item(items, "identity").detail).toBe("Registrerad utan BankID: kontrollera identiteten mot legitimationen i underlagen.");
  });

  it("needs no recipient where no invoice is sent", async () => {
    const p = await insertPerson(deps());
    const items = await checklist(await inFinalReview("extern-fgas-i", { personId: p.personId }));
    expect(item(items, "invoice_recipient")).toMatchObject({ ok: true, detail: "Behövs inte: ingen faktura skickas för certifikatet." });
    expect(items.some((i) => i.key === "company_personnel")).toBe(false);
  });

  it("is for staff only", async () => {
    const p = await insertPerson(deps());
    const id = await inFinalReview("fgas-person-i", { personId: p.personId });
    await expect(finalReviewChecklist(deps(), clerk, { applicationId: id })).rejects.toBeInstanceOf(Forbidden);
  });
});

describe("the company rule: an active employee holds an active person certificate in the category", () => {
  it("holds only for an active employee's active certificate in the scheme's category, own or external", async () => {
    const karin = await insertPerson(deps(), { givenName: "Karin", familyName: "Admin" });
    const erik = await insertPerson(deps(), { givenName: "Erik", familyName: "Kyltekniker" });
    const olle = await insertPerson(deps(), { givenName: "Olle", familyName: "Slutat" });
    const nina = await insertPerson(deps(), { givenName: "Nina", familyName: "Nyanställd" });
    const companyId = await insertCompany(deps(), { name: "Kyl AB", adminPersonIds: [karin.personId], employeePersonIds: [erik.personId] });
    await employ(deps(), olle.personId, companyId, { status: "ended", endDate: "2026-01-31" });
    await employ(deps(), nina.personId, companyId, { startDate: "2026-04-01" });
    const id = await inFinalReview("fgas-foretag", { companyId });
    const rule = async () => item(await checklist(id), "company_personnel");

    expect(await rule()).toEqual({ key: "company_personnel", label: "Anställd med aktivt personcertifikat i kategorin", ok: false, detail: "Ingen aktiv anställd har ett aktivt personcertifikat i kategorin." });
    expect(item(await checklist(id), "identity").detail).toBe("Ej tillämpligt: den sökande är ett företag.");

    // Not counted: a former employee's, a future employee's, and a certificate of another category (mac).
    await issue("fgas-person-i", olle.personId);
    await issue("fgas-person-ii", nina.personId);
    await issue("fgas-person-v", erik.personId);
    expect((await rule()).ok).toBe(false);
    const refused = (await decideApplication(deps(), dag, { applicationId: id, decision: "grant" }).catch((e: Error) => e)) as Error;
    expect(refused.message).toContain("Anställd med aktivt personcertifikat i kategorin (Ingen aktiv anställd har ett aktivt personcertifikat i kategorin.)");

    // An external F-gas certificate, verified and linked here, counts.
    const external = await issue("extern-fgas-ii", erik.personId, "2027-12-31");
    expect(await rule()).toEqual({ key: "company_personnel", label: "Anställd med aktivt personcertifikat i kategorin", ok: true, detail: `Erik Kyltekniker: Externt certifikat - Personcertifikat f-gas kat II - Externt, nr ${external.number}.` });

    // Vilande does not count; Återaktivera makes it count again.
    await suspendCertificate(deps(), dag, { certificateId: external.id, reason: "Kopian granskas", until: "2026-04-30" });
    expect((await rule()).ok).toBe(false);
    await reinstateCertificate(deps(), dag, { certificateId: external.id });
    expect((await rule()).ok).toBe(true);

    // An expired one does not count either.
    t.clock!.set(new Date("2028-01-02T09:00:00Z"));
    expect((await rule()).ok).toBe(false);
    t.clock!.set(new Date("2026-03-15T09:00:00Z"));

    // Granted: the company's certificate, mailed to its admin.
    const result = await decideApplication(deps(), dag, { applicationId: id, decision: "grant" });
    expect(result.certificate).toMatchObject({ validUntil: "2027-03-14", cycleEndsOn: "2031-03-14" });
    const mail = await t.mail.waitFor((m) => m.to.includes(karin.email) && m.subject === "Företagets certifikat är utfärdat");
    expect(mail.text).toContain("Hej Karin Admin,");
    expect(mail.text).toContain(`Certifikatnummer: ${result.certificate!.number}`);
  });

  it("says so when the company has no active employees", async () => {
    const karin = await insertPerson(deps());
    const companyId = await insertCompany(deps(), { adminPersonIds: [karin.personId] });
    expect(item(await checklist(await inFinalReview("fgas-foretag", { companyId })), "company_personnel")).toMatchObject({ ok: false, detail: "Företaget har inga aktiva anställda." });
  });
});

describe("identity without BankID is a to-do for the decider, not a ✓", () => {
  it("is not ok until ticked, does not block the module's grant, and the tick is recorded in the decision", async () => {
    const p = await insertPerson(deps(), { identityMethod: "manual" });
    const id = await inFinalReview("fgas-person-i", { personId: p.personId });
    expect(item(await checklist(id), "identity")).toEqual({ key: "identity", label: "Identitet", ok: false, check: identityCheck(), detail: "Registrerad utan BankID: kontrollera identiteten mot legitimationen i underlagen." });
    const { decisionId } = await decideApplication(deps(), dag, { applicationId: id, decision: "grant", checked: ["identity"] });
    expect(await deps().db.select().from(decisions).where(eq(decisions.id, decisionId)).get()).toMatchObject({ kind: "grant", decidedByUserId: dag.userId, reason: "Identiteten kontrollerad mot legitimationen i underlagen." });
    const logged = (await deps().db.select().from(events).where(eq(events.subjectId, id))).find((e) => e.action === "application.granted");
    expect(JSON.stringify(logged?.details)).toContain("Identiteten kontrollerad mot legitimationen");
  });

  it("records nothing to check for a BankID applicant, whatever is ticked", async () => {
    const p = await insertPerson(deps(), { identityMethod: "bankid" });
    const id = await inFinalReview("fgas-person-i", { personId: p.personId });
    const { decisionId } = await decideApplication(deps(), dag, { applicationId: id, decision: "grant", checked: ["identity"] });
    expect((await deps().db.select().from(decisions).where(eq(decisions.id, decisionId)).get())!.reason).toBeNull();
  });
});

describe("identity in the checklist follows the person", () => {
  it("reads the person's identity method at the time of review", async () => {
    const p = await insertPerson(deps());
    const id = await inFinalReview("fgas-person-iii", { personId: p.personId });
    await deps().db.update(persons).set({ identityMethod: "bankid" }).where(eq(persons.id, p.personId));
    expect(item(await checklist(id), "identity").detail).toBe("Styrkt med BankID.");
  });
});
