// A time-based form token: spam protection for a public form without a third-party service. The
// form carries the moment it was shown, signed with an HMAC. A post is taken only with a genuine
// token that is old enough (a person needs more than a few seconds to describe something; a
// script posting at once does not) and not too old (a token copied once cannot be replayed for
// ever). Rate limits per address (lib/rate-limit.ts) do the rest.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Signer } from "./signing/keyring.ts";

export type FormTokenVerdict = { ok: true } | { ok: false; reason: "missing" | "forged" | "too_fast" | "expired" };

export interface FormTokenRules {
  /** A post sooner than this after the form was shown is refused. */
  minAgeMs: number;
  /** A post later than this is refused: the form is shown again with a new token. */
  maxAgeMs: number;
}

const TOKEN = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/;

function mac(key: Uint8Array, purpose: string, issuedAt: number): string {
  return createHmac("sha256", key).update(`${purpose}\n${issuedAt}`).digest("base64url");
}

/** The token for a form shown now: "<ms>.<hmac>". `purpose` keeps one form's token from another's. */
export function issueFormToken(key: Uint8Array, purpose: string, now: Date): string {
  const at = now.getTime();
  return `${at}.${mac(key, purpose, at)}`;
}

export function checkFormToken(key: Uint8Array, purpose: string, token: string | undefined, now: Date, rules: FormTokenRules): FormTokenVerdict {
  if (!token) return { ok: false, reason: "missing" };
  const m = TOKEN.exec(token);
  if (!m) return { ok: false, reason: "forged" };
  const at = Number(m[1]);
  const expected = Buffer.from(mac(key, purpose, at));
  const given = Buffer.from(m[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "forged" };
  const age = now.getTime() - at;
  if (age < rules.minAgeMs) return { ok: false, reason: "too_fast" };
  if (age > rules.maxAgeMs) return { ok: false, reason: "expired" };
  return { ok: true };
}

const LABEL = new TextEncoder().encode("certportal form-token key v1");
const derived = new Map<string, Uint8Array>();

/**
 * The HMAC key, derived from the installation's signing key (lib/signing): its Ed25519 signature
 * over a fixed label, which is deterministic (RFC 8032), never published, and the same in every
 * process on the same DATA_DIR. A key rotation makes a new one: forms shown before it are shown
 * again with a new token, nothing worse.
 */
export function formTokenKey(signer: Pick<Signer, "signBytes" | "current">): Uint8Array {
  const cached = derived.get(signer.current().kid);
  if (cached) return cached;
  const { key, signature } = signer.signBytes(LABEL);
  derived.set(key.kid, signature);
  return signature;
}
