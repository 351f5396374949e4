import { eq } from "drizzle-orm";
import { requirements } from "../../db/schema/index.ts";
import { Conflict } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { changesOf } from "./changes.ts";
import { requirementFields, validate, type RequirementFields } from "./fields.ts";
import { assertCanEditCatalogue } from "./policy.ts";
import { getRequirement, schemeTitle } from "./queries.ts";
import { t } from "../../lib/i18n/index.ts";

const LABELS = { name: "Namn", description: "Beskrivning", acceptedTypes: "Godkända filtyper", appliesTo: "Gäller", attestable: "Kan intygas av arbetsgivaren" };

/**
 * A Moment's name, description and accepted file types. Files already uploaded stay as they are;
 * the types apply to the next upload.
 */
export async function updateRequirement(deps: Deps, actor: Actor, input: RequirementFields & { requirementId: string }): Promise<{ changed: string[] }> {
  assertCanEditCatalogue(actor);
  const fields = validate(requirementFields, input);
  const now = deps.clock.now();
  return deps.db.transaction(
    async (tx) => {
      const { requirement: before, scheme, area } = await getRequirement(tx, input.requirementId);
      if (before.retiredAt) throw new Conflict(t("catalogue.req.retiredNoChange"));
      const diff = changesOf(before, fields, LABELS);
      if (diff.changed.length === 0) return { changed: [] };
      await tx.update(requirements).set(fields).where(eq(requirements.id, before.id));
      await recordEvent(tx, actor, now, {
        action: "requirement.updated",
        subjectType: "requirement",
        subjectId: before.id,
        details: { certificate: schemeTitle(area, scheme), moment: fields.name, ...diff },
      });
      return { changed: diff.changed };
    },
    { behavior: "immediate" },
  );
}
