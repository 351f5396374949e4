import { mailIn } from "../accounts/index.ts";
import { enqueueMail } from "../outbox/outbox.ts";
import { and, eq, inArray } from "drizzle-orm";
import { isUniqueViolation } from "../../db/errors.ts";
import { companies, companyAdmins, employments, persons } from "../../db/schema/index.ts";
import { Conflict, Invalid } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { parseOrgNumber } from "../../lib/identity/orgnummer.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { employmentRequestedMail } from "./mails.ts";
import { t } from "../../lib/i18n/index.ts";

export const alreadyRequested = () => t("employment.already");

/**
 * "Ny anställning": the person names the company by its full organisationsnummer (no partial
 * matches) and a start date; the company's admins are asked to confirm.
 */
export async function requestEmployment(deps: Deps, actor: Actor & { personId: string }, input: { orgNumber: string; startDate: string }): Promise<{ employmentId: string }> {
  const now = deps.clock.now();
  const org = parseOrgNumber(input.orgNumber);
  if (!org.ok) throw new Invalid({ foretag: org.message });
  const company = await deps.db.select().from(companies).where(and(eq(companies.orgNumber, org.value), eq(companies.status, "approved"))).get();
  if (!company) throw new Invalid({ foretag: t("employment.noCompany") });
  const id = newId();
  await deps.db
    .transaction(
    async (tx) => {
      const open = await tx
        .select({ id: employments.id })
        .from(employments)
        .where(and(eq(employments.personId, actor.personId), eq(employments.companyId, company.id), inArray(employments.status, ["requested", "active"])))
        .get();
      if (open) throw new Conflict(alreadyRequested());
      await tx.insert(employments).values({ id, personId: actor.personId, companyId: company.id, startDate: input.startDate, status: "requested", requestedAt: now });
      await recordEvent(tx, actor, now, {
        action: "employment.requested",
        subjectType: "employment",
        subjectId: id,
        personId: actor.personId,
        companyId: company.id,
        details: { company: company.name, startDate: input.startDate },
      });
      const admins = await tx
        .select({ email: persons.email, givenName: persons.givenName, familyName: persons.familyName })
        .from(companyAdmins)
        .innerJoin(persons, eq(persons.id, companyAdmins.personId))
        .where(eq(companyAdmins.companyId, company.id));
      for (const a of admins) {
        await enqueueMail(tx, now, "employment.requested", await mailIn(tx, a.email, () => employmentRequestedMail(deps.config, a.email, `${a.givenName} ${a.familyName}`, actor.name, company.name, company.id, input.startDate)));
      }
    },
    { behavior: "immediate" },
  )
    .catch((error: unknown) => {
      // The partial unique index is the last word when two requests race.
      if (isUniqueViolation(error)) throw new Conflict(alreadyRequested());
      throw error;
    });
  deps.mailQueue.kick();
  return { employmentId: id };
}
