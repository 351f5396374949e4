import { eq } from "drizzle-orm";
import { technicalAreas } from "../../db/schema/index.ts";
import { NotFound } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { changesOf } from "./changes.ts";
import { areaFields, validate } from "./fields.ts";
import { assertCanEditCatalogue } from "./policy.ts";

const LABELS = { name: "Namn", sortOrder: "Ordning" };

/**
 * Renames or reorders a technical area; its code stays (the start-up seeding matches on it).
 * Applications and the Händelselogg keep the name they were written with.
 */
export async function updateArea(deps: Deps, actor: Actor, input: { areaId: string; name: string; sortOrder?: number | null }): Promise<{ changed: string[] }> {
  assertCanEditCatalogue(actor);
  const fields = validate(areaFields.omit({ code: true }), input);
  const now = deps.clock.now();
  return deps.db.transaction(
    async (tx) => {
      const before = await tx.select().from(technicalAreas).where(eq(technicalAreas.id, input.areaId)).get();
      if (!before) throw new NotFound();
      const after = { name: fields.name, sortOrder: fields.sortOrder ?? before.sortOrder };
      const diff = changesOf(before, after, LABELS);
      if (diff.changed.length === 0) return { changed: [] };
      await tx.update(technicalAreas).set(after).where(eq(technicalAreas.id, before.id));
      await recordEvent(tx, actor, now, { action: "area.updated", subjectType: "area", subjectId: before.id, details: { area: after.name, ...diff } });
      return { changed: diff.changed };
    },
    { behavior: "immediate" },
  );
}
