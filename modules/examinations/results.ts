// The rules of one result, without a database: what the form and the CSV import both check
// before anything is saved. A message names the part and says what to do.
import { t as tr } from "../../lib/i18n/index.ts";

export interface PartSpec {
  id: string;
  name: string;
  maxPoints: number | null;
  passPoints: number | null;
}

/** A candidate's result on one part as entered: Godkänd / Ej godkänd, and points where scored. */
export interface Entry {
  passed: boolean | null;
  points: number | null;
}

/** One candidate's results, every part of the session. */
export interface ResultRow {
  registrationId: string;
  entries: Record<string, Entry>;
}

export function checkEntry(part: PartSpec, entry: Entry): string | null {
  if (entry.passed === null) return tr("exam.entry.verdict", part.name);
  if (part.maxPoints === null) return entry.points === null ? null : tr("exam.entry.noPoints", part.name);
  if (entry.points === null) return tr("exam.entry.points", part.name, part.maxPoints);
  if (!Number.isSafeInteger(entry.points) || entry.points < 0 || entry.points > part.maxPoints) return tr("exam.entry.integer", part.name, part.maxPoints);
  if (part.passPoints !== null && entry.passed && entry.points < part.passPoints) {
    return tr("exam.entry.tooFew", part.name, entry.points, part.passPoints);
  }
  if (part.passPoints !== null && !entry.passed && entry.points >= part.passPoints) {
    return tr("exam.entry.enough", part.name, entry.points, part.passPoints);
  }
  return null;
}

/** Godkänd only when every part of the session is. */
export function passedAll(parts: readonly PartSpec[], row: ResultRow): boolean {
  return parts.every((p) => row.entries[p.id]?.passed === true);
}

/** "Teori: Godkänd, 42 av 50 poäng" for each part, for mails, the Händelselogg and the Moment. */
export function describeResults(parts: readonly PartSpec[], row: ResultRow): string[] {
  return parts.map((p) => {
    const e = row.entries[p.id];
    const verdict = e?.passed ? tr("examResult.passed") : tr("examResult.failed");
    return e?.points !== null && e?.points !== undefined && p.maxPoints !== null ? tr("examResult.points", p.name, verdict, e.points, p.maxPoints) : `${p.name}: ${verdict}`;
  });
}

/** A typed verdict ("Godkänd", "ej godkänt", …), or null when it is neither. */
export function parseVerdict(text: string): boolean | null {
  const t = text.trim().toLocaleLowerCase("sv-SE").replace(/\s+/g, " ");
  if (t === "godkänd" || t === "godkänt" || t === "g") return true;
  if (t === "ej godkänd" || t === "ej godkänt" || t === "underkänd" || t === "u") return false;
  return null;
}

/** Points as typed: "" is none, a whole number is itself, anything else NaN (refused by checkEntry). */
export function parsePoints(text: string): number | null {
  const t = text.trim();
  if (t === "") return null;
  return /^\d{1,6}$/.test(t) ? Number(t) : Number.NaN;
}
