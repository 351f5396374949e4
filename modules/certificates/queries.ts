import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { certificates, certificateStatusHistory, companies, decisions, persons, schemes, technicalAreas } from "../../db/schema/index.ts";
import { NotFound } from "../../lib/errors.ts";
import { isStaff, type Actor } from "../deps.ts";
import { isCompanyAdmin } from "../employments/index.ts";

const row = {
  certificate: certificates,
  scheme: { id: schemes.id, code: schemes.code, name: schemes.name, kind: schemes.kind, subject: schemes.subject, category: schemes.category, scope: schemes.scope, annualExtension: schemes.annualExtension, validityYears: schemes.validityYears, recertificationYears: schemes.recertificationYears, extensionNoticeMonths: schemes.extensionNoticeMonths, recertificationNoticeMonths: schemes.recertificationNoticeMonths },
  area: { id: technicalAreas.id, name: technicalAreas.name },
  latestDecisionOn: decisions.effectiveOn,
};

// A reissue supersedes the row it replaces; lists show only the current version.
const current = sql`not exists (select 1 from certificates as newer where newer.supersedes_certificate_id = ${certificates.id})`;

function listWhere(where: SQL) {
  return (db: DbOrTx) =>
    db
      .select(row)
      .from(certificates)
      .innerJoin(schemes, eq(schemes.id, certificates.schemeId))
      .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
      .leftJoin(decisions, eq(decisions.id, certificates.latestDecisionId))
      .where(and(where, current))
      .orderBy(desc(certificates.issuedOn), desc(certificates.number));
}

/** Min Sida → Certifikat: the person's own certificates, newest first. */
export async function listCertificatesForPerson(db: DbOrTx, personId: string) {
  return listWhere(eq(certificates.personId, personId))(db);
}

/** The company's own (company) certificates. */
export async function listCertificatesForCompany(db: DbOrTx, companyId: string) {
  return listWhere(eq(certificates.companyId, companyId))(db);
}

export type CertificateListRow = Awaited<ReturnType<typeof listCertificatesForPerson>>[number];

/** One certificate with its holder, decisions and status history, for whoever may see it (else NotFound). */
export async function getCertificate(db: DbOrTx, actor: Actor, certificateId: string) {
  const found = await db
    .select({ ...row, person: { id: persons.id, givenName: persons.givenName, familyName: persons.familyName }, company: { id: companies.id, name: companies.name, orgNumber: companies.orgNumber } })
    .from(certificates)
    .innerJoin(schemes, eq(schemes.id, certificates.schemeId))
    .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
    .leftJoin(decisions, eq(decisions.id, certificates.latestDecisionId))
    .leftJoin(persons, eq(persons.id, certificates.personId))
    .leftJoin(companies, eq(companies.id, certificates.companyId))
    .where(eq(certificates.id, certificateId))
    .get();
  if (!found || !(await canSeeCertificate(db, actor, found.certificate))) throw new NotFound();
  const history = await db.select().from(certificateStatusHistory).where(eq(certificateStatusHistory.certificateId, certificateId)).orderBy(asc(certificateStatusHistory.fromDate), asc(sql`rowid`));
  const decided = await db.select().from(decisions).where(eq(decisions.certificateId, certificateId)).orderBy(asc(decisions.decidedAt));
  const holderName = found.person ? `${found.person.givenName} ${found.person.familyName}` : (found.company?.name ?? "");
  const versions = await db
    .select({ id: certificates.id, version: certificates.version, issuedOn: certificates.issuedOn, validUntil: certificates.validUntil, cycleEndsOn: certificates.cycleEndsOn })
    .from(certificates)
    .where(eq(certificates.number, found.certificate.number))
    .orderBy(asc(certificates.version));
  return { ...found, holderName, history, decisions: decided, versions };
}

export type LoadedCertificate = Awaited<ReturnType<typeof getCertificate>>;

/** The holder (or, for a company, its admins) and staff, as for applications. */
export async function canSeeCertificate(db: DbOrTx, actor: Actor, cert: { personId: string | null; companyId: string | null }): Promise<boolean> {
  if (isStaff(actor)) return true;
  if (cert.personId) return cert.personId === actor.personId;
  return cert.companyId !== null && (await isCompanyAdmin(db, actor, cert.companyId));
}

