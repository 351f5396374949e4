import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../db/client.ts";
import { applicationRequirements, applications, certificates, companies, persons, requirements, schemes, technicalAreas } from "../../db/schema/index.ts";
import { swedishDate } from "../../lib/dates.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { recordEvent } from "../audit/index.ts";
import { canSeeCertificate } from "../certificates/index.ts";
import { canActAsApplicant } from "../certification/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { activeEmployees, isCompanyAdmin } from "../employments/index.ts";
import { enqueueMail } from "../outbox/outbox.ts";
import { holderRecipients } from "../review/recipients.ts";
import { nextRenewal, RENEWAL_LABELS, type RenewalDue, type RenewalKind } from "./due.ts";
import { attestedMail } from "./mails.ts";
import { inLanguage, t as tr } from "../../lib/i18n/index.ts";

const OPEN = ["in_progress", "final_review", "returned"] as const;
const isCurrent = sql`not exists (select 1 from certificates as newer where newer.supersedes_certificate_id = ${certificates.id})`;

/** A certificate version with what renewing it needs to know. */
async function loadTarget(db: DbOrTx, certificateId: string) {
  return db
    .select({ certificate: certificates, scheme: schemes, area: technicalAreas, current: sql<number>`${isCurrent}` })
    .from(certificates)
    .innerJoin(schemes, eq(schemes.id, certificates.schemeId))
    .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
    .where(eq(certificates.id, certificateId))
    .get();
}

type Target = NonNullable<Awaited<ReturnType<typeof loadTarget>>>;

/** Why a renewal cannot be applied for now, in the holder's words; null when it can. */
export function renewalRefusal(target: { current: boolean; due: RenewalDue | null }): string | null {
  if (!target.current) return tr("renew.newerVersion");
  const due = target.due;
  if (!due) return tr("renew.notRenewed");
  const label = RENEWAL_LABELS[due.kind];
  if (due.state === "upcoming") return tr("renew.opens", label, due.opensOn);
  if (due.state === "missed") return tr("renew.missed", due.dueOn);
  return null;
}

/** The Moment a renewal of this kind asks for, from the catalogue. */
async function renewalRequirements(tx: Tx, schemeId: string, kind: RenewalKind) {
  return tx
    .select({ id: requirements.id, attestable: requirements.attestable })
    .from(requirements)
    .where(and(eq(requirements.schemeId, schemeId), eq(requirements.appliesTo, kind), isNull(requirements.retiredAt)))
    .orderBy(asc(requirements.sortOrder));
}

/**
 * The open renewal application of the certificate, or a new one: kind extension or
 * recertification, for the holder, with the catalogue's Moment for that kind. An open
 * application of another kind for the same scheme is in the way (one open per holder and scheme).
 */
async function openRenewal(tx: Tx, actor: Actor & { userId: string }, now: Date, t: Target, kind: RenewalKind): Promise<{ applicationId: string; created: boolean }> {
  const c = t.certificate;
  const holder = c.personId ? eq(applications.personId, c.personId) : eq(applications.companyId, c.companyId!);
  const open = await tx.select({ id: applications.id, kind: applications.kind, renews: applications.renewsCertificateId }).from(applications).where(and(holder, eq(applications.schemeId, c.schemeId), inArray(applications.status, [...OPEN]))).get();
  if (open) {
    if (open.kind === kind && open.renews === c.id) return { applicationId: open.id, created: false };
    throw new Conflict(tr("renew.openAlready", `${t.area.name} - ${t.scheme.name}`));
  }
  const reqs = await renewalRequirements(tx, c.schemeId, kind);
  if (reqs.length === 0) throw new Conflict(tr("renew.noMoments", RENEWAL_LABELS[kind].toLowerCase(), t.scheme.name));
  const applicationId = newId();
  await tx.insert(applications).values({ id: applicationId, schemeId: c.schemeId, kind, personId: c.personId, companyId: c.companyId, status: "in_progress", createdAt: now, createdByUserId: actor.userId, updatedAt: now, renewsCertificateId: c.id });
  for (const r of reqs) {
    await tx.insert(applicationRequirements).values({ id: newId(), applicationId, requirementId: r.id, status: "awaiting_file", createdAt: now, createdByUserId: actor.userId, updatedAt: now, updatedByUserId: actor.userId });
  }
  await recordEvent(tx, actor, now, {
    action: "renewal.started",
    subjectType: "application",
    subjectId: applicationId,
    personId: c.personId ?? actor.personId,
    companyId: c.companyId,
    // The record says it in Swedish, whoever's page caused it.
    details: { certificate: `${t.area.name} - ${t.scheme.name}`, number: c.number, renewal: inLanguage("sv", () => RENEWAL_LABELS[kind]) },
  });
  return { applicationId, created: true };
}

