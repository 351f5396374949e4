import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { requirements } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { codeTaken, resolveCode, uniqueAs } from "./codes.ts";
import { all, codeField, requirementFields, validate, type RequirementFields } from "./fields.ts";
import { assertCanEditCatalogue } from "./policy.ts";
import { getScheme, schemeTitle } from "./queries.ts";
import { nextRequirementOrder } from "./sort-order.ts";

/** A new Moment, last in the scheme's list. Applications started from now on get it; earlier ones do not. */
export async function addRequirement(deps: Deps, actor: Actor, input: RequirementFields & { schemeId: string; code?: string | null }): Promise<{ requirementId: string; code: string }> {
  assertCanEditCatalogue(actor);
  const [fields, { code: typed }] = all(
    () => validate(requirementFields, input),
    () => validate(z.object({ code: codeField }), input),
  );
  const code = resolveCode(typed, fields.name);
  // Retired requirements keep their codes: the unique index covers them too.
  const taken = codeTaken(code, "requirement");
  const requirementId = newId();
  const now = deps.clock.now();
  await deps.db
    .transaction(
      async (tx) => {
        const { scheme, area } = await getScheme(tx, input.schemeId);
        if (await tx.select({ id: requirements.id }).from(requirements).where(and(eq(requirements.schemeId, scheme.id), eq(requirements.code, code.code))).get()) throw taken;
        await tx.insert(requirements).values({ id: requirementId, schemeId: scheme.id, code: code.code, ...fields, sortOrder: await nextRequirementOrder(tx, scheme.id) });
        await recordEvent(tx, actor, now, {
          action: "requirement.added",
          subjectType: "requirement",
          subjectId: requirementId,
          details: { certificate: schemeTitle(area, scheme), moment: fields.name, code: code.code },
        });
      },
      { behavior: "immediate" },
    )
    .catch(uniqueAs(taken));
  return { requirementId, code: code.code };
}
