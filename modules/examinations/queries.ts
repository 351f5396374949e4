// Reading centres, provtillfällen, registrations and results for the pages. The callers that show
// a centre or a session have it from centreFor / sessionFor (membership.ts), which checked who
// may see it; the person's own lists read only that person's rows.
import { and, asc, count, desc, eq, gte, inArray, isNull, ne } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  applications,
  examinationCentres,
  examinationCentreSchemes,
  examinators,
  examParts,
  examRegistrations,
  examResults,
  examSessionParts,
  examSessions,
  persons,
  schemes,
  technicalAreas,
} from "../../db/schema/index.ts";
import { NotFound } from "../../lib/errors.ts";
import { listEventsOfSubjects, type EventRow } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { readDocument } from "../documents/index.ts";
import { centreFor, sessionFor, type Centre, type ExamSession } from "./membership.ts";
import { t } from "../../lib/i18n/index.ts";

export type { Centre, ExamSession };
export type Part = typeof examParts.$inferSelect;

/** Every centre, for staff: its status, how many schemes, examinators and provtillfällen. */
export async function listCentres(db: DbOrTx) {
  const [centres, schemeCounts, examinatorCounts, sessionCounts] = await Promise.all([
    db.select().from(examinationCentres).orderBy(asc(examinationCentres.name)),
    db.select({ centreId: examinationCentreSchemes.centreId, n: count() }).from(examinationCentreSchemes).groupBy(examinationCentreSchemes.centreId),
    db.select({ centreId: examinators.centreId, n: count() }).from(examinators).where(isNull(examinators.removedAt)).groupBy(examinators.centreId),
    db.select({ centreId: examSessions.centreId, n: count() }).from(examSessions).groupBy(examSessions.centreId),
  ]);
  const n = (rows: { centreId: string; n: number }[], id: string) => rows.find((r) => r.centreId === id)?.n ?? 0;
  return centres.map((centre) => ({ centre, schemes: n(schemeCounts, centre.id), examinators: n(examinatorCounts, centre.id), sessions: n(sessionCounts, centre.id) }));
}

export type CentreListRow = Awaited<ReturnType<typeof listCentres>>[number];

/** The schemes a centre may examine, with their Teknikområde and exam parts. */
export async function listCentreSchemes(db: DbOrTx, centreId: string) {
  const rows = await db
    .select({ scheme: schemes, area: technicalAreas })
    .from(examinationCentreSchemes)
    .innerJoin(schemes, eq(schemes.id, examinationCentreSchemes.schemeId))
    .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
    .where(eq(examinationCentreSchemes.centreId, centreId))
    .orderBy(asc(technicalAreas.sortOrder), asc(schemes.sortOrder));
  const parts = rows.length ? await db.select().from(examParts).where(inArray(examParts.schemeId, rows.map((r) => r.scheme.id))).orderBy(asc(examParts.sortOrder)) : [];
  return rows.map((r) => ({ ...r, parts: parts.filter((p) => p.schemeId === r.scheme.id) }));
}

export type CentreScheme = Awaited<ReturnType<typeof listCentreSchemes>>[number];

/** The centre's active examinators, for staff. */
export async function listExaminators(db: DbOrTx, centreId: string) {
  return db
    .select({ id: examinators.id, personId: persons.id, givenName: persons.givenName, familyName: persons.familyName, email: persons.email, addedAt: examinators.addedAt })
    .from(examinators)
    .innerJoin(persons, eq(persons.id, examinators.personId))
    .where(and(eq(examinators.centreId, centreId), isNull(examinators.removedAt)))
    .orderBy(asc(persons.familyName), asc(persons.givenName));
}

export type ExaminatorRow = Awaited<ReturnType<typeof listExaminators>>[number];

