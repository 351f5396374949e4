import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documents, invoices } from "../../db/schema/index.ts";
import { Conflict, Forbidden, NotFound } from "../../lib/errors.ts";
import { applicationInFinalReview, insertCompany, insertPerson } from "../../test/applications.ts";
import { seedUser } from "../../test/fixtures.ts";
import { startTestApp, type TestApp } from "../../test/harness.ts";
import { pdfFirstPagePng, pdfText } from "../../test/pdf.ts";
import { actorForUser } from "../accounts/find-user.ts";
import { listSubjectEvents } from "../audit/index.ts";
import type { Actor, Role } from "../deps.ts";
import { readDocument } from "../documents/index.ts";
import { decideApplication } from "../review/index.ts";
import { deliverInvoice, getInvoice, invoicePdf, markInvoicePaid, sendInvoice } from "./index.ts";

type UserActor = Actor & { userId: string; personId: string };
let t: TestApp;
let sven: UserActor;
let erik: UserActor;
let karin: UserActor;
let greta: UserActor; // reviewer
let dag: UserActor; // decider
let companyId: string;

const deps = () => t.runtime.deps;
const user = async (email: string, roles: Role[], givenName = "Test", familyName = "Person") =>
  (await actorForUser(deps().db, (await seedUser(deps(), { email, roles, givenName, familyName })).userId)) as UserActor;
const invoiceRow = async (id: string) => (await deps().db.select().from(invoices).where(eq(invoices.id, id)).get())!;
const nbsp = (s: string) => s.replace(/\u00a0/g, " ");
const invoiceMails = (to: string) => t.mail.to(to).filter((m) => m.subject.startsWith("Faktura "));

async function issue(schemeCode: string, holder: { personId?: string; companyId?: string }, recipient: Parameters<typeof applicationInFinalReview>[1]["recipient"], d = deps()) {
  const applicationId = await applicationInFinalReview(deps(), { schemeCode, ...holder, byUserId: sven.userId, reviewerUserId: greta.userId, recipient });
  const decided = await decideApplication(d, dag, { applicationId, decision: "grant" });
  // The PDF and its mail follow the commit through the utkorg.
  await deps().mailQueue.drain();
  return { applicationId, ...decided };
}

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-03-15T09:00:00Z") });
  sven = await user("sven@example.se", ["applicant"], "Sven", "Svensson");
  erik = await user("erik@example.se", ["applicant"], "Erik", "Eriksson");
  karin = await user("karin@example.se", ["applicant"], "Karin", "Karlsson");
  greta = await user("greta@certorg.example", ["reviewer"], "Greta", "Granskare");
  dag = await user("dag@certorg.example", ["decider"], "Dag", "Beslutare");
  companyId = await insertCompany(deps(), { name: "Kyl AB", adminPersonIds: [karin.personId], employeePersonIds: [erik.personId] });
});
afterAll(() => t.close());

