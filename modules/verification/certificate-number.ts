/** Certificate numbers are positive integers; twelve digits is far beyond any series we hand out. */
const NUMBER = /^\d{1,12}$/;

/** A certificate number as typed or in a URL, or null when it cannot be one. */
export function parseCertificateNumber(raw: string): number | null {
  if (!NUMBER.test(raw)) return null;
  const n = Number(raw);
  return n > 0 ? n : null;
}

/**
 * An organisationsnummer as typed (556016-0680, 5560160680, 16 5560160680): the ten digits, or
 * null. The check digit is not checked here: a lookup of a wrong number simply finds nothing.
 */
export function normaliseOrgNumber(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, "");
  if (/^\d{10}$/.test(digits)) return digits;
  if (/^16\d{10}$/.test(digits)) return digits.slice(2);
  return null;
}
