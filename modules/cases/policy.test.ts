import { describe, expect, it } from "vitest";
import type { Actor, Role } from "../deps.ts";
import { appealDeadline, canAppeal, canHandleCase, caseTransition, checkEffect, effectsFor, type HandlingParties } from "./policy.ts";

const staff = (userId: string, personId: string, ...roles: Role[]): Actor => ({ userId, personId, name: userId, roles });
const bo = staff("u-bo", "p-bo", "decider");
const dag = staff("u-dag", "p-dag", "decider");
const ada = staff("u-ada", "p-ada", "admin");
const greta = staff("u-greta", "p-greta", "reviewer");
const sven: Actor = { userId: "u-sven", personId: "p-sven", name: "Sven", roles: ["applicant"] };

const appeal: HandlingParties = { kind: "appeal", holderPersonId: "p-sven", submittedByUserId: "u-sven", decidedByUserIds: ["u-bo"], reviewerUserIds: ["u-greta"], companyIds: ["c-kyl"], actorCompanyIds: [] };

describe("cases policy", () => {
  it("counts the appeal period in Swedish dates from the decision, and closes it the day after", () => {
    expect(appealDeadline("2026-12-03", 2)).toBe("2027-02-03");
    expect(appealDeadline("2026-12-31", 2)).toBe("2027-02-28");
    const facts = { kind: "refusal" as const, inEffect: true, decidedOn: "2026-12-03", appealMonths: 2, existingCaseNumber: null };
    expect(canAppeal(facts, "2027-02-03")).toEqual({ ok: true, deadline: "2027-02-03" });
    expect(canAppeal(facts, "2027-02-04")).toEqual({ ok: false, deadline: "2027-02-03", reason: "Tiden för att överklaga gick ut 3 februari 2027. Ett beslut kan överklagas inom 2 månader från beslutsdagen." });
    expect(canAppeal({ ...facts, appealMonths: 1 }, "2027-01-04").ok).toBe(false);
    expect(canAppeal({ ...facts, existingCaseNumber: 1001 }, "2026-12-04")).toMatchObject({ ok: false, reason: "Beslutet är redan överklagat (ärende 1001)." });
    for (const kind of ["refusal", "suspension", "withdrawal", "moment"] as const) expect(canAppeal({ ...facts, kind, inEffect: false }, "2026-12-04").ok).toBe(false);
  });

  it("lets a decider or admin handle a case only where they had no part in it", () => {
    const matrix: [string, Actor, HandlingParties, string | null][] = [
      ["another decider", dag, appeal, null],
      ["an admin", ada, appeal, null],
      ["the one who decided", bo, appeal, "Du fattade beslutet som överklagas och kan därför inte handlägga överklagandet."],
      ["who granted the certificate complained about", bo, { ...appeal, kind: "complaint", submittedByUserId: null }, "Du fattade beslutet om certifikatet som klagomålet gäller och kan därför inte handlägga det."],
      ["a reviewer of its Moment", { ...greta, roles: ["reviewer", "decider"] }, appeal, "Du har granskat moment i ansökan som ärendet gäller och kan därför inte handlägga det."],
      ["a reviewer without a decider's role", greta, { ...appeal, reviewerUserIds: [] }, "Du har inte behörighet att handlägga överklaganden och klagomål."],
      ["the applicant", sven, appeal, "Du har inte behörighet att handlägga överklaganden och klagomål."],
      ["staff who is the holder", staff("u-s2", "p-sven", "admin"), appeal, "Ärendet gäller dig själv. Någon annan måste handlägga det."],
      ["staff who lodged it", staff("u-sven", "p-x", "admin"), { ...appeal, holderPersonId: null }, "Du har själv lämnat in ärendet. Någon annan måste handlägga det."],
      ["employed by the company concerned", dag, { ...appeal, actorCompanyIds: ["c-kyl"] }, "Du är anställd hos eller certifikatsadministratör för företaget som ärendet gäller och kan därför inte handlägga det."],
      ["employed elsewhere", dag, { ...appeal, actorCompanyIds: ["c-annat"] }, null],
      ["a complaint about the body itself", bo, { kind: "complaint", holderPersonId: null, submittedByUserId: null, decidedByUserIds: [], reviewerUserIds: [], companyIds: [], actorCompanyIds: [] }, null],
    ];
    for (const [who, actor, parties, reason] of matrix) expect(canHandleCase(actor, parties), who).toEqual(reason === null ? { ok: true } : { ok: false, reason });
  });

  it("moves a case Mottagen → Under utredning → Avgjord, or Avskriven, by its handler", () => {
    const handler = { isHandler: true, isAdmin: false };
    const other = { isHandler: false, isAdmin: false };
    const admin = { isHandler: false, isAdmin: true };
    expect(caseTransition("received", "take", other)).toEqual({ ok: true, next: "investigating" });
    expect(caseTransition("investigating", "take", other).ok).toBe(false);
    expect(caseTransition("investigating", "take", handler).ok).toBe(false);
    expect(caseTransition("investigating", "take", admin)).toEqual({ ok: true, next: "investigating" });
    expect(caseTransition("received", "decide", handler)).toEqual({ ok: false, reason: "Börja utreda ärendet innan du avgör det." });
    expect(caseTransition("investigating", "decide", handler)).toEqual({ ok: true, next: "decided" });
    expect(caseTransition("investigating", "decide", admin)).toEqual({ ok: false, reason: "Bara handläggaren kan avgöra ärendet." });
    expect(caseTransition("received", "dismiss", other)).toEqual({ ok: true, next: "dismissed" });
    expect(caseTransition("investigating", "dismiss", handler)).toEqual({ ok: true, next: "dismissed" });
    expect(caseTransition("investigating", "dismiss", other).ok).toBe(false);
    for (const closed of ["decided", "dismissed"] as const) for (const action of ["take", "decide", "dismiss"] as const) expect(caseTransition(closed, action, handler)).toEqual({ ok: false, reason: "Ärendet är redan avslutat." });
  });

  it("offers the change that fits what the case concerns, and only with an upheld outcome", () => {
    expect(effectsFor({ kind: "appeal", appealedKind: "refusal", certificateId: null })).toEqual(["reopen"]);
    expect(effectsFor({ kind: "appeal", appealedKind: "suspension", certificateId: "c" })).toEqual(["reinstate"]);
    expect(effectsFor({ kind: "appeal", appealedKind: "withdrawal", certificateId: "c" })).toEqual(["reinstate"]);
    expect(effectsFor({ kind: "appeal", appealedKind: "moment", certificateId: null })).toEqual(["approve_moment"]);
    expect(effectsFor({ kind: "complaint", appealedKind: null, certificateId: "c" })).toEqual(["suspend", "withdraw"]);
    expect(effectsFor({ kind: "complaint", appealedKind: null, certificateId: null })).toEqual([]);
    expect(checkEffect("granted", "reopen", ["reopen"])).toEqual({ ok: true });
    expect(checkEffect("partly_granted", "suspend", ["suspend", "withdraw"])).toEqual({ ok: true });
    expect(checkEffect("rejected", "reopen", ["reopen"]).ok).toBe(false);
    expect(checkEffect("granted", "suspend", ["reopen"]).ok).toBe(false);
    expect(checkEffect("rejected", null, [])).toEqual({ ok: true });
  });
});
