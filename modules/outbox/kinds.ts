// What each kind of mail is, in the reader's language, for the staff's "Utgående e-post". A mail's subject may
// hold a secret (the login code is in it), so for kinds starting "secret." this name is all staff
// see of what the mail says.
import { labels, t } from "../../lib/i18n/index.ts";

const KIND_LABELS: Readonly<Record<string, string>> = labels({
  "secret.login_code": "mailKind.secret.login_code",
  "secret.password_reset": "mailKind.secret.password_reset",
  "secret.welcome": "mailKind.secret.welcome",
  "secret.email_change": "mailKind.secret.email_change",
  "secret.examinator_invitation": "mailKind.secret.examinator_invitation",
  "user.password_changed": "mailKind.user.password_changed",
  "user.code_login_locked": "mailKind.user.code_login_locked",
  "person.registration_attempt": "mailKind.person.registration_attempt",
  "person.email_in_use": "mailKind.person.email_in_use",
  "person.email_change_notice": "mailKind.person.email_change_notice",
  "company.decided": "mailKind.company.decided",
  "employment.requested": "mailKind.employment.requested",
  "employment.decided": "mailKind.employment.decided",
  "evidence.approved": "mailKind.evidence.approved",
  "evidence.rejected": "mailKind.evidence.rejected",
  "application.submitted": "mailKind.application.submitted",
  "application.refused": "mailKind.application.refused",
  "application.returned": "mailKind.application.returned",
  "certificate.issued": "mailKind.certificate.issued",
  "certificate.extended": "mailKind.certificate.extended",
  "certificate.recertified": "mailKind.certificate.recertified",
  "certificate.suspended": "mailKind.certificate.suspended",
  "certificate.reinstated": "mailKind.certificate.reinstated",
  "certificate.withdrawn": "mailKind.certificate.withdrawn",
  "renewal.attested": "mailKind.renewal.attested",
  "reminder.extension": "mailKind.reminder.extension",
  "reminder.recertification": "mailKind.reminder.recertification",
  suspension_end_notice: "mailKind.suspension_end_notice",
  invoice: "mailKind.invoice",
  "examinator.added": "mailKind.examinator.added",
  "centre.suspended": "mailKind.centre.suspended",
  "signing_key.revoked": "mailKind.signing_key.revoked",
  "centre.reinstated": "mailKind.centre.reinstated",
  "exam.centre_suspended": "mailKind.exam.centre_suspended",
  "exam.registered": "mailKind.exam.registered",
  "exam.registration_cancelled": "mailKind.exam.registration_cancelled",
  "exam.passed": "mailKind.exam.passed",
  "exam.failed": "mailKind.exam.failed",
  "exam.corrected": "mailKind.exam.corrected",
  "case.appeal_received": "mailKind.case.appeal_received",
  "case.complaint_received": "mailKind.case.complaint_received",
  "case.investigating": "mailKind.case.investigating",
  "case.decided": "mailKind.case.decided",
  "case.dismissed": "mailKind.case.dismissed",
});

export function isSecretKind(kind: string): boolean {
  return kind.startsWith("secret.");
}

/** The kind in words; an unknown secret kind says only that it is one, never more. */
export function mailKindLabel(kind: string): string {
  if (Object.hasOwn(KIND_LABELS, kind)) return KIND_LABELS[kind]!;
  return isSecretKind(kind) ? t("mailKind.secret") : kind;
}
