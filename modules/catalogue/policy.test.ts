import { describe, expect, it } from "vitest";
import { Forbidden } from "../../lib/errors.ts";
import type { Actor, Role } from "../deps.ts";
import { assertCanEditCatalogue, canEditCatalogue } from "./policy.ts";

const actor = (roles: Role[]): Actor => ({ userId: "u", personId: "p", name: roles.join("+"), roles });

describe("who may edit the catalogue", () => {
  const cases: [Role[], boolean][] = [
    [["applicant"], false],
    [["reviewer"], false],
    [["decider"], false],
    [["reviewer", "decider"], false],
    [["admin"], true],
    [["reviewer", "admin"], true],
  ];
  for (const [roles, allowed] of cases) {
    it(`${roles.join("+")}: ${allowed ? "yes" : "no"}`, () => {
      expect(canEditCatalogue(actor(roles))).toBe(allowed);
      if (allowed) expect(() => assertCanEditCatalogue(actor(roles))).not.toThrow();
      else expect(() => assertCanEditCatalogue(actor(roles))).toThrow(new Forbidden("Bara administratörer kan ändra katalogen."));
    });
  }

  it("nobody when logged out, nor the system", () => {
    expect(canEditCatalogue(null)).toBe(false);
    expect(canEditCatalogue({ userId: null, personId: null, name: "System", roles: [] })).toBe(false);
  });
});