/**
 * "Ansök om årlig förlängning" / "Ansök om omcertifiering" from Min Sida or the certificate page:
 * the holder (or, for a company certificate, one of its admins) starts the renewal that is due, or
 * is taken to the one already open.
 */
export async function startRenewal(deps: Deps, actor: Actor & { userId: string; personId: string }, input: { certificateId: string }): Promise<{ applicationId: string }> {
  const now = deps.clock.now();
  const today = swedishDate(now);
  return deps.db.transaction(
    async (tx) => {
      const t = await loadTarget(tx, input.certificateId);
      if (!t || !(await canActAsApplicant(tx, actor, t.certificate))) throw new NotFound();
      const due = nextRenewal(t.certificate, t.scheme, today);
      const refusal = renewalRefusal({ current: Boolean(t.current), due });
      if (refusal) throw new Conflict(refusal);
      const { applicationId } = await openRenewal(tx, actor, now, t, due!.kind);
      return { applicationId };
    },
    { behavior: "immediate" },
  );
}

/** The renewal a certificate faces, for the pages: what, when, and whether it can be applied for now. */
export async function renewalOf(db: DbOrTx, actor: Actor, certificateId: string, today: string) {
  const t = await loadTarget(db, certificateId);
  if (!t || !(await canSeeCertificate(db, actor, t.certificate))) throw new NotFound();
  const due = nextRenewal(t.certificate, t.scheme, today);
  const open = await db
    .select({ id: applications.id, kind: applications.kind, status: applications.status })
    .from(applications)
    .where(and(eq(applications.renewsCertificateId, certificateId), inArray(applications.status, [...OPEN])))
    .get();
  return { due, current: Boolean(t.current), refusal: renewalRefusal({ current: Boolean(t.current), due }), openApplication: open ?? null };
}

/**
 * "Att intyga": the company's active employees whose Årlig förlängning is due and whose scheme
 * lets an employer attest the activity, each with whether it is already attested. The actor's
 * own certificates are listed too, marked as not theirs to attest.
 */
export async function listAttestable(db: DbOrTx, actor: Actor, companyId: string, today: string) {
  if (!(await isCompanyAdmin(db, actor, companyId))) throw new NotFound();
  const employees = await activeEmployees(db, companyId, today);
  if (employees.length === 0) return [];
  const rows = await db
    .select({ certificate: certificates, scheme: schemes, area: technicalAreas, givenName: persons.givenName, familyName: persons.familyName })
    .from(certificates)
    .innerJoin(schemes, eq(schemes.id, certificates.schemeId))
    .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
    .innerJoin(persons, eq(persons.id, certificates.personId))
    .where(
      and(
        inArray(certificates.personId, employees.map((e) => e.personId)),
        inArray(certificates.status, ["active", "suspended"]),
        isCurrent,
        sql`exists (select 1 from ${requirements} where ${requirements.schemeId} = ${certificates.schemeId} and ${requirements.appliesTo} = 'extension' and ${requirements.attestable} = 1 and ${requirements.retiredAt} is null)`,
      ),
    )
    .orderBy(asc(persons.familyName), asc(persons.givenName), asc(certificates.number));
  const out = [];
  for (const r of rows) {
    const due = nextRenewal(r.certificate, r.scheme, today);
    if (!due || due.kind !== "extension" || due.state !== "due") continue;
    const attested = await db
      .select({ at: applicationRequirements.attestedAt, applicationId: applications.id })
      .from(applications)
      .innerJoin(applicationRequirements, eq(applicationRequirements.applicationId, applications.id))
      .where(and(eq(applications.renewsCertificateId, r.certificate.id), inArray(applications.status, [...OPEN]), sql`${applicationRequirements.attestedAt} is not null`))
      .get();
    out.push({
      certificateId: r.certificate.id,
      number: r.certificate.number,
      personId: r.certificate.personId!,
      name: `${r.givenName} ${r.familyName}`,
      title: `${r.area.name} - ${r.scheme.name}`,
      dueOn: due.dueOn,
      own: r.certificate.personId === actor.personId,
      attestedAt: attested?.at ?? null,
    });
  }
  return out;
}

