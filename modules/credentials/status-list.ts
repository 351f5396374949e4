// The W3C Bitstring Status Lists: for each list number a revocation list and a suspension list,
// each 131 072 bits (16 kB, gzipped to a few hundred bytes while sparse), published as signed
// BitstringStatusListCredentials at stable URLs. The bits live in credential_status_entries and
// follow certificates.status by triggers in the statement that changes it (migration 0011); the
// list's version, bumped by the same triggers, is the published ETag. See docs/decisions/019.
import { gunzipSync, gzipSync } from "node:zlib";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { credentialStatusEntries, statusLists } from "../../db/schema/index.ts";
import type { Config } from "../../lib/config.ts";
import { etagOf } from "../../lib/etag.ts";
import type { Signer } from "../../lib/signing/keyring.ts";
import { fromBase64Url, toBase64Url } from "../../lib/signing/qr-format.ts";
import type { Deps } from "../deps.ts";
import { issuerDid, keyId } from "./issuer.ts";

export const STATUS_PURPOSES = ["revocation", "suspension"] as const;
export type StatusPurpose = (typeof STATUS_PURPOSES)[number];

export const isStatusPurpose = (s: string): s is StatusPurpose => (STATUS_PURPOSES as readonly string[]).includes(s);

export function statusListUrl(publicUrl: string, list: number, purpose: StatusPurpose): string {
  return `${publicUrl}/api/v1/status-lists/${list}/${purpose}`;
}

/** The list URL back to its number and purpose, when it is one of ours. */
export function parseStatusListUrl(publicUrl: string, url: string): { list: number; purpose: StatusPurpose } | null {
  const prefix = `${publicUrl}/api/v1/status-lists/`;
  if (!url.startsWith(prefix)) return null;
  const m = /^([1-9]\d{0,8})\/(revocation|suspension)$/.exec(url.slice(prefix.length));
  return m ? { list: Number(m[1]), purpose: m[2] as StatusPurpose } : null;
}

/** A certificate number's place in the lists (every version shares it). */
export async function statusEntryOf(db: DbOrTx, certificateNumber: number): Promise<{ list: number; idx: number } | null> {
  const row = await db.select({ list: credentialStatusEntries.list, idx: credentialStatusEntries.idx }).from(credentialStatusEntries).where(eq(credentialStatusEntries.certificateNumber, certificateNumber)).get();
  return row ?? null;
}

/** The bitstring: bit i is the i-th bit from the left of the first byte on (the standard's order). */
export function encodeBitstring(size: number, setBits: Iterable<number>): string {
  const bytes = new Uint8Array(size / 8);
  for (const i of setBits) bytes[i >> 3]! |= 0x80 >> (i & 7);
  // Multibase base64url without padding ("u") of the GZIP-compressed bits.
  return `u${toBase64Url(gzipSync(bytes, { level: 9 }))}`;
}

/** The bit at `index` of an encodedList, or null when it cannot be read (or is out of range). */
export function readBit(encodedList: string, index: number): boolean | null {
  if (!encodedList.startsWith("u") || encodedList.length > 2_000_000) return null;
  const packed = fromBase64Url(encodedList.slice(1));
  if (!packed) return null;
  let bytes: Uint8Array;
  try {
    bytes = gunzipSync(packed, { maxOutputLength: 16 * 1024 * 1024 });
  } catch {
    return null;
  }
  if (!Number.isSafeInteger(index) || index < 0 || index >= bytes.length * 8) return null;
  return (bytes[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}

export function statusListCredential(config: Pick<Config, "publicUrl">, list: number, purpose: StatusPurpose, encodedList: string) {
  const url = statusListUrl(config.publicUrl, list, purpose);
  const did = issuerDid(config.publicUrl);
  return {
    "@context": ["https://www.w3.org/ns/credentials/v2"],
    id: url,
    type: ["VerifiableCredential", "BitstringStatusListCredential"],
    issuer: did,
    // No validFrom: the list is the same bytes in every process for one version and key, so its
    // ETag (the version) names exactly one body.
    credentialSubject: { id: `${url}#list`, type: "BitstringStatusList", statusPurpose: purpose, encodedList },
    iss: did,
  };
}

export interface SignedStatusList {
  jwt: string;
  /** Of the signed bytes: Ed25519 signatures are deterministic, so every process tags the same list alike. */
  etag: string;
}

const made = new WeakMap<Signer, Map<string, { version: number; kid: string; signed: SignedStatusList }>>();

/**
 * The list as a signed credential (VC-JOSE-COSE, application/vc+jwt), or null when there is no
 * such list. Kept per process while its version and the current key stay the same.
 */
export async function signedStatusList(deps: Pick<Deps, "db" | "config" | "signer">, list: number, purpose: StatusPurpose): Promise<SignedStatusList | null> {
  const head = await deps.db.select({ version: statusLists.version }).from(statusLists).where(eq(statusLists.list, list)).get();
  if (!head) return null;
  const kid = deps.signer.current().kid;
  let byList = made.get(deps.signer);
  if (!byList) made.set(deps.signer, (byList = new Map()));
  const key = `${list}/${purpose}`;
  const kept = byList.get(key);
  if (kept && kept.version === head.version && kept.kid === kid) return kept.signed;

  const bit = purpose === "revocation" ? credentialStatusEntries.revoked : credentialStatusEntries.suspended;
  // One transaction, so the bits are those of the version they are published under.
  const [lists, set] = await deps.db.batch([
    deps.db.select({ version: statusLists.version, size: statusLists.size }).from(statusLists).where(eq(statusLists.list, list)),
    deps.db.select({ idx: credentialStatusEntries.idx }).from(credentialStatusEntries).where(and(eq(credentialStatusEntries.list, list), eq(bit, true))),
  ]);
  const { version, size } = lists[0]!;
  const body = statusListCredential(deps.config, list, purpose, encodeBitstring(size, set.map((r) => r.idx)));
  const did = issuerDid(deps.config.publicUrl);
  const jwt = await deps.signer.signJws(new TextEncoder().encode(JSON.stringify(body)), { typ: "vc+jwt", cty: "vc", kid: (k) => keyId(did, k) });
  const signed = { jwt, etag: etagOf(jwt) };
  byList.set(key, { version, kid, signed });
  return signed;
}
