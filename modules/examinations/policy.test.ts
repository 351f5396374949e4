import { describe, expect, it } from "vitest";
import type { Actor, Role } from "../deps.ts";
import { canCancelRegistration, canExamine, canManageCentres, canSeeCentre, canSeeRegistration, canWorkAtCentre, centreStatus, type CentreFacts, type Membership } from "./policy.ts";

// Who is who: two approved centres A and B, a pending centre P; Erik examines at A (and at P),
// Berit at B, Sven is a candidate at A, Olle an applicant with no part in it, and three kinds of staff.
const person = (id: string, roles: Role[] = ["applicant"]): Actor => ({ userId: `u-${id}`, personId: `p-${id}`, name: id, roles });
const who: Record<string, { actor: Actor; membership: Membership }> = {
  "examinator A": { actor: person("erik"), membership: { examinatorAt: ["c-a", "c-p"] } },
  "examinator B": { actor: person("berit"), membership: { examinatorAt: ["c-b"] } },
  "kandidat vid A": { actor: person("sven"), membership: { examinatorAt: [] } },
  "annan sökande": { actor: person("olle"), membership: { examinatorAt: [] } },
  granskare: { actor: person("greta", ["reviewer"]), membership: { examinatorAt: [] } },
  beslutsfattare: { actor: person("bo", ["decider"]), membership: { examinatorAt: [] } },
  administratör: { actor: person("anna", ["admin"]), membership: { examinatorAt: [] } },
};
const centreA: CentreFacts = { centreId: "c-a", status: "approved" };
const centreB: CentreFacts = { centreId: "c-b", status: "approved" };
const pending: CentreFacts = { centreId: "c-p", status: "pending" };
const svensRegistrationAtA = { personId: "p-sven", centreId: "c-a" };

describe("the authorization matrix", () => {
  // Per person: [manage centres, see A, see B, work at A, work at B, examine Sven at A, see Sven's registration at A]
  const expected: Record<string, [boolean, boolean, boolean, boolean, boolean, boolean, boolean]> = {
    "examinator A": [false, true, false, true, false, true, true],
    "examinator B": [false, false, true, false, true, false, false],
    "kandidat vid A": [false, false, false, false, false, false, true],
    "annan sökande": [false, false, false, false, false, false, false],
    granskare: [false, true, true, false, false, false, true],
    beslutsfattare: [false, true, true, false, false, false, true],
    administratör: [true, true, true, false, false, false, true],
  };
  for (const [name, { actor, membership }] of Object.entries(who)) {
    it(name, () => {
      expect([
        canManageCentres(actor),
        canSeeCentre(actor, membership, centreA),
        canSeeCentre(actor, membership, centreB),
        canWorkAtCentre(actor, membership, centreA).ok,
        canWorkAtCentre(actor, membership, centreB).ok,
        canExamine(actor, membership, centreA, { personId: "p-sven" }).ok,
        canSeeRegistration(actor, membership, svensRegistrationAtA),
      ]).toEqual(expected[name]);
    });
  }
});

describe("what an examinator may not do, and why", () => {
  const erik = who["examinator A"]!;
  it("works only at their own centre", () => {
    expect(canWorkAtCentre(erik.actor, erik.membership, centreB)).toEqual({ ok: false, reason: "Bara examinationscentrets examinatorer kan göra det här." });
  });
  it("holds no exams until the centre is approved", () => {
    expect(canSeeCentre(erik.actor, erik.membership, pending)).toBe(true);
    expect(canWorkAtCentre(erik.actor, erik.membership, pending)).toEqual({ ok: false, reason: expect.stringContaining("inte godkänt ännu") });
  });
  it("does nothing at a suspended centre but let a waiting candidate go", () => {
    const suspended: CentreFacts = { centreId: "c-a", status: "suspended" };
    expect(canSeeCentre(erik.actor, erik.membership, suspended)).toBe(true);
    expect(canWorkAtCentre(erik.actor, erik.membership, suspended)).toEqual({ ok: false, reason: expect.stringContaining("Examinationscentret är avstängt") });
    expect(canExamine(erik.actor, erik.membership, suspended, { personId: "p-sven" }).ok).toBe(false);
    expect(canCancelRegistration(erik.actor, erik.membership, suspended, { personId: "p-sven" })).toEqual({ ok: true });
    // Not someone else's centre, suspended or not, and never their own registration.
    const berit = who["examinator B"]!;
    expect(canCancelRegistration(berit.actor, berit.membership, suspended, { personId: "p-sven" }).ok).toBe(false);
    expect(canCancelRegistration(erik.actor, erik.membership, suspended, { personId: "p-erik" }).ok).toBe(false);
    expect(canCancelRegistration(erik.actor, erik.membership, pending, { personId: "p-sven" }).ok).toBe(false);
  });
  it("reads a suspension from suspended_at beside the approval", () => {
    expect(centreStatus({ status: "approved", suspendedAt: null })).toBe("approved");
    expect(centreStatus({ status: "approved", suspendedAt: new Date("2026-11-22T08:00:00Z") })).toBe("suspended");
    expect(centreStatus({ status: "pending", suspendedAt: null })).toBe("pending");
  });
  it("never examines themself, not even at their own centre", () => {
    expect(canExamine(erik.actor, erik.membership, centreA, { personId: "p-erik" })).toEqual({ ok: false, reason: expect.stringContaining("Du kan inte examinera dig själv") });
  });
  it("is an applicant like anyone else elsewhere: sees their own registration at another centre", () => {
    expect(canSeeRegistration(erik.actor, erik.membership, { personId: "p-erik", centreId: "c-b" })).toBe(true);
    expect(canSeeRegistration(erik.actor, erik.membership, { personId: "p-sven", centreId: "c-b" })).toBe(false);
  });
  it("loses everything at a centre once removed from it", () => {
    const removed: Membership = { examinatorAt: [] };
    expect(canSeeCentre(erik.actor, removed, centreA)).toBe(false);
    expect(canWorkAtCentre(erik.actor, removed, centreA).ok).toBe(false);
  });
});
