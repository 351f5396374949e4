/** The words for the statuses of companies and employments (DESIGN.md, Statuses), read in the page's language. */
import { t, type MessageKey } from "../../lib/i18n/index.ts";

const status = (key: MessageKey, chip: string) => ({
  get label() {
    return t(key as never);
  },
  chip,
});

export const EMPLOYMENT_STATUS: Record<string, { label: string; chip: string }> = {
  requested: status("employmentStatus.requested", "status--pending"),
  active: status("employmentStatus.active", "status--active"),
  rejected: status("employmentStatus.rejected", "status--rejected"),
  cancelled: status("employmentStatus.cancelled", "status--muted"),
  ended: status("employmentStatus.ended", "status--muted"),
};

export const COMPANY_STATUS: Record<string, { label: string; chip: string }> = {
  pending: status("companyStatus.pending", "status--pending"),
  approved: status("companyStatus.approved", "status--approved"),
  refused: status("companyStatus.refused", "status--rejected"),
};

export const StatusChip = ({ status, of }: { status: string; of: Record<string, { label: string; chip: string }> }) => {
  const s = of[status] ?? { label: status, chip: "status--muted" };
  return <span class={`status ${s.chip}`}>{s.label}</span>;
};
