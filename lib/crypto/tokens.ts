import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

/**
 * Tokens handed to a browser or put in a mail are `id.secret`: the id finds the row, and only
 * SHA-256 of the secret is stored, compared in constant time (the Lucia sessions guide).
 */
export interface IssuedToken {
  id: string;
  token: string;
  secretHash: Buffer;
}

export function randomString(bytes = 20): string {
  const b = new Uint8Array(bytes);
  crypto.getRandomValues(b);
  return encodeBase32LowerCaseNoPadding(b);
}

export function issueToken(): IssuedToken {
  const id = randomString(15);
  const secret = randomString(20);
  return { id, token: `${id}.${secret}`, secretHash: hashSecret(secret) };
}

export function hashSecret(secret: string): Buffer {
  return Buffer.from(sha256(new TextEncoder().encode(secret)));
}

export function splitToken(token: string | undefined | null): { id: string; secret: string } | null {
  if (!token || token.length > 200) return null;
  const parts = token.split(".");
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  return { id: parts[0], secret: parts[1] };
}

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  const h = hashSecret(secret);
  return h.length === storedHash.length && constantTimeEqual(h, new Uint8Array(storedHash));
}

/** A six-digit code, uniformly drawn (rejection sampling avoids modulo bias). */
export function sixDigitCode(): string {
  const buf = new Uint32Array(1);
  const limit = Math.floor(0x1_0000_0000 / 1_000_000) * 1_000_000;
  for (;;) {
    crypto.getRandomValues(buf);
    if (buf[0]! < limit) return String(buf[0]! % 1_000_000).padStart(6, "0");
  }
}
