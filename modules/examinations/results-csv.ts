// The CSV import of a session's results, for centres that keep results elsewhere: one line per
// candidate and part, under a header line:
//
//   kandidat;del;resultat;poäng
//   19800101-9812;Teori;Godkänd;42
//   19800101-9812;Praktik;Godkänd;
//
// The candidate is given by personnummer or by the e-mail address of their account, as when they
// were registered; the part by its name; the result as Godkänd or Ej godkänd. Comma, semicolon or
// tab separates (the header decides), fields may be quoted ("…", "" for a quote). Every line is
// checked and every error reported with its line number; the result is either all rows or none.
import { checkEntry, parsePoints, parseVerdict, type PartSpec, type ResultRow } from "./results.ts";
import { t as tr } from "../../lib/i18n/index.ts";

export interface CsvCandidate {
  registrationId: string;
  name: string;
  /** 12 digits, or null for a person without one. */
  personnummer: string | null;
  email: string;
  hasResult: boolean;
}

export type CsvOutcome = { ok: true; rows: ResultRow[] } | { ok: false; errors: string[] };

export const CSV_HEADER = ["kandidat", "del", "resultat", "poäng"] as const;
export const MAX_CSV_LINES = 5000;
const SEPARATORS = [";", ",", "\t"];

/** Lines of fields, with the number of the line each starts on; throws a Swedish message for an open quote. */
export function splitCsv(text: string, separator: string): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let atFieldStart = true;
  // Something was read since the last line ended: a last line of one empty quoted field counts.
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    started = true;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (ch === separator) {
      fields.push(field);
      field = "";
      atFieldStart = true;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      fields.push(field);
      out.push({ line: startLine, fields });
      fields = [];
      field = "";
      atFieldStart = true;
      started = false;
      line++;
      startLine = line;
    } else {
      field += ch;
      atFieldStart = false;
    }
  }
  if (quoted) throw new Error(tr("csv.quote", startLine));
  if (started) {
    fields.push(field);
    out.push({ line: startLine, fields });
  }
  return out;
}

const norm = (s: string) => s.trim().toLocaleLowerCase("sv-SE");
const headerWord = (s: string) => norm(s).replace("poang", "poäng");

