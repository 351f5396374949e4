import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { applicationRequirements, applications, companies, decisions, persons, requirements, schemes, technicalAreas, users } from "../../db/schema/index.ts";
import { labels } from "../../lib/i18n/index.ts";

const applicant = {
  personId: applications.personId,
  givenName: persons.givenName,
  familyName: persons.familyName,
  companyId: applications.companyId,
  companyName: companies.name,
};

/** The applicant's name as staff read it: the person, or the company that applies. */
export const applicantName = (r: { givenName: string | null; familyName: string | null; companyName: string | null }) => r.companyName ?? `${r.givenName ?? ""} ${r.familyName ?? ""}`.trim();

/**
 * "Moment att granska": uploaded evidence waiting for a reviewer, oldest upload first, optionally
 * of one technical area. Only open applications: a withdrawn one has nothing to review.
 */
export async function listMomentsToReview(db: DbOrTx, filter: { areaId?: string } = {}) {
  const conditions: SQL[] = [eq(applicationRequirements.status, "awaiting_review"), inArray(applications.status, ["in_progress", "returned"])];
  if (filter.areaId) conditions.push(eq(technicalAreas.id, filter.areaId));
  return db
    .select({
      momentId: applicationRequirements.id,
      momentName: requirements.name,
      uploadedAt: applicationRequirements.updatedAt,
      applicationId: applications.id,
      schemeName: schemes.name,
      areaId: technicalAreas.id,
      areaName: technicalAreas.name,
      ...applicant,
    })
    .from(applicationRequirements)
    .innerJoin(applications, eq(applications.id, applicationRequirements.applicationId))
    .innerJoin(requirements, eq(requirements.id, applicationRequirements.requirementId))
    .innerJoin(schemes, eq(schemes.id, applications.schemeId))
    .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
    .leftJoin(persons, eq(persons.id, applications.personId))
    .leftJoin(companies, eq(companies.id, applications.companyId))
    .where(and(...conditions))
    .orderBy(asc(applicationRequirements.updatedAt));
}

export type MomentToReview = Awaited<ReturnType<typeof listMomentsToReview>>[number];

/** "Ansökningar för beslut": applications in final review, the longest waiting first. */
export async function listApplicationsForDecision(db: DbOrTx) {
  return db
    .select({
      applicationId: applications.id,
      submittedAt: applications.submittedAt,
      kind: applications.kind,
      schemeName: schemes.name,
      areaName: technicalAreas.name,
      invoiced: schemes.invoiced,
      fourEyes: schemes.fourEyes,
      ...applicant,
    })
    .from(applications)
    .innerJoin(schemes, eq(schemes.id, applications.schemeId))
    .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
    .leftJoin(persons, eq(persons.id, applications.personId))
    .leftJoin(companies, eq(companies.id, applications.companyId))
    .where(eq(applications.status, "final_review"))
    .orderBy(asc(applications.submittedAt));
}

export type ApplicationForDecision = Awaited<ReturnType<typeof listApplicationsForDecision>>[number];

/** The technical areas, for the queue's filter. */
export async function listAreas(db: DbOrTx) {
  return db.select({ id: technicalAreas.id, name: technicalAreas.name }).from(technicalAreas).orderBy(asc(technicalAreas.sortOrder));
}

export const DECISION_LABELS: Record<string, string> = labels({
  grant: "decision.grant",
  refuse: "decision.refuse",
  return: "decision.return",
  suspend: "decision.suspend",
  reinstate: "decision.reinstate",
  withdraw: "decision.withdraw",
  extend: "decision.extend",
  recertify: "decision.recertify",
});

/** The Beslut on an application or a certificate, oldest first, with who decided. */
export async function listDecisions(db: DbOrTx, of: { applicationId: string } | { certificateId: string }) {
  const rows = await db
    .select({ id: decisions.id, kind: decisions.kind, decidedAt: decisions.decidedAt, reason: decisions.reason, effectiveOn: decisions.effectiveOn, untilOn: decisions.untilOn, givenName: persons.givenName, familyName: persons.familyName })
    .from(decisions)
    .innerJoin(users, eq(users.id, decisions.decidedByUserId))
    .innerJoin(persons, eq(persons.id, users.personId))
    .where("applicationId" in of ? eq(decisions.applicationId, of.applicationId) : eq(decisions.certificateId, of.certificateId))
    .orderBy(asc(decisions.decidedAt));
  return rows.map((r) => ({ ...r, label: DECISION_LABELS[r.kind] ?? r.kind, decidedBy: `${r.givenName} ${r.familyName}` }));
}

export type DecisionRow = Awaited<ReturnType<typeof listDecisions>>[number];