describe("sending an invoice when the certificate is issued", () => {
  it("mails the PDF to the recipient's e-mail, stores it and logs it", async () => {
    const issued = await issue("fgas-person-i", { personId: sven.personId }, { name: "Sven Svensson", email: "sven.faktura@example.se", reference: "Order 7" });
    const mail = await t.mail.waitFor((m) => m.to.includes("sven.faktura@example.se") && m.subject === "Faktura 100001 från Testcert AB");
    const text = nbsp(mail.text);
    expect(text).toContain("Hej Sven Svensson,");
    for (const fact of ["Fakturanummer: 100001", "Belopp att betala: 6 000,00 kr", "Förfallodatum: 2026-04-14", "Bankgiro: 000-0000", "OCR-nummer: 1000017", "Er referens: Order 7"]) expect(text).toContain(fact);
    expect(text).toContain(`F-gaser - Personcertifikat kategori I, certifikat nr ${issued.certificate!.number}`);

    expect(mail.attachments).toHaveLength(1);
    const [pdf] = mail.attachments;
    expect(pdf).toMatchObject({ filename: "faktura-100001.pdf", contentType: "application/pdf" });
    const pdfWords = await pdfText(pdf!.content);
    for (const w of ["FAKTURA", "Fakturanummer 100001", "OCR-nummer 1000017", "Att betala 6 000,00 kr", "Sven Svensson", "Betalvägen 3", "Er referens Order 7", "Testcert AB", "Bankgiro 000-0000"]) expect(pdfWords).toContain(w);
    await pdfFirstPagePng(pdf!.content, "test-results/invoicing/faktura-100001.png");

    // The sent copy is kept and pointed at; the download hands out exactly that copy.
    const row = await invoiceRow(issued.invoice!.id);
    expect(row.pdfDocumentId).not.toBeNull();
    const stored = await readDocument(deps(), row.pdfDocumentId!);
    expect(stored).toMatchObject({ mime: "application/pdf", originalName: "faktura-100001.pdf" });
    expect(stored.bytes.equals(pdf!.content)).toBe(true);
    expect((await deps().db.select().from(documents).where(eq(documents.id, row.pdfDocumentId!)).get())!.uploadedByUserId).toBe(dag.userId);
    expect((await invoicePdf(deps(), sven, row.id)).bytes.equals(pdf!.content)).toBe(true);

    const log = await listSubjectEvents(deps().db, "invoice", row.id);
    expect(log.map((e) => e.label)).toEqual(["Faktura skickad", "Faktura skapad"]);
    expect(log[0]).toMatchObject({ actorName: "Dag Beslutare", details: { number: 100001, to: "sven.faktura@example.se" } });
  });

  it("sends no mail without an e-mail address, and keeps the PDF for the post", async () => {
    const before = t.mail.messages.length;
    const issued = await issue("fgas-person-ii", { personId: erik.personId }, { name: "Erik Eriksson", email: null });
    const row = await invoiceRow(issued.invoice!.id);
    expect(row.recipientEmail).toBeNull();
    expect(row.pdfDocumentId).not.toBeNull();
    await t.mail.waitFor((m) => m.subject.endsWith("är utfärdat") && t.mail.messages.indexOf(m) >= before);
    expect(t.mail.messages.slice(before).filter((m) => m.subject.startsWith("Faktura "))).toEqual([]);
    expect((await listSubjectEvents(deps().db, "invoice", row.id)).map((e) => e.label)).toEqual(["Faktura att skicka per post", "Faktura skapad"]);
  });

  // After Erik holds a person certificate: a company certificate rests on an employee's.
  it("mails a company's invoice to the company's e-mail as frozen on the invoice", async () => {
    const issued = await issue("fgas-foretag", { companyId }, { companyId, name: "Kyl AB", email: "ekonomi@kyl.example.se" });
    const mail = await t.mail.waitFor((m) => m.to.includes("ekonomi@kyl.example.se") && m.subject.startsWith(`Faktura ${issued.invoice!.number} `));
    expect(mail.text).toContain("Hej,");
    expect(nbsp(mail.text)).toContain("Belopp att betala: 8 125,00 kr");
    expect(await pdfText(mail.attachments[0]!.content)).toContain("Kyl AB");
  });

  it("lets staff send it again: the same stored copy, queued and logged each time", async () => {
    const issued = await issue("fgas-person-iii", { personId: sven.personId }, { name: "Sven Svensson", email: "sven.iii@example.se" });
    const row = await invoiceRow(issued.invoice!.id);
    const first = await t.mail.waitFor((m) => m.to.includes("sven.iii@example.se") && m.subject.startsWith("Faktura "));
    expect(await pdfText(first.attachments[0]!.content)).toContain(row.ocr);

    await expect(sendInvoice(deps(), greta, row.id)).rejects.toBeInstanceOf(Forbidden);
    await expect(sendInvoice(deps(), sven, row.id)).rejects.toBeInstanceOf(Forbidden);
    const again = await sendInvoice(deps(), dag, row.id);
    expect(again).toEqual({ sentTo: "sven.iii@example.se", documentId: row.pdfDocumentId });
    await deps().mailQueue.drain();
    expect(invoiceMails("sven.iii@example.se")).toHaveLength(2);
    expect(invoiceMails("sven.iii@example.se")[1]!.attachments[0]!.content.equals(first.attachments[0]!.content)).toBe(true);
    expect((await listSubjectEvents(deps().db, "invoice", row.id)).map((e) => e.label)).toEqual(["Faktura skickad", "Faktura skickad", "Faktura skapad"]);
  });

  it("does the follow-up once: running it again after it was done sends nothing more", async () => {
    const issued = await issue("fgas-person-iv", { personId: sven.personId }, { name: "Sven Svensson", email: "sven.iv@example.se" });
    await deps().mailQueue.drain();
    await deliverInvoice(deps(), dag, issued.invoice!.id, { resend: false });
    await deps().mailQueue.drain();
    expect(invoiceMails("sven.iv@example.se")).toHaveLength(1);
  });
});

describe("the PDF and the payment", () => {
  it("gives the PDF to the applicant, the paying company's admins and staff, and to nobody else", async () => {
    const issued = await issue("fgas-person-i", { personId: erik.personId }, { companyId, name: "Kyl AB", email: "ekonomi@kyl.example.se" });
    const id = issued.invoice!.id;
    for (const who of [erik, karin, greta]) expect((await invoicePdf(deps(), who, id)).filename).toBe(`faktura-${issued.invoice!.number}.pdf`);
    await expect(invoicePdf(deps(), sven, id)).rejects.toBeInstanceOf(NotFound);
  });

  it("lets a decider mark an unpaid invoice as paid, once, and not a reviewer", async () => {
    const p = await insertPerson(deps());
    const issued = await issue("fgas-person-i", { personId: p.personId }, { name: "Per Betalare" });
    const id = issued.invoice!.id;
    await expect(markInvoicePaid(deps(), greta, id)).rejects.toBeInstanceOf(Forbidden);
    await markInvoicePaid(deps(), dag, id);
    expect((await getInvoice(deps().db, greta, id)).invoice.status).toBe("paid");
    const second = await markInvoicePaid(deps(), dag, id).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(Conflict);
    expect((second as Conflict).message).toBe("Fakturan kan inte markeras som betald: den är redan betald.");
    expect((await listSubjectEvents(deps().db, "invoice", id)).map((e) => e.label)).toEqual(["Faktura markerad som betald", "Faktura skickad", "Faktura skapad"]);
  });
});
