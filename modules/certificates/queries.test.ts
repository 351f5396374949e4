import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFound } from "../../lib/errors.ts";
import { applicationInFinalReview, insertCompany, insertPerson } from "../../test/applications.ts";
import { seedUser } from "../../test/fixtures.ts";
import { startTestApp, type TestApp } from "../../test/harness.ts";
import { actorForUser } from "../accounts/find-user.ts";
import type { Actor, Role } from "../deps.ts";
import { decideApplication } from "../review/index.ts";
import { getCertificate, hasActiveCertificate, listCertificatesForCompany, listCertificatesForPerson } from "./index.ts";

type UserActor = Actor & { userId: string; personId: string };
let t: TestApp;
let sven: UserActor;
let karin: UserActor;
let other: UserActor;
let greta: UserActor;
let dag: UserActor;
let companyId: string;

const deps = () => t.runtime.deps;
const user = async (email: string, roles: Role[]) => (await actorForUser(deps().db, (await seedUser(deps(), { email, roles })).userId)) as UserActor;
const issue = async (schemeCode: string, holder: { personId?: string; companyId?: string }) =>
  (await decideApplication(deps(), dag, { applicationId: await applicationInFinalReview(deps(), { schemeCode, ...holder, byUserId: sven.userId, reviewerUserId: greta.userId }), decision: "grant", validUntil: "2030-01-01" })).certificate!;

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-03-15T09:00:00Z") });
  sven = await user("sven@example.se", ["applicant"]);
  karin = await user("karin@example.se", ["applicant"]);
  other = await user("other@example.se", ["applicant"]);
  greta = await user("greta@certorg.example", ["reviewer"]);
  dag = await user("dag@certorg.example", ["decider"]);
  companyId = await insertCompany(deps(), { name: "Kyl AB", adminPersonIds: [karin.personId], employeePersonIds: [sven.personId] });
});
afterAll(() => t.close());

describe("reading certificates", () => {
  it("lists a person's and a company's own certificates with scheme, area and dates", async () => {
    const mac = await issue("fgas-utbildningsintyg-mac", { personId: sven.personId });
    const ext = await issue("extern-fgas-i", { personId: sven.personId });
    const company = await issue("fgas-foretag", { companyId });
    const mine = await listCertificatesForPerson(deps().db, sven.personId);
    expect(mine.map((r) => [r.certificate.number, r.area.name, r.scheme.name, r.certificate.status, r.certificate.validUntil, r.latestDecisionOn])).toEqual([
      [ext.number, "Externt certifikat", "Personcertifikat f-gas kat I - Externt", "active", "2030-01-01", "2026-03-15"],
      [mac.number, "F-gaser", "Utbildningsintyg Mobil AC", "active", null, "2026-03-15"],
    ]);
    const theirs = await listCertificatesForCompany(deps().db, companyId);
    expect(theirs.map((r) => [r.certificate.number, r.scheme.name, r.certificate.cycleEndsOn])).toEqual([[company.number, "Företagscertifikat F-gas", "2031-03-14"]]);
    expect(await listCertificatesForPerson(deps().db, karin.personId)).toEqual([]);
  });

  it("shows one certificate to its holder, the company's admins and staff, and to nobody else", async () => {
    const personal = (await listCertificatesForPerson(deps().db, sven.personId))[0]!.certificate;
    const company = (await listCertificatesForCompany(deps().db, companyId))[0]!.certificate;
    expect((await getCertificate(deps().db, sven, personal.id)).certificate.number).toBe(personal.number);
    expect((await getCertificate(deps().db, greta, personal.id)).holderName).toBe("Test Person");
    await expect(getCertificate(deps().db, other, personal.id)).rejects.toBeInstanceOf(NotFound);
    await expect(getCertificate(deps().db, karin, personal.id)).rejects.toBeInstanceOf(NotFound);
    expect((await getCertificate(deps().db, karin, company.id)).holderName).toBe("Kyl AB");
    await expect(getCertificate(deps().db, sven, company.id)).rejects.toBeInstanceOf(NotFound);
    await expect(getCertificate(deps().db, greta, "nope")).rejects.toBeInstanceOf(NotFound);
  });

  it("answers whether a holder has a scheme's certificate Aktivt on a date", async () => {
    const ext = (await listCertificatesForPerson(deps().db, sven.personId))[0]!;
    const holder = { personId: sven.personId, schemeId: ext.scheme.id };
    expect(await hasActiveCertificate(deps().db, { ...holder, today: "2026-03-15" })).toBe(true);
    expect(await hasActiveCertificate(deps().db, { ...holder, today: "2030-01-02" })).toBe(false);
    expect(await hasActiveCertificate(deps().db, { personId: karin.personId, schemeId: ext.scheme.id, today: "2026-03-15" })).toBe(false);
  });
});
