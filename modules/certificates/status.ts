import type { CertificateStatus } from "../../db/schema/certificates.ts";
import { labels, t } from "../../lib/i18n/index.ts";

export const CERTIFICATE_LABELS: Record<CertificateStatus, string> = labels({
  active: "certStatus.active",
  suspended: "certStatus.suspended",
  withdrawn: "certStatus.withdrawn",
  expired: "certStatus.expired",
  ended: "certStatus.ended",
});

/**
 * The status everyone is shown. Expiry is not a stored change: an active certificate whose
 * Giltigt till has passed reads "Utgånget" from the next day on.
 */
export function publicStatus(cert: { status: CertificateStatus; validUntil: string | null }, today: string): CertificateStatus {
  if (cert.status === "active" && cert.validUntil !== null && cert.validUntil < today) return "expired";
  return cert.status;
}

export type CertificateAction = "suspend" | "reinstate" | "withdraw";

/** Which stored statuses each staff action starts from, and where it leads. */
export const CERTIFICATE_TRANSITIONS: Record<CertificateAction, { from: readonly CertificateStatus[]; to: CertificateStatus }> = {
  suspend: { from: ["active"], to: "suspended" },
  reinstate: { from: ["suspended"], to: "active" },
  withdraw: { from: ["active", "suspended"], to: "withdrawn" },
};

export type Verdict = { ok: true; next: CertificateStatus } | { ok: false; reason: string };

export function certificateTransition(cert: { status: CertificateStatus; validUntil: string | null }, action: CertificateAction, today: string): Verdict {
  const rule = CERTIFICATE_TRANSITIONS[action];
  const shown = publicStatus(cert, today);
  if (!rule.from.includes(cert.status)) {
    const reasons: Record<CertificateAction, string> = {
      suspend: t("certificates.transition.suspend"),
      reinstate: t("certificates.transition.reinstate"),
      withdraw: t("certificates.transition.withdraw"),
    };
    return { ok: false, reason: reasons[action] };
  }
  if (action === "suspend" && shown === "expired") return { ok: false, reason: t("certificates.transition.expired") };
  return { ok: true, next: rule.to };
}
