import { isLuhnValid, luhnCheckDigit } from "../../lib/identity/luhn.ts";

/** The OCR reference printed on an invoice: its number followed by a Luhn check digit. */
export function ocrReference(invoiceNumber: number): string {
  if (!Number.isSafeInteger(invoiceNumber) || invoiceNumber <= 0) throw new RangeError("invoice number must be a positive integer");
  const payload = String(invoiceNumber);
  return `${payload}${luhnCheckDigit(payload)}`;
}

/** What a bank checks before accepting a payment reference. */
export function isValidOcr(reference: string): boolean {
  return isLuhnValid(reference);
}
