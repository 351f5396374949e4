import { copyFileSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ed25519 } from "@noble/curves/ed25519.js";
import { calculateJwkThumbprint, compactVerify, importJWK } from "jose";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Invalid } from "../errors.ts";
import { ensureKeyFile, fileSigner, revokeKeyFile, rotateKeyFiles } from "./keyring.ts";
import { fromBase64Url } from "./qr-format.ts";

let dir: string;
beforeEach(async () => {
  dir = path.join(await mkdtemp(path.join(tmpdir(), "certportal-keys-")), "keys");
});
afterEach(() => rm(path.dirname(dir), { recursive: true, force: true }));

const now = new Date("2026-03-15T09:00:00Z");
const bytes = new TextEncoder().encode("Certifikat 10001");

describe("the signing keys in DATA_DIR/keys", () => {
  it("makes one Ed25519 key at first start, readable by the owner alone, and none the next time", async () => {
    const kid = await ensureKeyFile(dir, now);
    expect(kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await ensureKeyFile(dir, now)).toBeNull();
    const files = readdirSync(dir);
    expect(files).toEqual([expect.stringMatching(/^ed25519-0001-[A-Za-z0-9_-]{16}\.jwk$/)]);
    expect(statSync(path.join(dir, files[0]!)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const stored = JSON.parse(readFileSync(path.join(dir, files[0]!), "utf8"));
    expect(stored).toMatchObject({ kty: "OKP", crv: "Ed25519", kid });
    // The kid is the RFC 7638 thumbprint of the public key.
    expect(await calculateJwkThumbprint({ kty: "OKP", crv: "Ed25519", x: stored.x })).toBe(kid);
    const signer = fileSigner(dir);
    expect(signer.keys()).toEqual([expect.objectContaining({ kid, current: true, seq: 1, jwk: { kty: "OKP", crv: "Ed25519", x: stored.x } })]);
    expect(JSON.stringify(signer.keys())).not.toContain(stored.d);
  });

  it("signs with the current key, and another library checks the signature", async () => {
    await ensureKeyFile(dir, now);
    const signer = fileSigner(dir);
    const { key, signature } = signer.signBytes(bytes);
    expect(ed25519.verify(signature, bytes, fromBase64Url(key.jwk.x)!)).toBe(true);
    expect(signer.verifyBytes(key, bytes, signature)).toBe(true);
    expect(signer.verifyBytes(key, new TextEncoder().encode("Certifikat 10002"), signature)).toBe(false);
    const jws = await signer.signJws(bytes, { typ: "vc+jwt", kid: (k) => `did:web:example.org#${k.kid}` });
    const checked = await compactVerify(jws, await importJWK({ ...key.jwk }, "EdDSA"));
    expect(checked.protectedHeader).toEqual({ alg: "EdDSA", typ: "vc+jwt", kid: `did:web:example.org#${key.kid}` });
  });

  it("rotates: a new current key, the old one's public half kept (and published), its private half gone", async () => {
    const first = (await ensureKeyFile(dir, now))!;
    const signer = fileSigner(dir);
    const before = signer.signBytes(bytes);
    const rotated = await rotateKeyFiles(dir, now);
    expect(rotated.retired).toEqual([first]);
    expect(readdirSync(dir).sort()).toEqual([expect.stringMatching(/^ed25519-0001-.{16}\.public\.jwk$/), expect.stringMatching(/^ed25519-0002-.{16}\.jwk$/)]);
    const retiredFile = readdirSync(dir).find((f) => f.endsWith(".public.jwk"))!;
    expect(JSON.parse(readFileSync(path.join(dir, retiredFile), "utf8")).d).toBeUndefined();
    // The running signer (another process, say) sees the rotation at its next use.
    expect(signer.current().kid).toBe(rotated.kid);
    expect(signer.keys().map((k) => [k.kid, k.current])).toEqual([
      [rotated.kid, true],
      [first, false],
    ]);
    // What the old key signed still checks; the prefix a QR code carries finds it.
    expect(signer.verifyBytes(signer.find(first.slice(0, 8))!, bytes, before.signature)).toBe(true);
    expect(signer.signBytes(bytes).key.kid).toBe(rotated.kid);
    const third = await rotateKeyFiles(dir, now);
    expect(fileSigner(dir).keys().map((k) => k.kid)).toEqual([third.kid, rotated.kid, first]);
  });

  it("finds a key only by its kid or a prefix of at least 8 characters", async () => {
    const kid = (await ensureKeyFile(dir, now))!;
    const signer = fileSigner(dir);
    expect(signer.find(kid)?.kid).toBe(kid);
    expect(signer.find(kid.slice(0, 8))?.kid).toBe(kid);
    expect(signer.find(kid.slice(0, 7))).toBeNull();
    expect(signer.find("AAAAAAAAAAAA")).toBeNull();
  });
});

describe("a signer told when the database changed", () => {
  it("looks at the folder again when the generation changes (a rotation records its Event after its files), not before", async () => {
    await ensureKeyFile(dir, now);
    let generation = 1;
    const signer = fileSigner(dir, () => generation);
    const first = signer.current().kid;
    // Another process rotates: the files first…
    const { kid } = await rotateKeyFiles(dir, now);
    // …and until its Event commits, the database (and so the generation) is as it was.
    expect(signer.current().kid).toBe(first);
    generation = 2;
    expect(signer.current().kid).toBe(kid);
    expect(signer.keys().map((k) => k.kid)).toEqual([kid, first]);
  });

  it("looks at the folder every time without a generation (a libSQL server: no data_version)", async () => {
    await ensureKeyFile(dir, now);
    const signer = fileSigner(dir, () => null);
    const first = signer.current().kid;
    const { kid } = await rotateKeyFiles(dir, now);
    expect(kid).not.toBe(first);
    expect(signer.current().kid).toBe(kid);
  });
});

describe("keys:revoke", () => {
  const later = new Date("2026-04-01T10:00:00Z");

  it("takes a retired key out of use: no longer published, kept as revoked with its day, nothing it signed checks", async () => {
    const first = (await ensureKeyFile(dir, now))!;
    const signer = fileSigner(dir);
    const before = signer.signBytes(bytes);
    const { kid: second } = await rotateKeyFiles(dir, now);
    expect(await revokeKeyFile(dir, first.slice(0, 8), later)).toEqual({ kid: first, newCurrent: null });
    expect(readdirSync(dir).sort()).toEqual([expect.stringMatching(/^ed25519-0001-.{16}\.revoked\.jwk$/), expect.stringMatching(/^ed25519-0002-.{16}\.jwk$/)]);
    const revokedFile = JSON.parse(readFileSync(path.join(dir, readdirSync(dir).find((f) => f.endsWith(".revoked.jwk"))!), "utf8"));
    expect(revokedFile).toMatchObject({ kid: first, revoked: later.toISOString() });
    expect(revokedFile.d).toBeUndefined();
    // The running signer sees it at its next use.
    expect(signer.keys().map((k) => k.kid)).toEqual([second]);
    expect(signer.revoked()).toEqual([{ kid: first, seq: 1, revokedAt: later.toISOString() }]);
    expect(signer.find(first.slice(0, 8))).toBeNull();
    expect(signer.findRevoked(first.slice(0, 8))?.kid).toBe(first);
    expect(signer.findRevoked(second)).toBeNull();
    expect(before.key.kid).toBe(first);
    expect(signer.signBytes(bytes).key.kid).toBe(second);
  });

  it("replaces the current key first when it is the one revoked, so there is always a key to sign with", async () => {
    const first = (await ensureKeyFile(dir, now))!;
    const signer = fileSigner(dir);
    const { kid, newCurrent } = await revokeKeyFile(dir, first, later);
    expect(kid).toBe(first);
    expect(newCurrent).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signer.current().kid).toBe(newCurrent);
    expect(signer.keys().map((k) => k.kid)).toEqual([newCurrent]);
    // No private half of the revoked key is left anywhere.
    expect(readdirSync(dir).filter((f) => f.includes(first.slice(0, 16)))).toEqual([expect.stringMatching(/\.revoked\.jwk$/)]);
    expect(signer.signBytes(bytes).key.kid).toBe(newCurrent);
  });

  it("refuses, in Swedish, a key that is not there, one already revoked and an id too short to be sure of", async () => {
    const first = (await ensureKeyFile(dir, now))!;
    const refused = async (kid: string) => {
      const e = await revokeKeyFile(dir, kid, later).then(() => null, (err: unknown) => err);
      expect(e, kid).toBeInstanceOf(Invalid);
      return Object.values((e as Invalid).fields)[0]!;
    };
    expect(await refused("AAAAAAAAAAAA")).toContain("Ingen signeringsnyckel AAAAAAAAAAAA");
    expect(await refused(first.slice(0, 7))).toContain("minst dess 8 första tecken");
    expect(await refused("../../etc/passwd")).toContain("minst dess 8 första tecken");
    await revokeKeyFile(dir, first, later);
    expect(await refused(first)).toContain("är redan spärrad");
    expect(fileSigner(dir).keys()).toHaveLength(1);
  });

  it("counts a key as revoked when a crash left its old file beside the revoked one", async () => {
    const first = (await ensureKeyFile(dir, now))!;
    await rotateKeyFiles(dir, now);
    const retired = readdirSync(dir).find((f) => f.endsWith(".public.jwk"))!;
    copyFileSync(path.join(dir, retired), path.join(dir, `${retired}.kept`));
    await revokeKeyFile(dir, first, later);
    // As if the removal after writing the revoked file never happened.
    copyFileSync(path.join(dir, `${retired}.kept`), path.join(dir, retired));
    const signer = fileSigner(dir);
    expect(signer.keys().map((k) => k.kid)).not.toContain(first);
    expect(signer.revoked().map((k) => k.kid)).toEqual([first]);
  });
});
