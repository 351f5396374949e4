import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificates, certificateStatusHistory, decisions, events } from "../../db/schema/index.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { applicationInFinalReview, insertCompany, insertPerson } from "../../test/applications.ts";
import { seedUser } from "../../test/fixtures.ts";
import { startTestApp, type TestApp } from "../../test/harness.ts";
import { actorForUser } from "../accounts/find-user.ts";
import { getCertificate, listCertificatesForPerson, publicStatus, wasActiveOn } from "../certificates/index.ts";
import type { Actor, Role } from "../deps.ts";
import { alreadyChanged, decideApplication, reinstateCertificate, suspendCertificate, withdrawCertificate } from "./index.ts";

type UserActor = Actor & { userId: string; personId: string };
let t: TestApp;
let clerk: UserActor;
let greta: UserActor;
let dag: UserActor;
let ada: UserActor;

const deps = () => t.runtime.deps;
const at = (date: string) => t.clock!.set(new Date(`${date}T09:00:00Z`));
const user = async (email: string, roles: Role[], givenName = "Test", familyName = "Person") => (await actorForUser(deps().db, (await seedUser(deps(), { email, roles, givenName, familyName })).userId)) as UserActor;
const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as Error);
const cert = async (id: string) => (await deps().db.select().from(certificates).where(eq(certificates.id, id)).get())!;
const history = (id: string) =>
  deps()
    .db.select({ status: certificateStatusHistory.status, fromDate: certificateStatusHistory.fromDate, toDate: certificateStatusHistory.toDate })
    .from(certificateStatusHistory)
    .where(eq(certificateStatusHistory.certificateId, id))
    .orderBy(asc(certificateStatusHistory.fromDate), asc(sql`rowid`));
async function issued(holder: { personId?: string; companyId?: string }, schemeCode = "fgas-person-i") {
  const applicationId = await applicationInFinalReview(deps(), { schemeCode, ...holder, byUserId: clerk.userId, reviewerUserId: greta.userId });
  return (await decideApplication(deps(), dag, { applicationId, decision: "grant" })).certificate!;
}

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-03-15T09:00:00Z") });
  clerk = await user("clerk@example.se", ["applicant"]);
  greta = await user("greta@certorg.example", ["reviewer"]);
  dag = await user("dag@certorg.example", ["decider"]);
  ada = await user("ada@certorg.example", ["admin"]);
});
afterAll(() => t.close());

