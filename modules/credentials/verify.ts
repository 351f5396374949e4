// /verifiera and POST /api/v1/verify: a credential file (.jwt) or a QR code's text checked the
// way any verifier would, each check said in words: Underskrift (the signature over the content),
// Utfärdare (signed by a key this issuer publishes), Giltighet (the dates), Status (the status
// lists for a credential, the register for a QR code). Nothing is stored; nothing changes.
import { compactVerify, decodeProtectedHeader } from "jose";
import { swedishDate } from "../../lib/dates.ts";
import { Invalid } from "../../lib/errors.ts";
import type { PublishedKey, RevokedKey } from "../../lib/signing/keyring.ts";
import { fromBase64Url, parseQrText, qrMessage, type SignedQr } from "../../lib/signing/qr-format.ts";
import { certificateAddress } from "../../lib/signing/qr-sign.ts";
import type { Deps } from "../deps.ts";
import { findCertificateByNumber } from "../verification/index.ts";
import { didDocumentPath, issuerDid } from "./issuer.ts";
import { parseStatusListUrl, readBit, signedStatusList } from "./status-list.ts";
import { t, labels } from "../../lib/i18n/index.ts";

export type CheckName = "signature" | "issuer" | "validity" | "status";

export const CHECK_LABELS: Record<CheckName, string> = labels({ signature: "check.signature", issuer: "check.issuer", validity: "check.validity", status: "check.status" });

export interface Check {
  name: CheckName;
  label: string;
  /** true: passed; false: failed; null: could not be checked. */
  ok: boolean | null;
  message: string;
}

/** What the credential or QR code says (whether it holds is what the checks tell). */
export interface Presented {
  number: string | null;
  version: number | null;
  holderName: string | null;
  scheme: string | null;
  area: string | null;
  validFrom: string | null;
  validUntil: string | null;
  issuer: { id: string | null; name: string | null };
}

export interface Verification {
  kind: "credential" | "qr";
  /** Every check passed. */
  verified: boolean;
  checks: Check[];
  presented: Presented;
}

type VerifyDeps = Pick<Deps, "config" | "signer" | "db" | "reads" | "clock">;

/** The most a credential file or QR text may be: ours are about 3 kB and 250 characters. */
export const MAX_PRESENTED_LENGTH = 65_536;

const FIELD = "underlag";

const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Throws Invalid (field "underlag") when the text is neither a credential nor a QR code's text. */
export async function verifyPresented(deps: VerifyDeps, input: string): Promise<Verification> {
  const text = input.trim();
  if (text === "") throw new Invalid({ [FIELD]: t("check.err.empty") });
  if (text.length > MAX_PRESENTED_LENGTH) throw new Invalid({ [FIELD]: t("check.err.tooLong") });
  const jwt = JWS.test(text) ? text : envelopedJwt(text);
  if (jwt) return verifyCredential(deps, jwt);
  const qr = parseQrText(text);
  if (qr) return verifyQr(deps, qr);
  if (/\/c\/\d+\s*$/.test(text)) throw new Invalid({ [FIELD]: "QR-koden har ingen underskrift (certifikatet skrevs ut före digitala underskrifter). Öppna adressen för att se certifikatets status i registret." });
  throw new Invalid({ [FIELD]: t("check.err.neither", deps.config.org.name) });
}

/** A credential wrapped as JSON: {"type": "EnvelopedVerifiableCredential", "id": "data:application/vc+jwt,…"}. */
function envelopedJwt(text: string): string | null {
  if (!text.startsWith("{")) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Invalid({ [FIELD]: t("check.err.json") });
  }
  const id = obj(json)?.id;
  if (typeof id !== "string") throw new Invalid({ [FIELD]: t("check.err.jsonNotOurs") });
  const m = /^data:application\/vc\+jwt,([A-Za-z0-9_.-]+)$/.exec(id);
  if (m && JWS.test(m[1]!)) return m[1]!;
  throw new Invalid({ [FIELD]: t("check.err.jsonNotOurs") });
}

// ---------------------------------------------------------------------------------------------
// A credential (VC-JOSE-COSE)

