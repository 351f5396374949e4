import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFound } from "../../lib/errors.ts";
import { applicationInFinalReview, insertCompany } from "../../test/applications.ts";
import { seedUser } from "../../test/fixtures.ts";
import { startTestApp, type TestApp } from "../../test/harness.ts";
import { actorForUser } from "../accounts/find-user.ts";
import type { Actor, Role } from "../deps.ts";
import { decideApplication } from "../review/index.ts";
import { getInvoice, isValidOcr, listInvoices, listInvoicesForCompany, listInvoicesForPerson } from "./index.ts";

type UserActor = Actor & { userId: string; personId: string };
let t: TestApp;
let sven: UserActor;
let erik: UserActor;
let karin: UserActor;
let greta: UserActor;
let dag: UserActor;
let companyId: string;

const deps = () => t.runtime.deps;
const user = async (email: string, roles: Role[]) => (await actorForUser(deps().db, (await seedUser(deps(), { email, roles })).userId)) as UserActor;
async function issue(schemeCode: string, holder: { personId?: string; companyId?: string }, recipient: Parameters<typeof applicationInFinalReview>[1]["recipient"] = {}) {
  const applicationId = await applicationInFinalReview(deps(), { schemeCode, ...holder, byUserId: sven.userId, reviewerUserId: greta.userId, recipient });
  return decideApplication(deps(), dag, { applicationId, decision: "grant" });
}

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-03-15T09:00:00Z") });
  sven = await user("sven@example.se", ["applicant"]);
  erik = await user("erik@example.se", ["applicant"]);
  karin = await user("karin@example.se", ["applicant"]);
  greta = await user("greta@certorg.example", ["reviewer"]);
  dag = await user("dag@certorg.example", ["decider"]);
  companyId = await insertCompany(deps(), { name: "Kyl AB", adminPersonIds: [karin.personId], employeePersonIds: [erik.personId] });
});
afterAll(() => t.close());

describe("invoices", () => {
  it("numbers them from their own series, with OCR, totals and the recipient frozen as chosen", async () => {
    const first = await issue("fgas-person-i", { personId: sven.personId }, { name: "Sven Svensson", reference: "Order 7" });
    t.clock!.set(new Date("2026-04-02T09:00:00Z"));
    const second = await issue("fgas-person-ii", { personId: erik.personId }, { companyId, name: "Kyl AB" });
    const third = await issue("fgas-foretag", { companyId }, { companyId, name: "Kyl AB" });
    expect([first.invoice!.number, second.invoice!.number, third.invoice!.number]).toEqual([100001, 100002, 100003]);
    const one = await getInvoice(deps().db, sven, first.invoice!.id);
    expect(one.invoice).toMatchObject({ ocr: "1000017", issuedOn: "2026-03-15", dueOn: "2026-04-14", netOre: 480000, vatOre: 120000, totalOre: 600000, recipientName: "Sven Svensson", recipientReference: "Order 7", status: "unpaid" });
    expect(isValidOcr(one.invoice.ocr)).toBe(true);
    expect(one.lines).toMatchObject([{ description: `F-gaser - Personcertifikat kategori I, certifikat nr ${first.certificate!.number}`, quantity: 1, unitPriceOre: 480000, amountOre: 480000 }]);
    expect(one.certificateNumber).toBe(first.certificate!.number);
    expect((await getInvoice(deps().db, karin, third.invoice!.id)).invoice).toMatchObject({ recipientKind: "company", recipientCompanyId: companyId, netOre: 650000, vatOre: 162500, totalOre: 812500, dueOn: "2026-05-02" });
  });

  it("lists them for staff by status and date, and for the person and the company", async () => {
    expect((await listInvoices(deps().db)).map((r) => r.invoice.number)).toEqual([100003, 100002, 100001]);
    expect((await listInvoices(deps().db, { from: "2026-04-01" })).map((r) => r.invoice.number)).toEqual([100003, 100002]);
    expect((await listInvoices(deps().db, { to: "2026-03-31" })).map((r) => r.invoice.number)).toEqual([100001]);
    expect((await listInvoices(deps().db, { status: "unpaid", from: "2026-03-01", to: "2026-03-31" })).map((r) => r.invoice.number)).toEqual([100001]);
    expect(await listInvoices(deps().db, { status: "paid" })).toEqual([]);
    expect((await listInvoicesForPerson(deps().db, sven.personId)).map((r) => r.invoice.number)).toEqual([100001]);
    expect((await listInvoicesForPerson(deps().db, erik.personId)).map((r) => r.invoice.number)).toEqual([100002]);
    // The company pays for Erik's certificate and for its own.
    expect((await listInvoicesForCompany(deps().db, companyId)).map((r) => r.invoice.number)).toEqual([100003, 100002]);
  });

  it("shows an invoice only to staff, the applicant and the admins of the applying or paying company", async () => {
    const [mine] = await listInvoicesForPerson(deps().db, sven.personId);
    const [eriks] = await listInvoicesForPerson(deps().db, erik.personId);
    await expect(getInvoice(deps().db, erik, mine!.invoice.id)).rejects.toBeInstanceOf(NotFound);
    await expect(getInvoice(deps().db, karin, mine!.invoice.id)).rejects.toBeInstanceOf(NotFound);
    expect((await getInvoice(deps().db, karin, eriks!.invoice.id)).invoice.number).toBe(100002);
    expect((await getInvoice(deps().db, erik, eriks!.invoice.id)).invoice.number).toBe(100002);
    expect((await getInvoice(deps().db, greta, mine!.invoice.id)).invoice.number).toBe(100001);
  });
});
