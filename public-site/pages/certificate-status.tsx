// A certificate's status as nobody can misread it: the word, an icon whose shape differs per
// status (a tick, a pause sign, a cross, a clock, a bar), and a colour only as a third cue.
import type { CertificateStatus } from "../../db/schema/certificates.ts";
import { t } from "../../lib/i18n/index.ts";

const SHAPES: Record<CertificateStatus, string> = {
  active: "M7.5 12.5 10.5 15.5 16.5 9",
  suspended: "M10 8.5v7 M14 8.5v7",
  withdrawn: "M9 9l6 6 M15 9l-6 6",
  expired: "M12 7.5V12l3 2",
  ended: "M8 12h8",
};

export const StatusIcon = ({ status }: { status: CertificateStatus }) => (
  <svg class="cert-status__icon" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
    <circle cx="12" cy="12" r="9.5" />
    <path d={SHAPES[status]} />
  </svg>
);

/** The status in a table or a list: icon and word in a bordered pill. */
export const CertificateStatusTag = ({ status, label }: { status: CertificateStatus; label: string }) => (
  <span class={`cert-status cert-status--${status}`}>
    <StatusIcon status={status} />
    {label}
  </span>
);

/** What the status means for someone checking: one plain sentence. */
export function statusVerdict(status: CertificateStatus, validUntil: string | null): string {
  switch (status) {
    case "active":
      return validUntil ? t("verdict.activeUntil", validUntil) : t("verdict.active");
    case "suspended":
      return t("verdict.suspended");
    case "withdrawn":
      return t("verdict.withdrawn");
    case "expired":
      return validUntil ? t("verdict.expiredOn", validUntil) : t("verdict.expired");
    case "ended":
      return t("verdict.ended");
  }
}
