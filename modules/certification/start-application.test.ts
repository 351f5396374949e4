import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationRequirements, applications, certificates, companies, companyAdmins, events, schemes } from "../../db/schema/index.ts";
import { Conflict, Invalid, NotFound } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { startTestApp, type TestApp } from "../../test/harness.ts";
import { seedUser } from "../../test/fixtures.ts";
import { actorForUser } from "../accounts/find-user.ts";
import type { Actor } from "../deps.ts";
import { startApplication } from "./start-application.ts";

type UserActor = Actor & { userId: string; personId: string };
let t: TestApp;
let sven: UserActor;
let karin: UserActor;
let companyId: string;
const schemeId = async (code: string) => (await t.runtime.deps.db.select().from(schemes).where(eq(schemes.code, code)).get())!.id;

beforeAll(async () => {
  t = await startTestApp();
  const deps = t.runtime.deps;
  sven = (await actorForUser(deps.db, (await seedUser(deps, { email: "sven@example.se" })).userId)) as UserActor;
  karin = (await actorForUser(deps.db, (await seedUser(deps, { email: "karin@example.se" })).userId)) as UserActor;
  companyId = newId();
  await deps.db.insert(companies).values({ id: companyId, orgNumber: "5560160680", name: "Kyl AB", addressLine1: "Väg 1", postalCode: "111 11", city: "Ort", country: "Sverige", status: "approved", registeredByPersonId: karin.personId, createdAt: new Date() });
  await deps.db.insert(companyAdmins).values({ companyId, personId: karin.personId, createdAt: new Date() });
});
afterAll(() => t.close());

describe("Ansök om nytt certifikat", () => {
  it("starts the process with every Moment awaiting a file, and logs it", async () => {
    const { applicationId } = await startApplication(t.runtime.deps, sven, { schemeId: await schemeId("fgas-utbildningsintyg-mac") });
    const app = await t.runtime.deps.db.select().from(applications).where(eq(applications.id, applicationId)).get();
    expect(app).toMatchObject({ status: "in_progress", kind: "initial", personId: sven.personId, companyId: null });
    const reqs = await t.runtime.deps.db.select().from(applicationRequirements).where(eq(applicationRequirements.applicationId, applicationId));
    expect(reqs.map((r) => r.status)).toEqual(["awaiting_file"]);
    const logged = await t.runtime.deps.db.select().from(events).where(eq(events.subjectId, applicationId));
    expect(logged.map((e) => e.action)).toEqual(["application.started"]);
    expect(logged[0]!.details).toEqual({ certificate: "F-gaser - Utbildningsintyg Mobil AC" });
  });

  it("refuses a second open application for the same scheme, also when two race", async () => {
    await expect(startApplication(t.runtime.deps, sven, { schemeId: await schemeId("fgas-utbildningsintyg-mac") })).rejects.toThrow(/redan en pågående ansökan om F-gaser - Utbildningsintyg Mobil AC/);
    const id = await schemeId("extern-fgas-v");
    const raced = await Promise.allSettled([startApplication(t.runtime.deps, sven, { schemeId: id }), startApplication(t.runtime.deps, sven, { schemeId: id })]);
    expect(raced.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((raced.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(Conflict);
  });

  it("lets a company's admin apply for a company scheme for the company, and nobody else", async () => {
    const id = await schemeId("fgas-foretag");
    await expect(startApplication(t.runtime.deps, sven, { schemeId: id, companyId })).rejects.toBeInstanceOf(NotFound);
    await expect(startApplication(t.runtime.deps, karin, { schemeId: id })).rejects.toBeInstanceOf(Invalid);
    const { applicationId } = await startApplication(t.runtime.deps, karin, { schemeId: id, companyId });
    const app = await t.runtime.deps.db.select().from(applications).where(eq(applications.id, applicationId)).get();
    expect(app).toMatchObject({ companyId, personId: null });
    const reqs = await t.runtime.deps.db.select().from(applicationRequirements).where(eq(applicationRequirements.applicationId, applicationId));
    expect(reqs).toHaveLength(3);
    await expect(startApplication(t.runtime.deps, karin, { schemeId: await schemeId("fgas-person-i"), companyId })).rejects.toBeInstanceOf(Invalid);
    await expect(startApplication(t.runtime.deps, karin, { schemeId: "nope" })).rejects.toBeInstanceOf(Invalid);
  });

  it("refuses a new application while the applicant holds the certificate, Aktivt or Vilande, but not once it has expired", async () => {
    const holder = (await actorForUser(t.runtime.deps.db, (await seedUser(t.runtime.deps, { email: "holder@example.se" })).userId)) as UserActor;
    const id = await schemeId("fgas-person-ii");
    const { applicationId } = await startApplication(t.runtime.deps, holder, { schemeId: id });
    await t.runtime.deps.db.update(applications).set({ status: "issued" }).where(eq(applications.id, applicationId));
    const certId = newId();
    await t.runtime.deps.db.insert(certificates).values({ id: certId, number: 20001, applicationId, personId: holder.personId, schemeId: id, status: "active", issuedOn: "2026-01-01", validUntil: "2999-12-31", createdAt: new Date(), updatedAt: new Date() });
    await expect(startApplication(t.runtime.deps, holder, { schemeId: id })).rejects.toEqual(new Conflict("Du har redan ett aktivt certifikat: F-gaser - Personcertifikat kategori II (nr 20001)."));
    await t.runtime.deps.db.update(certificates).set({ status: "suspended" }).where(eq(certificates.id, certId));
    await expect(startApplication(t.runtime.deps, holder, { schemeId: id })).rejects.toEqual(
      new Conflict("Du har redan ett certifikat F-gaser - Personcertifikat kategori II (nr 20001) som är vilande. Kontakta oss om du vill att det återaktiveras."),
    );
    // Another scheme is no obstacle.
    await expect(startApplication(t.runtime.deps, holder, { schemeId: await schemeId("fgas-person-iii") })).resolves.toBeDefined();
    // Expired or withdrawn: a new initial application is how one gets certified again.
    await t.runtime.deps.db.update(certificates).set({ status: "active", validUntil: "2000-01-01" }).where(eq(certificates.id, certId));
    await expect(startApplication(t.runtime.deps, holder, { schemeId: id })).resolves.toBeDefined();
  });

  it("refuses a company's new application while the company holds that company certificate", async () => {
    const id = await schemeId("fgas-foretag");
    const open = await t.runtime.deps.db.select().from(applications).where(eq(applications.companyId, companyId)).get();
    await t.runtime.deps.db.update(applications).set({ status: "issued" }).where(eq(applications.id, open!.id));
    await t.runtime.deps.db.insert(certificates).values({ id: newId(), number: 20002, applicationId: open!.id, companyId, schemeId: id, status: "active", issuedOn: "2026-01-01", validUntil: "2999-12-31", createdAt: new Date(), updatedAt: new Date() });
    await expect(startApplication(t.runtime.deps, karin, { schemeId: id, companyId })).rejects.toEqual(new Conflict("Företaget har redan ett aktivt certifikat: F-gaser - Företagscertifikat F-gas (nr 20002)."));
  });
});
