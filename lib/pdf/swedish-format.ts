// How Swedish documents write amounts and postal codes. A no-break space (U+00A0) groups thousands
// and joins "kr" so an amount never wraps across lines.

const NBSP = "\u00a0";

/** 125000 öre → "1 250,00 kr". Integers only: money is never a float here. */
export function formatKronor(ore: number): string {
  if (!Number.isSafeInteger(ore)) throw new RangeError(`amount in öre must be an integer, not ${ore}`);
  const sign = ore < 0 ? "−" : "";
  const abs = Math.abs(ore);
  const kronor = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const cents = String(abs % 100).padStart(2, "0");
  return `${sign}${kronor},${cents}${NBSP}kr`;
}

/** "12345" → "123 45"; anything else (a foreign code) as given. */
export function formatPostalCode(code: string): string {
  const digits = code.replace(/\s/g, "");
  return /^\d{5}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3)}` : code.trim();
}

/** Domestic post leaves the country out (PostNord's addressing rules). */
export function isSweden(country: string): boolean {
  return ["sverige", "sweden", "se", ""].includes(country.trim().toLowerCase());
}