/** Parses and checks a results file against the session's parts and registered candidates. */
export function parseResultsCsv(raw: string, ctx: { parts: readonly PartSpec[]; candidates: readonly CsvCandidate[] }): CsvOutcome {
  const text = raw.replace(/^\uFEFF/, "");
  if (text.trim() === "") return { ok: false, errors: [tr("csv.empty")] };
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const separator = SEPARATORS.map((s) => ({ s, n: firstLine.split(s).length })).sort((a, b) => b.n - a.n)[0]!.s;
  let lines: { line: number; fields: string[] }[];
  try {
    lines = splitCsv(text, separator);
  } catch (e) {
    return { ok: false, errors: [(e as Error).message] };
  }
  const [header, ...body] = lines;
  const columns = header!.fields.map(headerWord);
  if (CSV_HEADER.some((c, i) => columns[i] !== c) || columns.length > CSV_HEADER.length) {
    return { ok: false, errors: [tr("csv.header")] };
  }
  const rows = body.filter((l) => l.fields.some((f) => f.trim() !== ""));
  if (rows.length === 0) return { ok: false, errors: [tr("csv.noRows")] };
  if (rows.length > MAX_CSV_LINES) return { ok: false, errors: [tr("csv.tooMany", rows.length, MAX_CSV_LINES)] };

  const errors: string[] = [];
  // Every candidate a line names, with its first line and the parts its lines name, right or wrong.
  const named = new Map<string, { candidate: CsvCandidate; firstLine: number; parts: Set<string> }>();
  const found = new Map<string, { candidate: CsvCandidate; firstLine: number; entries: ResultRow["entries"]; lines: Map<string, number> }>();
  for (const { line, fields } of rows) {
    if (fields.length !== CSV_HEADER.length) {
      errors.push(tr("csv.fields", line, fields.length, CSV_HEADER.length));
      continue;
    }
    const [who, partText, verdictText, pointsText] = fields as [string, string, string, string];
    const candidate = findCandidate(ctx.candidates, who);
    const part = ctx.parts.find((p) => norm(p.name) === norm(partText));
    const lineErrors: string[] = [];
    if (!who.trim()) lineErrors.push(tr("csv.noCandidate"));
    else if (!candidate) lineErrors.push(tr("csv.unknownCandidate", shorten(who)));
    else if (candidate.hasResult) lineErrors.push(tr("exam.results.already", candidate.name));
    if (!part) lineErrors.push(tr("csv.unknownPart", shorten(partText), ctx.parts.map((p) => p.name).join(tr("csv.or"))));
    const entry = { passed: parseVerdict(verdictText), points: parsePoints(pointsText) };
    if (entry.passed === null) lineErrors.push(tr("csv.verdict", shorten(verdictText)));
    else if (part) {
      const problem = checkEntry(part, entry);
      if (problem) lineErrors.push(problem);
    }
    if (candidate && !candidate.hasResult) {
      const n = named.get(candidate.registrationId) ?? named.set(candidate.registrationId, { candidate, firstLine: line, parts: new Set() }).get(candidate.registrationId)!;
      // A line for the part, right or wrong, is not "missing": its own error says what to fix.
      if (part) n.parts.add(part.id);
    }
    if (candidate && part && !lineErrors.length) {
      const seen = found.get(candidate.registrationId) ?? { candidate, firstLine: line, entries: {} as ResultRow["entries"], lines: new Map<string, number>() };
      found.set(candidate.registrationId, seen);
      const earlier = seen.lines.get(part.id);
      if (earlier !== undefined) lineErrors.push(tr("csv.duplicate", candidate.name, part.name, earlier));
      else {
        seen.lines.set(part.id, line);
        seen.entries[part.id] = entry;
      }
    }
    if (lineErrors.length) errors.push(tr("csv.line", line, lineErrors.join(" ")));
  }
  for (const n of named.values()) {
    const missing = ctx.parts.filter((p) => !n.parts.has(p.id));
    if (missing.length) errors.push(tr("csv.missing", n.firstLine, n.candidate.name, missing.map((p) => p.name).join(tr("common.and"))));
  }
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => lineOf(a) - lineOf(b)) };
  return { ok: true, rows: [...found.values()].map((s) => ({ registrationId: s.candidate.registrationId, entries: s.entries })) };
}

function findCandidate(candidates: readonly CsvCandidate[], typed: string): CsvCandidate | undefined {
  const t = typed.trim();
  if (t.includes("@")) return candidates.find((c) => c.email === t.toLowerCase());
  const digits = t.replace(/[-\s]/g, "");
  if (!/^\d{12}$/.test(digits)) return undefined;
  return candidates.find((c) => c.personnummer === digits);
}

/** A file to fill in: the header and a line per candidate without a result and part. */
export function resultsCsvTemplate(parts: readonly PartSpec[], candidates: readonly CsvCandidate[]): string {
  const lines = [CSV_HEADER.join(";")];
  for (const c of candidates.filter((x) => !x.hasResult)) {
    const who = c.personnummer ? `${c.personnummer.slice(0, 8)}-${c.personnummer.slice(8)}` : c.email;
    for (const p of parts) lines.push([who, p.name, "", ""].map(quote).join(";"));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Quoted when it must be: a separator, a quote or a line break inside. */
export function quote(field: string): string {
  return /[;,\t"\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

const lineOf = (message: string) => Number(/^Rad (\d+)/.exec(message)?.[1] ?? 0);
const shorten = (s: string) => {
  const t = s.trim();
  return t.length > 60 ? `${t.slice(0, 59)}…` : t;
};