/** A centre's provtillfällen, the latest first, with how many are registered and have results. */
export async function listSessions(db: DbOrTx, centreId: string) {
  const rows = await db
    .select({ session: examSessions, schemeName: schemes.name, areaName: technicalAreas.name })
    .from(examSessions)
    .innerJoin(schemes, eq(schemes.id, examSessions.schemeId))
    .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
    .where(eq(examSessions.centreId, centreId))
    .orderBy(desc(examSessions.date), desc(examSessions.startTime));
  const counts = rows.length
    ? await db
        .select({ sessionId: examRegistrations.sessionId, registered: count(), withResult: count(examRegistrations.result) })
        .from(examRegistrations)
        .where(and(inArray(examRegistrations.sessionId, rows.map((r) => r.session.id)), eq(examRegistrations.status, "registered")))
        .groupBy(examRegistrations.sessionId)
    : [];
  return rows.map((r) => {
    const c = counts.find((x) => x.sessionId === r.session.id);
    return { ...r, registered: c?.registered ?? 0, withResult: c?.withResult ?? 0 };
  });
}

export type SessionListRow = Awaited<ReturnType<typeof listSessions>>[number];

/** The parts a session examines, in the scheme's order. */
export async function sessionParts(db: DbOrTx, sessionId: string): Promise<Part[]> {
  return db
    .select({ part: examParts })
    .from(examSessionParts)
    .innerJoin(examParts, eq(examParts.id, examSessionParts.partId))
    .where(eq(examSessionParts.sessionId, sessionId))
    .orderBy(asc(examParts.sortOrder))
    .then((rows) => rows.map((r) => r.part));
}

/** The registrations of a session (cancelled ones too) with each candidate and their results. */
export async function listRegistrations(db: DbOrTx, sessionId: string) {
  const rows = await db
    .select({ registration: examRegistrations, applicationStatus: applications.status, person: { id: persons.id, givenName: persons.givenName, familyName: persons.familyName, email: persons.email, personnummer: persons.personnummer, birthDate: persons.birthDate } })
    .from(examRegistrations)
    .innerJoin(persons, eq(persons.id, examRegistrations.personId))
    .innerJoin(applications, eq(applications.id, examRegistrations.applicationId))
    .where(eq(examRegistrations.sessionId, sessionId))
    .orderBy(asc(persons.familyName), asc(persons.givenName), asc(examRegistrations.registeredAt));
  const results = rows.length ? await db.select().from(examResults).where(inArray(examResults.registrationId, rows.map((r) => r.registration.id))) : [];
  return rows.map((r) => ({ ...r, name: `${r.person.givenName} ${r.person.familyName}`, results: results.filter((x) => x.registrationId === r.registration.id) }));
}

export type RegistrationRow = Awaited<ReturnType<typeof listRegistrations>>[number];

/** Everything the session page shows, if the actor may see the session (else NotFound). */
export async function getSession(db: DbOrTx, actor: Actor, sessionId: string) {
  const { session, centre, membership } = await sessionFor(db, actor, sessionId);
  const [scheme, parts, registrations] = await Promise.all([
    db.select({ scheme: schemes, area: technicalAreas }).from(schemes).innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId)).where(eq(schemes.id, session.schemeId)).get(),
    sessionParts(db, session.id),
    listRegistrations(db, session.id),
  ]);
  if (!scheme) throw new NotFound();
  return { session, centre, membership, ...scheme, parts, registrations };
}

export type SessionDetails = Awaited<ReturnType<typeof getSession>>;

/** A centre's page: the centre, its schemes, examinators and provtillfällen (else NotFound). */
export async function getCentre(db: DbOrTx, actor: Actor, centreId: string) {
  const { centre, membership } = await centreFor(db, actor, centreId);
  const [centreSchemes, people, sessions] = await Promise.all([listCentreSchemes(db, centre.id), listExaminators(db, centre.id), listSessions(db, centre.id)]);
  return { centre, membership, schemes: centreSchemes, examinators: people, sessions };
}

export type CentreDetails = Awaited<ReturnType<typeof getCentre>>;

