import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, companies, invoiceRecipients, persons, schemes } from "../../db/schema/index.ts";
import { Conflict, Invalid } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { makePdf } from "../../lib/uploads/test-files.ts";
import { startTestApp, type TestApp } from "../../test/harness.ts";
import { seedUser } from "../../test/fixtures.ts";
import { actorForUser } from "../accounts/find-user.ts";
import type { Actor } from "../deps.ts";
import { reviewRequirement } from "../review/review-requirement.ts";
import { awaitingSubmission, currentDeclaration, currentStep, declare, loadApplication, processState, setInvoiceRecipient, startApplication, submitApplication, uploadEvidence, withdrawApplication } from "./index.ts";

type UserActor = Actor & { userId: string; personId: string };
let t: TestApp;
let sven: UserActor;
let reviewer: UserActor;
let companyId: string;

const schemeId = async (code: string) => (await t.runtime.deps.db.select().from(schemes).where(eq(schemes.code, code)).get())!.id;
const step = async (id: string) => currentStep(processState(await loadApplication(t.runtime.deps.db, sven, id)));
const status = async (id: string) => (await t.runtime.deps.db.select().from(applications).where(eq(applications.id, id)).get())!.status;

async function throughStep2(code: string) {
  const { applicationId } = await startApplication(t.runtime.deps, sven, { schemeId: await schemeId(code) });
  expect(await step(applicationId)).toBe(2);
  for (const m of (await loadApplication(t.runtime.deps.db, sven, applicationId)).moments) {
    await uploadEvidence(t.runtime.deps, sven, { applicationId, momentId: m.moment.id, file: { bytes: makePdf(), originalName: "intyg.pdf" } });
    await reviewRequirement(t.runtime.deps, reviewer, { applicationId, momentId: m.moment.id, approve: true, comment: null });
  }
  return applicationId;
}

beforeAll(async () => {
  t = await startTestApp();
  sven = (await actorForUser(t.runtime.deps.db, (await seedUser(t.runtime.deps, { email: "sven@example.se", givenName: "Sven", familyName: "Svensson" })).userId)) as UserActor;
  reviewer = (await actorForUser(t.runtime.deps.db, (await seedUser(t.runtime.deps, { email: "granskare@example.org", roles: ["reviewer"] })).userId)) as UserActor;
  companyId = newId();
  await t.runtime.deps.db.insert(companies).values({ id: companyId, orgNumber: "5560160680", name: "Kyl AB", addressLine1: "Kylvägen 1", postalCode: "111 11", city: "Solna", country: "Sverige", status: "approved", registeredByPersonId: sven.personId, createdAt: new Date() });
});
afterAll(() => t.close());