async function verifyCredential(deps: VerifyDeps, jwt: string): Promise<Verification> {
  const { config, signer } = deps;
  let header: ReturnType<typeof decodeProtectedHeader>;
  let payload: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(jwt);
    const bytes = fromBase64Url(jwt.split(".")[1]!);
    payload = obj(JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes!)))!;
    if (!payload) throw new Error("not an object");
  } catch {
    throw new Invalid({ [FIELD]: t("check.err.unreadable") });
  }
  const did = issuerDid(config.publicUrl);
  const subject = obj(payload.credentialSubject);
  const achievement = obj(subject?.achievement);
  const issuerObj = obj(payload.issuer);
  const issuerId = str(payload.issuer) ?? str(issuerObj?.id);
  const validFrom = str(payload.validFrom);
  const validUntil = str(payload.validUntil);
  const presented: Presented = {
    number: str(subject?.certificateNumber),
    version: typeof subject?.certificateVersion === "number" ? subject.certificateVersion : null,
    holderName: str(subject?.name) ?? nameFromIdentifier(subject?.identifier),
    scheme: str(achievement?.name),
    area: str(achievement?.fieldOfStudy),
    validFrom: dateOf(validFrom),
    validUntil: dateOf(validUntil),
    issuer: { id: issuerId, name: str(issuerObj?.name) },
  };

  // Utfärdare: our DID, and a key our DID document publishes.
  const kid = str(header.kid) ?? "";
  let key: PublishedKey | null = null;
  let revoked: RevokedKey | null = null;
  let issuer: Check;
  if (issuerId !== did || !kid.startsWith(`${did}#`)) {
    issuer = fail("issuer", t("check.issuer.other", issuerId ?? t("check.issuer.unknown"), config.org.name, did));
  } else {
    const fragment = kid.slice(did.length + 1);
    key = signer.keys().find((k) => k.kid === fragment) ?? null;
    revoked = key ? null : signer.findRevoked(fragment);
    issuer = key
      ? pass("issuer", t("check.issuer.ok", config.org.name, did, fragment.slice(0, 8), key.current))
      : revoked
        ? fail("issuer", revokedKeyMessage(deps, revoked))
        : fail("issuer", t("check.issuer.noKeyAt", fragment.slice(0, 8) || t("check.missing"), config.org.name, new URL(didDocumentPath(config.publicUrl), config.publicUrl).toString()));
  }

  // Underskrift: over the exact bytes of header and content.
  let signature: Check;
  if (revoked) signature = unknown("signature", t("check.signature.revokedKey"));
  else if (!key) signature = unknown("signature", t("check.signature.unknownKey"));
  else if (header.alg !== "EdDSA") signature = fail("signature", t("check.signature.alg", String(header.alg)));
  else {
    const ok = await compactVerify(jwt, signer.publicKeyObject(key), { algorithms: ["EdDSA"] }).then(
      () => true,
      () => false,
    );
    signature = ok
      ? pass("signature", t("check.signature.ok"))
      : fail("signature", t("check.signature.bad"));
  }

  return {
    kind: "credential",
    presented,
    ...done([issuer, signature, validity(deps, validFrom, validUntil), await listStatus(deps, payload.credentialStatus)]),
  };
}

function validity(deps: VerifyDeps, validFrom: string | null, validUntil: string | null): Check {
  const now = deps.clock.now().getTime();
  const from = validFrom ? Date.parse(validFrom) : Number.NaN;
  const until = validUntil ? Date.parse(validUntil) : null;
  if (Number.isNaN(from) || (until !== null && Number.isNaN(until))) return fail("validity", t("check.validity.unreadable"));
  const fromDate = swedishDate(new Date(from));
  if (now < from) return fail("validity", t("check.validity.notYet", fromDate));
  if (until !== null && now > until) return fail("validity", t("check.validity.expired", swedishDate(new Date(until))));
  return pass("validity", until === null ? t("check.validity.fromOn", fromDate) : t("check.validity.fromTo", fromDate, swedishDate(new Date(until))));
}

/** Status: each BitstringStatusListEntry read from our signed list. */
async function listStatus(deps: VerifyDeps, credentialStatus: unknown): Promise<Check> {
  const entries = (Array.isArray(credentialStatus) ? credentialStatus : [credentialStatus]).map(obj).filter((e) => e !== null);
  if (entries.length === 0) return unknown("status", t("check.status.noList"));
  const set: string[] = [];
  for (const entry of entries) {
    const url = str(entry.statusListCredential) ?? "";
    const where = parseStatusListUrl(deps.config.publicUrl, url);
    const index = Number(str(entry.statusListIndex) ?? Number.NaN);
    if (entry.type !== "BitstringStatusListEntry" || !where || where.purpose !== entry.statusPurpose || !Number.isSafeInteger(index)) {
      return unknown("status", t("check.status.notOurs", url || t("check.missing"), deps.config.org.name));
    }
    const list = await signedStatusList(deps, where.list, where.purpose);
    const bit = list ? await bitFromList(deps, list.jwt, where.purpose, index) : null;
    if (bit === null) return fail("status", t("check.status.unreadable", url));
    if (bit) set.push(where.purpose);
  }
  if (set.includes("revocation")) return fail("status", t("check.status.revoked"));
  if (set.includes("suspension")) return fail("status", t("check.status.suspended"));
  return pass("status", t("check.status.ok"));
}

