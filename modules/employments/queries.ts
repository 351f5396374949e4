import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { caseInsensitiveGlob } from "../../db/glob.ts";
import { companies, companyAdmins, documents, employments, events, persons } from "../../db/schema/index.ts";
import { NotFound } from "../../lib/errors.ts";
import { parseOrgNumber } from "../../lib/identity/orgnummer.ts";
import { eventLabel, type EventRow } from "../audit/index.ts";
import type { Actor } from "../deps.ts";
import { canSeeCompanyPage } from "./policy.ts";

export type Company = typeof companies.$inferSelect;

const personName = { givenName: persons.givenName, familyName: persons.familyName };

/** Tab Anställningar: the person's requests and employments, newest first. */
export async function listPersonEmployments(db: DbOrTx, personId: string) {
  return db
    .select({ employment: employments, company: { id: companies.id, name: companies.name, orgNumber: companies.orgNumber } })
    .from(employments)
    .innerJoin(companies, eq(companies.id, employments.companyId))
    .where(eq(employments.personId, personId))
    .orderBy(desc(employments.requestedAt));
}

/** The companies the person administers (approved) and those they registered that wait or were refused. */
export async function listPersonCompanies(db: DbOrTx, personId: string) {
  const administered = await db
    .select({ company: companies })
    .from(companyAdmins)
    .innerJoin(companies, eq(companies.id, companyAdmins.companyId))
    .where(eq(companyAdmins.personId, personId))
    .orderBy(asc(companies.name));
  const registered = await db
    .select()
    .from(companies)
    .where(and(eq(companies.registeredByPersonId, personId), inArray(companies.status, ["pending", "refused"])))
    .orderBy(desc(companies.createdAt));
  return { administered: administered.map((r) => r.company), registered };
}

/** Everything on the company page; NotFound for anyone who may not see it. */
export async function getCompanyPage(db: DbOrTx, actor: Actor, companyId: string) {
  const company = await db.select().from(companies).where(eq(companies.id, companyId)).get();
  if (!company || !(await canSeeCompanyPage(db, actor, companyId))) throw new NotFound();
  const people = await db
    .select({ employment: employments, person: { id: persons.id, ...personName, email: persons.email } })
    .from(employments)
    .innerJoin(persons, eq(persons.id, employments.personId))
    .where(and(eq(employments.companyId, companyId), inArray(employments.status, ["requested", "active"])))
    .orderBy(asc(employments.requestedAt));
  const admins = await db
    .select({ personId: companyAdmins.personId, since: companyAdmins.createdAt, ...personName })
    .from(companyAdmins)
    .innerJoin(persons, eq(persons.id, companyAdmins.personId))
    .where(eq(companyAdmins.companyId, companyId))
    .orderBy(asc(persons.familyName));
  const log = await db.select().from(events).where(eq(events.companyId, companyId)).orderBy(desc(events.at), desc(events.id)).limit(200);
  const document = company.registrationDocumentId
    ? await db.select({ id: documents.id, originalName: documents.originalName, mime: documents.mime, size: documents.size }).from(documents).where(eq(documents.id, company.registrationDocumentId)).get()
    : undefined;
  return {
    company,
    requests: people.filter((p) => p.employment.status === "requested"),
    employees: people.filter((p) => p.employment.status === "active"),
    admins,
    document: document ?? null,
    events: log.map((r): EventRow => ({ id: r.id, at: r.at, actorName: r.actorName, action: r.action, label: eventLabel(r.action), details: r.details ?? null })),
  };
}

/** /personal: registrations waiting for review, oldest first. */
export async function listPendingCompanies(db: DbOrTx) {
  return db
    .select({ company: companies, registrant: { id: persons.id, ...personName, email: persons.email } })
    .from(companies)
    .innerJoin(persons, eq(persons.id, companies.registeredByPersonId))
    .where(eq(companies.status, "pending"))
    .orderBy(asc(companies.createdAt));
}

/** Staff search by name (contains) or organisationsnummer (exact, any format). */
export async function searchCompanies(db: DbOrTx, query: string, limit = 100) {
  const q = query.trim();
  if (!q) return db.select().from(companies).orderBy(asc(companies.name)).limit(limit);
  const org = parseOrgNumber(q);
  return db
    .select()
    .from(companies)
    .where(or(org.ok ? eq(companies.orgNumber, org.value) : undefined, sql`${companies.name} GLOB ${`*${caseInsensitiveGlob(q)}*`}`))
    .orderBy(asc(companies.name))
    .limit(limit);
}

/** "Ny anställning": an approved company by its full organisationsnummer, nothing partial. */
export async function findCompanyByExactOrgNumber(db: DbOrTx, input: string) {
  const org = parseOrgNumber(input);
  if (!org.ok) return null;
  return (await db.select({ id: companies.id, name: companies.name, orgNumber: companies.orgNumber, city: companies.city }).from(companies).where(and(eq(companies.orgNumber, org.value), eq(companies.status, "approved"))).get()) ?? null;
}