describe("Suspendera, Återaktivera, Dra in", () => {
  it("walks a certificate through Vilande, Aktivt and Indraget, each a Beslut with history, log and mail", async () => {
    at("2026-03-15");
    const holder = await user("hanna@example.se", ["applicant"], "Hanna", "Innehavare");
    const c = await issued({ personId: holder.personId });

    // Suspendera: reason and a future until-date are required.
    const empty = await failure(suspendCertificate(deps(), dag, { certificateId: c.id, reason: " ", until: "" }));
    expect((empty as Invalid).fields).toEqual({
      motivering: "Skriv varför certifikatet görs vilande. Skälet skickas till certifikatinnehavaren.",
      tilldatum: "Ange till och med vilket datum certifikatet är vilande (ÅÅÅÅ-MM-DD).",
    });
    at("2026-04-01");
    const today = await failure(suspendCertificate(deps(), dag, { certificateId: c.id, reason: "Klagomål utreds", until: "2026-04-01" }));
    expect((today as Invalid).fields).toEqual({ tilldatum: "Datumet måste vara senare än i dag." });
    const s = await suspendCertificate(deps(), dag, { certificateId: c.id, reason: "Klagomål utreds", until: "2026-04-30" });
    expect(await cert(c.id)).toMatchObject({ status: "suspended", suspendedUntil: "2026-04-30", latestDecisionId: s.decisionId });
    expect(await deps().db.select().from(decisions).where(eq(decisions.id, s.decisionId)).get()).toMatchObject({ kind: "suspend", subjectType: "certificate", certificateId: c.id, reason: "Klagomål utreds", effectiveOn: "2026-04-01", untilOn: "2026-04-30", decidedByUserId: dag.userId });
    const suspended = await t.mail.waitFor((m) => m.to.includes("hanna@example.se") && m.subject === `Ditt certifikat nr ${c.number} är vilande`);
    expect(suspended.text).toContain("vilande från och med 2026-04-01 till och med 2026-04-30");
    expect(suspended.text).toContain("Skäl: Klagomål utreds");
    // Visible at once to the holder.
    const [mine] = await listCertificatesForPerson(deps().db, holder.personId);
    expect(publicStatus(mine!.certificate, "2026-04-01")).toBe("suspended");
    expect(mine!.latestDecisionOn).toBe("2026-04-01");
    expect(await failure(suspendCertificate(deps(), dag, { certificateId: c.id, reason: "Igen", until: "2026-05-30" }))).toEqual(new Conflict("Bara ett aktivt certifikat kan göras vilande."));

    // Återaktivera.
    at("2026-04-20");
    const r = await reinstateCertificate(deps(), ada, { certificateId: c.id, reason: null });
    expect(await cert(c.id)).toMatchObject({ status: "active", suspendedUntil: null, latestDecisionId: r.decisionId });
    await t.mail.waitFor((m) => m.to.includes("hanna@example.se") && m.subject === `Ditt certifikat nr ${c.number} är återaktiverat`);
    expect(await failure(reinstateCertificate(deps(), ada, { certificateId: c.id }))).toEqual(new Conflict("Bara ett vilande certifikat kan återaktiveras."));

    // Dra in: terminal.
    at("2026-06-01");
    expect(((await failure(withdrawCertificate(deps(), dag, { certificateId: c.id, reason: "" }))) as Invalid).fields).toEqual({ motivering: "Skriv varför certifikatet dras in. Skälet skickas till certifikatinnehavaren." });
    await withdrawCertificate(deps(), dag, { certificateId: c.id, reason: "Falskt provintyg." });
    expect((await cert(c.id)).status).toBe("withdrawn");
    const withdrawn = await t.mail.waitFor((m) => m.to.includes("hanna@example.se") && m.subject === `Ditt certifikat nr ${c.number} är indraget`);
    expect(withdrawn.text).toContain("Skäl: Falskt provintyg.");
    expect(await failure(reinstateCertificate(deps(), dag, { certificateId: c.id }))).toBeInstanceOf(Conflict);
    expect(await failure(suspendCertificate(deps(), dag, { certificateId: c.id, reason: "x", until: "2026-12-01" }))).toBeInstanceOf(Conflict);
    expect(await failure(withdrawCertificate(deps(), dag, { certificateId: c.id, reason: "x" }))).toEqual(new Conflict("Certifikatet är redan avslutat eller indraget."));

    // The history answers "was it active on that day?".
    expect(await history(c.id)).toEqual([
      { status: "active", fromDate: "2026-03-15", toDate: "2026-04-01" },
      { status: "suspended", fromDate: "2026-04-01", toDate: "2026-04-20" },
      { status: "active", fromDate: "2026-04-20", toDate: "2026-06-01" },
      { status: "withdrawn", fromDate: "2026-06-01", toDate: null },
    ]);
    const answers = await Promise.all(["2026-03-14", "2026-03-15", "2026-03-31", "2026-04-01", "2026-04-19", "2026-04-20", "2026-05-31", "2026-06-01"].map((d) => wasActiveOn(deps().db, c.id, d)));
    expect(answers).toEqual([false, true, true, false, false, true, true, false]);

    const logged = await deps().db.select({ action: events.action }).from(events).where(eq(events.subjectId, c.id)).orderBy(asc(events.id));
    expect(logged.map((e) => e.action)).toEqual(["certificate.issued", "certificate.suspended", "certificate.reinstated", "certificate.withdrawn"]);
    const loaded = await getCertificate(deps().db, holder, c.id);
    expect(loaded.decisions.map((d) => d.kind)).toEqual(["grant", "suspend", "reinstate", "withdraw"]);
    expect(loaded.holderName).toBe("Hanna Innehavare");
  });

  it("does not let an expired certificate be suspended, and reads it as Utgånget", async () => {
    at("2026-03-15");
    const p = await insertPerson(deps());
    const c = await issued({ personId: p.personId });
    at("2027-03-15");
    expect(publicStatus(await cert(c.id), "2027-03-15")).toBe("expired");
    expect(await failure(suspendCertificate(deps(), dag, { certificateId: c.id, reason: "x", until: "2027-04-01" }))).toEqual(new Conflict("Certifikatet har gått ut och kan inte göras vilande."));
    expect(await wasActiveOn(deps().db, c.id, "2027-03-15")).toBe(false);
    expect(await wasActiveOn(deps().db, c.id, "2027-03-14")).toBe(true);
    at("2026-03-15");
  });

  it("mails a company certificate's decisions to the company's admins", async () => {
    at("2026-03-15");
    const karin = await insertPerson(deps(), { givenName: "Karin", familyName: "Admin" });
    const kurt = await insertPerson(deps(), { givenName: "Kurt", familyName: "Admin" });
    const erik = await insertPerson(deps());
    const companyId = await insertCompany(deps(), { adminPersonIds: [karin.personId, kurt.personId], employeePersonIds: [erik.personId] });
    await issued({ personId: erik.personId }, "fgas-person-ii");
    const c = await issued({ companyId }, "fgas-foretag");
    await withdrawCertificate(deps(), dag, { certificateId: c.id, reason: "Rutinerna följs inte." });
    for (const admin of [karin, kurt]) {
      const mail = await t.mail.waitFor((m) => m.to.includes(admin.email) && m.subject === `Företagets certifikat nr ${c.number} är indraget`);
      expect(mail.text).toContain("har beslutat att dra in företagets certifikat F-gaser - Företagscertifikat F-gas");
    }
  });
});