export type AttestableRow = Awaited<ReturnType<typeof listAttestable>>[number];

/**
 * "Intyga yrkesverksamhet": a company admin attests that employees worked in the trade this year.
 * For each certificate the extension application is started (or the open one used) and its
 * attestable Moment is approved, recorded with who, for which company and when. An admin never
 * attests their own certificate; all or nothing: one refused certificate refuses the batch.
 */
export async function attestActivity(deps: Deps, actor: Actor & { userId: string; personId: string }, input: { companyId: string; certificateIds: string[] }): Promise<{ attested: number }> {
  const ids = [...new Set(input.certificateIds)];
  if (ids.length === 0) throw new Invalid({ certifikat: tr("attest.chooseOne") });
  const now = deps.clock.now();
  const today = swedishDate(now);
  const mails: { applicationId: string; personId: string; title: string; number: number }[] = [];
  const company = await deps.db.select({ id: companies.id, name: companies.name }).from(companies).where(eq(companies.id, input.companyId)).get();
  if (!company) throw new NotFound();
  await deps.db.transaction(
    async (tx) => {
      if (!(await isCompanyAdmin(tx, actor, input.companyId))) throw new NotFound();
      const employees = new Set((await activeEmployees(tx, input.companyId, today)).map((e) => e.personId));
      for (const id of ids) {
        const t = await loadTarget(tx, id);
        if (!t || !t.certificate.personId || !employees.has(t.certificate.personId)) throw new NotFound();
        const title = `${t.area.name} - ${t.scheme.name}`;
        if (t.certificate.personId === actor.personId) throw new Forbidden(tr("attest.ownForbidden"));
        const due = nextRenewal(t.certificate, t.scheme, today);
        const refusal = renewalRefusal({ current: Boolean(t.current), due });
        if (refusal) throw new Conflict(tr("attest.certificate", t.certificate.number, refusal));
        if (due!.kind !== "extension") throw new Conflict(tr("attest.certificate", t.certificate.number, tr("attest.recertificationDue")));
        const { applicationId } = await openRenewal(tx, actor, now, t, "extension");
        const target = await tx
          .select({ id: applicationRequirements.id, status: applicationRequirements.status })
          .from(applicationRequirements)
          .innerJoin(requirements, eq(requirements.id, applicationRequirements.requirementId))
          .where(and(eq(applicationRequirements.applicationId, applicationId), eq(requirements.attestable, true)))
          .get();
        if (!target) throw new Conflict(tr("attest.certificate", t.certificate.number, tr("attest.noMoment")));
        if (target.status === "approved") throw new Conflict(tr("attest.certificate", t.certificate.number, tr("attest.already")));
        await tx
          .update(applicationRequirements)
          .set({ status: "approved", attestedByUserId: actor.userId, attestedCompanyId: input.companyId, attestedAt: now, reviewComment: `Intygat av ${actor.name}, ${company.name}.`, updatedAt: now, updatedByUserId: actor.userId })
          .where(eq(applicationRequirements.id, target.id));
        await tx.update(applications).set({ updatedAt: now }).where(eq(applications.id, applicationId));
        await recordEvent(tx, actor, now, {
          action: "evidence.attested",
          subjectType: "application",
          subjectId: applicationId,
          personId: t.certificate.personId,
          companyId: input.companyId,
          details: { certificate: title, number: t.certificate.number, attestedBy: actor.name, company: company.name },
        });
        mails.push({ applicationId, personId: t.certificate.personId, title, number: t.certificate.number });
      }
      for (const m of mails) {
        for (const to of await holderRecipients(tx, { personId: m.personId, companyId: null })) {
          await enqueueMail(tx, now, "renewal.attested", attestedMail(deps.config, to, { applicationId: m.applicationId, title: m.title, number: m.number, companyName: company.name, attestedBy: actor.name }));
        }
      }
    },
    { behavior: "immediate" },
  );
  deps.mailQueue.kick();
  return { attested: mails.length };
}
