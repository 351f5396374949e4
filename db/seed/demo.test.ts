import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateNewPassword } from "../../lib/password/strength.ts";
import { browserClient, startTestApp, textOf, type TestApp } from "../../test/harness.ts";
import { logIn } from "../../test/fixtures.ts";
import { applicationRequirements, cases, certificates, companies, companyAdmins, examinationCentres, examRegistrations, persons } from "../schema/index.ts";
import { DEMO_PEOPLE, seedDemoData } from "./demo.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe("demo data", () => {
  it("fills an empty database once, with logins that work", async () => {
    const logins = await seedDemoData(t.runtime.deps);
    expect(logins.map((l) => l.email)).toEqual(DEMO_PEOPLE.map((p) => p.email));
    const again = await seedDemoData(t.runtime.deps);
    expect(again).toHaveLength(DEMO_PEOPLE.length);
    const [{ n }] = await t.runtime.deps.db.select({ n: count() }).from(persons);
    expect(n).toBe(DEMO_PEOPLE.length);
    expect((await t.runtime.deps.db.select().from(companies)).map((c) => c.status).sort()).toEqual(["approved", "pending"]);
    expect(await t.runtime.deps.db.select().from(companyAdmins)).toHaveLength(1);
    // Certificates made through the real operations: Sven's two, the company's, and Maria's application in review.
    const issued = await t.runtime.deps.db.select().from(certificates);
    expect(issued.map((c) => c.status)).toEqual(["active", "active", "active"]);
    expect(new Set(issued.map((c) => c.number)).size).toBe(3);
    expect((await t.runtime.deps.db.select().from(applicationRequirements).where(eq(applicationRequirements.status, "awaiting_review"))).length).toBe(1);
    const client = browserClient(t.app);
    const res = await logIn(t, client, logins[0]!.email, logins[0]!.password);
    expect(res.headers.get("Location")).toBe("/min-sida");
    // The examination centre: approved, Erik its examinator, a provtillfälle ahead with Sven registered.
    expect((await t.runtime.deps.db.select().from(examinationCentres)).map((c) => [c.name, c.status])).toEqual([["Exempel Examination AB", "approved"]]);
    const [registration] = await t.runtime.deps.db.select().from(examRegistrations);
    expect(registration).toMatchObject({ status: "registered", result: null });
    expect((await (await client.get("/min-sida/prov")).text())).toContain("Exempel Examination AB");
    const erik = logins.find((l) => l.email === "erik.examinator@example.org")!;
    const examinator = browserClient(t.app);
    await logIn(t, examinator, erik.email, erik.password);
    const prov = await (await examinator.get("/min-sida/prov")).text();
    expect(prov).toContain("Du är examinator vid:");
    // A complaint about the company's certificate waits in Personal's cases.
    expect((await t.runtime.deps.db.select().from(cases)).map((c) => [c.kind, c.status])).toEqual([["complaint", "received"]]);
    const greta = logins.find((l) => l.email === "greta.granskare@example.org")!;
    const staff = browserClient(t.app);
    await logIn(t, staff, greta.email, greta.password);
    expect(textOf(await (await staff.get("/personal/arenden")).text())).toContain("Exempel Kyl AB");
  });

  it("uses passwords that the password rule itself accepts", () => {
    for (const p of DEMO_PEOPLE) expect(validateNewPassword(p.password, { userInputs: [p.email, p.givenName, p.familyName] })).toEqual({ ok: true });
  });
});
