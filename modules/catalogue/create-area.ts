import { eq } from "drizzle-orm";
import { technicalAreas } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { codeTaken, resolveCode, uniqueAs } from "./codes.ts";
import { areaFields, validate } from "./fields.ts";
import { assertCanEditCatalogue } from "./policy.ts";
import { nextAreaOrder } from "./sort-order.ts";

export interface AreaInput {
  /** Empty: made from the name. */
  code?: string | null;
  name: string;
  /** Empty: last. */
  sortOrder?: number | null;
}

/** "Nytt teknikområde". */
export async function createArea(deps: Deps, actor: Actor, input: AreaInput): Promise<{ areaId: string; code: string }> {
  assertCanEditCatalogue(actor);
  const fields = validate(areaFields, input);
  const code = resolveCode(fields.code, fields.name);
  const taken = codeTaken(code, "area");
  const areaId = newId();
  const now = deps.clock.now();
  await deps.db
    .transaction(
      async (tx) => {
        if (await tx.select({ id: technicalAreas.id }).from(technicalAreas).where(eq(technicalAreas.code, code.code)).get()) throw taken;
        const sortOrder = fields.sortOrder ?? (await nextAreaOrder(tx));
        await tx.insert(technicalAreas).values({ id: areaId, code: code.code, name: fields.name, sortOrder });
        await recordEvent(tx, actor, now, { action: "area.created", subjectType: "area", subjectId: areaId, details: { area: fields.name, code: code.code } });
      },
      { behavior: "immediate" },
    )
    .catch(uniqueAs(taken));
  return { areaId, code: code.code };
}