/** The centre's Händelselogg: what happened to it and to its provtillfällen. */
export async function listCentreEvents(db: DbOrTx, actor: Actor, centreId: string): Promise<EventRow[]> {
  const { centre } = await centreFor(db, actor, centreId);
  const sessionIds = (await db.select({ id: examSessions.id }).from(examSessions).where(eq(examSessions.centreId, centre.id))).map((s) => s.id);
  return listEventsOfSubjects(db, [
    { type: "examination_centre", ids: [centre.id] },
    { type: "exam_session", ids: sessionIds },
  ]);
}

/** The centres where a person is an active examinator: their way in from Min Sida. */
export async function listPersonCentres(db: DbOrTx, personId: string) {
  return db
    .select({ id: examinationCentres.id, name: examinationCentres.name, city: examinationCentres.city, status: examinationCentres.status, suspendedAt: examinationCentres.suspendedAt })
    .from(examinators)
    .innerJoin(examinationCentres, eq(examinationCentres.id, examinators.centreId))
    .where(and(eq(examinators.personId, personId), isNull(examinators.removedAt)))
    .orderBy(asc(examinationCentres.name));
}

/**
 * The Prov tab: a person's registrations, newest first, with the centre, scheme, parts and the
 * results. Only the person's own rows: a candidate sees nobody else's.
 */
export async function listPersonRegistrations(db: DbOrTx, personId: string) {
  const rows = await db
    .select({ registration: examRegistrations, session: examSessions, centreName: examinationCentres.name, schemeName: schemes.name, areaName: technicalAreas.name })
    .from(examRegistrations)
    .innerJoin(examSessions, eq(examSessions.id, examRegistrations.sessionId))
    .innerJoin(examinationCentres, eq(examinationCentres.id, examSessions.centreId))
    .innerJoin(schemes, eq(schemes.id, examSessions.schemeId))
    .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
    .where(eq(examRegistrations.personId, personId))
    .orderBy(desc(examSessions.date), desc(examSessions.startTime));
  return withPartResults(db, rows);
}

export type PersonRegistrationRow = Awaited<ReturnType<typeof listPersonRegistrations>>[number];

/** The exams of one application, newest first: the process page shows them at the exam Moment. */
export async function listApplicationExams(db: DbOrTx, applicationId: string) {
  const rows = await db
    .select({ registration: examRegistrations, session: examSessions, centreName: examinationCentres.name, schemeName: schemes.name, areaName: technicalAreas.name })
    .from(examRegistrations)
    .innerJoin(examSessions, eq(examSessions.id, examRegistrations.sessionId))
    .innerJoin(examinationCentres, eq(examinationCentres.id, examSessions.centreId))
    .innerJoin(schemes, eq(schemes.id, examSessions.schemeId))
    .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
    .where(and(eq(examRegistrations.applicationId, applicationId), eq(examRegistrations.status, "registered")))
    .orderBy(desc(examSessions.date), desc(examSessions.startTime));
  return withPartResults(db, rows);
}

type RegistrationWithSession = { registration: typeof examRegistrations.$inferSelect; session: ExamSession };

/** Each registration's session parts, with the candidate's result per part where there is one. */
async function withPartResults<R extends RegistrationWithSession>(db: DbOrTx, rows: R[]) {
  if (rows.length === 0) return [];
  const [parts, results] = await Promise.all([
    db
      .select({ sessionId: examSessionParts.sessionId, part: examParts })
      .from(examSessionParts)
      .innerJoin(examParts, eq(examParts.id, examSessionParts.partId))
      .where(inArray(examSessionParts.sessionId, [...new Set(rows.map((r) => r.session.id))]))
      .orderBy(asc(examParts.sortOrder)),
    db.select().from(examResults).where(inArray(examResults.registrationId, rows.map((r) => r.registration.id))),
  ]);
  return rows.map((r) => ({
    ...r,
    parts: parts
      .filter((p) => p.sessionId === r.session.id)
      .map(({ part }) => ({ part, result: results.find((x) => x.registrationId === r.registration.id && x.partId === part.id) ?? null })),
  }));
}

