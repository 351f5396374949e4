import { and, asc, desc, eq, gte, inArray, isNotNull, lt, lte, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { DbOrTx } from "../../db/client.ts";
import { applications, certificates, companies, decisions, persons, schemes, technicalAreas } from "../../db/schema/index.ts";
import { addDays, swedishDate } from "../../lib/dates.ts";
import { listApplicationsForDecision, listMomentsToReview } from "./queues.ts";

/** A queue as the staff overview shows it: how many wait, and how long. */
export interface QueueFigures {
  count: number;
  /** Whole days the oldest item has waited; null when the queue is empty. */
  oldestDays: number | null;
  medianDays: number | null;
}

/** One week (Monday to Sunday, Swedish dates) of final decisions on applications. */
export interface WeekFigures {
  /** The Monday, YYYY-MM-DD. */
  weekStart: string;
  /** ISO week number, for the label "v. 48". */
  week: number;
  decided: number;
  /** Median days from submission to decision; null in a week without decisions. */
  medianDays: number | null;
}

export interface StaffOverview {
  moments: QueueFigures;
  decisions: QueueFigures;
  companies: QueueFigures;
  weeks: WeekFigures[];
  /** Current versions, Aktivt, whose Giltigt till is within the next EXPIRING_DAYS days. */
  expiring: number;
}

/** The final decisions on an application (a return sends it back, it does not decide it). */
export const FINAL_DECISIONS = ["grant", "refuse", "extend", "recertify"] as const;
export const EXPIRING_DAYS = 90;
export const OVERVIEW_WEEKS = 12;
const DAY_MS = 86_400_000;

/** Everything /personal shows at a glance, computed from the queues and the decisions. */
export async function staffOverview(db: DbOrTx, now: Date): Promise<StaffOverview> {
  const today = swedishDate(now);
  const [moments, forDecision, pending, weeks, expiring] = await Promise.all([
    listMomentsToReview(db),
    listApplicationsForDecision(db),
    db.select({ at: companies.createdAt }).from(companies).where(eq(companies.status, "pending")),
    decidedPerWeek(db, today),
    countExpiring(db, today, EXPIRING_DAYS),
  ]);
  return {
    moments: queueFigures(moments.map((m) => m.uploadedAt), now),
    decisions: queueFigures(forDecision.map((a) => a.submittedAt), now),
    companies: queueFigures(pending.map((p) => p.at), now),
    weeks,
    expiring,
  };
}

export function queueFigures(waitingSince: (Date | null)[], now: Date): QueueFigures {
  const days = waitingSince.filter((d): d is Date => d !== null).map((d) => Math.max(0, (now.getTime() - d.getTime()) / DAY_MS));
  if (days.length === 0) return { count: waitingSince.length, oldestDays: null, medianDays: null };
  return { count: waitingSince.length, oldestDays: Math.floor(Math.max(...days)), medianDays: Math.floor(median(days)) };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The Monday of the week a date falls in. */
export function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(date, -weekday);
}

/** ISO 8601 week number of a date (the week with the year's first Thursday is week 1). */
export function isoWeek(date: string): number {
  const thursday = new Date(`${addDays(mondayOf(date), 3)}T00:00:00Z`);
  const jan4 = `${thursday.getUTCFullYear()}-01-04`;
  const firstThursday = new Date(`${addDays(mondayOf(jan4), 3)}T00:00:00Z`);
  return 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * DAY_MS));
}