describe("who may act on a certificate", () => {
  it("deciders and admins only, never on their own or their company's", async () => {
    at("2026-03-15");
    const dora = await user("dora@certorg.example", ["decider"]);
    const own = await issued({ personId: dora.personId }, "fgas-person-iii");
    expect(await failure(suspendCertificate(deps(), dora, { certificateId: own.id, reason: "x", until: "2026-05-01" }))).toEqual(new Forbidden("Du kan inte besluta om ditt eget certifikat."));
    expect(await failure(suspendCertificate(deps(), greta, { certificateId: own.id, reason: "x", until: "2026-05-01" }))).toEqual(new Forbidden("Du har inte behörighet att besluta om certifikat."));
    // The holder without staff roles does not even learn about actions: it is not theirs to decide.
    const hugo = await user("hugo@example.se", ["applicant"]);
    const his = await issued({ personId: hugo.personId }, "fgas-person-iii");
    expect(await failure(withdrawCertificate(deps(), hugo, { certificateId: his.id, reason: "x" }))).toBeInstanceOf(Forbidden);
    expect(await failure(withdrawCertificate(deps(), hugo, { certificateId: own.id, reason: "x" }))).toBeInstanceOf(NotFound);
    // The decider who administers the holder's employer: a colleague's certificate.
    const ceo = await user("vd@kyl.example.se", ["decider"]);
    const worker = await insertPerson(deps());
    await insertCompany(deps(), { adminPersonIds: [ceo.personId], employeePersonIds: [worker.personId] });
    const colleagues = await issued({ personId: worker.personId }, "fgas-person-iii");
    expect(await failure(withdrawCertificate(deps(), ceo, { certificateId: colleagues.id, reason: "x" }))).toEqual(new Forbidden("Du är certifikatsadministratör hos den sökandes arbetsgivare och kan inte besluta om en kollegas certifikat."));
    expect((await cert(colleagues.id)).status).toBe("active");
  });
});

describe("parallel decisions on one certificate", () => {
  it("two suspensions at once: one Beslut, the other Conflict", async () => {
    at("2026-03-15");
    const c = await issued({ personId: (await insertPerson(deps())).personId });
    const outcomes = await Promise.allSettled([
      suspendCertificate(deps(), dag, { certificateId: c.id, reason: "A", until: "2026-05-01" }),
      suspendCertificate(deps(), ada, { certificateId: c.id, reason: "B", until: "2026-06-01" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason).toEqual(new Conflict(alreadyChanged()));
    expect((await deps().db.select().from(decisions).where(eq(decisions.certificateId, c.id))).map((d) => d.kind)).toEqual(["grant", "suspend"]);
    expect((await history(c.id)).map((h) => h.status)).toEqual(["active", "suspended"]);
  });

  it("a suspension and a withdrawal at once: exactly one of them, whichever comes first", async () => {
    for (const order of ["suspend first", "withdraw first"]) {
      const c = await issued({ personId: (await insertPerson(deps())).personId });
      const suspend = () => suspendCertificate(deps(), ada, { certificateId: c.id, reason: "B", until: "2026-06-01" });
      const withdraw = () => withdrawCertificate(deps(), dag, { certificateId: c.id, reason: "A" });
      const outcomes = await Promise.allSettled(order === "suspend first" ? [suspend(), withdraw()] : [withdraw(), suspend()]);
      expect(outcomes.filter((o) => o.status === "fulfilled"), order).toHaveLength(1);
      expect(await history(c.id), order).toHaveLength(2);
    }
  });
});

describe("decisions are records", () => {
  it("cannot be changed or deleted", async () => {
    await expect(deps().db.update(decisions).set({ reason: "ändrat" })).rejects.toThrow();
    await expect(deps().db.delete(decisions)).rejects.toThrow();
  });
});
