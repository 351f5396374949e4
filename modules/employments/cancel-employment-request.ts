import { and, eq } from "drizzle-orm";
import { employments } from "../../db/schema/index.ts";
import { Conflict, NotFound } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { loadEmployment } from "./load-employment.ts";
import { t } from "../../lib/i18n/index.ts";

/** The person takes back a request that no admin has answered yet. */
export async function cancelEmploymentRequest(deps: Deps, actor: Actor & { personId: string }, employmentId: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(
    async (tx) => {
      const r = await loadEmployment(tx, employmentId);
      if (r.employment.personId !== actor.personId) throw new NotFound();
      const updated = await tx
        .update(employments)
        .set({ status: "cancelled", decidedAt: now, decidedByUserId: actor.userId })
        .where(and(eq(employments.id, employmentId), eq(employments.status, "requested")))
        .returning({ id: employments.id });
      if (updated.length === 0) throw new Conflict(t("employment.cannotCancel"));
      await recordEvent(tx, actor, now, { action: "employment.cancelled", subjectType: "employment", subjectId: employmentId, personId: actor.personId, companyId: r.company.id, details: { company: r.company.name } });
    },
    { behavior: "immediate" },
  );
}