/** Final decisions on applications decided between two instants, with the days each took. */
export async function listDecidedApplications(db: DbOrTx, from: Date, to: Date) {
  const rows = await db
    .select({
      applicationId: applications.id,
      kind: decisions.kind,
      decidedAt: decisions.decidedAt,
      submittedAt: applications.submittedAt,
      schemeName: schemes.name,
      areaName: technicalAreas.name,
      givenName: persons.givenName,
      familyName: persons.familyName,
      companyName: companies.name,
    })
    .from(decisions)
    .innerJoin(applications, eq(applications.id, decisions.applicationId))
    .innerJoin(schemes, eq(schemes.id, applications.schemeId))
    .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
    .leftJoin(persons, eq(persons.id, applications.personId))
    .leftJoin(companies, eq(companies.id, applications.companyId))
    .where(and(eq(decisions.subjectType, "application"), inArray(decisions.kind, [...FINAL_DECISIONS]), gte(decisions.decidedAt, from), lt(decisions.decidedAt, to)))
    .orderBy(desc(decisions.decidedAt));
  return rows.map((r) => ({ ...r, days: r.submittedAt ? Math.max(0, (r.decidedAt.getTime() - r.submittedAt.getTime()) / DAY_MS) : null }));
}

export type DecidedApplication = Awaited<ReturnType<typeof listDecidedApplications>>[number];

/** The instant a Swedish date begins (midnight in Stockholm). */
export function startOfSwedishDay(date: string): Date {
  // Midnight in Stockholm is 22:00 or 23:00 UTC the day before: try both, keep the one that is it.
  for (const offset of [1, 2]) {
    const guess = new Date(Date.parse(`${date}T00:00:00Z`) - offset * 3_600_000);
    if (swedishDate(guess) === date && swedishDate(new Date(guess.getTime() - 1)) !== date) return guess;
  }
  return new Date(`${date}T00:00:00Z`);
}

async function decidedPerWeek(db: DbOrTx, today: string): Promise<WeekFigures[]> {
  const thisMonday = mondayOf(today);
  const firstMonday = addDays(thisMonday, -7 * (OVERVIEW_WEEKS - 1));
  const decided = await listDecidedApplications(db, startOfSwedishDay(firstMonday), startOfSwedishDay(addDays(thisMonday, 7)));
  const byWeek = new Map<string, number[]>();
  for (const d of decided) {
    const monday = mondayOf(swedishDate(d.decidedAt));
    const list = byWeek.get(monday) ?? [];
    if (d.days !== null) list.push(d.days);
    else list.push(Number.NaN);
    byWeek.set(monday, list);
  }
  return Array.from({ length: OVERVIEW_WEEKS }, (_, i) => {
    const weekStart = addDays(firstMonday, 7 * i);
    const all = byWeek.get(weekStart) ?? [];
    const days = all.filter((d) => !Number.isNaN(d));
    return { weekStart, week: isoWeek(weekStart), decided: all.length, medianDays: days.length ? Math.round(median(days) * 10) / 10 : null };
  });
}

const newer = alias(certificates, "newer");

/** Aktivt certificates (current versions) whose Giltigt till falls within `days` days from today. */
export async function listExpiringCertificates(db: DbOrTx, today: string, days: number) {
  return db
    .select({
      certificateId: certificates.id,
      number: certificates.number,
      validUntil: certificates.validUntil,
      schemeName: schemes.name,
      areaName: technicalAreas.name,
      annualExtension: schemes.annualExtension,
      givenName: persons.givenName,
      familyName: persons.familyName,
      companyName: companies.name,
    })
    .from(certificates)
    .innerJoin(schemes, eq(schemes.id, certificates.schemeId))
    .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
    .leftJoin(persons, eq(persons.id, certificates.personId))
    .leftJoin(companies, eq(companies.id, certificates.companyId))
    .where(
      and(
        eq(certificates.status, "active"),
        isNotNull(certificates.validUntil),
        gte(certificates.validUntil, today),
        lte(certificates.validUntil, addDays(today, days)),
        notExists(db.select({ one: sql`1` }).from(newer).where(eq(newer.supersedesCertificateId, certificates.id))),
      ),
    )
    .orderBy(asc(certificates.validUntil), asc(certificates.number));
}

export type ExpiringCertificate = Awaited<ReturnType<typeof listExpiringCertificates>>[number];

async function countExpiring(db: DbOrTx, today: string, days: number): Promise<number> {
  return (await listExpiringCertificates(db, today, days)).length;
}
