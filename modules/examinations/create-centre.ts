import { eq } from "drizzle-orm";
import { isUniqueViolation } from "../../db/errors.ts";
import { examinationCentres, examinationCentreSchemes } from "../../db/schema/index.ts";
import { Forbidden, Invalid } from "../../lib/errors.ts";
import { formatOrgNumber } from "../../lib/identity/orgnummer.ts";
import { newId } from "../../lib/ids.ts";
import { recordEvent } from "../audit/index.ts";
import { listExaminableSchemes } from "../catalogue/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { canManageCentres } from "./policy.ts";
import { t } from "../../lib/i18n/index.ts";

export interface CentreInput {
  name: string;
  /** Ten digits, as parseOrgNumber gives it. */
  orgNumber: string;
  addressLine1: string;
  postalCode: string;
  city: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  /** The schemes it may examine; their Teknikområden follow. */
  schemeIds: string[];
}

/**
 * "Nytt examinationscenter": staff register an organisation that is to hold exams. It waits for
 * an admin's approval (Godkänn) before its examinators can put up provtillfällen.
 */
export async function createCentre(deps: Deps, actor: Actor & { userId: string }, input: CentreInput): Promise<{ centreId: string }> {
  if (!canManageCentres(actor)) throw new Forbidden(t("examinations.createAdminsOnly"));
  const schemeIds = await examinableSchemeIds(deps, input.schemeIds);
  const taken = new Invalid({ orgnr: t("examinations.centre.orgnrTaken", formatOrgNumber(input.orgNumber)) });
  const centreId = newId();
  const now = deps.clock.now();
  await deps.db
    .transaction(
      async (tx) => {
        if (await tx.select({ id: examinationCentres.id }).from(examinationCentres).where(eq(examinationCentres.orgNumber, input.orgNumber)).get()) throw taken;
        const { schemeIds: _, ...details } = input;
        await tx.insert(examinationCentres).values({ id: centreId, ...details, status: "pending", createdAt: now, createdByUserId: actor.userId });
        for (const schemeId of schemeIds) await tx.insert(examinationCentreSchemes).values({ centreId, schemeId });
        await recordEvent(tx, actor, now, { action: "centre.created", subjectType: "examination_centre", subjectId: centreId, details: { centre: input.name, city: input.city } });
      },
      { behavior: "immediate" },
    )
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw taken;
      throw error;
    });
  return { centreId };
}

/** The chosen schemes, each one an exam can be held for; at least one. */
export async function examinableSchemeIds(deps: Deps, chosen: string[]): Promise<string[]> {
  const examinable = new Set((await listExaminableSchemes(deps.db)).map((s) => s.scheme.id));
  const unique = [...new Set(chosen)];
  if (unique.length === 0) throw new Invalid({ certifikat: t("examinations.schemes.missing") });
  if (unique.some((id) => !examinable.has(id))) throw new Invalid({ certifikat: t("examinations.schemes.notInList") });
  return unique;
}
