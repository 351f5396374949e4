// A certificate's dates are Swedish calendar dates; a credential's are instants. Issued on D means
// from midnight in Sweden on D; Giltigt till D means to the end of D in Sweden.

const offsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Stockholm", timeZoneName: "longOffset" });

/** "+01:00" or "+02:00": Sweden's offset at that instant. */
function offsetAt(instant: Date): string {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-]\d{2}:\d{2})?/.exec(name);
  return m?.[1] ?? "+00:00";
}

/** 2026-03-15 → 2026-03-15T00:00:00+01:00. The clocks change at 02:00 or 03:00, never at midnight. */
export function startOfSwedishDay(date: string): string {
  return `${date}T00:00:00${offsetAt(new Date(`${date}T00:00:00Z`))}`;
}

/** 2026-03-15 → 2026-03-15T23:59:59+01:00, with the offset of that evening. */
export function endOfSwedishDay(date: string): string {
  return `${date}T23:59:59${offsetAt(new Date(`${date}T20:00:00Z`))}`;
}
