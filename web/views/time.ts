/** Dates and times as Swedes read them, in Swedish time whatever the server's zone. */
const dateTime = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
const dateOnly = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" });

export function formatDateTime(d: Date): string {
  return dateTime.format(d);
}

export function formatDate(d: Date): string {
  return dateOnly.format(d);
}
