// Reading the catalogue for the admin pages: every area and scheme, retired requirements included.
// Applicants read what they may apply for through the certification module instead.
import { and, asc, count, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { declarationTexts, documents, examParts, requirements, schemes, technicalAreas } from "../../db/schema/index.ts";
import { NotFound } from "../../lib/errors.ts";
import type { Deps } from "../deps.ts";
import { readDocument } from "../documents/index.ts";

export type Scheme = typeof schemes.$inferSelect;
export type ExamPart = typeof examParts.$inferSelect;
export type Area = typeof technicalAreas.$inferSelect;
export type Requirement = typeof requirements.$inferSelect;

/** "F-gaser - Personcertifikat kategori I": how applications and the Händelselogg name a scheme. */
export const schemeTitle = (area: { name: string }, scheme: { name: string }) => `${area.name} - ${scheme.name}`;

/** Open for new applications on that date (YYYY-MM-DD), by its first and last day. */
export function isOpenForApplication(scheme: Pick<Scheme, "activeFrom" | "activeTo">, today: string): boolean {
  return !(scheme.activeFrom && scheme.activeFrom > today) && !(scheme.activeTo && scheme.activeTo < today);
}

export async function listAreas(db: DbOrTx) {
  const [areas, counts] = await Promise.all([
    db.select().from(technicalAreas).orderBy(asc(technicalAreas.sortOrder), asc(technicalAreas.name)),
    db.select({ areaId: schemes.areaId, n: count() }).from(schemes).groupBy(schemes.areaId),
  ]);
  return areas.map((area) => ({ ...area, schemeCount: counts.find((c) => c.areaId === area.id)?.n ?? 0 }));
}

export type AreaRow = Awaited<ReturnType<typeof listAreas>>[number];

/** Every scheme with its area and how many requirements new applications get. */
export async function listSchemes(db: DbOrTx) {
  const [rows, counts] = await Promise.all([
    db
      .select({ scheme: schemes, area: technicalAreas })
      .from(schemes)
      .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
      .orderBy(asc(technicalAreas.sortOrder), asc(schemes.sortOrder), asc(schemes.name)),
    db.select({ schemeId: requirements.schemeId, n: count() }).from(requirements).where(and(isNull(requirements.retiredAt), eq(requirements.appliesTo, "initial"))).groupBy(requirements.schemeId),
  ]);
  return rows.map((r) => ({ ...r, requirementCount: counts.find((c) => c.schemeId === r.scheme.id)?.n ?? 0 }));
}

export type SchemeRow = Awaited<ReturnType<typeof listSchemes>>[number];

export async function getArea(db: DbOrTx, areaId: string): Promise<Area> {
  const area = await db.select().from(technicalAreas).where(eq(technicalAreas.id, areaId)).get();
  if (!area) throw new NotFound();
  return area;
}

export async function getScheme(db: DbOrTx, schemeId: string): Promise<{ scheme: Scheme; area: Area }> {
  const row = await db.select({ scheme: schemes, area: technicalAreas }).from(schemes).innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId)).where(eq(schemes.id, schemeId)).get();
  if (!row) throw new NotFound();
  return row;
}

/** Every version of a scheme's förbindelsetext, the current (highest) first. */
export async function listDeclarationTexts(db: DbOrTx, schemeId: string) {
  return db.select().from(declarationTexts).where(eq(declarationTexts.schemeId, schemeId)).orderBy(desc(declarationTexts.version));
}

const template = { id: documents.id, name: documents.originalName, size: documents.size, uploadedAt: documents.uploadedAt };

/** A scheme's requirements in their order, with the current Filmall; retired ones last. */
export async function listRequirements(db: DbOrTx, schemeId: string) {
  const rows = await db
    .select({ requirement: requirements, template })
    .from(requirements)
    .leftJoin(documents, eq(documents.id, requirements.templateDocumentId))
    .where(eq(requirements.schemeId, schemeId))
    .orderBy(asc(requirements.sortOrder), asc(requirements.name));
  return [...rows.filter((r) => !r.requirement.retiredAt), ...rows.filter((r) => r.requirement.retiredAt)];
}

export type RequirementRow = Awaited<ReturnType<typeof listRequirements>>[number];

export async function getRequirement(db: DbOrTx, requirementId: string) {
  const row = await db
    .select({ requirement: requirements, scheme: schemes, area: technicalAreas, template })
    .from(requirements)
    .innerJoin(schemes, eq(schemes.id, requirements.schemeId))
    .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
    .leftJoin(documents, eq(documents.id, requirements.templateDocumentId))
    .where(eq(requirements.id, requirementId))
    .get();
  if (!row) throw new NotFound();
  return row;
}

/** The requirement's current Filmall, for the admin pages (applicants use readTemplate in certification). */
export async function readRequirementTemplate(deps: Deps, requirementId: string) {
  const row = await deps.db.select({ documentId: requirements.templateDocumentId }).from(requirements).where(eq(requirements.id, requirementId)).get();
  if (!row?.documentId) throw new NotFound();
  return readDocument(deps, row.documentId);
}

/** The active requirements of a scheme other than one: a scheme must keep at least one. */
export async function otherActiveRequirements(db: DbOrTx, schemeId: string, exceptId: string): Promise<number> {
  const rows = await db.select({ id: requirements.id }).from(requirements).where(and(eq(requirements.schemeId, schemeId), isNull(requirements.retiredAt)));
  return rows.filter((r) => r.id !== exceptId).length;
}

/** Provdelar of a scheme's exam (Teori, Praktik), in order. */
export async function listExamParts(db: DbOrTx, schemeId: string): Promise<ExamPart[]> {
  return db.select().from(examParts).where(eq(examParts.schemeId, schemeId)).orderBy(asc(examParts.sortOrder), asc(examParts.name));
}

/**
 * What an examination centre can examine: the schemes whose first application has an active
 * Provmoment and whose exam has parts, each with its parts, in catalogue order.
 */
export async function listExaminableSchemes(db: DbOrTx) {
  const [rows, parts] = await Promise.all([
    db
      .selectDistinct({ scheme: schemes, area: technicalAreas })
      .from(requirements)
      .innerJoin(schemes, eq(schemes.id, requirements.schemeId))
      .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
      .where(and(eq(requirements.exam, true), eq(requirements.appliesTo, "initial"), isNull(requirements.retiredAt)))
      .orderBy(asc(technicalAreas.sortOrder), asc(schemes.sortOrder), asc(schemes.name)),
    db.select().from(examParts).orderBy(asc(examParts.sortOrder), asc(examParts.name)),
  ]);
  return rows.map((r) => ({ ...r, parts: parts.filter((p) => p.schemeId === r.scheme.id) })).filter((r) => r.parts.length > 0);
}

export type ExaminableScheme = Awaited<ReturnType<typeof listExaminableSchemes>>[number];
