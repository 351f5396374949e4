import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { applicationRequirements, applications, invoiceRecipients, requirements, schemes, technicalAreas } from "../../db/schema/index.ts";
import { NotFound } from "../../lib/errors.ts";
import { isStaff, type Actor } from "../deps.ts";
import { isCompanyAdmin } from "../employments/index.ts";
import type { ProcessState } from "./state-machine.ts";

/** An application with its scheme and Moment, if the actor may see it (else NotFound). */
export async function loadApplication(db: DbOrTx, actor: Actor, applicationId: string) {
  const row = await readApplicationRow(db, applicationId);
  if (!row || !(await canSeeApplication(db, actor, row.application))) throw new NotFound();
  return withMoments(db, row);
}

/**
 * The same without asking who reads it, for an operation that has checked its own policy (an
 * examination centre approving the exam Moment of its candidate's application).
 */
export async function readApplication(db: DbOrTx, applicationId: string) {
  const row = await readApplicationRow(db, applicationId);
  if (!row) throw new NotFound();
  return withMoments(db, row);
}

function readApplicationRow(db: DbOrTx, applicationId: string) {
  return db
    .select({ application: applications, scheme: schemes, area: technicalAreas })
    .from(applications)
    .innerJoin(schemes, eq(schemes.id, applications.schemeId))
    .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
    .where(eq(applications.id, applicationId))
    .get();
}

type ApplicationRow = NonNullable<Awaited<ReturnType<typeof readApplicationRow>>>;

async function withMoments(db: DbOrTx, row: ApplicationRow) {
  const applicationId = row.application.id;
  const moments = await db
    .select({ moment: applicationRequirements, requirement: requirements })
    .from(applicationRequirements)
    .innerJoin(requirements, eq(requirements.id, applicationRequirements.requirementId))
    .where(eq(applicationRequirements.applicationId, applicationId))
    .orderBy(asc(requirements.sortOrder));
  const recipient = await db.select().from(invoiceRecipients).where(eq(invoiceRecipients.applicationId, applicationId)).get();
  return { ...row, moments, recipient: recipient ?? null };
}

export type LoadedApplication = Awaited<ReturnType<typeof loadApplication>>;

/** The applicant (or, for a company, its admins) and staff; nobody else learns it exists. */
export async function canSeeApplication(db: DbOrTx, actor: Actor, application: { personId: string | null; companyId: string | null }): Promise<boolean> {
  if (isStaff(actor)) return true;
  return canActAsApplicant(db, actor, application);
}

export async function canActAsApplicant(db: DbOrTx, actor: Actor, application: { personId: string | null; companyId: string | null }): Promise<boolean> {
  if (application.personId) return application.personId === actor.personId;
  return application.companyId !== null && (await isCompanyAdmin(db, actor, application.companyId));
}

export function processState(a: LoadedApplication): ProcessState {
  return {
    status: a.application.status,
    requirementStatuses: a.moments.map((m) => m.moment.status),
    declared: a.application.declaredAt !== null,
    invoiced: a.scheme.invoiced,
    recipientGiven: a.recipient !== null,
  };
}
