import { and, eq, inArray } from "drizzle-orm";
import { applications } from "../../db/schema/index.ts";
import { Conflict, NotFound } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { canActAsApplicant, loadApplication, processState } from "./load-application.ts";
import { canApplicant, OPEN_STATUSES } from "./state-machine.ts";
import { t } from "../../lib/i18n/index.ts";

/** The applicant withdraws an open application ("Återkalla ansökan"). Nothing uploaded is deleted. */
export async function withdrawApplication(deps: Deps, actor: Actor & { userId: string }, input: { applicationId: string; reason: string | null }): Promise<void> {
  const app = await loadApplication(deps.db, actor, input.applicationId);
  if (!(await canActAsApplicant(deps.db, actor, app.application))) throw new NotFound();
  const allowed = canApplicant(processState(app), "withdraw");
  if (!allowed.ok) throw new Conflict(allowed.reason);
  const now = deps.clock.now();
  const reason = input.reason?.trim() || null;
  await deps.db.transaction(
    async (tx) => {
      const updated = await tx
        .update(applications)
        .set({ status: "withdrawn", closedAt: now, closedReason: reason, updatedAt: now })
        .where(and(eq(applications.id, app.application.id), inArray(applications.status, [...OPEN_STATUSES])))
        .returning({ id: applications.id });
      if (updated.length === 0) throw new Conflict(t("rule.closedAlready"));
      await recordEvent(tx, actor, now, {
        action: "application.withdrawn",
        subjectType: "application",
        subjectId: app.application.id,
        personId: app.application.personId ?? actor.personId,
        companyId: app.application.companyId,
        details: reason ? { reason } : undefined,
      });
    },
    { behavior: "immediate" },
  );
}
