// Calendar dates as YYYY-MM-DD strings, which compare correctly as strings. "Today" is the date in
// Sweden: a certificate issued at 00:30 Swedish time must not carry yesterday's date.
import { language, type Language } from "./i18n/index.ts";

const swedishDateFormat = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" });

let lastMinute = Number.NaN;
let lastDate = "";

/**
 * The calendar date in Sweden at that instant. Asked on every public request, and formatting with
 * a time zone costs microseconds, so the answer is kept for the rest of its minute: Sweden's
 * offsets are whole hours, so a date never changes within a minute.
 */
export function swedishDate(instant: Date): string {
  const ms = instant.getTime();
  const minute = ms - (((ms % 60_000) + 60_000) % 60_000);
  if (minute !== lastMinute) {
    lastDate = swedishDateFormat.format(instant);
    lastMinute = minute;
  }
  return lastDate;
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 29 February plus one year is 1 March, so "the day before the anniversary" stays 28 February. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/** 31 August plus one month is 30 September: the day clamps to the end of a shorter month. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const MONTHS: Record<Language, string[]> = {
  sv: ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/**
 * "2027-02-03" → "3 februari 2027", as a Swedish letter or deadline says it; "3 February 2027" in
 * English (the language of what is being made, lib/i18n).
 */
export function swedishLongDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[language()][m - 1]} ${y}`;
}
