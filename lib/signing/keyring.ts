// The installation's Ed25519 signing keys, one file each in $DATA_DIR/keys/ (docs/decisions/019):
//
//   ed25519-0001-<kid>.jwk          a private key (mode 600); the highest number is the current one
//   ed25519-0001-<kid>.public.jwk   a retired key: only its public half is kept, still published
//   ed25519-0001-<kid>.revoked.jwk  a revoked key (keys:revoke): its public half and when, no longer
//                                   published; what it signed no longer verifies
//
// Files are written once and never changed (a rotation adds a file, then retires the old private
// key by writing its public half and removing it; a revocation writes the revoked file, then
// removes the key's other file), so a backup copying the folder file by file
// never sees one half-written, and several processes on one DATA_DIR agree on the current key by
// reading the folder. Each process looks at the folder's mtime before using the keys and reads it
// again when it changed: `keys:rotate` from the CLI reaches a running server at its next request.
//
// The cryptography is Node's (OpenSSL) and jose's; nothing here signs by hand.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { calculateJwkThumbprint, CompactSign } from "jose";
import { Invalid } from "../errors.ts";

/** An Ed25519 public key as a JWK (RFC 8037). */
export interface PublicJwk {
  kty: "OKP";
  crv: "Ed25519";
  x: string;
}

export interface PublishedKey {
  /** The RFC 7638 thumbprint of the public key (base64url, 43 characters). */
  kid: string;
  /** Its place in the order of keys made: 1 for the first, one more per rotation. */
  seq: number;
  jwk: PublicJwk;
  createdAt: string;
  /** Whether new signatures are made with it (exactly one key is current). */
  current: boolean;
}

/** A key taken out of use (keys:revoke): no longer published, and nothing it signed verifies. */
export interface RevokedKey {
  kid: string;
  seq: number;
  /** When it was revoked (ISO 8601). */
  revokedAt: string;
}

export interface Signer {
  /** Every key made here and not revoked, newest first: the current one and the retired ones still published. */
  keys(): PublishedKey[];
  /** The revoked keys, newest first (the same array until the folder changes, as keys()). */
  revoked(): RevokedKey[];
  /** The revoked key with this thumbprint (or a prefix of it, at least 8 characters), or null. */
  findRevoked(kidOrPrefix: string): RevokedKey | null;
  current(): PublishedKey;
  /** The public key with this thumbprint (or a prefix of it, at least 8 characters), or null. */
  find(kidOrPrefix: string): PublishedKey | null;
  /** A JWS in compact form over the payload bytes with the current key (alg EdDSA), `kid` set by the caller. */
  signJws(payload: Uint8Array, header: { typ: string; cty?: string; kid: (key: PublishedKey) => string }): Promise<string>;
  /** A plain Ed25519 signature over the bytes, with the key that made it. */
  signBytes(bytes: Uint8Array): { key: PublishedKey; signature: Uint8Array };
  /** Checks a plain Ed25519 signature with a published key. */
  verifyBytes(key: PublishedKey, bytes: Uint8Array, signature: Uint8Array): boolean;
  /** The public key as a KeyObject, for jose's verify functions. */
  publicKeyObject(key: PublishedKey): KeyObject;
}

const FILE = /^ed25519-(\d{4,})-([A-Za-z0-9_-]{16})(\.public|\.revoked)?\.jwk$/;

interface KeyFile {
  name: string;
  seq: number;
  private: boolean;
  revoked: boolean;
}

interface Loaded {
  stamp: number;
  keys: PublishedKey[];
  revoked: RevokedKey[];
  privateKey: KeyObject;
  publicObjects: Map<string, KeyObject>;
}

function keyFiles(dir: string): KeyFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  const files: KeyFile[] = [];
  for (const name of names) {
    const m = FILE.exec(name);
    if (m) files.push({ name, seq: Number(m[1]), private: !m[3], revoked: m[3] === ".revoked" });
  }
  return files.sort((a, b) => b.seq - a.seq || Number(a.private) - Number(b.private));
}

