import { isLuhnValid } from "./luhn.ts";
import { t } from "../i18n/index.ts";

export type PersonnummerResult =
  | { ok: true; value: string; birthDate: string; coordination: boolean }
  | { ok: false; message: string };

const EXAMPLE = "19800101-1234";

// Skatteverket adds 60 to the day of birth in a samordningsnummer.
const COORDINATION_DAY_OFFSET = 60;

// The check digit only covers the last ten digits, so a wrong century slips
// through Luhn; an age no living person has catches "18…" for "19…".
const MAX_AGE_YEARS = 130;

/**
 * Parses a personnummer or samordningsnummer written with the century,
 * `YYYYMMDD-NNNN` or `YYYYMMDDNNNN`. `today` decides what is "in the future"
 * (as a date in Sweden, whatever the server's time zone).
 */
export function parsePersonnummer(input: string, today: Date): PersonnummerResult {
  const text = input.trim();

  if (/^\d{6}[-+]?\d{4}$/.test(text)) {
    return fail(t("pnr.century", EXAMPLE));
  }
  if (/^\d{8}\+\d{4}$/.test(text)) {
    return fail(t("pnr.plus", EXAMPLE));
  }
  if (!/^\d{8}-?\d{4}$/.test(text)) {
    return fail(t("pnr.twelve", EXAMPLE));
  }

  const value = text.replace("-", "");
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(4, 6));
  const rawDay = Number(value.slice(6, 8));
  const coordination = rawDay > COORDINATION_DAY_OFFSET;
  const day = coordination ? rawDay - COORDINATION_DAY_OFFSET : rawDay;
  const birthDate = `${value.slice(0, 4)}-${value.slice(4, 6)}-${String(day).padStart(2, "0")}`;

  if (!isRealDate(year, month, day)) {
    return fail(t("pnr.date", value.slice(0, 8)));
  }
  const todayInSweden = swedishDate(today);
  if (birthDate > todayInSweden) {
    return fail(t("pnr.future", birthDate));
  }
  if (year < Number(todayInSweden.slice(0, 4)) - MAX_AGE_YEARS) {
    return fail(t("pnr.year", year, EXAMPLE));
  }
  if (!isLuhnValid(value.slice(2))) {
    return fail(t("pnr.checkDigit"));
  }
  return { ok: true, value, birthDate, coordination };
}

/** `198001011231` → `19800101-1231`. Expects a value from parsePersonnummer. */
export function formatPersonnummer(value: string): string {
  if (!/^\d{12}$/.test(value)) throw new TypeError("formatPersonnummer expects 12 digits");
  return `${value.slice(0, 8)}-${value.slice(8)}`;
}

function fail(message: string): PersonnummerResult {
  return { ok: false, message };
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const swedishDateFormat = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

// "sv-SE" formats as YYYY-MM-DD, which compares correctly as a string.
function swedishDate(instant: Date): string {
  return swedishDateFormat.format(instant);
}
