// The Luhn (modulus 10) check used by personnummer, organisationsnummer and
// bank OCR references. Callers make sure the string holds digits only.

/** True when the last digit of `digits` is the correct Luhn check digit. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return luhnSum(digits) % 10 === 0;
}

/** The check digit to append to `payload` so the whole passes the Luhn check. */
export function luhnCheckDigit(payload: string): number {
  if (!/^\d+$/.test(payload)) throw new TypeError("Luhn payload must be digits only");
  return (10 - (luhnSum(payload + "0") % 10)) % 10;
}

// Walking from the right, every second digit (starting with the one left of
// the check digit) is doubled and its digit sum taken.
function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}
