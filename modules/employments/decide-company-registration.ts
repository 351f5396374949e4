import { mailIn } from "../accounts/index.ts";
import { enqueueMail } from "../outbox/outbox.ts";
import { and, eq } from "drizzle-orm";
import { companies, companyAdmins, persons } from "../../db/schema/index.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { companyDecidedMail } from "./mails.ts";
import { canReviewCompanyRegistrations } from "./policy.ts";
import { t } from "../../lib/i18n/index.ts";

export const alreadyDecided = () => t("employments.registration.alreadyDecided");

/** Staff approve (the registrant becomes admin) or refuse (with a reason) a company registration. */
export async function decideCompanyRegistration(
  deps: Deps,
  actor: Actor & { userId: string },
  input: { companyId: string; approve: boolean; reason: string | null },
): Promise<void> {
  if (!canReviewCompanyRegistrations(actor)) throw new Forbidden();
  const reason = input.reason?.trim() || null;
  if (!input.approve && !reason) throw new Invalid({ reason: t("employments.registration.reasonMissing") });
  const now = deps.clock.now();
  await deps.db.transaction(
    async (tx) => {
      const c = await tx.select().from(companies).where(eq(companies.id, input.companyId)).get();
      if (!c) throw new NotFound();
      if (c.registeredByPersonId === actor.personId) throw new Forbidden(t("employments.registration.own"));
      const updated = await tx
        .update(companies)
        .set({ status: input.approve ? "approved" : "refused", decidedAt: now, decidedByUserId: actor.userId, decisionReason: reason })
        .where(and(eq(companies.id, c.id), eq(companies.status, "pending")))
        .returning({ id: companies.id });
      if (updated.length === 0) throw new Conflict(alreadyDecided());
      if (input.approve) await tx.insert(companyAdmins).values({ companyId: c.id, personId: c.registeredByPersonId, createdAt: now });
      await recordEvent(tx, actor, now, {
        action: input.approve ? "company.approved" : "company.refused",
        subjectType: "company",
        subjectId: c.id,
        companyId: c.id,
        personId: c.registeredByPersonId,
        details: reason ? { reason } : undefined,
      });
      if (input.approve) {
        await recordEvent(tx, actor, now, { action: "company.admin_added", subjectType: "company", subjectId: c.id, companyId: c.id, personId: c.registeredByPersonId, details: { first: true } });
      }
      const registrant = await tx.select().from(persons).where(eq(persons.id, c.registeredByPersonId)).get();
      if (registrant) await enqueueMail(tx, now, "company.decided", await mailIn(tx, registrant.email, () => companyDecidedMail(deps.config, registrant.email, `${registrant.givenName} ${registrant.familyName}`, c.name, c.orgNumber, input.approve, reason)));
      return c;
    },
    { behavior: "immediate" },
  );
  deps.mailQueue.kick();
}