/** Users who examined the candidate in this application's exams: they registered them or entered the result. */
export async function examinersOfApplication(db: DbOrTx, applicationId: string): Promise<string[]> {
  const rows = await db
    .select({ registeredBy: examRegistrations.registeredByUserId, recordedBy: examRegistrations.resultRecordedByUserId })
    .from(examRegistrations)
    .where(and(eq(examRegistrations.applicationId, applicationId), ne(examRegistrations.status, "cancelled")));
  return [...new Set(rows.flatMap((r) => [r.registeredBy, r.recordedBy]).filter((id): id is string => id !== null))];
}

/**
 * /examinationscentra: approved centres with what they examine and their provtillfällen from
 * today, with free seats. Organisations and places only: no examinator, no candidate.
 */
export async function listPublicCentres(db: DbOrTx, today: string) {
  const centres = await db
    .select({ id: examinationCentres.id, name: examinationCentres.name, city: examinationCentres.city, addressLine1: examinationCentres.addressLine1, postalCode: examinationCentres.postalCode, email: examinationCentres.email, phone: examinationCentres.phone, website: examinationCentres.website })
    .from(examinationCentres)
    // A suspended centre is not listed, nor its provtillfällen.
    .where(and(eq(examinationCentres.status, "approved"), isNull(examinationCentres.suspendedAt)))
    .orderBy(asc(examinationCentres.city), asc(examinationCentres.name));
  if (centres.length === 0) return [];
  const ids = centres.map((c) => c.id);
  const [offered, sessions] = await Promise.all([
    db
      .select({ centreId: examinationCentreSchemes.centreId, schemeId: schemes.id, schemeName: schemes.name, areaId: technicalAreas.id, areaCode: technicalAreas.code, areaName: technicalAreas.name })
      .from(examinationCentreSchemes)
      .innerJoin(schemes, eq(schemes.id, examinationCentreSchemes.schemeId))
      .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
      .where(inArray(examinationCentreSchemes.centreId, ids))
      .orderBy(asc(technicalAreas.sortOrder), asc(schemes.sortOrder)),
    db
      .select({ id: examSessions.id, centreId: examSessions.centreId, date: examSessions.date, startTime: examSessions.startTime, place: examSessions.place, seats: examSessions.seats, schemeName: schemes.name, areaName: technicalAreas.name, areaCode: technicalAreas.code })
      .from(examSessions)
      .innerJoin(schemes, eq(schemes.id, examSessions.schemeId))
      .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
      .where(and(inArray(examSessions.centreId, ids), gte(examSessions.date, today)))
      .orderBy(asc(examSessions.date), asc(examSessions.startTime)),
  ]);
  const taken = sessions.length
    ? await db
        .select({ sessionId: examRegistrations.sessionId, n: count() })
        .from(examRegistrations)
        .where(and(inArray(examRegistrations.sessionId, sessions.map((s) => s.id)), eq(examRegistrations.status, "registered")))
        .groupBy(examRegistrations.sessionId)
    : [];
  return centres.map((c) => ({
    ...c,
    schemes: offered.filter((o) => o.centreId === c.id),
    sessions: sessions
      .filter((s) => s.centreId === c.id)
      .map(({ id: _, centreId: __, ...s }) => {
        const seatsTaken = taken.find((t) => t.sessionId === _)?.n ?? 0;
        return { ...s, freeSeats: Math.max(0, s.seats - seatsTaken) };
      }),
  }));
}

export type PublicCentre = Awaited<ReturnType<typeof listPublicCentres>>[number];

/** Provprotokollet: for the centre's examinators and staff, never a candidate. */
export async function readProtocol(deps: Deps, actor: Actor, sessionId: string) {
  const { session } = await sessionFor(deps.db, actor, sessionId);
  if (!session.protocolDocumentId) throw new NotFound(t("exam.noProtocol"));
  return readDocument(deps, session.protocolDocumentId);
}
