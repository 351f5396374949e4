import { formatPersonnummer } from "../../lib/identity/personnummer.ts";

export const CENTRE_STATUS: Record<string, { label: string; chip: string }> = {
  pending: { label: "Väntar på godkännande", chip: "status--warning" },
  approved: { label: "Godkänt", chip: "status--approved" },
};

/** A registration as the lists say it: Anmäld, Återkallad, Godkänt, Ej godkänt. */
export function registrationLabel(r: { status: string; result: string | null }): { label: string; chip: string } {
  if (r.status === "cancelled") return { label: "Anmälan återkallad", chip: "status--muted" };
  if (r.result === "passed") return { label: "Godkänt", chip: "status--approved" };
  if (r.result === "failed") return { label: "Ej godkänt", chip: "status--rejected" };
  return { label: "Anmäld", chip: "status--pending" };
}

/** "Teori: Godkänd, 44 av 50 poäng" per part that has a result. */
export function partResultLines(parts: { part: { name: string; maxPoints: number | null }; result: { passed: boolean; points: number | null } | null }[]): string[] {
  return parts.filter((p) => p.result).map(({ part, result }) => `${part.name}: ${result!.passed ? "Godkänd" : "Ej godkänd"}${result!.points !== null && part.maxPoints !== null ? `, ${result!.points} av ${part.maxPoints} poäng` : ""}`);
}

/** How a part is judged, for the examinator: "Teori (0–50 poäng, godkänt från 35)". */
export function partDescription(p: { name: string; maxPoints: number | null; passPoints: number | null }): string {
  if (p.maxPoints === null) return `${p.name} (godkänd / ej godkänd)`;
  return `${p.name} (0–${p.maxPoints} poäng${p.passPoints !== null ? `, godkänt från ${p.passPoints}` : ""})`;
}

/** How the centre names a candidate: the personnummer, else the account's e-mail. */
export function candidateId(p: { personnummer: string | null; email: string }): string {
  return p.personnummer ? formatPersonnummer(p.personnummer) : p.email;
}

export const centreUrl = (id: string) => `/min-sida/examinationscenter/${id}`;
export const sessionUrl = (id: string, rest = "") => `/min-sida/provtillfallen/${id}${rest}`;
export const staffCentreUrl = (id: string) => `/personal/examinationscentra/${id}`;
export const staffSessionUrl = (id: string, rest = "") => `/personal/provtillfallen/${id}${rest}`;
