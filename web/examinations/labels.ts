import { formatPersonnummer } from "../../lib/identity/personnummer.ts";
import { t } from "../../lib/i18n/index.ts";

export const CENTRE_STATUS: Record<string, { label: string; chip: string }> = {
  pending: {
    get label() {
      return t("centreStatus.pending");
    },
    chip: "status--warning",
  },
  approved: {
    get label() {
      return t("companyStatus.approved");
    },
    chip: "status--approved",
  },
  suspended: {
    get label() {
      return t("centreStatus.suspended");
    },
    // As a suspended (Vilande) certificate.
    chip: "status--warning",
  },
};

/** A registration as the lists say it: Anmäld, Återkallad, Godkänt, Ej godkänt. */
export function registrationLabel(r: { status: string; result: string | null }): { label: string; chip: string } {
  if (r.status === "cancelled") return { label: t("exam.cancelled"), chip: "status--muted" };
  if (r.result === "passed") return { label: t("companyStatus.approved"), chip: "status--approved" };
  if (r.result === "failed") return { label: t("companyStatus.refused"), chip: "status--rejected" };
  return { label: t("exam.registered"), chip: "status--pending" };
}

/** "Teori: Godkänd, 44 av 50 poäng" per part that has a result. */
export function partResultLines(parts: { part: { name: string; maxPoints: number | null }; result: { passed: boolean; points: number | null } | null }[]): string[] {
  return parts
    .filter((p) => p.result)
    .map(({ part, result }) => `${part.name}: ${result!.passed ? t("exam.part.passed") : t("exam.part.failed")}${result!.points !== null && part.maxPoints !== null ? t("exam.part.points", result!.points, part.maxPoints) : ""}`);
}

/** How a part is judged, for the examinator: "Teori (0–50 poäng, godkänt från 35)". */
export function partDescription(p: { name: string; maxPoints: number | null; passPoints: number | null }): string {
  if (p.maxPoints === null) return t("exam.part.passFail", p.name);
  return p.passPoints !== null ? t("exam.part.pointsPass", p.name, p.maxPoints, p.passPoints) : t("exam.part.pointsOnly", p.name, p.maxPoints);
}

/** How the centre names a candidate: the personnummer, else the account's e-mail. */
export function candidateId(p: { personnummer: string | null; email: string }): string {
  return p.personnummer ? formatPersonnummer(p.personnummer) : p.email;
}

export const centreUrl = (id: string) => `/min-sida/examinationscenter/${id}`;
export const sessionUrl = (id: string, rest = "") => `/min-sida/provtillfallen/${id}${rest}`;
export const staffCentreUrl = (id: string) => `/personal/examinationscentra/${id}`;
export const staffSessionUrl = (id: string, rest = "") => `/personal/provtillfallen/${id}${rest}`;
