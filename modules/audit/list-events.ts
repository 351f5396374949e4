import { and, desc, eq, inArray, or } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { events } from "../../db/schema/index.ts";
import { labels } from "../../lib/i18n/index.ts";

export interface EventRow {
  id: number;
  at: Date;
  actorName: string;
  action: string;
  label: string;
  details: Record<string, unknown> | null;
}

export async function listPersonEvents(db: DbOrTx, personId: string, limit = 200): Promise<EventRow[]> {
  const rows = await db.select().from(events).where(eq(events.personId, personId)).orderBy(desc(events.at), desc(events.id)).limit(limit);
  return rows.map((r) => ({ id: r.id, at: r.at, actorName: r.actorName, action: r.action, label: eventLabel(r.action), details: r.details ?? null }));
}

/** What happened to one thing, e.g. an application: its own Händelselogg. */
export async function listSubjectEvents(db: DbOrTx, subjectType: string, subjectId: string, limit = 500): Promise<EventRow[]> {
  const rows = await db.select().from(events).where(and(eq(events.subjectType, subjectType), eq(events.subjectId, subjectId))).orderBy(desc(events.at), desc(events.id)).limit(limit);
  return rows.map((r) => ({ id: r.id, at: r.at, actorName: r.actorName, action: r.action, label: eventLabel(r.action), details: r.details ?? null }));
}

/** The Händelselogg of several things at once, e.g. a scheme and each of its requirements. */
export async function listEventsOfSubjects(db: DbOrTx, subjects: { type: string; ids: string[] }[], limit = 500): Promise<EventRow[]> {
  const wanted = subjects.filter((s) => s.ids.length > 0).map((s) => and(eq(events.subjectType, s.type), inArray(events.subjectId, s.ids)));
  if (wanted.length === 0) return [];
  const rows = await db.select().from(events).where(or(...wanted)).orderBy(desc(events.at), desc(events.id)).limit(limit);
  return rows.map((r) => ({ id: r.id, at: r.at, actorName: r.actorName, action: r.action, label: eventLabel(r.action), details: r.details ?? null }));
}

/** The words the Händelselogg shows for each action code, in the reader's language. */
const LABELS: Record<string, string> = labels({
  "person.registered": "event.person.registered",
  "person.registration_attempt": "event.person.registration_attempt",
  "person.details_changed": "event.person.details_changed",
  "person.email_change_requested": "event.person.email_change_requested",
  "person.email_changed": "event.person.email_changed",
  "user.login_code_sent": "event.user.login_code_sent",
  "user.login_code_failed": "event.user.login_code_failed",
  "user.login_code_locked": "event.user.login_code_locked",
  "user.code_login_locked": "event.user.code_login_locked",
  "user.logged_in": "event.user.logged_in",
  "user.logged_in_bankid": "event.user.logged_in_bankid",
  "user.logged_out": "event.user.logged_out",
  "user.password_changed": "event.user.password_changed",
  "user.password_reset_requested": "event.user.password_reset_requested",
  "user.password_reset": "event.user.password_reset",
  "user.created_staff": "event.user.created_staff",
  "company.registered": "event.company.registered",
  "company.approved": "event.company.approved",
  "company.refused": "event.company.refused",
  "company.details_changed": "event.company.details_changed",
  "company.admin_added": "event.company.admin_added",
  "company.admin_removed": "event.company.admin_removed",
  "employment.requested": "event.employment.requested",
  "employment.confirmed": "event.employment.confirmed",
  "employment.rejected": "event.employment.rejected",
  "employment.cancelled": "event.employment.cancelled",
  "employment.ended": "event.employment.ended",
  "application.started": "event.application.started",
  "evidence.uploaded": "event.evidence.uploaded",
  "evidence.approved": "event.evidence.approved",
  "evidence.rejected": "event.evidence.rejected",
  "application.declared": "event.application.declared",
  "application.recipient_set": "event.application.recipient_set",
  "application.submitted": "event.application.submitted",
  "application.withdrawn": "event.application.withdrawn",
  "application.granted": "event.application.granted",
  "application.refused": "event.application.refused",
  "application.returned": "event.application.returned",
  "certificate.issued": "event.certificate.issued",
  "certificate.suspended": "event.certificate.suspended",
  "signing_key.created": "event.signing_key.created",
  "signing_key.rotated": "event.signing_key.rotated",
  "signing_key.revoked": "event.signing_key.revoked",
  "certificate.reinstated": "event.certificate.reinstated",
  "certificate.withdrawn": "event.certificate.withdrawn",
  "certificate.extended": "event.certificate.extended",
  "certificate.recertified": "event.certificate.recertified",
  "certificate.expired": "event.certificate.expired",
  "certificate.suspension_ended": "event.certificate.suspension_ended",
  "certificate.suspension_end_notice": "event.certificate.suspension_end_notice",
  "certificate.reminder_sent": "event.certificate.reminder_sent",
  "renewal.started": "event.renewal.started",
  "evidence.attested": "event.evidence.attested",
  "invoice.created": "event.invoice.created",
  "invoice.sent": "event.invoice.sent",
  "invoice.to_post": "event.invoice.to_post",
  "invoice.paid": "event.invoice.paid",
  "area.created": "event.area.created",
  "area.updated": "event.area.updated",
  "scheme.created": "event.scheme.created",
  "scheme.updated": "event.scheme.updated",
  "scheme.declaration_published": "event.scheme.declaration_published",
  "requirement.added": "event.requirement.added",
  "requirement.updated": "event.requirement.updated",
  "requirement.retired": "event.requirement.retired",
  "requirement.template_uploaded": "event.requirement.template_uploaded",
  "centre.created": "event.centre.created",
  "centre.approved": "event.centre.approved",
  "centre.updated": "event.centre.updated",
  "centre.suspended": "event.centre.suspended",
  "centre.reinstated": "event.centre.reinstated",
  "examinator.added": "event.examinator.added",
  "examinator.removed": "event.examinator.removed",
  "exam_session.created": "event.exam_session.created",
  "exam_session.protocol_uploaded": "event.exam_session.protocol_uploaded",
  "exam.registered": "event.exam.registered",
  "exam.candidate_registered": "event.exam.candidate_registered",
  "exam.registration_cancelled": "event.exam.registration_cancelled",
  "exam.candidate_cancelled": "event.exam.candidate_cancelled",
  "exam.passed": "event.exam.passed",
  "exam.failed": "event.exam.failed",
  "exam.result_recorded": "event.exam.result_recorded",
  "exam.result_corrected": "event.exam.result_corrected",
  "case.appeal_received": "event.case.appeal_received",
  "case.complaint_received": "event.case.complaint_received",
  "case.investigating": "event.case.investigating",
  "case.taken_over": "event.case.taken_over",
  "case.decided": "event.case.decided",
  "case.dismissed": "event.case.dismissed",
  "application.reopened": "event.application.reopened",
  "user.language_chosen": "event.user.language_chosen",
});

export function eventLabel(action: string): string {
  return LABELS[action] ?? action;
}
