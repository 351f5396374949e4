import { addDays, addMonths, addYears } from "../../lib/dates.ts";
import type { CertificateStatus } from "../../db/schema/certificates.ts";
import { labels } from "../../lib/i18n/index.ts";

export type RenewalKind = "extension" | "recertification";

export const RENEWAL_LABELS: Record<RenewalKind, string> = labels({ extension: "renewal.extension", recertification: "renewal.recertification" });
/** The button that starts one, on Min Sida and the certificate page. */
export const RENEWAL_ACTIONS: Record<RenewalKind, string> = labels({ extension: "renewal.applyExtension", recertification: "renewal.applyRecertification" });

export interface RenewalRules {
  kind: "CERTIFICATE" | "ATTESTATION";
  validityYears: number | null;
  annualExtension: boolean;
  recertificationYears: number | null;
  extensionNoticeMonths: number;
  recertificationNoticeMonths: number;
}

export interface RenewalDue {
  kind: RenewalKind;
  /** The last day: Giltigt till for an extension, the cycle's end for a recertification. */
  dueOn: string;
  /** From this day the renewal may be applied for and the reminder goes out. */
  opensOn: string;
  /** upcoming: not yet open; due: open now; missed: the due date has passed. */
  state: "upcoming" | "due" | "missed";
}

/**
 * What renewal a certificate version faces next. While Giltigt till is before the cycle's end the
 * next step is Årlig förlängning (if the scheme has it); at the cycle's last year it is
 * Omcertifiering. Withdrawn and ended certificates face nothing.
 */
export function nextRenewal(cert: { status: CertificateStatus; validUntil: string | null; cycleEndsOn: string | null }, rules: RenewalRules, today: string): RenewalDue | null {
  if (rules.kind !== "CERTIFICATE" || !cert.validUntil || !cert.cycleEndsOn) return null;
  if (cert.status === "withdrawn" || cert.status === "ended") return null;
  let kind: RenewalKind;
  if (rules.annualExtension && cert.validUntil < cert.cycleEndsOn) kind = "extension";
  else if (rules.recertificationYears && rules.validityYears) kind = "recertification";
  else return null;
  const dueOn = kind === "extension" ? cert.validUntil : cert.cycleEndsOn;
  const opensOn = addMonths(dueOn, -(kind === "extension" ? rules.extensionNoticeMonths : rules.recertificationNoticeMonths));
  const state = today < opensOn ? "upcoming" : today <= dueOn ? "due" : "missed";
  return { kind, dueOn, opensOn, state };
}

/** The last day of a period of whole years starting on `from`. */
function lastDay(from: string, years: number): string {
  return addDays(addYears(from, years), -1);
}

/**
 * The dates of the version a granted renewal makes. An extension moves Giltigt till one year on,
 * never past the cycle's end. A recertification starts a new cycle the day after the old one ends
 * (or today, if that day has passed), with its first year's Giltigt till.
 */
export function renewedDates(kind: RenewalKind, old: { validUntil: string; cycleEndsOn: string }, rules: { validityYears: number; recertificationYears: number | null }, today: string): { validUntil: string; cycleEndsOn: string } {
  if (kind === "extension") {
    const next = addYears(old.validUntil, 1);
    return { validUntil: next < old.cycleEndsOn ? next : old.cycleEndsOn, cycleEndsOn: old.cycleEndsOn };
  }
  const dayAfter = addDays(old.cycleEndsOn, 1);
  const start = today <= dayAfter ? dayAfter : today;
  const cycleEndsOn = lastDay(start, rules.recertificationYears ?? rules.validityYears);
  return { validUntil: lastDay(start, rules.validityYears), cycleEndsOn };
}
