import { mailIn } from "../accounts/index.ts";
import { enqueueMail } from "../outbox/outbox.ts";
import { and, eq } from "drizzle-orm";
import { employments } from "../../db/schema/index.ts";
import { Conflict, NotFound } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { loadEmployment } from "./load-employment.ts";
import { employmentDecidedMail } from "./mails.ts";
import { isCompanyAdmin } from "./policy.ts";
import { t } from "../../lib/i18n/index.ts";

/**
 * "Bekräfta" / "Avböj" an employment request, by an admin of the company. A person can only
 * confirm their own request when they already are an admin (from an approved registration);
 * that is logged as such.
 */
export async function decideEmployment(deps: Deps, actor: Actor & { userId: string }, input: { employmentId: string; confirm: boolean; reason: string | null }): Promise<void> {
  const now = deps.clock.now();
  const reason = input.reason?.trim() || null;
  const row = await deps.db.transaction(
    async (tx) => {
      const r = await loadEmployment(tx, input.employmentId);
      // Someone who is not an admin of the company learns nothing about it.
      if (!(await isCompanyAdmin(tx, actor, r.company.id))) throw new NotFound();
      const updated = await tx
        .update(employments)
        .set({ status: input.confirm ? "active" : "rejected", decidedAt: now, decidedByUserId: actor.userId, reason })
        .where(and(eq(employments.id, r.employment.id), eq(employments.status, "requested")))
        .returning({ id: employments.id });
      if (updated.length === 0) throw new Conflict(t("employment.answeredAlready"));
      const own = r.employment.personId === actor.personId;
      await recordEvent(tx, actor, now, {
        action: input.confirm ? "employment.confirmed" : "employment.rejected",
        subjectType: "employment",
        subjectId: r.employment.id,
        personId: r.employment.personId,
        companyId: r.company.id,
        details: { company: r.company.name, person: `${r.person.givenName} ${r.person.familyName}`, ...(reason ? { reason } : {}), ...(own ? { ownRequestAsAdmin: true } : {}) },
      });
      if (!own) await enqueueMail(tx, now, "employment.decided", await mailIn(tx, r.person.email, () => employmentDecidedMail(deps.config, r.person.email, `${r.person.givenName} ${r.person.familyName}`, r.company.name, input.confirm, reason)));
      return r;
    },
    { behavior: "immediate" },
  );
  if (row.employment.personId !== actor.personId) deps.mailQueue.kick();
}
