/** The Swedish words for the statuses of companies and employments (DESIGN.md, Statuses). */

export const EMPLOYMENT_STATUS: Record<string, { label: string; chip: string }> = {
  requested: { label: "Väntar på bekräftelse", chip: "status--pending" },
  active: { label: "Aktiv", chip: "status--active" },
  rejected: { label: "Avböjd", chip: "status--rejected" },
  cancelled: { label: "Återkallad", chip: "status--muted" },
  ended: { label: "Avslutad", chip: "status--muted" },
};

export const COMPANY_STATUS: Record<string, { label: string; chip: string }> = {
  pending: { label: "Väntar på granskning", chip: "status--pending" },
  approved: { label: "Godkänt", chip: "status--approved" },
  refused: { label: "Ej godkänt", chip: "status--rejected" },
};

export const StatusChip = ({ status, of }: { status: string; of: Record<string, { label: string; chip: string }> }) => {
  const s = of[status] ?? { label: status, chip: "status--muted" };
  return <span class={`status ${s.chip}`}>{s.label}</span>;
};
