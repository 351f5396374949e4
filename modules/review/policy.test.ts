import { describe, expect, it } from "vitest";
import type { Actor, Role } from "../deps.ts";
import { canActOnCertificate, canDecideApplication, canReviewRequirement, type ApplicationParties, type Parties } from "./policy.ts";

const staff = (roles: Role[], personId = "p-staff", userId = "u-staff"): Actor => ({ userId, personId, name: roles.join("+"), roles });
const roles: [string, Role[]][] = [
  ["applicant", ["applicant"]],
  ["reviewer", ["reviewer"]],
  ["decider", ["decider"]],
  ["admin", ["admin"]],
  ["reviewer+decider", ["reviewer", "decider"]],
];

const personApp: ApplicationParties = { personId: "p-sven", companyId: null, employerIds: ["c-kyl"], actorAdminOf: [], fourEyes: false, approvedByUserIds: [], examinedByUserIds: [] };
const file = { uploadedByUserId: "u-sven" };

describe("who may do what, by role", () => {
  const expected: Record<string, [review: boolean, decide: boolean, act: boolean]> = {
    applicant: [false, false, false],
    reviewer: [true, false, false],
    decider: [false, true, true],
    admin: [true, true, true],
    "reviewer+decider": [true, true, true],
  };
  for (const [name, r] of roles) {
    it(name, () => {
      const actor = staff(r);
      expect([canReviewRequirement(actor, personApp, file).ok, canDecideApplication(actor, personApp).ok, canActOnCertificate(actor, personApp).ok]).toEqual(expected[name]);
    });
  }

  it("says why in Swedish", () => {
    expect(canReviewRequirement(staff(["decider"]), personApp, file)).toEqual({ ok: false, reason: "Du har inte behörighet att granska moment." });
    expect(canDecideApplication(staff(["reviewer"]), personApp)).toEqual({ ok: false, reason: "Du har inte behörighet att besluta om ansökningar." });
    expect(canActOnCertificate(staff(["applicant"]), personApp)).toEqual({ ok: false, reason: "Du har inte behörighet att besluta om certifikat." });
  });
});

describe("impartiality: nobody acts on their own or their company's", () => {
  // Each case: who the staff member is to the applicant, and what each check answers (true = allowed).
  const admin = staff(["admin"]);
  const cases: [string, Parties, [review: boolean, decide: boolean, act: boolean], string | null][] = [
    ["unrelated", { personId: "p-sven", companyId: null, employerIds: ["c-kyl"], actorAdminOf: ["c-other"] }, [true, true, true], null],
    ["the applicant themself", { personId: "p-staff", companyId: null, employerIds: [], actorAdminOf: [] }, [false, false, false], "Du kan inte besluta om din egen ansökan."],
    ["admin of the applying company", { personId: null, companyId: "c-kyl", employerIds: [], actorAdminOf: ["c-kyl"] }, [false, false, false], "Du kan inte besluta för ett företag där du är certifikatsadministratör."],
    ["admin of the applicant's employer (a colleague)", { personId: "p-sven", companyId: null, employerIds: ["c-kyl"], actorAdminOf: ["c-kyl"] }, [true, false, false], "Du är certifikatsadministratör hos den sökandes arbetsgivare och kan inte besluta om en kollegas certifikat."],
    ["admin of another company than the applying one", { personId: null, companyId: "c-kyl", employerIds: [], actorAdminOf: ["c-other"] }, [true, true, true], null],
  ];
  for (const [who, parties, [review, decide, act], reason] of cases) {
    it(who, () => {
      const app = { ...parties, fourEyes: false, approvedByUserIds: [], examinedByUserIds: [] };
      expect(canReviewRequirement(admin, parties, file).ok, "review").toBe(review);
      expect(canDecideApplication(admin, app).ok, "decide").toBe(decide);
      expect(canActOnCertificate(admin, parties).ok, "act").toBe(act);
      if (reason) expect(canDecideApplication(admin, app)).toEqual({ ok: false, reason });
    });
  }

  it("words a certificate as one's own certificate", () => {
    expect(canActOnCertificate(admin, { personId: "p-staff", companyId: null, employerIds: [], actorAdminOf: [] })).toEqual({ ok: false, reason: "Du kan inte besluta om ditt eget certifikat." });
  });

  it("never lets a reviewer review a file they uploaded themself", () => {
    expect(canReviewRequirement(admin, personApp, { uploadedByUserId: "u-staff" })).toEqual({ ok: false, reason: "Du kan inte granska en fil som du själv har laddat upp." });
    expect(canReviewRequirement(admin, { ...personApp, personId: "p-staff" }, file)).toEqual({ ok: false, reason: "Du kan inte granska dina egna underlag." });
  });
});

describe("four eyes", () => {
  const decider = staff(["reviewer", "decider"]);
  const approvedByDecider = { ...personApp, approvedByUserIds: ["u-other", "u-staff"] };
  it("refuses the one who approved evidence where the scheme asks for four eyes", () => {
    expect(canDecideApplication(decider, { ...approvedByDecider, fourEyes: true })).toEqual({ ok: false, reason: "Du har godkänt moment i ansökan. Certifikatet kräver att någon annan fattar beslutet (fyra ögon)." });
  });
  it("allows them where it does not, and allows anyone else either way", () => {
    expect(canDecideApplication(decider, { ...approvedByDecider, fourEyes: false }).ok).toBe(true);
    expect(canDecideApplication(decider, { ...personApp, fourEyes: true, approvedByUserIds: ["u-other"] }).ok).toBe(true);
  });
});

describe("the examinator of the applicant's exam", () => {
  const decider = staff(["decider"]);
  it("cannot make the final decision, whatever the scheme's four-eyes setting", () => {
    for (const fourEyes of [false, true]) {
      expect(canDecideApplication(decider, { ...personApp, fourEyes, examinedByUserIds: ["u-staff"] })).toEqual({ ok: false, reason: "Du har examinerat den sökande i provet för ansökan och kan därför inte fatta beslutet." });
    }
  });
  it("does not stop another decider, nor the examinator from acting on other applications", () => {
    expect(canDecideApplication(decider, { ...personApp, examinedByUserIds: ["u-examinator"] }).ok).toBe(true);
    expect(canDecideApplication(decider, personApp).ok).toBe(true);
  });
});