describe("the manual 'Utbildningsintyg Mobil AC' through the module", () => {
  it("declares with the förbindelsetext's version, then takes an invoice recipient, then is sent to final review with a mail", async () => {
    const id = await throughStep2("fgas-utbildningsintyg-mac");
    expect(await step(id)).toBe(3);
    const text = await currentDeclaration(t.runtime.deps, await schemeId("fgas-utbildningsintyg-mac"));
    await expect(setInvoiceRecipient(t.runtime.deps, sven, { applicationId: id, choice: { kind: "personal", reference: null } })).rejects.toBeInstanceOf(Conflict);
    expect(await declare(t.runtime.deps, sven, { applicationId: id, declarationTextId: text.id })).toEqual({ readyToSubmit: false });
    const app = await t.runtime.deps.db.select().from(applications).where(eq(applications.id, id)).get();
    expect(app).toMatchObject({ declarationTextId: text.id, declaredByUserId: sven.userId });
    expect(app!.declaredAt).toBeInstanceOf(Date);
    expect(await step(id)).toBe(4);
    await expect(declare(t.runtime.deps, sven, { applicationId: id, declarationTextId: text.id })).rejects.toBeInstanceOf(Conflict);

    // No billing address on the profile yet: a clear message, then the alternative address.
    await expect(setInvoiceRecipient(t.runtime.deps, sven, { applicationId: id, choice: { kind: "personal", reference: null } })).rejects.toBeInstanceOf(Invalid);
    const missing = await setInvoiceRecipient(t.runtime.deps, sven, { applicationId: id, choice: { kind: "alternative", reference: null, address: { name: "", addressLine1: "", addressLine2: null, postalCode: "", city: "", country: "", phone: null, email: null } } }).catch((e: Invalid) => e);
    expect(Object.keys((missing as Invalid).fields).sort()).toEqual(["adressrad1", "land", "ort", "postnummer"]);
    // Not sent by Spara: "Granska och skicka in" comes first, and the recipient can still be changed.
    await setInvoiceRecipient(t.runtime.deps, sven, { applicationId: id, choice: { kind: "alternative", reference: null, address: { name: "Fel AB", addressLine1: "Felvägen 1", addressLine2: "Box 2", postalCode: "333 33", city: "Fel", country: "Sverige", phone: "08-1", email: null } } });
    const result = await setInvoiceRecipient(t.runtime.deps, sven, { applicationId: id, choice: { kind: "company", companyId, reference: "PO-4711" } });
    expect(result).toEqual({ readyToSubmit: true });
    expect(await status(id)).toBe("in_progress");
    expect(awaitingSubmission(processState(await loadApplication(t.runtime.deps.db, sven, id)))).toBe(true);
    await submitApplication(t.runtime.deps, sven, { applicationId: id });
    expect(await status(id)).toBe("final_review");
    await expect(submitApplication(t.runtime.deps, sven, { applicationId: id })).rejects.toBeInstanceOf(Conflict);
    await expect(setInvoiceRecipient(t.runtime.deps, sven, { applicationId: id, choice: { kind: "personal", reference: null } })).rejects.toBeInstanceOf(Conflict);
    const recipient = await t.runtime.deps.db.select().from(invoiceRecipients).where(eq(invoiceRecipients.applicationId, id)).get();
    expect(recipient).toMatchObject({ kind: "company", name: "Kyl AB", city: "Solna", reference: "PO-4711", addressLine2: null, phone: null });
    // Frozen: the company moving does not move this invoice.
    await t.runtime.deps.db.update(companies).set({ city: "Kiruna" }).where(eq(companies.id, companyId));
    expect((await t.runtime.deps.db.select().from(invoiceRecipients).where(eq(invoiceRecipients.applicationId, id)).get())!.city).toBe("Solna");
    const mail = await t.mail.waitFor((m) => m.to.includes("sven@example.se") && m.subject.includes("granskas"));
    expect(mail.text).toContain("F-gaser - Utbildningsintyg Mobil AC");
    await expect(uploadEvidence(t.runtime.deps, sven, { applicationId: id, momentId: (await loadApplication(t.runtime.deps.db, sven, id)).moments[0]!.moment.id, file: { bytes: makePdf(), originalName: "x.pdf" } })).rejects.toBeInstanceOf(Conflict);
  });
});

describe("the manual 'Externt certifikat' through the module", () => {
  it("skips step 4: not invoiced, so after declaring it can be sent", async () => {
    const id = await throughStep2("extern-fgas-v");
    const text = await currentDeclaration(t.runtime.deps, await schemeId("extern-fgas-v"));
    await expect(submitApplication(t.runtime.deps, sven, { applicationId: id })).rejects.toBeInstanceOf(Conflict);
    expect(await declare(t.runtime.deps, sven, { applicationId: id, declarationTextId: text.id })).toEqual({ readyToSubmit: true });
    expect(await status(id)).toBe("in_progress");
    await submitApplication(t.runtime.deps, sven, { applicationId: id });
    expect(await status(id)).toBe("final_review");
    await expect(setInvoiceRecipient(t.runtime.deps, sven, { applicationId: id, choice: { kind: "personal", reference: null } })).rejects.toBeInstanceOf(Conflict);
  });
});

describe("withdrawal", () => {
  it("closes an open application, frees the scheme for a new one, and cannot be repeated", async () => {
    const { applicationId } = await startApplication(t.runtime.deps, sven, { schemeId: await schemeId("fgas-person-i") });
    await withdrawApplication(t.runtime.deps, sven, { applicationId, reason: "Fel kategori" });
    expect(await status(applicationId)).toBe("withdrawn");
    await expect(withdrawApplication(t.runtime.deps, sven, { applicationId, reason: null })).rejects.toBeInstanceOf(Conflict);
    await expect(startApplication(t.runtime.deps, sven, { schemeId: await schemeId("fgas-person-i") })).resolves.toBeDefined();
  });

  it("uses the personal billing address once the profile has one", async () => {
    await t.runtime.deps.db.update(persons).set({ addressLine1: "Hemvägen 2", postalCode: "222 22", city: "Lund", country: "Sverige" }).where(eq(persons.id, sven.personId));
    const id = await throughStep2("fgas-person-iv");
    await declare(t.runtime.deps, sven, { applicationId: id, declarationTextId: (await currentDeclaration(t.runtime.deps, await schemeId("fgas-person-iv"))).id });
    await setInvoiceRecipient(t.runtime.deps, sven, { applicationId: id, choice: { kind: "personal", reference: null } });
    expect(await t.runtime.deps.db.select().from(invoiceRecipients).where(eq(invoiceRecipients.applicationId, id)).get()).toMatchObject({ kind: "personal", name: "Sven Svensson", city: "Lund" });
  });
});
