import { aliasedTable, and, asc, desc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { applications, caseFiles, cases, certificates, companies, documents, persons, schemes, technicalAreas, users, type CaseStatus } from "../../db/schema/index.ts";
import { addDays } from "../../lib/dates.ts";
import { NotFound } from "../../lib/errors.ts";
import { isStaff, type Actor, type Deps } from "../deps.ts";
import { readDocument } from "../documents/index.ts";
import { isCompanyAdmin } from "../employments/index.ts";

export type CaseRow = typeof cases.$inferSelect;

export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ["received", "investigating"];

const handler = aliasedTable(persons, "handler");
const handlerUser = aliasedTable(users, "handler_user");
const holder = aliasedTable(persons, "holder");

/** A case's row with the names the lists show: handler, holder or company, certificate. */
function listSelect(db: DbOrTx) {
  return db
    .select({
      case: cases,
      handlerGivenName: handler.givenName,
      handlerFamilyName: handler.familyName,
      holderGivenName: holder.givenName,
      holderFamilyName: holder.familyName,
      companyName: companies.name,
      certificateNumber: certificates.number,
      schemeName: schemes.name,
      areaName: technicalAreas.name,
    })
    .from(cases)
    .leftJoin(handlerUser, eq(handlerUser.id, cases.handlerUserId))
    .leftJoin(handler, eq(handler.id, handlerUser.personId))
    .leftJoin(holder, eq(holder.id, cases.personId))
    .leftJoin(companies, eq(companies.id, cases.companyId))
    .leftJoin(certificates, eq(certificates.id, cases.certificateId))
    .leftJoin(applications, eq(applications.id, cases.applicationId))
    .leftJoin(schemes, eq(schemes.id, applications.schemeId))
    .leftJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId));
}

function shape(r: Awaited<ReturnType<ReturnType<typeof listSelect>["all"]>>[number]) {
  return {
    ...r.case,
    handlerName: r.handlerGivenName ? `${r.handlerGivenName} ${r.handlerFamilyName}` : null,
    concerns: r.companyName ?? (r.holderGivenName ? `${r.holderGivenName} ${r.holderFamilyName}` : null),
    certificateNumber: r.certificateNumber,
    title: r.schemeName ? `${r.areaName} - ${r.schemeName}` : null,
  };
}

export type CaseListRow = ReturnType<typeof shape>;

/** The queue "Överklaganden och klagomål": cases received or under investigation, oldest first. */
export async function listOpenCases(db: DbOrTx): Promise<CaseListRow[]> {
  return (await listSelect(db).where(inArray(cases.status, [...OPEN_CASE_STATUSES])).orderBy(asc(cases.receivedAt))).map(shape);
}

/** Every case received between two instants (a year), oldest first: the list and its CSV. */
export async function listCasesReceived(db: DbOrTx, from: Date, to: Date): Promise<CaseListRow[]> {
  return (await listSelect(db).where(and(gte(cases.receivedAt, from), lt(cases.receivedAt, to))).orderBy(asc(cases.receivedAt))).map(shape);
}

/** The cases about a person (as holder or who appealed) or a company, newest first: their staff pages. */
export async function casesConcerning(db: DbOrTx, of: { personId: string } | { companyId: string }): Promise<CaseListRow[]> {
  const where =
    "personId" in of
      ? or(eq(cases.personId, of.personId), sql`${cases.submittedByUserId} in (select ${users.id} from ${users} where ${users.personId} = ${of.personId})`)
      : eq(cases.companyId, of.companyId);
  return (await listSelect(db).where(where).orderBy(desc(cases.receivedAt))).map(shape);
}

/** The years that have cases, newest first, for the annual review's choice of year. */
export async function caseYears(db: DbOrTx): Promise<number[]> {
  const rows = await db.selectDistinct({ day: sql<string>`date(${cases.receivedAt} / 1000, 'unixepoch')` }).from(cases);
  // A UTC date is at most a day off the Swedish one: only a case received around New Year's midnight could name the wrong year, so both are offered.
  const years = new Set(rows.flatMap((r) => [Number(r.day.slice(0, 4)), Number(addDays(r.day, 1).slice(0, 4))]));
  return [...years].sort((a, b) => b - a);
}

export async function getCaseRow(db: DbOrTx, caseId: string): Promise<CaseRow> {
  const row = await db.select().from(cases).where(eq(cases.id, caseId)).get();
  if (!row) throw new NotFound();
  return row;
}

/** The files of a case, oldest first. */
export async function listCaseFiles(db: DbOrTx, caseId: string) {
  return db
    .select({ documentId: documents.id, name: documents.originalName, size: documents.size, mime: documents.mime, addedAt: caseFiles.addedAt })
    .from(caseFiles)
    .innerJoin(documents, eq(documents.id, caseFiles.documentId))
    .where(eq(caseFiles.caseId, caseId))
    .orderBy(asc(caseFiles.addedAt), asc(documents.originalName));
}

/**
 * Who lodged an appeal may follow it; for a company's certificate or application, so may every
 * certifikatsadministratör of the company. A complaint is never shown outside /personal.
 */
export async function canFollowCase(db: DbOrTx, actor: Actor, c: Pick<CaseRow, "kind" | "submittedByUserId" | "companyId">): Promise<boolean> {
  if (c.kind !== "appeal") return false;
  if (c.submittedByUserId !== null && c.submittedByUserId === actor.userId) return true;
  return c.companyId !== null && (await isCompanyAdmin(db, actor, c.companyId));
}

/** The appellant's view of their case (NotFound for anyone else, staff included: they use /personal). */
export async function getOwnCase(db: DbOrTx, actor: Actor, caseId: string): Promise<CaseRow> {
  const row = await db.select().from(cases).where(eq(cases.id, caseId)).get();
  if (!row || !(await canFollowCase(db, actor, row))) throw new NotFound();
  return row;
}

/**
 * A case's file: for staff, and for who may follow the appeal. Anyone else, and a document that is
 * not this case's, gets NotFound.
 */
export async function readCaseFile(deps: Deps, actor: Actor, caseId: string, documentId: string) {
  const row = await deps.db
    .select({ kind: cases.kind, submittedByUserId: cases.submittedByUserId, companyId: cases.companyId })
    .from(caseFiles)
    .innerJoin(cases, eq(cases.id, caseFiles.caseId))
    .where(and(eq(caseFiles.caseId, caseId), eq(caseFiles.documentId, documentId)))
    .get();
  if (!row || !(isStaff(actor) || (await canFollowCase(deps.db, actor, row)))) throw new NotFound();
  return readDocument(deps, documentId);
}

/** A person's name and e-mail by their user id (an appellant, a handler). */
export async function personOfUser(db: DbOrTx, userId: string) {
  return (await db.select({ personId: persons.id, givenName: persons.givenName, familyName: persons.familyName, email: persons.email, language: users.language }).from(users).innerJoin(persons, eq(persons.id, users.personId)).where(eq(users.id, userId)).get()) ?? null;
}
