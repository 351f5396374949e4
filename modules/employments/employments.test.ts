import { count, eq } from "drizzle-orm";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { companyAdmins, events } from "../../db/schema/index.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { acceptUpload } from "../../lib/uploads/accept-upload.ts";
import { makePdf } from "../../lib/uploads/test-files.ts";
import { actorForUser } from "../accounts/find-user.ts";
import { startTestApp, type TestApp } from "../../test/harness.ts";
import { seedUser } from "../../test/fixtures.ts";
import type { Actor } from "../deps.ts";
import {
  addCompanyAdmin,
  cancelEmploymentRequest,
  decideCompanyRegistration,
  decideEmployment,
  endEmployment,
  getCompanyPage,
  registerCompany,
  removeCompanyAdmin,
  requestEmployment,
} from "./index.ts";

type UserActor = Actor & { userId: string; personId: string };

let t: TestApp;
let staff: UserActor;
let anna: UserActor; // registers Kylteknik AB
let bo: UserActor; // an employee
let cecilia: UserActor; // admin of another company
const KYL = "5560160680";
const OTHER = "5565594230";

async function actor(email: string, roles: ("applicant" | "reviewer")[] = ["applicant"], name = "Test Person"): Promise<UserActor> {
  const [givenName, familyName] = name.split(" ");
  const { userId } = await seedUser(t.runtime.deps, { email, roles, givenName, familyName });
  return (await actorForUser(t.runtime.deps.db, userId)) as UserActor;
}

async function pdf() {
  return acceptUpload({ bytes: makePdf(), originalName: "registreringsbevis.pdf" });
}

async function register(by: UserActor, orgNumber: string, name: string) {
  return registerCompany(t.runtime.deps, by, {
    orgNumber,
    name,
    addressLine1: "Industrivägen 1",
    addressLine2: null,
    postalCode: "123 45",
    city: "Solna",
    country: "Sverige",
    phone: null,
    email: null,
    registrationCertificate: await pdf(),
  });
}

const eventCount = async () => (await t.runtime.deps.db.select({ n: count() }).from(events))[0]!.n;
const uploads = async () => {
  const root = path.join(t.dataDir, "uploads");
  const walk = async (dir: string): Promise<string[]> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : Promise.resolve([path.join(dir, e.name)]))));
    return nested.flat();
  };
  return (await walk(root)).length;
};

let kylId: string;
let otherId: string;

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-11-22T12:00:00Z") });
  staff = await actor("staff@example.org", ["reviewer"], "Sara Staff");
  anna = await actor("anna@example.se", ["applicant"], "Anna Admin");
  bo = await actor("bo@example.se", ["applicant"], "Bo Berg");
  cecilia = await actor("cecilia@example.se", ["applicant"], "Cecilia Ceder");
});
afterAll(() => t.close());

