import { and, eq, isNull } from "drizzle-orm";
import { requirements } from "../../db/schema/index.ts";
import { Conflict } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { assertCanEditCatalogue } from "./policy.ts";
import { getRequirement, otherActiveRequirements, schemeTitle } from "./queries.ts";

/**
 * "Avveckla moment": new applications no longer get it. Nothing is deleted: applications that
 * already have the Moment keep it, with its files and review, and still need it approved.
 */
export async function retireRequirement(deps: Deps, actor: Actor, input: { requirementId: string }): Promise<void> {
  assertCanEditCatalogue(actor);
  const now = deps.clock.now();
  await deps.db.transaction(
    async (tx) => {
      const { requirement, scheme, area } = await getRequirement(tx, input.requirementId);
      if (requirement.retiredAt) throw new Conflict("Momentet är redan avvecklat.");
      // An application without a single Moment would go straight to intyga with no evidence.
      if ((await otherActiveRequirements(tx, scheme.id, requirement.id)) === 0) {
        throw new Conflict("Ett certifikat behöver minst ett moment. Lägg till det nya momentet innan du avvecklar det här.");
      }
      const updated = await tx
        .update(requirements)
        .set({ retiredAt: now })
        .where(and(eq(requirements.id, requirement.id), isNull(requirements.retiredAt)))
        .returning({ id: requirements.id });
      if (updated.length === 0) throw new Conflict("Momentet är redan avvecklat.");
      await recordEvent(tx, actor, now, {
        action: "requirement.retired",
        subjectType: "requirement",
        subjectId: requirement.id,
        details: { certificate: schemeTitle(area, scheme), moment: requirement.name },
      });
    },
    { behavior: "immediate" },
  );
}
