import { and, asc, desc, eq, inArray, isNotNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { DbOrTx } from "../../db/client.ts";
import { applicationRequirements, applications, cases, certificates, decisions, requirements, schemes, technicalAreas, type AppealedKind, type CaseOutcome, type CaseStatus } from "../../db/schema/index.ts";
import { swedishDate } from "../../lib/dates.ts";
import { EDITABLE_STATUSES } from "../certification/index.ts";
import { canAppeal } from "./policy.ts";

/** What an appeal is lodged against: a Beslut (Avslå, Suspendera, Dra in), or a Moment's Ej godkänt. */
export type AppealTarget = { decisionId: string } | { momentId: string };

export interface LoadedTarget {
  kind: AppealedKind;
  decisionId: string | null;
  momentId: string | null;
  momentName: string | null;
  decidedAt: Date;
  decidedOn: string;
  decidedByUserId: string;
  /** The decision's reason, or the reviewer's comment. */
  reason: string | null;
  /** The application concerned (for a certificate, the one that led to it). */
  applicationId: string;
  certificateId: string | null;
  certificateNumber: number | null;
  personId: string | null;
  companyId: string | null;
  /** "F-gaser - Personcertifikat kategori I" */
  title: string;
  appealMonths: number;
  inEffect: boolean;
  existing: { id: string; number: number; status: CaseStatus; outcome: CaseOutcome | null } | null;
}

const KIND_OF: Record<string, AppealedKind> = { refuse: "refusal", suspend: "suspension", withdraw: "withdrawal" };
const APPEALABLE_DECISIONS = ["refuse", "suspend", "withdraw"] as const;

const newer = alias(certificates, "newer");

/** The decision or Moment rejection with what policy needs; null when there is none to appeal. No authorization here. */
export async function loadAppealTarget(db: DbOrTx, target: AppealTarget): Promise<LoadedTarget | null> {
  return "decisionId" in target ? loadDecision(db, target.decisionId) : loadMoment(db, target.momentId);
}

async function loadDecision(db: DbOrTx, decisionId: string): Promise<LoadedTarget | null> {
  const d = await db
    .select()
    .from(decisions)
    .where(and(eq(decisions.id, decisionId), inArray(decisions.kind, [...APPEALABLE_DECISIONS])))
    .get();
  if (!d) return null;
  const base = { kind: KIND_OF[d.kind]!, decisionId: d.id, momentId: null, momentName: null, decidedAt: d.decidedAt, decidedOn: d.effectiveOn, decidedByUserId: d.decidedByUserId, reason: d.reason };
  if (d.kind === "refuse") {
    const a = await db
      .select({ application: applications, scheme: schemes, area: technicalAreas })
      .from(applications)
      .innerJoin(schemes, eq(schemes.id, applications.schemeId))
      .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
      .where(eq(applications.id, d.applicationId!))
      .get();
    if (!a) return null;
    // Refused again after a reopening: only the latest refusal stands.
    const latest = await db.select({ id: decisions.id }).from(decisions).where(and(eq(decisions.applicationId, a.application.id), eq(decisions.kind, "refuse"))).orderBy(desc(decisions.decidedAt)).get();
    return {
      ...base,
      applicationId: a.application.id,
      certificateId: null,
      certificateNumber: null,
      personId: a.application.personId,
      companyId: a.application.companyId,
      title: `${a.area.name} - ${a.scheme.name}`,
      appealMonths: a.scheme.appealMonths,
      inEffect: a.application.status === "refused" && latest?.id === d.id,
      existing: await existingCase(db, { decisionId: d.id }),
    };
  }
  const c = await db
    .select({ certificate: certificates, scheme: schemes, area: technicalAreas, newer: newer.id })
    .from(certificates)
    .innerJoin(schemes, eq(schemes.id, certificates.schemeId))
    .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
    .leftJoin(newer, eq(newer.supersedesCertificateId, certificates.id))
    .where(eq(certificates.id, d.certificateId!))
    .get();
  if (!c) return null;
  const status = d.kind === "suspend" ? "suspended" : "withdrawn";
  return {
    ...base,
    applicationId: c.certificate.applicationId,
    certificateId: c.certificate.id,
    certificateNumber: c.certificate.number,
    personId: c.certificate.personId,
    companyId: c.certificate.companyId,
    title: `${c.area.name} - ${c.scheme.name}`,
    appealMonths: c.scheme.appealMonths,
    inEffect: c.certificate.latestDecisionId === d.id && c.certificate.status === status && c.newer === null,
    existing: await existingCase(db, { decisionId: d.id }),
  };
}

async function loadMoment(db: DbOrTx, momentId: string): Promise<LoadedTarget | null> {
  const m = await db
    .select({ moment: applicationRequirements, requirement: requirements, application: applications, scheme: schemes, area: technicalAreas })
    .from(applicationRequirements)
    .innerJoin(requirements, eq(requirements.id, applicationRequirements.requirementId))
    .innerJoin(applications, eq(applications.id, applicationRequirements.applicationId))
    .innerJoin(schemes, eq(schemes.id, applications.schemeId))
    .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
    .where(and(eq(applicationRequirements.id, momentId), isNotNull(applicationRequirements.reviewedByUserId)))
    .get();
  if (!m || m.moment.status !== "rejected") return null;
  const decidedAt = m.moment.updatedAt;
  return {
    kind: "moment",
    decisionId: null,
    momentId: m.moment.id,
    momentName: m.requirement.name,
    decidedAt,
    decidedOn: swedishDate(decidedAt),
    decidedByUserId: m.moment.reviewedByUserId!,
    reason: m.moment.reviewComment,
    applicationId: m.application.id,
    certificateId: null,
    certificateNumber: null,
    personId: m.application.personId,
    companyId: m.application.companyId,
    title: `${m.area.name} - ${m.scheme.name}`,
    appealMonths: m.scheme.appealMonths,
    inEffect: EDITABLE_STATUSES.includes(m.application.status),
    existing: await existingCase(db, { momentId: m.moment.id, at: decidedAt }),
  };
}

async function existingCase(db: DbOrTx, of: { decisionId: string } | { momentId: string; at: Date }) {
  const where = "decisionId" in of ? eq(cases.appealedDecisionId, of.decisionId) : and(eq(cases.appealedMomentId, of.momentId), eq(cases.appealedAt, of.at));
  return (await db.select({ id: cases.id, number: cases.number, status: cases.status, outcome: cases.outcome }).from(cases).where(where).get()) ?? null;
}

export interface AppealOption {
  target: AppealTarget;
  loaded: LoadedTarget;
  verdict: ReturnType<typeof canAppeal>;
}

/**
 * What the applicant or holder may appeal on an application's or a certificate's page: every
 * decision against them that still stands, with its deadline or why it can no longer be appealed.
 * The caller has checked that the actor acts for the holder.
 */
export async function appealOptions(db: DbOrTx, of: { applicationId: string } | { certificateId: string }, today: string): Promise<AppealOption[]> {
  const targets: AppealTarget[] = [];
  if ("applicationId" in of) {
    const refusals = await db.select({ id: decisions.id }).from(decisions).where(and(eq(decisions.applicationId, of.applicationId), eq(decisions.kind, "refuse"))).orderBy(desc(decisions.decidedAt)).limit(1);
    targets.push(...refusals.map((r) => ({ decisionId: r.id })));
    const rejected = await db
      .select({ id: applicationRequirements.id })
      .from(applicationRequirements)
      .innerJoin(requirements, eq(requirements.id, applicationRequirements.requirementId))
      .where(and(eq(applicationRequirements.applicationId, of.applicationId), eq(applicationRequirements.status, "rejected"), isNotNull(applicationRequirements.reviewedByUserId)))
      .orderBy(asc(requirements.sortOrder));
    targets.push(...rejected.map((r) => ({ momentId: r.id })));
  } else {
    const cert = await db.select({ latest: certificates.latestDecisionId }).from(certificates).where(eq(certificates.id, of.certificateId)).get();
    const latest = cert?.latest ? await db.select({ id: decisions.id, kind: decisions.kind }).from(decisions).where(eq(decisions.id, cert.latest)).get() : undefined;
    if (latest && (latest.kind === "suspend" || latest.kind === "withdraw")) targets.push({ decisionId: latest.id });
  }
  const out: AppealOption[] = [];
  for (const target of targets) {
    const loaded = await loadAppealTarget(db, target);
    if (loaded?.inEffect || loaded?.existing) out.push({ target, loaded, verdict: canAppeal({ ...loaded, existingCaseNumber: loaded.existing?.number ?? null }, today) });
  }
  return out;
}

/** The appeals lodged about an application or a certificate, newest first, for the holder's pages. */
export async function appealsConcerning(db: DbOrTx, of: { applicationId: string } | { certificateId: string }) {
  const where = "applicationId" in of ? and(eq(cases.applicationId, of.applicationId), eq(cases.kind, "appeal"), or(eq(cases.appealedKind, "refusal"), eq(cases.appealedKind, "moment"))) : and(eq(cases.certificateId, of.certificateId), eq(cases.kind, "appeal"));
  return db
    .select({ id: cases.id, number: cases.number, status: cases.status, outcome: cases.outcome, appealedKind: cases.appealedKind, receivedAt: cases.receivedAt })
    .from(cases)
    .where(where)
    .orderBy(desc(cases.receivedAt));
}
