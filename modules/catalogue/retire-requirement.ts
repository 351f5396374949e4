import { and, eq, isNull } from "drizzle-orm";
import { requirements } from "../../db/schema/index.ts";
import { Conflict } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { assertCanEditCatalogue } from "./policy.ts";
import { getRequirement, otherActiveRequirements, schemeTitle } from "./queries.ts";
import { t } from "../../lib/i18n/index.ts";

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
      if (requirement.retiredAt) throw new Conflict(t("catalogue.req.alreadyRetired"));
      // An application without a single Moment would go straight to intyga with no evidence.
      if ((await otherActiveRequirements(tx, scheme.id, requirement.id)) === 0) {
        throw new Conflict(t("catalogue.req.lastOne"));
      }
      const updated = await tx
        .update(requirements)
        .set({ retiredAt: now })
        .where(and(eq(requirements.id, requirement.id), isNull(requirements.retiredAt)))
        .returning({ id: requirements.id });
      if (updated.length === 0) throw new Conflict(t("catalogue.req.alreadyRetired"));
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
