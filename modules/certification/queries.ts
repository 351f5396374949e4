import { aliasedTable, and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { applicationRequirementFiles, applicationRequirements, applications, companies, documents, persons, requirements, schemes, technicalAreas, users } from "../../db/schema/index.ts";
import { NotFound } from "../../lib/errors.ts";
import type { Actor, Deps } from "../deps.ts";
import { readDocument } from "../documents/index.ts";
import { canSeeApplication } from "./load-application.ts";

type Subject = "PERSON" | "COMPANY";

/**
 * "Ansök om nytt certifikat": the technical areas with the schemes one can apply for today, for a
 * person or (from the company page) for a company. Areas without such a scheme are left out.
 */
export async function listApplicableSchemes(db: DbOrTx, subject: Subject, today: string) {
  const rows = await db
    .select({ area: technicalAreas, scheme: schemes })
    .from(schemes)
    .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
    .where(eq(schemes.subject, subject))
    .orderBy(asc(technicalAreas.sortOrder), asc(schemes.sortOrder));
  const areas: { id: string; name: string; schemes: { id: string; name: string }[] }[] = [];
  for (const { area, scheme } of rows) {
    if ((scheme.activeFrom && scheme.activeFrom > today) || (scheme.activeTo && scheme.activeTo < today)) continue;
    let a = areas.at(-1);
    if (a?.id !== area.id) areas.push((a = { id: area.id, name: area.name, schemes: [] }));
    a.schemes.push({ id: scheme.id, name: scheme.name });
  }
  return areas;
}

export type ApplicableAreas = Awaited<ReturnType<typeof listApplicableSchemes>>;

/** The applications of a person or a company, newest first, with what the lists show. */
export async function listApplications(db: DbOrTx, applicant: { personId: string } | { companyId: string }) {
  return db
    .select({
      id: applications.id,
      status: applications.status,
      kind: applications.kind,
      renewsCertificateId: applications.renewsCertificateId,
      createdAt: applications.createdAt,
      updatedAt: applications.updatedAt,
      schemeId: schemes.id,
      schemeName: schemes.name,
      areaName: technicalAreas.name,
    })
    .from(applications)
    .innerJoin(schemes, eq(schemes.id, applications.schemeId))
    .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
    .where("personId" in applicant ? eq(applications.personId, applicant.personId) : eq(applications.companyId, applicant.companyId))
    .orderBy(desc(applications.createdAt));
}

export type ApplicationListRow = Awaited<ReturnType<typeof listApplications>>[number];

const createdBy = aliasedTable(persons, "created_by");
const updatedBy = aliasedTable(persons, "updated_by");
const createdByUser = aliasedTable(users, "created_by_user");
const updatedByUser = aliasedTable(users, "updated_by_user");

/**
 * The Moment table of a Certifieringsprocess: each Moment with its latest file and who created and
 * last changed it. The caller has already loaded the application (and so checked who may see it).
 */
export async function listMoments(db: DbOrTx, applicationId: string) {
  return db
    .select({
      id: applicationRequirements.id,
      requirementId: requirements.id,
      name: requirements.name,
      description: requirements.description,
      acceptedTypes: requirements.acceptedTypes,
      exam: requirements.exam,
      templateDocumentId: requirements.templateDocumentId,
      status: applicationRequirements.status,
      reviewComment: applicationRequirements.reviewComment,
      latestDocumentId: applicationRequirements.latestDocumentId,
      latestFileName: documents.originalName,
      createdAt: applicationRequirements.createdAt,
      createdByName: createdBy.givenName,
      createdByFamilyName: createdBy.familyName,
      updatedAt: applicationRequirements.updatedAt,
      updatedByName: updatedBy.givenName,
      updatedByFamilyName: updatedBy.familyName,
      reviewedByUserId: applicationRequirements.reviewedByUserId,
    })
    .from(applicationRequirements)
    .innerJoin(requirements, eq(requirements.id, applicationRequirements.requirementId))
    .leftJoin(documents, eq(documents.id, applicationRequirements.latestDocumentId))
    .innerJoin(createdByUser, eq(createdByUser.id, applicationRequirements.createdByUserId))
    .innerJoin(createdBy, eq(createdBy.id, createdByUser.personId))
    .innerJoin(updatedByUser, eq(updatedByUser.id, applicationRequirements.updatedByUserId))
    .innerJoin(updatedBy, eq(updatedBy.id, updatedByUser.personId))
    .where(eq(applicationRequirements.applicationId, applicationId))
    .orderBy(asc(requirements.sortOrder));
}

export type MomentRow = Awaited<ReturnType<typeof listMoments>>[number];

/** Every file uploaded for one Moment, newest first: the Moment's history. */
export async function listMomentFiles(db: DbOrTx, momentId: string) {
  return db
    .select({ documentId: documents.id, name: documents.originalName, size: documents.size, mime: documents.mime, uploadedByUserId: documents.uploadedByUserId, uploadedAt: applicationRequirementFiles.uploadedAt })
    .from(applicationRequirementFiles)
    .innerJoin(documents, eq(documents.id, applicationRequirementFiles.documentId))
    .where(eq(applicationRequirementFiles.applicationRequirementId, momentId))
    .orderBy(desc(applicationRequirementFiles.uploadedAt));
}

/**
 * "Senaste beslut" while the process runs: the latest time staff judged one of its Moment. The
 * final decision (issue, refuse, return) is a Decision of its own and is shown by the caller.
 */
export async function latestReviewAt(db: DbOrTx, applicationId: string): Promise<Date | null> {
  const row = await db
    .select({ at: applicationRequirements.updatedAt })
    .from(applicationRequirements)
    .where(and(eq(applicationRequirements.applicationId, applicationId), isNotNull(applicationRequirements.reviewedByUserId), inArray(applicationRequirements.status, ["approved", "rejected"])))
    .orderBy(desc(applicationRequirements.updatedAt))
    .get();
  return row?.at ?? null;
}

/**
 * A file uploaded to an application, for the applicant (or the company's admins) and staff only.
 * Anyone else, and any document that is not this application's, gets NotFound: a guessed id tells
 * nobody whether it exists.
 */
export async function readApplicationFile(deps: Deps, actor: Actor, applicationId: string, documentId: string) {
  const row = await deps.db
    .select({ personId: applications.personId, companyId: applications.companyId })
    .from(applicationRequirementFiles)
    .innerJoin(applicationRequirements, eq(applicationRequirements.id, applicationRequirementFiles.applicationRequirementId))
    .innerJoin(applications, eq(applications.id, applicationRequirements.applicationId))
    .where(and(eq(applicationRequirementFiles.documentId, documentId), eq(applications.id, applicationId)))
    .get();
  if (!row || !(await canSeeApplication(deps.db, actor, row))) throw new NotFound();
  return readDocument(deps, documentId);
}

/** A Filmall: a blank template any logged-in applicant may download. */
export async function readTemplate(deps: Deps, requirementId: string) {
  const row = await deps.db.select({ documentId: requirements.templateDocumentId }).from(requirements).where(eq(requirements.id, requirementId)).get();
  if (!row?.documentId) throw new NotFound();
  return readDocument(deps, row.documentId);
}

export type Applicant = { kind: "person"; personId: string; name: string } | { kind: "company"; companyId: string; name: string };

/** Who applies: the person, or the company (whose admins act for it). Names only. */
export async function applicantOf(db: DbOrTx, application: { personId: string | null; companyId: string | null }): Promise<Applicant> {
  if (application.personId) {
    const p = await db.select({ givenName: persons.givenName, familyName: persons.familyName }).from(persons).where(eq(persons.id, application.personId)).get();
    if (!p) throw new NotFound();
    return { kind: "person", personId: application.personId, name: `${p.givenName} ${p.familyName}` };
  }
  const co = await db.select({ name: companies.name }).from(companies).where(eq(companies.id, application.companyId!)).get();
  if (!co) throw new NotFound();
  return { kind: "company", companyId: application.companyId!, name: co.name };
}
