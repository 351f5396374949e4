import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { applicationRequirements, decisions, events } from "../../db/schema/index.ts";
import type { Actor } from "../deps.ts";
import { employersOf, listPersonCompanies } from "../employments/index.ts";
import type { HandlingParties } from "./policy.ts";
import { personOfUser, type CaseRow } from "./queries.ts";
import type { CaseRecipient } from "./mails.ts";

/** Everyone who has reviewed a Moment of the application, now or before (the Händelselogg remembers). */
async function reviewersOf(db: DbOrTx, applicationId: string): Promise<string[]> {
  const current = await db
    .selectDistinct({ userId: applicationRequirements.reviewedByUserId })
    .from(applicationRequirements)
    .where(and(eq(applicationRequirements.applicationId, applicationId), isNotNull(applicationRequirements.reviewedByUserId)));
  const before = await db
    .selectDistinct({ userId: events.actorUserId })
    .from(events)
    .where(and(eq(events.subjectType, "application"), eq(events.subjectId, applicationId), inArray(events.action, ["evidence.approved", "evidence.rejected"]), isNotNull(events.actorUserId)));
  return [...new Set([...current, ...before].map((r) => r.userId!))];
}

/** Who decided on the certificate a complaint concerns: its grant and every renewal of it. */
async function grantersOf(db: DbOrTx, certificateId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: decisions.decidedByUserId })
    .from(decisions)
    .where(and(eq(decisions.certificateId, certificateId), inArray(decisions.kind, ["grant", "extend", "recertify"])));
  return rows.map((r) => r.userId);
}

/** What canHandleCase needs to know about a case and the acting user, on `today`. */
export async function loadHandlingParties(db: DbOrTx, actor: Actor, c: CaseRow, today: string): Promise<HandlingParties> {
  const decidedByUserIds = c.kind === "appeal" ? [c.appealedDecidedByUserId!] : c.certificateId ? await grantersOf(db, c.certificateId) : [];
  const reviewerUserIds = c.applicationId ? await reviewersOf(db, c.applicationId) : [];
  const companyIds = [...(c.companyId ? [c.companyId] : []), ...(c.personId ? await employersOf(db, c.personId, today) : [])];
  const actorCompanyIds = actor.personId ? [...(await employersOf(db, actor.personId, today)), ...(await listPersonCompanies(db, actor.personId)).administered.map((co) => co.id)] : [];
  return { kind: c.kind, holderPersonId: c.personId, submittedByUserId: c.submittedByUserId, decidedByUserIds, reviewerUserIds, companyIds, actorCompanyIds };
}

/**
 * Who is told about each step: who appealed (their account's e-mail, in the account's language),
 * or the complainant's address if given, in the language of the page the complaint was lodged on.
 */
export async function caseRecipient(db: DbOrTx, c: CaseRow): Promise<CaseRecipient | null> {
  if (c.kind === "appeal") {
    const p = c.submittedByUserId ? await personOfUser(db, c.submittedByUserId) : null;
    return p ? { email: p.email, name: `${p.givenName} ${p.familyName}`, language: p.language ?? c.language ?? "sv" } : null;
  }
  return c.contactEmail ? { email: c.contactEmail, name: c.contactName, language: c.language ?? "sv" } : null;
}
