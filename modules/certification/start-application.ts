import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { applicationRequirements, applications, schemes, technicalAreas, requirements } from "../../db/schema/index.ts";
import { Conflict, Invalid, NotFound } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { swedishDate } from "../../lib/dates.ts";
import { recordEvent } from "../audit/index.ts";
import { heldCertificate } from "../certificates/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { isCompanyAdmin } from "../employments/index.ts";
import { OPEN_STATUSES } from "./state-machine.ts";
import { t } from "../../lib/i18n/index.ts";

export interface StartInput {
  schemeId: string;
  /** For a company scheme: the company that applies (the actor must be one of its admins). */
  companyId?: string | null;
}

/**
 * "Ansök om nytt certifikat": step 1. The application gets one Moment per requirement of the
 * scheme, each "Inväntar fil från certifikand".
 */
export async function startApplication(deps: Deps, actor: Actor & { userId: string; personId: string }, input: StartInput): Promise<{ applicationId: string }> {
  const now = deps.clock.now();
  const scheme = await deps.db
    .select({ scheme: schemes, area: technicalAreas })
    .from(schemes)
    .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
    .where(eq(schemes.id, input.schemeId))
    .get();
  if (!scheme) throw new Invalid({ certifikat: t("apply.chooseScheme") });
  const today = swedishDate(now);
  if ((scheme.scheme.activeFrom && scheme.scheme.activeFrom > today) || (scheme.scheme.activeTo && scheme.scheme.activeTo < today)) {
    throw new Invalid({ certifikat: t("apply.closed") });
  }
  const forCompany = scheme.scheme.subject === "COMPANY";
  if (forCompany) {
    if (!input.companyId) throw new Invalid({ certifikat: t("apply.companyScheme") });
    if (!(await isCompanyAdmin(deps.db, actor, input.companyId))) throw new NotFound();
  } else if (input.companyId) {
    throw new Invalid({ certifikat: t("apply.personScheme") });
  }
  const applicant = forCompany ? { personId: null, companyId: input.companyId! } : { personId: actor.personId, companyId: null };
  const title = `${scheme.area.name} - ${scheme.scheme.name}`;
  const applicationId = newId();
  const alreadyOpen = new Conflict(forCompany ? t("apply.openAlready.company", title) : t("apply.openAlready", title));
  await deps.db
    .transaction(
      async (tx) => {
        const open = await tx
          .select({ id: applications.id })
          .from(applications)
          .where(
            and(
              eq(applications.schemeId, scheme.scheme.id),
              forCompany ? eq(applications.companyId, applicant.companyId!) : eq(applications.personId, applicant.personId!),
              inArray(applications.status, [...OPEN_STATUSES]),
            ),
          )
          .get();
        if (open) throw alreadyOpen;
        // Inside the transaction: an application issued a moment ago must not slip past this check.
        const held = await heldCertificate(tx, { ...(forCompany ? { companyId: applicant.companyId! } : { personId: applicant.personId! }), schemeId: scheme.scheme.id, today });
        if (held) throw alreadyHeld(forCompany, title, held);
        await insertApplication(tx, actor, now, { applicationId, schemeId: scheme.scheme.id, applicant, details: { certificate: title } });
      },
      { behavior: "immediate" },
    )
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw alreadyOpen;
      throw error;
    });
  return { applicationId };
}

/**
 * Inside the caller's transaction: a new initial application in step 2, one Moment per requirement
 * of the scheme ("Inväntar fil från certifikand"), and its Event. The caller has checked that the
 * applicant may start it and has no open one (the unique index stops a second all the same).
 */
export async function insertApplication(
  tx: Tx,
  actor: Actor & { userId: string },
  now: Date,
  input: { applicationId: string; schemeId: string; applicant: { personId: string; companyId: null } | { personId: null; companyId: string }; details: Record<string, unknown> },
): Promise<void> {
  const { applicationId, applicant } = input;
  await tx.insert(applications).values({ id: applicationId, schemeId: input.schemeId, kind: "initial", ...applicant, status: "in_progress", createdAt: now, createdByUserId: actor.userId, updatedAt: now });
  const reqs = await tx
    .select({ id: requirements.id })
    .from(requirements)
    .where(and(eq(requirements.schemeId, input.schemeId), eq(requirements.appliesTo, "initial"), isNull(requirements.retiredAt)))
    .orderBy(asc(requirements.sortOrder));
  for (const r of reqs) {
    await tx.insert(applicationRequirements).values({ id: newId(), applicationId, requirementId: r.id, status: "awaiting_file", createdAt: now, createdByUserId: actor.userId, updatedAt: now, updatedByUserId: actor.userId });
  }
  await recordEvent(tx, actor, now, {
    action: "application.started",
    subjectType: "application",
    subjectId: applicationId,
    personId: applicant.personId ?? actor.personId,
    companyId: applicant.companyId,
    details: input.details,
  });
}

/** Extension and recertification continue a held certificate; a second initial one would duplicate it. */
function alreadyHeld(forCompany: boolean, title: string, held: { number: number; status: string }): Conflict {

  return new Conflict(
    held.status === "active"
      ? forCompany
        ? t("apply.held.company", title, held.number)
        : t("apply.held", title, held.number)
      : forCompany
        ? t("apply.heldSuspended.company", title, held.number)
        : t("apply.heldSuspended", title, held.number),
  );
}
