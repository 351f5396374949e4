import { and, eq, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { applicationRequirements } from "../../db/schema/index.ts";
import type { Actor } from "../deps.ts";
import { employersOf, listPersonCompanies } from "../employments/index.ts";
import { examinersOfApplication } from "../examinations/index.ts";
import type { ApplicationParties, Parties } from "./policy.ts";

/** What the policy needs to know about an applicant or holder and the acting user. */
export async function loadParties(db: DbOrTx, actor: Actor, subject: { personId: string | null; companyId: string | null }, today: string): Promise<Parties> {
  const actorAdminOf = actor.personId ? (await listPersonCompanies(db, actor.personId)).administered.map((c) => c.id) : [];
  const employerIds = subject.personId ? await employersOf(db, subject.personId, today) : [];
  return { personId: subject.personId, companyId: subject.companyId, employerIds, actorAdminOf };
}

export async function loadApplicationParties(
  db: DbOrTx,
  actor: Actor,
  application: { id: string; personId: string | null; companyId: string | null },
  scheme: { fourEyes: boolean },
  today: string,
): Promise<ApplicationParties> {
  const approvers = await db
    .selectDistinct({ userId: applicationRequirements.reviewedByUserId })
    .from(applicationRequirements)
    .where(and(eq(applicationRequirements.applicationId, application.id), eq(applicationRequirements.status, "approved"), isNotNull(applicationRequirements.reviewedByUserId)));
  return {
    ...(await loadParties(db, actor, application, today)),
    fourEyes: scheme.fourEyes,
    approvedByUserIds: approvers.map((a) => a.userId!),
    examinedByUserIds: await examinersOfApplication(db, application.id),
  };
}
