import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationRequirements, applications, companies, companyAdmins, events, schemes } from "../../db/schema/index.ts";
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
});