/** "Was it active on that date?": a period of status active covers the date and it had not expired. */
export async function wasActiveOn(db: DbOrTx, certificateId: string, date: string): Promise<boolean> {
  const hit = await db
    .select({ id: certificateStatusHistory.id })
    .from(certificateStatusHistory)
    .innerJoin(certificates, eq(certificates.id, certificateStatusHistory.certificateId))
    .where(
      and(
        eq(certificateStatusHistory.certificateId, certificateId),
        eq(certificateStatusHistory.status, "active"),
        lte(certificateStatusHistory.fromDate, date),
        or(isNull(certificateStatusHistory.toDate), sql`${certificateStatusHistory.toDate} > ${date}`),
        or(isNull(certificates.validUntil), gte(certificates.validUntil, date)),
      ),
    )
    .get();
  return hit !== undefined;
}

export type Holder = { personId: string; companyId?: null } | { companyId: string; personId?: null };

function holderIs(holder: Holder): SQL {
  return holder.personId ? eq(certificates.personId, holder.personId) : eq(certificates.companyId, holder.companyId!);
}

/** Status active and not past Giltigt till: what the public sees as "Aktivt". */
function activeOn(today: string): SQL {
  return and(eq(certificates.status, "active"), or(isNull(certificates.validUntil), gte(certificates.validUntil, today)))!;
}

/** The holder has a certificate of this scheme that is Aktivt today. */
export async function hasActiveCertificate(db: DbOrTx, input: Holder & { schemeId: string; today: string }): Promise<boolean> {
  const hit = await db
    .select({ id: certificates.id })
    .from(certificates)
    .where(and(holderIs(input), eq(certificates.schemeId, input.schemeId), activeOn(input.today), current))
    .get();
  return hit !== undefined;
}

/**
 * A certificate of this scheme the holder still holds: Aktivt, or Vilande and not yet past its
 * Giltigt till (a suspension is not escaped by applying anew).
 */
export async function heldCertificate(db: DbOrTx, input: Holder & { schemeId: string; today: string }) {
  return db
    .select({ id: certificates.id, number: certificates.number, status: certificates.status })
    .from(certificates)
    .where(
      and(
        holderIs(input),
        eq(certificates.schemeId, input.schemeId),
        inArray(certificates.status, ["active", "suspended"]),
        or(isNull(certificates.validUntil), gte(certificates.validUntil, input.today)),
        current,
      ),
    )
    .orderBy(desc(certificates.issuedOn))
    .get();
}

/**
 * The company rule's evidence: person certificates, own or external, in a category, Aktivt today,
 * held by any of the given persons.
 */
export async function activePersonCertificatesInCategory(db: DbOrTx, input: { personIds: string[]; category: string; today: string }) {
  if (input.personIds.length === 0) return [];
  return db
    .select({ certificateId: certificates.id, number: certificates.number, personId: certificates.personId, validUntil: certificates.validUntil, schemeName: schemes.name, areaName: technicalAreas.name })
    .from(certificates)
    .innerJoin(schemes, eq(schemes.id, certificates.schemeId))
    .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
    .where(and(inArray(certificates.personId, input.personIds), eq(schemes.subject, "PERSON"), eq(schemes.category, input.category), activeOn(input.today), current))
    .orderBy(asc(certificates.number));
}

/** The certificate an application led to (its current version), if any. */
export async function certificateOfApplication(db: DbOrTx, applicationId: string): Promise<{ id: string; number: number } | null> {
  const found = await db.select({ id: certificates.id, number: certificates.number }).from(certificates).where(and(eq(certificates.applicationId, applicationId), current)).get();
  return found ?? null;
}

/** The current certificates of several persons, e.g. a company's employees, with the holder's name. */
export async function listCertificatesForPersons(db: DbOrTx, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({ ...row, holder: { personId: persons.id, givenName: persons.givenName, familyName: persons.familyName } })
    .from(certificates)
    .innerJoin(schemes, eq(schemes.id, certificates.schemeId))
    .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
    .innerJoin(persons, eq(persons.id, certificates.personId))
    .leftJoin(decisions, eq(decisions.id, certificates.latestDecisionId))
    .where(and(inArray(certificates.personId, personIds), current))
    .orderBy(asc(persons.familyName), asc(persons.givenName), desc(certificates.issuedOn));
}

export type EmployeeCertificateRow = Awaited<ReturnType<typeof listCertificatesForPersons>>[number];