/** The bit, read as a verifier would: from the signed list, after checking its signature. */
async function bitFromList(deps: VerifyDeps, jwt: string, purpose: string, index: number): Promise<boolean | null> {
  const kid = str(decodeProtectedHeader(jwt).kid) ?? "";
  const key = deps.signer.keys().find((k) => kid.endsWith(`#${k.kid}`));
  if (!key) return null;
  const { payload } = await compactVerify(jwt, deps.signer.publicKeyObject(key), { algorithms: ["EdDSA"] });
  const subject = obj(obj(JSON.parse(new TextDecoder().decode(payload)))?.credentialSubject);
  const encoded = str(subject?.encodedList);
  if (!encoded || subject?.statusPurpose !== purpose) return null;
  return readBit(encoded, index);
}

// ---------------------------------------------------------------------------------------------
// A QR code (lib/signing/qr-format.ts)

async function verifyQr(deps: VerifyDeps, qr: SignedQr): Promise<Verification> {
  const { config, signer } = deps;
  const f = qr.fields;
  const presented: Presented = { number: String(f.number), version: f.version, holderName: f.name, scheme: f.scheme, area: null, validFrom: null, validUntil: f.validUntil, issuer: { id: null, name: null } };
  const expected = certificateAddress(config.publicUrl, f.number);
  let issuer: Check;
  let key: PublishedKey | null = null;
  let revoked: RevokedKey | null = null;
  if (qr.address !== expected) {
    issuer = fail("issuer", t("check.qr.address", qr.address, config.org.name, config.publicUrl));
  } else {
    key = signer.find(qr.kidPrefix);
    revoked = key ? null : signer.findRevoked(qr.kidPrefix);
    issuer = key
      ? pass("issuer", t("check.issuer.ok", config.org.name, issuerDid(config.publicUrl), qr.kidPrefix, key.current))
      : revoked
        ? fail("issuer", revokedKeyMessage(deps, revoked))
        : fail("issuer", t("check.issuer.noKey", qr.kidPrefix, config.org.name));
  }
  if (key) presented.issuer = { id: issuerDid(config.publicUrl), name: config.org.name };
  const signature = revoked
    ? unknown("signature", t("check.signature.revokedKey"))
    : !key
    ? unknown("signature", t("check.qr.unknownKey"))
    : signer.verifyBytes(key, qrMessage(qr.address, f), qr.signature)
      ? pass("signature", t("check.qr.signatureOk"))
      : fail("signature", t("check.qr.signatureBad"));
  const today = swedishDate(deps.clock.now());
  const validity = f.validUntil === null ? pass("validity", t("check.qr.untilFurther")) : f.validUntil < today ? fail("validity", t("check.validity.expired", f.validUntil)) : pass("validity", t("check.qr.validUntil", f.validUntil));

  let status: Check;
  const live = qr.address === expected ? await findCertificateByNumber(deps.reads, f.number, today, { name: config.org.name }) : null;
  if (!live) status = qr.address === expected ? fail("status", t("check.qr.notInRegister")) : unknown("status", t("check.qr.registerUnknown"));
  else {
    const newer = live.version > f.version ? ` ${t("check.qr.replaced", f.version, live.version)}` : "";
    status = live.status === "active" ? pass("status", `${t("check.qr.active", today)}${newer}`) : fail("status", `${t("check.qr.notActive", live.statusLabel, today)}${newer}`);
  }
  return { kind: "qr", presented, ...done([issuer, signature, validity, status]) };
}

/** Utfärdare for a key taken out of use (keys:revoke): when, and what to do instead. */
function revokedKeyMessage(deps: VerifyDeps, key: RevokedKey): string {
  const when = Number.isNaN(Date.parse(key.revokedAt)) ? "?" : swedishDate(new Date(key.revokedAt));
  return t("check.issuer.revoked", key.kid.slice(0, 8), deps.config.org.name, when);
}

// ---------------------------------------------------------------------------------------------

const ORDER: CheckName[] = ["signature", "issuer", "validity", "status"];

function done(checks: Check[]): { verified: boolean; checks: Check[] } {
  const sorted = [...checks].sort((a, b) => ORDER.indexOf(a.name) - ORDER.indexOf(b.name));
  return { verified: sorted.every((c) => c.ok === true), checks: sorted };
}

const pass = (name: CheckName, message: string): Check => ({ name, label: CHECK_LABELS[name], ok: true, message });
const fail = (name: CheckName, message: string): Check => ({ name, label: CHECK_LABELS[name], ok: false, message });
const unknown = (name: CheckName, message: string): Check => ({ name, label: CHECK_LABELS[name], ok: null, message });

function obj(v: unknown): Record<string, unknown> | null {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function str(v: unknown): string | null {
  return typeof v === "string" && v.length <= 1000 ? v : null;
}

function nameFromIdentifier(identifier: unknown): string | null {
  if (!Array.isArray(identifier)) return null;
  const named = identifier.map(obj).find((i) => i?.identityType === "name" && i.hashed === false);
  return str(named?.identityHash);
}

/** An instant as the Swedish date it falls on, or null. */
function dateOf(instant: string | null): string | null {
  if (!instant) return null;
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? null : swedishDate(new Date(ms));
}