describe("company registration", () => {
  it("waits for review, stores the registreringsbevis, and cannot be registered twice", async () => {
    const before = await uploads();
    kylId = (await register(anna, "556016-0680", "Kylteknik AB")).companyId;
    expect(await uploads()).toBe(before + 1);
    await expect(register(bo, KYL, "Kylteknik AB igen")).rejects.toBeInstanceOf(Conflict);
    await expect(register(bo, "556016-0681", "Fel AB")).rejects.toBeInstanceOf(Invalid);
    expect(await uploads()).toBe(before + 1);
  });

  it("lets exactly one of two parallel registrations of a number through, keeping no stray file", async () => {
    const before = await uploads();
    const results = await Promise.allSettled([register(cecilia, OTHER, "Annat AB"), register(bo, OTHER, "Annat AB (dubblett)")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(Conflict);
    expect(await uploads()).toBe(before + 1);
    otherId = (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ companyId: string }>).value.companyId;
  });

  it("is decided by staff only, not by the registrant, once; a refusal needs a reason", async () => {
    await expect(decideCompanyRegistration(t.runtime.deps, anna, { companyId: kylId, approve: true, reason: null })).rejects.toBeInstanceOf(Forbidden);
    await expect(decideCompanyRegistration(t.runtime.deps, staff, { companyId: kylId, approve: false, reason: " " })).rejects.toBeInstanceOf(Invalid);
    await decideCompanyRegistration(t.runtime.deps, staff, { companyId: kylId, approve: true, reason: null });
    await expect(decideCompanyRegistration(t.runtime.deps, staff, { companyId: kylId, approve: false, reason: "Sent" })).rejects.toBeInstanceOf(Conflict);
    const admins = await t.runtime.deps.db.select().from(companyAdmins).where(eq(companyAdmins.companyId, kylId));
    expect(admins.map((a) => a.personId)).toEqual([anna.personId]);
    const mail = await t.mail.waitFor((m) => m.to.includes("anna@example.se") && m.subject.includes("Kylteknik AB"));
    expect(mail.text).toContain("certifikatsadministratör");
    await decideCompanyRegistration(t.runtime.deps, staff, { companyId: otherId, approve: true, reason: null });
  });

  it("a refused registration frees the number and mails the reason", async () => {
    const third = "5564089463";
    const { companyId } = await register(bo, third, "Tredje AB");
    await decideCompanyRegistration(t.runtime.deps, staff, { companyId, approve: false, reason: "Registreringsbeviset är oläsligt." });
    const mail = await t.mail.waitFor((m) => m.to.includes("bo@example.se") && m.subject.includes("godkändes inte"));
    expect(mail.text).toContain("Registreringsbeviset är oläsligt.");
    await expect(register(bo, third, "Tredje AB")).resolves.toBeDefined();
  });
});

describe("employments", () => {
  let boAtKyl: string;

  it("are requested by exact organisationsnummer of an approved company; admins are mailed", async () => {
    await expect(requestEmployment(t.runtime.deps, bo, { orgNumber: "556016", startDate: "2024-01-01" })).rejects.toBeInstanceOf(Invalid);
    boAtKyl = (await requestEmployment(t.runtime.deps, bo, { orgNumber: "556016-0680", startDate: "2024-01-01" })).employmentId;
    const mail = await t.mail.waitFor((m) => m.to.includes("anna@example.se") && m.subject.includes("Anställningsförfrågan"));
    expect(mail.text).toContain(`/min-sida/foretag/${kylId}#forfragningar`);
  });

  it("refuse a second open request to the same company, writing no event", async () => {
    const before = await eventCount();
    await expect(requestEmployment(t.runtime.deps, bo, { orgNumber: KYL, startDate: "2024-02-01" })).rejects.toBeInstanceOf(Conflict);
    const raced = await Promise.allSettled([
      requestEmployment(t.runtime.deps, cecilia, { orgNumber: KYL, startDate: "2024-01-01" }),
      requestEmployment(t.runtime.deps, cecilia, { orgNumber: KYL, startDate: "2024-01-01" }),
    ]);
    expect(raced.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await eventCount()).toBe(before + 1);
    const cecRequest = (raced.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ employmentId: string }>).value.employmentId;
    await cancelEmploymentRequest(t.runtime.deps, cecilia, cecRequest);
    await expect(cancelEmploymentRequest(t.runtime.deps, cecilia, cecRequest)).rejects.toBeInstanceOf(Conflict);
  });

  it("are confirmed only by an admin of that company; others learn nothing", async () => {
    await expect(decideEmployment(t.runtime.deps, bo, { employmentId: boAtKyl, confirm: true, reason: null })).rejects.toBeInstanceOf(NotFound);
    await expect(decideEmployment(t.runtime.deps, staff, { employmentId: boAtKyl, confirm: true, reason: null })).rejects.toBeInstanceOf(NotFound);
    await decideEmployment(t.runtime.deps, anna, { employmentId: boAtKyl, confirm: true, reason: null });
    await t.mail.waitFor((m) => m.to.includes("bo@example.se") && m.subject.includes("bekräftad"));
    await expect(decideEmployment(t.runtime.deps, anna, { employmentId: boAtKyl, confirm: false, reason: null })).rejects.toBeInstanceOf(Conflict);
  });

  it("lets an admin confirm their own request, and logs it as such", async () => {
    const { employmentId } = await requestEmployment(t.runtime.deps, anna, { orgNumber: KYL, startDate: "2020-05-01" });
    await decideEmployment(t.runtime.deps, anna, { employmentId, confirm: true, reason: null });
    const ev = await t.runtime.deps.db.select().from(events).where(eq(events.subjectId, employmentId)).all();
    const confirmed = ev.find((e) => e.action === "employment.confirmed")!;
    expect(confirmed.details).toMatchObject({ ownRequestAsAdmin: true });
    expect(confirmed.personId).toBe(anna.personId);
    expect(confirmed.companyId).toBe(kylId);
  });

  it("keep at least one admin; only active employees become admins", async () => {
    await expect(removeCompanyAdmin(t.runtime.deps, anna, { companyId: kylId, personId: anna.personId })).rejects.toBeInstanceOf(Conflict);
    await expect(addCompanyAdmin(t.runtime.deps, anna, { companyId: kylId, personId: cecilia.personId })).rejects.toBeInstanceOf(Invalid);
    await expect(addCompanyAdmin(t.runtime.deps, cecilia, { companyId: kylId, personId: bo.personId })).rejects.toBeInstanceOf(NotFound);
    await addCompanyAdmin(t.runtime.deps, anna, { companyId: kylId, personId: bo.personId });
    await removeCompanyAdmin(t.runtime.deps, bo, { companyId: kylId, personId: anna.personId });
    await expect(removeCompanyAdmin(t.runtime.deps, bo, { companyId: kylId, personId: bo.personId })).rejects.toBeInstanceOf(Conflict);
    await addCompanyAdmin(t.runtime.deps, bo, { companyId: kylId, personId: anna.personId });
  });

  it("end at a date not before the start, by the person or an admin", async () => {
    await expect(endEmployment(t.runtime.deps, bo, { employmentId: boAtKyl, endDate: "2023-12-31" })).rejects.toBeInstanceOf(Invalid);
    await expect(endEmployment(t.runtime.deps, cecilia, { employmentId: boAtKyl, endDate: "2026-11-30" })).rejects.toBeInstanceOf(NotFound);
    await endEmployment(t.runtime.deps, bo, { employmentId: boAtKyl, endDate: "2026-11-30" });
    // Bo was an admin: leaving the company ends that too, since Anna remains.
    const admins = await t.runtime.deps.db.select().from(companyAdmins).where(eq(companyAdmins.companyId, kylId));
    expect(admins.map((a) => a.personId)).toEqual([anna.personId]);
  });

  it("show up in the company's and the person's Händelselogg", async () => {
    const pageData = await getCompanyPage(t.runtime.deps.db, anna, kylId);
    const actions = pageData.events.map((e) => e.action);
    for (const a of ["company.registered", "company.approved", "employment.requested", "employment.confirmed", "employment.ended", "company.admin_added", "company.admin_removed"]) expect(actions).toContain(a);
    const boEvents = await t.runtime.deps.db.select().from(events).where(eq(events.personId, bo.personId)).all();
    expect(boEvents.map((e) => e.action)).toEqual(expect.arrayContaining(["employment.requested", "employment.confirmed", "employment.ended"]));
  });

  it("hide the company page from non-admins, except staff who read it", async () => {
    await expect(getCompanyPage(t.runtime.deps.db, cecilia, kylId)).rejects.toBeInstanceOf(NotFound);
    await expect(getCompanyPage(t.runtime.deps.db, bo, kylId)).rejects.toBeInstanceOf(NotFound);
    expect((await getCompanyPage(t.runtime.deps.db, staff, kylId)).company.name).toBe("Kylteknik AB");
  });
});

describe("staff company search", () => {
  it("folds å ä ö, takes wildcards literally and finds by organisationsnummer", async () => {
    const { searchCompanies } = await import("./index.ts");
    const db = t.runtime.deps.db;
    const names = async (q: string) => (await searchCompanies(db, q)).map((c) => c.name);
    expect(await names("kylteknik")).toContain("Kylteknik AB");
    expect(await names("KYLTEKNIK")).toContain("Kylteknik AB");
    expect(await names("556016-0680")).toEqual(["Kylteknik AB"]);
    await register(cecilia, "5591234561", "Åkeri & Kyl 100% [Norr]");
    expect(await names("åkeri")).toEqual(["Åkeri & Kyl 100% [Norr]"]);
    expect(await names("ÅKERI")).toEqual(["Åkeri & Kyl 100% [Norr]"]);
    expect(await names("100%")).toEqual(["Åkeri & Kyl 100% [Norr]"]);
    expect(await names("[norr]")).toEqual(["Åkeri & Kyl 100% [Norr]"]);
    expect(await names("*")).toEqual([]);
    expect(await names("%")).toEqual(["Åkeri & Kyl 100% [Norr]"]);
  });
});
