import { and, eq, inArray, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { applications, certificates, certificateStatusHistory, companies, companyAdmins, decisions, employments, jobLeases, persons, reminders, schemes, technicalAreas, users } from "../../db/schema/index.ts";
import { addDays, addMonths, swedishDate } from "../../lib/dates.ts";
import { newId } from "../../lib/ids.ts";
import { recordEvent } from "../audit/index.ts";
import { systemActor, type Deps } from "../deps.ts";
import { recoverFiles } from "../maintenance/index.ts";
import { enqueueMail } from "../outbox/outbox.ts";
import { holderRecipients, type MailRecipient } from "../review/recipients.ts";
import { nextRenewal, RENEWAL_LABELS } from "./due.ts";
import { reminderMail, suspensionEndedNotice } from "./mails.ts";

export interface SweepResult {
  /** False when another process held the lease: it is doing the same work now. */
  ran: boolean;
  expired: number;
  reinstated: number;
  suspensionNotices: number;
  reminders: number;
  mails: number;
}

const SWEEP = "daily-sweep";
const LEASE_MS = 10 * 60_000;

// A current version is one no newer version supersedes.
const isCurrent = sql`not exists (select 1 from certificates as newer where newer.supersedes_certificate_id = ${certificates.id})`;

/**
 * The daily sweep: what time does by itself. Certificates past Giltigt till become Utgånget,
 * suspensions that reached their last day end, and reminders go out. Every step is a conditional
 * change (or a unique row) so running it again, or in two processes at once, changes nothing more
 * and sends no mail twice; a lease in the database keeps a second process from doing the work in
 * parallel at all. `lease: false` skips the lease (the tests show the steps hold without it).
 */
export async function runDailySweep(deps: Deps, options: { holder?: string; lease?: boolean } = {}): Promise<SweepResult> {
  const holder = options.holder ?? `${process.pid}-${newId()}`;
  const result: SweepResult = { ran: false, expired: 0, reinstated: 0, suspensionNotices: 0, reminders: 0, mails: 0 };
  const useLease = options.lease ?? true;
  if (useLease && !(await takeLease(deps.db, holder, deps.clock.now()))) return result;
  result.ran = true;
  try {
    const today = swedishDate(deps.clock.now());
    await endSuspensions(deps, today, result);
    await expire(deps, today, result);
    await sendReminders(deps, today, result);
    // Crash recovery of files (leftovers of interrupted uploads); it logs and never throws.
    await recoverFiles(deps);
    if (useLease) {
      await deps.db
        .update(jobLeases)
        .set({ holder: null, leaseUntil: null, lastRunOn: today, lastRunAt: deps.clock.now(), lastResult: { expired: result.expired, reinstated: result.reinstated, suspensionNotices: result.suspensionNotices, reminders: result.reminders, mails: result.mails } })
        .where(and(eq(jobLeases.name, SWEEP), eq(jobLeases.holder, holder)));
    }
  } catch (error) {
    if (useLease) await deps.db.update(jobLeases).set({ holder: null, leaseUntil: null }).where(and(eq(jobLeases.name, SWEEP), eq(jobLeases.holder, holder)));
    throw error;
  }
  if (result.mails) deps.mailQueue.kick();
  return result;
}

async function takeLease(db: Db, holder: string, now: Date): Promise<boolean> {
  await db.insert(jobLeases).values({ name: SWEEP }).onConflictDoNothing();
  const taken = await db
    .update(jobLeases)
    .set({ holder, leaseUntil: new Date(now.getTime() + LEASE_MS) })
    .where(and(eq(jobLeases.name, SWEEP), or(isNull(jobLeases.leaseUntil), lt(jobLeases.leaseUntil, now))))
    .returning({ name: jobLeases.name });
  return taken.length === 1;
}

/** When the sweep last completed, for the staff overview and the CLI. */
export async function lastSweep(db: Db) {
  return (await db.select().from(jobLeases).where(eq(jobLeases.name, SWEEP)).get()) ?? null;
}

const certTitle = sql<string>`${technicalAreas.name} || ' - ' || ${schemes.name}`;

/** Moves the open status period to a new one, from `on`, with the reason (no decision: time did it). */
async function newPeriod(tx: Tx, certificateId: string, status: "active" | "expired", on: string, reason: string): Promise<void> {
  await tx.update(certificateStatusHistory).set({ toDate: on }).where(and(eq(certificateStatusHistory.certificateId, certificateId), isNull(certificateStatusHistory.toDate)));
  await tx.insert(certificateStatusHistory).values({ id: newId(), certificateId, status, fromDate: on, toDate: null, decisionId: null, reason });
}

async function openPeriodFrom(tx: Tx, certificateId: string): Promise<string | null> {
  const open = await tx.select({ fromDate: certificateStatusHistory.fromDate }).from(certificateStatusHistory).where(and(eq(certificateStatusHistory.certificateId, certificateId), isNull(certificateStatusHistory.toDate))).get();
  return open?.fromDate ?? null;
}

/** Vilande till och med D: from D + 1 the certificate is active again, or the decider is told. */
async function endSuspensions(deps: Deps, today: string, result: SweepResult): Promise<void> {
  const due = await deps.db
    .select({ id: certificates.id, number: certificates.number, until: certificates.suspendedUntil, personId: certificates.personId, companyId: certificates.companyId, end: schemes.suspensionEnd, title: certTitle, decidedBy: decisions.decidedByUserId })
    .from(certificates)
    .innerJoin(schemes, eq(schemes.id, certificates.schemeId))
    .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
    .leftJoin(decisions, eq(decisions.id, certificates.latestDecisionId))
    .where(and(eq(certificates.status, "suspended"), isNotNull(certificates.suspendedUntil), lt(certificates.suspendedUntil, today), isCurrent));
  for (const c of due) {
    const until = c.until!;
    const from = addDays(until, 1);
    await deps.db.transaction(
      async (tx) => {
        const now = deps.clock.now();
        if (c.end === "reinstate") {
          const moved = await tx
            .update(certificates)
            .set({ status: "active", suspendedUntil: null, updatedAt: now })
            .where(and(eq(certificates.id, c.id), eq(certificates.status, "suspended"), eq(certificates.suspendedUntil, until)))
            .returning({ id: certificates.id });
          if (moved.length === 0) return;
          const reason = `Vilandeperioden slutade ${until}.`;
          const openFrom = await openPeriodFrom(tx, c.id);
          await newPeriod(tx, c.id, "active", openFrom && openFrom > from ? openFrom : from, reason);
          await recordEvent(tx, systemActor, now, { action: "certificate.suspension_ended", subjectType: "certificate", subjectId: c.id, personId: c.personId, companyId: c.companyId, details: { certificate: c.title, number: c.number, reason } });
          result.reinstated++;
          return;
        }
        // Tell the decider, once per suspension: the reminder row decides.
        const inserted = await tx.insert(reminders).values({ id: newId(), certificateNumber: c.number, certificateId: c.id, kind: "suspension_end", dueOn: until, sentOn: today, createdAt: now }).onConflictDoNothing().returning({ id: reminders.id });
        if (inserted.length === 0) return;
        const decider = c.decidedBy
          ? await tx.select({ email: persons.email, givenName: persons.givenName, familyName: persons.familyName, language: users.language }).from(users).innerJoin(persons, eq(persons.id, users.personId)).where(eq(users.id, c.decidedBy)).get()
          : undefined;
        if (decider) {
          await enqueueMail(tx, now, "suspension_end_notice", suspensionEndedNotice(deps.config, { email: decider.email, name: `${decider.givenName} ${decider.familyName}`, language: decider.language ?? "sv" }, { certificateId: c.id, number: c.number, title: c.title, until }));
          result.mails++;
        }
        await recordEvent(tx, systemActor, now, { action: "certificate.suspension_end_notice", subjectType: "certificate", subjectId: c.id, personId: c.personId, companyId: c.companyId, details: { certificate: c.title, number: c.number, until, reason: `Vilandeperioden slutade ${until}; certifikatet återaktiveras inte av sig självt.` } });
        result.suspensionNotices++;
      },
      { behavior: "immediate" },
    );
  }
}

/** Past Giltigt till without a new version: Utgånget from the day after. */
async function expire(deps: Deps, today: string, result: SweepResult): Promise<void> {
  const due = await deps.db
    .select({ id: certificates.id, number: certificates.number, validUntil: certificates.validUntil, cycleEndsOn: certificates.cycleEndsOn, status: certificates.status, personId: certificates.personId, companyId: certificates.companyId, title: certTitle })
    .from(certificates)
    .innerJoin(schemes, eq(schemes.id, certificates.schemeId))
    .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
    .where(and(inArray(certificates.status, ["active", "suspended"]), isNotNull(certificates.validUntil), lt(certificates.validUntil, today), isCurrent));
  for (const c of due) {
    const validUntil = c.validUntil!;
    await deps.db.transaction(
      async (tx) => {
        const now = deps.clock.now();
        const moved = await tx
          .update(certificates)
          .set({ status: "expired", suspendedUntil: null, updatedAt: now })
          .where(and(eq(certificates.id, c.id), inArray(certificates.status, ["active", "suspended"]), eq(certificates.validUntil, validUntil), isCurrent))
          .returning({ id: certificates.id });
        if (moved.length === 0) return;
        const missed = c.cycleEndsOn && validUntil >= c.cycleEndsOn ? "utan omcertifiering" : "utan årlig förlängning";
        const reason = `Giltighetstiden gick ut ${validUntil} ${missed}.`;
        const from = addDays(validUntil, 1);
        const openFrom = await openPeriodFrom(tx, c.id);
        await newPeriod(tx, c.id, "expired", openFrom && openFrom > from ? openFrom : from, reason);
        await recordEvent(tx, systemActor, now, { action: "certificate.expired", subjectType: "certificate", subjectId: c.id, personId: c.personId, companyId: c.companyId, details: { certificate: c.title, number: c.number, validUntil, reason } });
        result.expired++;
      },
      { behavior: "immediate" },
    );
  }
}

/** −2 months (extension) and −6 months (recertification), by default; once per number, kind and date. */
async function sendReminders(deps: Deps, today: string, result: SweepResult): Promise<void> {
  // Nothing opens more than a year ahead; the rest is decided per row by nextRenewal.
  const horizon = addMonths(today, 12);
  const candidates = await deps.db
    .select({ certificate: certificates, scheme: schemes, title: certTitle, holderPerson: { givenName: persons.givenName, familyName: persons.familyName }, holderCompany: companies.name })
    .from(certificates)
    .innerJoin(schemes, eq(schemes.id, certificates.schemeId))
    .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
    .leftJoin(persons, eq(persons.id, certificates.personId))
    .leftJoin(companies, eq(companies.id, certificates.companyId))
    .where(
      and(
        eq(certificates.status, "active"),
        isNotNull(certificates.validUntil),
        lte(certificates.validUntil, horizon),
        sql`${certificates.validUntil} >= ${today}`,
        isCurrent,
        // Someone already applying needs no reminder.
        sql`not exists (select 1 from ${applications} where ${applications.renewsCertificateId} = ${certificates.id} and ${applications.status} in ('in_progress', 'final_review', 'returned'))`,
      ),
    );
  for (const row of candidates) {
    const c = row.certificate;
    const due = nextRenewal(c, row.scheme, today);
    if (!due || due.state !== "due") continue;
    await deps.db.transaction(
      async (tx) => {
        const now = deps.clock.now();
        const inserted = await tx.insert(reminders).values({ id: newId(), certificateNumber: c.number, certificateId: c.id, kind: due.kind, dueOn: due.dueOn, sentOn: today, createdAt: now }).onConflictDoNothing().returning({ id: reminders.id });
        if (inserted.length === 0) return;
        const holderName = row.holderPerson?.givenName ? `${row.holderPerson.givenName} ${row.holderPerson.familyName}` : (row.holderCompany ?? "");
        const facts = { kind: due.kind, certificateId: c.id, number: c.number, title: row.title, dueOn: due.dueOn, holderName };
        const sent: string[] = [];
        for (const to of await holderRecipients(tx, c)) {
          await enqueueMail(tx, now, `reminder.${due.kind}`, reminderMail(deps.config, to, { ...facts, as: c.companyId ? "company" : "holder" }));
          sent.push(to.email);
        }
        if (c.personId) {
          for (const to of await employerAdmins(tx, c.personId, today)) {
            if (sent.includes(to.email)) continue;
            await enqueueMail(tx, now, `reminder.${due.kind}`, reminderMail(deps.config, to, { ...facts, as: "employer" }));
            sent.push(to.email);
          }
        }
        result.mails += sent.length;
        await recordEvent(tx, systemActor, now, {
          action: "certificate.reminder_sent",
          subjectType: "certificate",
          subjectId: c.id,
          personId: c.personId,
          companyId: c.companyId,
          details: { certificate: row.title, number: c.number, reminder: RENEWAL_LABELS[due.kind], dueOn: due.dueOn, recipients: sent.length },
        });
        result.reminders++;
      },
      { behavior: "immediate" },
    );
  }
}

/** The certifikatsadministratörer of every company the person works for today. */
export async function employerAdmins(db: Db | Tx, personId: string, today: string): Promise<MailRecipient[]> {
  const rows = await db
    .selectDistinct({ email: persons.email, givenName: persons.givenName, familyName: persons.familyName, language: users.language })
    .from(employments)
    .innerJoin(companyAdmins, eq(companyAdmins.companyId, employments.companyId))
    .innerJoin(persons, eq(persons.id, companyAdmins.personId))
    .leftJoin(users, eq(users.personId, persons.id))
    .where(and(eq(employments.personId, personId), eq(employments.status, "active"), lte(employments.startDate, today), or(isNull(employments.endDate), sql`${employments.endDate} >= ${today}`)));
  return rows.map((r) => ({ email: r.email, name: `${r.givenName} ${r.familyName}`, language: r.language ?? "sv" }));
}
