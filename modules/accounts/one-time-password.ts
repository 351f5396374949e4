/** Easy to type from a mail: no 0/O, 1/l/I; always a letter and a digit (the password rule). */
const LETTERS = "abcdefghjkmnpqrstuvwxyz";
const DIGITS = "23456789";

export function generateOneTimePassword(): string {
  const alphabet = LETTERS + DIGITS;
  for (;;) {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    // 248 is the largest multiple of 31 below 256: reject above it to avoid bias.
    const chars = [...bytes].filter((b) => b < 248).map((b) => alphabet[b % alphabet.length]);
    if (chars.length < 12) continue;
    const pw = `${chars.slice(0, 4).join("")}-${chars.slice(4, 8).join("")}-${chars.slice(8, 12).join("")}`;
    if (/[a-z]/.test(pw) && /[0-9]/.test(pw)) return pw;
  }
}