function writeOnce(file: string, text: string, mode: number): void {
  // "wx": never over an existing file; synced before the folder entry is relied on.
  const fd = openSync(file, "wx", mode);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncDir(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

interface StoredKey extends PublicJwk {
  d?: string;
  kid: string;
  created: string;
  /** In a .revoked.jwk file: when it was revoked. */
  revoked?: string;
}

function readKey(dir: string, name: string): StoredKey {
  const key = JSON.parse(readFileSync(path.join(dir, name), "utf8")) as StoredKey;
  if (key.kty !== "OKP" || key.crv !== "Ed25519" || typeof key.x !== "string" || typeof key.kid !== "string") throw new Error(`keys/${name} är inte en Ed25519-nyckel`);
  return key;
}

async function makeKey(dir: string, seq: number, now: Date): Promise<string> {
  const { privateKey } = generateKeyPairSync("ed25519");
  const jwk = privateKey.export({ format: "jwk" }) as { kty: "OKP"; crv: "Ed25519"; x: string; d: string };
  const kid = await calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }, "sha256");
  const name = `ed25519-${String(seq).padStart(4, "0")}-${kid.slice(0, 16)}.jwk`;
  const stored: StoredKey = { kty: "OKP", crv: "Ed25519", x: jwk.x, d: jwk.d, kid, created: now.toISOString() };
  writeOnce(path.join(dir, name), `${JSON.stringify(stored)}\n`, 0o600);
  return name;
}

/**
 * Makes the first key when the folder has none (at first start); its kid, or null when there was one. Two processes starting at once
 * may each make one; both are then published and the higher number is current for both.
 */
export async function ensureKeyFile(dir: string, now: Date): Promise<string | null> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (keyFiles(dir).some((f) => f.private)) return null;
  const seq = (keyFiles(dir)[0]?.seq ?? 0) + 1;
  const name = await makeKey(dir, seq, now);
  syncDir(dir);
  return readKey(dir, name).kid;
}

/**
 * `npm run cli -- keys:rotate`: a new current key; every older private key is retired (its public
 * half kept and still published, so what it signed still verifies; the private half removed).
 */
export async function rotateKeyFiles(dir: string, now: Date): Promise<{ kid: string; retired: string[] }> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const before = keyFiles(dir);
  const seq = (before[0]?.seq ?? 0) + 1;
  const name = await makeKey(dir, seq, now);
  syncDir(dir);
  const retired: string[] = [];
  for (const f of before.filter((f) => f.private)) {
    const { d: _secret, ...publicHalf } = readKey(dir, f.name);
    const publicName = f.name.replace(/\.jwk$/, ".public.jwk");
    if (!keyFiles(dir).some((k) => k.name === publicName)) writeOnce(path.join(dir, publicName), `${JSON.stringify(publicHalf)}\n`, 0o644);
    syncDir(dir);
    unlinkSync(path.join(dir, f.name));
    retired.push(publicHalf.kid);
  }
  syncDir(dir);
  return { kid: readKey(dir, name).kid, retired };
}

/**
 * `npm run cli -- keys:revoke KID`: the key (its thumbprint, or a prefix of at least 8
 * characters) is no longer published, and nothing it signed verifies: for a key that may have
 * leaked. The revoked file is written first, then the key's other file removed. Revoking the
 * current key first makes a new current one (as keys:rotate), so there is always a key to sign with.
 */
export async function revokeKeyFile(dir: string, kidOrPrefix: string, now: Date): Promise<{ kid: string; newCurrent: string | null }> {
  const wanted = kidOrPrefix.trim();
  if (!/^[A-Za-z0-9_-]{8,43}$/.test(wanted)) throw notFound(`Ange nyckelns id (kid), eller minst dess 8 första tecken, som det står i /.well-known/did.json: inte "${wanted}".`);
  // Each file read once: the key files that hold this kid (or prefix).
  const matching = () => keyFiles(dir).flatMap((f) => {
    const stored = readKey(dir, f.name);
    return stored.kid.startsWith(wanted) ? [{ ...f, stored }] : [];
  });
  const matches = matching();
  const kids = new Set(matches.map((m) => m.stored.kid));
  if (kids.size === 0) throw notFound(`Ingen signeringsnyckel ${wanted} finns i ${dir}.`);
  if (kids.size > 1) throw notFound(`${wanted} passar flera nycklar: ange fler tecken av id:t.`);
  const already = matches.find((m) => m.revoked);
  if (already) throw notFound(`Nyckeln ${already.stored.kid} är redan spärrad (${already.stored.revoked}).`);
  let newCurrent: string | null = null;
  if (matches.some((m) => m.private)) newCurrent = (await rotateKeyFiles(dir, now)).kid;
  // After a rotation the key is a retired one: its public file.
  const live = newCurrent ? matching() : matches;
  const { d: _secret, ...publicHalf } = live[0]!.stored;
  const revokedName = live[0]!.name.replace(/(\.public)?\.jwk$/, ".revoked.jwk");
  writeOnce(path.join(dir, revokedName), `${JSON.stringify({ ...publicHalf, revoked: now.toISOString() })}\n`, 0o644);
  syncDir(dir);
  for (const f of live) unlinkSync(path.join(dir, f.name));
  syncDir(dir);
  return { kid: publicHalf.kid, newCurrent };
}

