// The animated QR code of BankID: "bankid.<qrStartToken>.<time>.<qrAuthCode>", where time is
// whole seconds since the order was started and qrAuthCode is the lowercase hex
// HMAC-SHA256 of the decimal time, keyed with qrStartSecret. The RP makes a new one every
// second; a photo of an old code is then useless to someone phishing from afar.
//
// @oslojs/crypto rather than node:crypto: it is what the sessions use, it is synchronous and
// has a constant-time compare, so the simulator can use the same file.
import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeHex, encodeHexLowerCase } from "@oslojs/encoding";

const utf8 = new TextEncoder();

function qrAuthCode(qrStartSecret: string, seconds: number): Uint8Array {
  return hmac(SHA256, utf8.encode(qrStartSecret), utf8.encode(String(seconds)));
}

export function qrData(qrStartToken: string, qrStartSecret: string, secondsSinceStart: number): string {
  const seconds = Math.floor(secondsSinceStart);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new RangeError(`secondsSinceStart must be a non-negative number, got ${secondsSinceStart}`);
  }
  return `bankid.${qrStartToken}.${seconds}.${encodeHexLowerCase(qrAuthCode(qrStartSecret, seconds))}`;
}

export type ParsedQrData = { qrStartToken: string; seconds: number; qrAuthCode: string };

const QR_PATTERN = /^bankid\.([^.\s]+)\.(0|[1-9]\d{0,8})\.([0-9a-f]{64})$/;

/** Splits QR data into its parts, or null if it is not shaped like BankID QR data. */
export function parseQrData(data: string): ParsedQrData | null {
  const match = QR_PATTERN.exec(data.trim());
  if (!match) return null;
  return { qrStartToken: match[1], seconds: Number(match[2]), qrAuthCode: match[3] };
}

export type QrCheck =
  | { valid: true; qrStartToken: string; seconds: number }
  | { valid: false; reason: "format" | "code" | "time" };

/**
 * Checks QR data against the order's secret. `maxAgeSeconds`, when given, is the largest time
 * value accepted: the order's current age, so a code claiming to come from the future fails.
 */
export function verifyQrData(data: string, qrStartSecret: string, maxAgeSeconds?: number): QrCheck {
  const parsed = parseQrData(data);
  if (!parsed) return { valid: false, reason: "format" };
  const expected = qrAuthCode(qrStartSecret, parsed.seconds);
  if (!constantTimeEqual(expected, decodeHex(parsed.qrAuthCode))) return { valid: false, reason: "code" };
  if (maxAgeSeconds !== undefined && parsed.seconds > maxAgeSeconds) return { valid: false, reason: "time" };
  return { valid: true, qrStartToken: parsed.qrStartToken, seconds: parsed.seconds };
}