/** keys:revoke was given a key that is not there (or is already revoked): said to the person at the command line. */
const notFound = (message: string) => new Invalid({ kid: message });

function load(dir: string, stamp: number): Loaded {
  const files = keyFiles(dir);
  const revokedKids = new Set<string>();
  const revoked: RevokedKey[] = [];
  for (const f of files.filter((f) => f.revoked)) {
    const stored = readKey(dir, f.name);
    if (revokedKids.has(stored.kid)) continue;
    revokedKids.add(stored.kid);
    revoked.push({ kid: stored.kid, seq: f.seq, revokedAt: stored.revoked ?? "" });
  }
  // A revocation caught between writing its file and removing the key's: the key is revoked.
  const currentFile = files.find((f) => f.private && !revokedKids.has(readKey(dir, f.name).kid));
  if (!currentFile) throw new Error(`Ingen signeringsnyckel i ${dir}: servern skapar en vid start (eller kör npm run cli -- keys:rotate).`);
  const seen = new Set<string>(revokedKids);
  const keys: PublishedKey[] = [];
  const publicObjects = new Map<string, KeyObject>();
  let privateKey: KeyObject | null = null;
  for (const f of files) {
    if (f.revoked) continue;
    const stored = readKey(dir, f.name);
    if (seen.has(stored.kid)) continue;
    seen.add(stored.kid);
    const jwk: PublicJwk = { kty: "OKP", crv: "Ed25519", x: stored.x };
    const current = f === currentFile;
    if (current) privateKey = createPrivateKey({ key: { ...jwk, d: stored.d! }, format: "jwk" });
    publicObjects.set(stored.kid, createPublicKey({ key: { ...jwk }, format: "jwk" }));
    keys.push({ kid: stored.kid, seq: f.seq, jwk, createdAt: stored.created, current });
  }
  return { stamp, keys, revoked, privateKey: privateKey!, publicObjects };
}

/**
 * The keys in `dir`. `unchanged`, when given, is a generation that changes whenever a key may have
 * changed (the database's data_version: a rotation records its Event after writing its files);
 * while it stays the same the folder is not looked at, for up to five seconds. A stat of the
 * folder per /c/{number} page was a tenth of that page's CPU.
 */
export function fileSigner(dir: string, unchanged?: () => number | null): Signer {
  let loaded: Loaded | null = null;
  let loadedAt = 0;
  let generation: number | null = null;
  const state = (): Loaded => {
    const g = unchanged?.() ?? null;
    const fresh = performance.now() - loadedAt <= 5000;
    if (loaded && g !== null && g === generation && fresh) return loaded;
    const stamp = statSync(dir).mtimeMs;
    // Also every few seconds: a folder changed twice within the file system's clock tick keeps its mtime.
    if (!loaded || loaded.stamp !== stamp || !fresh) {
      loaded = load(dir, stamp);
      loadedAt = performance.now();
    }
    generation = g;
    return loaded;
  };
  const current = () => state().keys.find((k) => k.current)!;
  return {
    keys: () => state().keys,
    revoked: () => state().revoked,
    findRevoked(kidOrPrefix) {
      if (kidOrPrefix.length < 8) return null;
      return state().revoked.find((k) => k.kid === kidOrPrefix || k.kid.startsWith(kidOrPrefix)) ?? null;
    },
    current,
    find(kidOrPrefix) {
      if (kidOrPrefix.length < 8) return null;
      return state().keys.find((k) => k.kid === kidOrPrefix || k.kid.startsWith(kidOrPrefix)) ?? null;
    },
    async signJws(payload, header) {
      const s = state();
      const key = s.keys.find((k) => k.current)!;
      return new CompactSign(payload).setProtectedHeader({ alg: "EdDSA", typ: header.typ, ...(header.cty ? { cty: header.cty } : {}), kid: header.kid(key) }).sign(s.privateKey);
    },
    signBytes(bytes) {
      const s = state();
      return { key: s.keys.find((k) => k.current)!, signature: new Uint8Array(sign(null, bytes, s.privateKey)) };
    },
    verifyBytes(key, bytes, signature) {
      const publicKey = state().publicObjects.get(key.kid);
      if (!publicKey || signature.length !== 64) return false;
      return verify(null, bytes, publicKey, signature);
    },
    publicKeyObject(key) {
      return state().publicObjects.get(key.kid)!;
    },
  };
}
