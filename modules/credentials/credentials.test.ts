// Issue 12, "Shown by tests": a credential verifies with an independent verifier (@noble/curves and
// plain JSON, not jose which signed it, keys taken from /.well-known/did.json as any verifier
// would); a tampered credential, one signed by an unknown key and one of a suspended certificate
// each fail the right check; after keys:rotate an old credential still verifies; no credential or
// list carries a personnummer, e-mail or birth date.
import { generateKeyPairSync } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { ed25519 } from "@noble/curves/ed25519.js";
import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { calculateJwkThumbprint, CompactSign } from "jose";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificates, events, mailOutbox } from "../../db/schema/index.ts";
import { fromBase64Url } from "../../lib/signing/qr-format.ts";
import { browserClient, startTestApp, TEST_ORIGIN, type TestApp } from "../../test/harness.ts";
import { logIn } from "../../test/fixtures.ts";
import { buildVerificationWorld, type VerificationWorld } from "../../test/verification-world.ts";
import { withdrawCertificate } from "../review/index.ts";
import { Invalid } from "../../lib/errors.ts";
import { signedQrText } from "../../lib/signing/qr-sign.ts";
import { getCertificate } from "../certificates/index.ts";
import { downloadCredential, revokeSigningKey, rotateSigningKey, verifyPresented, type Verification } from "./index.ts";

let t: TestApp;
let w: VerificationWorld;
const deps = () => t.runtime.deps;
const DID = "did:web:localhost%3A3000";

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-03-15T09:00:00Z"), env: { PUBLIC_RATE_LIMIT: "0" } });
  w = await buildVerificationWorld(deps());
});
afterAll(() => t.close());

const get = (p: string, headers: Record<string, string> = {}) => t.app.request(`${TEST_ORIGIN}${p}`, { headers });
const idOf = async (number: number) => (await deps().db.select({ id: certificates.id }).from(certificates).where(eq(certificates.number, number)).get())!.id;
const staff = () => w.dag;
const credentialOf = async (number: number) => (await downloadCredential(deps(), staff(), await idOf(number))).jwt;

async function verifyApi(body: unknown, contentType = "application/json"): Promise<Verification> {
  const res = await t.app.request(`${TEST_ORIGIN}/api/v1/verify`, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), headers: { "Content-Type": contentType } });
  expect(res.status).toBe(200);
  return (await res.json()) as Verification;
}
const checks = (v: Verification) => Object.fromEntries(v.checks.map((c) => [c.name, c.ok]));

const json = (b64: string) => JSON.parse(Buffer.from(b64, "base64url").toString("utf8"));

/**
 * A verifier that shares no code with the signer: did:web resolved over HTTP, the key chosen by
 * the header's kid, the JWS signature checked with @noble/curves over the exact bytes signed,
 * the dates compared, and every status list fetched, its own signature checked, gunzipped and
 * read at the entry's index (W3C Bitstring Status List, bit 0 = the first byte's highest bit).
 */
async function independentlyVerify(jwt: string, at: Date): Promise<{ signature: boolean; valid: boolean; revoked: boolean; suspended: boolean; credential: Record<string, any> }> {
  const didDoc = await (await get("/.well-known/did.json")).json();
  const checkJws = (token: string) => {
    const [h, p, s] = token.split(".") as [string, string, string];
    const header = json(h);
    expect(header.alg).toBe("EdDSA");
    const method = didDoc.verificationMethod.find((m: { id: string }) => m.id === header.kid);
    if (!method || !didDoc.assertionMethod.includes(header.kid)) return { ok: false, payload: json(p) };
    const ok = ed25519.verify(fromBase64Url(s)!, new TextEncoder().encode(`${h}.${p}`), fromBase64Url(method.publicKeyJwk.x)!);
    return { ok, payload: json(p), header };
  };
  const checked = checkJws(jwt);
  const vc = checked.payload;
  expect(vc.issuer.id).toBe(didDoc.id);
  const valid = Date.parse(vc.validFrom) <= at.getTime() && (!vc.validUntil || at.getTime() <= Date.parse(vc.validUntil));
  const bits: Record<string, boolean> = {};
  for (const entry of vc.credentialStatus) {
    const listRes = await get(new URL(entry.statusListCredential).pathname);
    expect(listRes.headers.get("content-type")).toBe("application/vc+jwt");
    const list = checkJws(await listRes.text());
    expect(list.ok).toBe(true);
    expect(list.payload.type).toContain("BitstringStatusListCredential");
    expect(list.payload.credentialSubject.statusPurpose).toBe(entry.statusPurpose);
    const encoded: string = list.payload.credentialSubject.encodedList;
    expect(encoded.startsWith("u")).toBe(true);
    const bitstring = gunzipSync(Buffer.from(encoded.slice(1), "base64url"));
    expect(bitstring.length * 8).toBeGreaterThanOrEqual(131_072);
    const index = Number(entry.statusListIndex);
    bits[entry.statusPurpose] = (bitstring[index >> 3]! & (0x80 >> (index & 7))) !== 0;
  }
  return { signature: checked.ok, valid, revoked: bits.revocation ?? false, suspended: bits.suspension ?? false, credential: vc };
}

describe("a certificate version as a W3C Verifiable Credential (Open Badges 3.0, vc+jwt)", () => {
  it("is what the holder downloads with Ladda ned digitalt certifikat, and nobody else", async () => {
    const sven = browserClient(t.app);
    await logIn(t, sven, w.sven.email);
    const id = await idOf(w.numbers.mac);
    const page = await (await sven.get(`/min-sida/certifikat/${id}`)).text();
    expect(page).toContain(`href="/min-sida/certifikat/${id}/digitalt"`);
    expect(page).toContain("Ladda ned digitalt certifikat");
    expect(page).toContain("Ladda ned certifikat");
    const res = await sven.get(`/min-sida/certifikat/${id}/digitalt`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vc+jwt");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="certifikat-\d+-version-1\.jwt"/);
    expect(res.headers.get("cache-control")).toMatch(/no-store/);
    const jwt = await res.text();
    expect(jwt).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    console.log(`credential: ${jwt.length} bytes as vc+jwt, ${Buffer.from(jwt.split(".")[1]!, "base64url").length} bytes of JSON`);

    const anna = browserClient(t.app);
    await logIn(t, anna, w.anna.email);
    expect((await anna.get(`/min-sida/certifikat/${id}/digitalt`)).status).toBe(404);
    expect((await browserClient(t.app).get(`/min-sida/certifikat/${id}/digitalt`)).headers.get("location")).toMatch(/^\/logga-in/);
  });

  it("says issuer, holder's name, scheme, number, version, dates and where its status is, in the VC 2.0 and OB 3.0 shapes", async () => {
    const jwt = await credentialOf(w.numbers.external);
    const [h, p] = jwt.split(".") as [string, string];
    const header = json(h);
    expect(header).toEqual({ alg: "EdDSA", typ: "vc+jwt", cty: "vc", kid: `${DID}#${deps().signer.current().kid}` });
    const vc = json(p);
    expect(vc["@context"]).toEqual(["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]);
    expect(vc.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(vc.id).toBe(`${TEST_ORIGIN}/c/${w.numbers.external}?version=1`);
    expect(vc.issuer).toMatchObject({ id: DID, type: ["Profile"], name: "Testcert AB" });
    expect(vc.validFrom).toBe("2026-03-15T00:00:00+01:00");
    expect(vc.validUntil).toBe("2030-01-01T23:59:59+01:00");
    expect(vc).toMatchObject({ iss: DID, jti: vc.id });
    expect(vc.credentialSubject).toMatchObject({
      type: ["AchievementSubject"],
      name: "Sven Svensson",
      identifier: [{ type: "IdentityObject", identityType: "name", hashed: false, identityHash: "Sven Svensson" }],
      certificateNumber: String(w.numbers.external),
      certificateVersion: 1,
      achievement: { type: ["Achievement"], name: "Personcertifikat f-gas kat I - Externt", criteria: { narrative: expect.any(String) } },
    });
    expect(vc.credentialStatus.map((s: { statusPurpose: string }) => s.statusPurpose)).toEqual(["revocation", "suspension"]);
    for (const s of vc.credentialStatus) {
      expect(s).toMatchObject({ type: "BitstringStatusListEntry", statusListIndex: expect.stringMatching(/^\d+$/), statusListCredential: `${TEST_ORIGIN}/api/v1/status-lists/1/${s.statusPurpose}` });
      expect(Number(s.statusListIndex)).toBeLessThan(131_072);
    }
  });

  it("verifies with an independent verifier, and with /api/v1/verify", async () => {
    const jwt = await credentialOf(w.numbers.mac);
    const independent = await independentlyVerify(jwt, deps().clock.now());
    expect(independent).toMatchObject({ signature: true, valid: true, revoked: false, suspended: false });
    const v = await verifyApi({ credential: jwt });
    expect(v).toMatchObject({ kind: "credential", verified: true, presented: { holderName: "Sven Svensson", number: String(w.numbers.mac), version: 1, scheme: "Utbildningsintyg Mobil AC" } });
    expect(v.checks.map((c) => [c.label, c.ok])).toEqual([
      ["Underskrift", true],
      ["Utfärdare", true],
      ["Giltighet", true],
      ["Status", true],
    ]);
    // As a file body too (text/plain, application/vc+jwt), and wrapped as an enveloped credential.
    expect((await verifyApi(jwt, "text/plain")).verified).toBe(true);
    expect((await verifyApi(jwt, "application/vc+jwt")).verified).toBe(true);
    const enveloped = { "@context": ["https://www.w3.org/ns/credentials/v2"], type: "EnvelopedVerifiableCredential", id: `data:application/vc+jwt,${jwt}` };
    expect((await verifyApi({ credential: JSON.stringify(enveloped) })).verified).toBe(true);
  });

  it("fails Underskrift when the content was changed after signing, and only that check", async () => {
    const [h, p, s] = (await credentialOf(w.numbers.mac)).split(".") as [string, string, string];
    const vc = json(p);
    vc.credentialSubject.name = "Mallory Svensson";
    const tampered = `${h}.${Buffer.from(JSON.stringify(vc)).toString("base64url")}.${s}`;
    const v = await verifyApi({ credential: tampered });
    expect(checks(v)).toEqual({ signature: false, issuer: true, validity: true, status: true });
    expect(v.verified).toBe(false);
    expect(v.checks[0]!.message).toMatch(/^Underskriften stämmer inte/);
    expect((await independentlyVerify(tampered, deps().clock.now())).signature).toBe(false);
    // A changed validUntil, or one flipped bit of the signature, is caught the same way.
    const longer = { ...json(p), validUntil: "2099-12-31T23:59:59+01:00" };
    expect(checks(await verifyApi({ credential: `${h}.${Buffer.from(JSON.stringify(longer)).toString("base64url")}.${s}` })).signature).toBe(false);
    const sig = Buffer.from(s, "base64url");
    sig[10]! ^= 1;
    expect(checks(await verifyApi({ credential: `${h}.${p}.${sig.toString("base64url")}` })).signature).toBe(false);
  });

  it("fails Utfärdare for a credential signed by a key the issuer never published", async () => {
    const payload = Buffer.from((await credentialOf(w.numbers.mac)).split(".")[1]!, "base64url");
    const { privateKey } = generateKeyPairSync("ed25519");
    const jwk = privateKey.export({ format: "jwk" }) as { kty: string; crv: string; x: string };
    const foreignKid = await calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x });
    const forged = await new CompactSign(payload).setProtectedHeader({ alg: "EdDSA", typ: "vc+jwt", kid: `${DID}#${foreignKid}` }).sign(privateKey);
    const v = await verifyApi({ credential: forged });
    expect(checks(v)).toEqual({ signature: null, issuer: false, validity: true, status: true });
    expect(v.checks.find((c) => c.name === "issuer")!.message).toContain("finns inte bland Testcert AB");
    // Claiming the real key's id does not help: then the signature fails.
    const claiming = await new CompactSign(payload).setProtectedHeader({ alg: "EdDSA", typ: "vc+jwt", kid: `${DID}#${deps().signer.current().kid}` }).sign(privateKey);
    expect(checks(await verifyApi({ credential: claiming }))).toEqual({ signature: false, issuer: true, validity: true, status: true });
    // Nor does another issuer's DID.
    const other = JSON.parse(payload.toString());
    other.issuer.id = "did:web:evil.example";
    const elsewhere = await new CompactSign(Buffer.from(JSON.stringify(other))).setProtectedHeader({ alg: "EdDSA", typ: "vc+jwt", kid: `did:web:evil.example#${foreignKid}` }).sign(privateKey);
    expect(checks(await verifyApi({ credential: elsewhere })).issuer).toBe(false);
  });

  it("fails Status for a suspended certificate, and for a withdrawn one; Giltighet for an expired one", async () => {
    const suspended = await verifyApi({ credential: await credentialOf(w.numbers.suspended) });
    expect(checks(suspended)).toEqual({ signature: true, issuer: true, validity: true, status: false });
    expect(suspended.checks.find((c) => c.name === "status")!.message).toMatch(/^Vilande/);
    expect(await independentlyVerify(await credentialOf(w.numbers.suspended), deps().clock.now())).toMatchObject({ signature: true, suspended: true, revoked: false });

    const expired = await verifyApi({ credential: await credentialOf(w.numbers.expired) });
    expect(checks(expired)).toEqual({ signature: true, issuer: true, validity: false, status: true });
    expect(expired.checks.find((c) => c.name === "validity")!.message).toBe("Giltighetstiden gick ut 2026-03-14.");

    const companyJwt = await credentialOf(w.numbers.company);
    expect((await verifyApi({ credential: companyJwt })).verified).toBe(true);
    await withdrawCertificate(deps(), w.dag, { certificateId: await idOf(w.numbers.company), reason: "Begäran från företaget." });
    // The credential downloaded before the withdrawal: its bytes are unchanged, the list is not.
    const withdrawn = await verifyApi({ credential: companyJwt });
    expect(checks(withdrawn)).toEqual({ signature: true, issuer: true, validity: true, status: false });
    expect(withdrawn.checks.find((c) => c.name === "status")!.message).toMatch(/^Indraget/);
    expect(await independentlyVerify(companyJwt, deps().clock.now())).toMatchObject({ signature: true, revoked: true });
  });

  it("still verifies after keys:rotate, new ones are signed with the new key, and both keys are published", async () => {
    const before = await credentialOf(w.numbers.mac);
    const oldKid = deps().signer.current().kid;
    const { kid, retired } = await rotateSigningKey(path.join(t.dataDir, "keys"), deps().clock.now(), deps().db);
    expect(retired).toEqual([oldKid]);
    const rotatedEvent = await deps().db.select().from(events).where(and(eq(events.action, "signing_key.rotated"), eq(events.subjectId, kid))).get();
    expect(rotatedEvent?.details).toEqual({ retired: [oldKid] });

    const didDoc = await (await get("/.well-known/did.json")).json();
    expect(didDoc.verificationMethod.map((m: { id: string }) => m.id)).toEqual([`${DID}#${kid}`, `${DID}#${oldKid}`]);
    expect(didDoc.assertionMethod).toEqual([`${DID}#${kid}`, `${DID}#${oldKid}`]);
    const issuer = await (await get("/api/v1/issuer")).json();
    expect(issuer.keys.map((k: { kid: string; current: boolean }) => [k.kid, k.current])).toEqual([
      [kid, true],
      [oldKid, false],
    ]);

    const old = await verifyApi({ credential: before });
    expect(old.verified).toBe(true);
    expect(old.checks.find((c) => c.name === "issuer")!.message).toContain("en tidigare nyckel som fortfarande är publicerad");
    expect((await independentlyVerify(before, deps().clock.now())).signature).toBe(true);

    const after = await credentialOf(w.numbers.mac);
    expect(json(after.split(".")[0]!).kid).toBe(`${DID}#${kid}`);
    expect((await verifyApi({ credential: after })).verified).toBe(true);
    // The status lists are signed anew with the new key, and still read.
    expect(await independentlyVerify(after, deps().clock.now())).toMatchObject({ signature: true, valid: true, revoked: false, suspended: false });
  });

  it("answers 400 in Swedish for what is not a credential, never a 500", async () => {
    for (const [body, type] of [
      ["", "text/plain"],
      ["hej", "text/plain"],
      ["a.b.c", "text/plain"],
      ["{}", "application/json"],
      ['{"credential": 5}', "application/json"],
      ['{"credential": "{\\"id\\": 1}"}', "application/json"],
      ["not json", "application/json"],
      [`${TEST_ORIGIN}/c/10001`, "text/plain"],
      ["x".repeat(70_000), "text/plain"],
    ] as const) {
      const res = await t.app.request(`${TEST_ORIGIN}/api/v1/verify`, { method: "POST", body, headers: { "Content-Type": type } });
      expect(res.status, body.slice(0, 30)).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
      const problem = await res.json();
      expect(problem.detail, body.slice(0, 30)).toMatch(/[a-zåäö]/);
    }
    const form = await t.app.request(`${TEST_ORIGIN}/api/v1/verify`, { method: "POST", body: "a=b", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(415);
    const huge = await t.app.request(`${TEST_ORIGIN}/api/v1/verify`, { method: "POST", body: "x".repeat(200_000), headers: { "Content-Type": "text/plain" } });
    expect(huge.status).toBe(413);
  });
});

describe("a QR code's text at /api/v1/verify", () => {
  const qrOf = async (number: number) => {
    const cert = await getCertificate(deps().db, staff(), await idOf(number));
    return signedQrText(deps().signer, TEST_ORIGIN, { number, version: cert.certificate.version, name: cert.holderName, scheme: cert.scheme.name, validUntil: cert.certificate.validUntil });
  };

  it("verifies the signed fields, and fails the right check for a changed field, a foreign key or address, an expiry and a suspension", async () => {
    const good = await qrOf(w.numbers.external);
    const v = await verifyApi({ qr: good });
    expect(v).toMatchObject({ kind: "qr", verified: true, presented: { number: String(w.numbers.external), holderName: "Sven Svensson", version: 1, validUntil: "2030-01-01" } });
    expect(checks(await verifyApi({ qr: good.replace("Sven+Svensson", "Eve+Svensson") }))).toEqual({ signature: false, issuer: true, validity: true, status: true });
    expect(checks(await verifyApi({ qr: good.replace(",20300101,", ",20990101,") }))).toEqual({ signature: false, issuer: true, validity: true, status: true });
    expect(checks(await verifyApi({ qr: good.replace(/#s1,[\w-]{8},/, "#s1,ZZZZZZZZ,") }))).toEqual({ signature: null, issuer: false, validity: true, status: true });
    expect(checks(await verifyApi({ qr: good.replace(TEST_ORIGIN, "https://evil.example") })).issuer).toBe(false);
    // Another certificate's number under the same signature.
    expect(checks(await verifyApi({ qr: good.replace(`/c/${w.numbers.external}#`, `/c/${w.numbers.mac}#`) })).signature).toBe(false);
    const expired = await verifyApi({ qr: await qrOf(w.numbers.expired) });
    expect(checks(expired)).toEqual({ signature: true, issuer: true, validity: false, status: false });
    const suspended = await verifyApi({ qr: await qrOf(w.numbers.suspended) });
    expect(checks(suspended)).toEqual({ signature: true, issuer: true, validity: true, status: false });
    expect(suspended.checks.find((c) => c.name === "status")!.message).toMatch(/^Vilande i registret/);
  });
});

describe("whatever is presented", () => {
  it("is answered with the checks or a Swedish Invalid, never thrown otherwise (a property)", async () => {
    const jwt = await credentialOf(w.numbers.mac);
    const [h, p] = jwt.split(".") as [string, string];
    const vc = json(p);
    const b64 = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");
    const statusEntry = fc.record({
      type: fc.constantFrom("BitstringStatusListEntry", "Other", 5),
      statusPurpose: fc.constantFrom("revocation", "suspension", "message", null),
      statusListIndex: fc.oneof(fc.constantFrom("0", "-1", "131071", "131072", "1e3", "9007199254740993", "x", ""), fc.integer().map(String)),
      statusListCredential: fc.constantFrom(`${TEST_ORIGIN}/api/v1/status-lists/1/revocation`, `${TEST_ORIGIN}/api/v1/status-lists/1/suspension`, `${TEST_ORIGIN}/api/v1/status-lists/9/revocation`, "https://evil.example/list", 7),
    });
    const payload = fc.oneof(
      fc.jsonValue(),
      fc.record({ credentialStatus: fc.oneof(statusEntry, fc.array(statusEntry, { maxLength: 3 }), fc.jsonValue()), validFrom: fc.oneof(fc.constant(vc.validFrom), fc.string(), fc.integer()), validUntil: fc.oneof(fc.string(), fc.constant(undefined)) }).map((r) => ({ ...vc, ...r })),
      fc.record({ issuer: fc.oneof(fc.constant(DID), fc.jsonValue()), credentialSubject: fc.jsonValue() }).map((r) => ({ ...vc, ...r })),
    );
    const header = fc.oneof(fc.constant(json(h)), fc.jsonValue(), fc.record({ alg: fc.constantFrom("EdDSA", "none", "HS256", "ES256"), kid: fc.oneof(fc.constant(json(h).kid), fc.string(), fc.constant(`${DID}#`)), crit: fc.constant(["b64"]) }, { requiredKeys: ["alg"] }));
    const signature = fc.oneof(fc.constant(jwt.split(".")[2]!), fc.uint8Array({ maxLength: 80 }).map((b) => Buffer.from(b).toString("base64url")));
    await fc.assert(
      fc.asyncProperty(header, payload, signature, async (hd, pl, sig) => {
        const token = `${b64(hd)}.${b64(pl)}.${sig || "A"}`;
        try {
          const v = await verifyPresented(deps(), token);
          expect(v.checks.map((c) => c.name)).toEqual(["signature", "issuer", "validity", "status"]);
          if (v.verified) expect(token).toBe(jwt);
        } catch (e) {
          expect(e).toBeInstanceOf(Invalid);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("POST /api/v1/verify from another site", () => {
  it("is allowed: the preflight says POST and Content-Type, the answer is open to every origin and sets no cookie", async () => {
    const preflight = await t.app.request(`${TEST_ORIGIN}/api/v1/verify`, {
      method: "OPTIONS",
      headers: { Origin: "https://kund.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("content-type");
    const jwt = await credentialOf(w.numbers.mac);
    // A foreign Origin, and none at all (a program): the site's own forms would refuse both.
    for (const headers of [{ Origin: "https://kund.example" }, {}] as Record<string, string>[]) {
      const res = await t.app.request(`${TEST_ORIGIN}/api/v1/verify`, { method: "POST", body: JSON.stringify({ credential: jwt }), headers: { ...headers, "Content-Type": "application/json", Cookie: "session=x" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("set-cookie")).toBeNull();
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect((await res.json()).verified).toBe(true);
    }
    // The page's form is the site's own and keeps the Origin check.
    const foreign = await t.app.request(`${TEST_ORIGIN}/verifiera`, { method: "POST", body: new URLSearchParams({ underlag: jwt }), headers: { Origin: "https://kund.example", "Content-Type": "application/x-www-form-urlencoded" } });
    expect(foreign.status).toBe(403);
  });

  it("serves the DID document and the issuer to any site, cacheable", async () => {
    const did = await get("/.well-known/did.json");
    expect(did.status).toBe(200);
    expect(did.headers.get("content-type")).toBe("application/did+json");
    expect(did.headers.get("access-control-allow-origin")).toBe("*");
    const etag = did.headers.get("etag")!;
    expect((await get("/.well-known/did.json", { "If-None-Match": etag })).status).toBe(304);
    const doc = await did.json();
    expect(doc).toMatchObject({ "@context": ["https://www.w3.org/ns/did/v1", "https://www.w3.org/ns/cid/v1"], id: DID });
    expect(doc.verificationMethod[0]).toEqual({ id: `${DID}#${deps().signer.current().kid}`, type: "JsonWebKey", controller: DID, publicKeyJwk: { kty: "OKP", crv: "Ed25519", x: deps().signer.current().jwk.x, kid: deps().signer.current().kid, alg: "EdDSA", use: "sig" } });
    expect(JSON.stringify(doc)).not.toMatch(/"d"/);
    const issuer = await (await get("/api/v1/issuer")).json();
    expect(issuer).toMatchObject({ id: DID, name: "Testcert AB", didDocument: `${TEST_ORIGIN}/.well-known/did.json`, verifyApi: `${TEST_ORIGIN}/api/v1/verify` });
  });
});

describe("the public answers of the credentials", () => {
  it("carry no personnummer, e-mail, birth date, address or phone: credentials, lists, DID document, issuer, verify", async () => {
    const secrets = new Set<string>();
    for (const h of [w.sven, w.anna, w.olle]) {
      for (const s of [h.personnummer, h.personnummer.slice(2), `${h.personnummer.slice(2, 8)}-${h.personnummer.slice(8)}`, h.email, h.billingEmail, h.birthDate, h.birthDate.replaceAll("-", ""), h.mobile, h.address.line1, h.address.postalCode]) secrets.add(s);
    }
    for (const s of [w.company.orgNumber, w.company.email, w.company.phone, w.company.addressLine1]) secrets.add(s);
    const texts: [string, string][] = [];
    for (const n of Object.values(w.numbers)) {
      const jwt = await credentialOf(n);
      texts.push([`credential ${n}`, Buffer.from(jwt.split(".")[1]!, "base64url").toString()]);
      texts.push([`verify ${n}`, JSON.stringify(await verifyApi({ credential: jwt }))]);
    }
    for (const p of ["/api/v1/status-lists/1/revocation", "/api/v1/status-lists/1/suspension"]) texts.push([p, Buffer.from((await (await get(p)).text()).split(".")[1]!, "base64url").toString()]);
    for (const p of ["/.well-known/did.json", "/api/v1/issuer"]) texts.push([p, await (await get(p)).text()]);
    for (const [where, text] of texts) {
      for (const s of secrets) expect(text.includes(s), `${where} shows ${s}`).toBe(false);
      expect(text.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g), `${where}: e-mail`).toBeNull();
      expect(text.match(/(?<!\d)(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+]?\d{4}(?!\d)/g), `${where}: personnummer`).toBeNull();
    }
  });
});

describe("keys:revoke", () => {
  it("takes a key out of use: gone from the DID document, listed as revoked, and what it signed fails Utfärdare with the day; new ones verify", async () => {
    const cert = await getCertificate(deps().db, staff(), await idOf(w.numbers.external));
    const qrText = () => signedQrText(deps().signer, TEST_ORIGIN, { number: w.numbers.external, version: cert.certificate.version, name: cert.holderName, scheme: cert.scheme.name, validUntil: cert.certificate.validUntil });
    const credential = await credentialOf(w.numbers.mac);
    const qr = qrText();
    const leaked = deps().signer.current().kid;
    const keysDir = path.join(t.dataDir, "keys");

    // A reason is asked for, for the Händelselogg.
    await expect(revokeSigningKey(deps(), keysDir, leaked, "", deps().clock.now())).rejects.toBeInstanceOf(Invalid);
    const { kid, newCurrent, mailed } = await revokeSigningKey(deps(), keysDir, leaked.slice(0, 8), "Nyckelfilen kan ha kopierats", deps().clock.now());
    expect(kid).toBe(leaked);
    // It was the current key: a new one signs from now on.
    expect(newCurrent).not.toBeNull();
    expect(deps().signer.current().kid).toBe(newCurrent);
    const event = await deps().db.select().from(events).where(and(eq(events.action, "signing_key.revoked"), eq(events.subjectId, leaked))).get();
    expect(event?.details).toEqual({ reason: "Nyckelfilen kan ha kopierats", newCurrent });
    // Every holder of a certificate in force is asked, once, to download again: Sven (two) and
    // Anna (Vilande); not Olle, whose certificate is past its date, nor the withdrawn company's.
    expect(mailed).toBe(2);
    const mails = await deps().db.select().from(mailOutbox).where(eq(mailOutbox.kind, "signing_key.revoked"));
    expect(mails.map((m) => [m.to, m.subject]).sort()).toEqual([
      [w.anna.email, "Ladda ned ditt certifikat på nytt"],
      [w.sven.email, "Ladda ned dina certifikat på nytt"],
    ]);
    const toSven = mails.find((m) => m.to === w.sven.email)!;
    expect(toSven.text).toContain(`Certifikat: ${[w.numbers.mac, w.numbers.external].sort((a, b) => a - b).join(", ")}`);
    expect(toSven.text).toContain("Certifikatet gäller som förut");

    const didDoc = await (await get("/.well-known/did.json")).json();
    expect(didDoc.verificationMethod.map((m: { id: string }) => m.id)).not.toContain(`${DID}#${leaked}`);
    expect(didDoc.assertionMethod).not.toContain(`${DID}#${leaked}`);
    expect(didDoc.assertionMethod[0]).toBe(`${DID}#${newCurrent}`);
    const issuer = await (await get("/api/v1/issuer")).json();
    expect(issuer.keys.map((k: { kid: string }) => k.kid)).not.toContain(leaked);
    expect(issuer.revokedKeys).toEqual([{ id: `${DID}#${leaked}`, kid: leaked, revokedAt: deps().clock.now().toISOString() }]);

    // What the revoked key signed: the credential and the QR code fail Utfärdare, saying why.
    for (const presented of [{ credential }, { qr }]) {
      const v = await verifyApi(presented);
      expect(v.verified, JSON.stringify(presented).slice(0, 20)).toBe(false);
      expect(checks(v)).toMatchObject({ signature: null, issuer: false });
      expect(v.checks.find((c) => c.name === "issuer")!.message).toBe(`Nyckeln ${leaked.slice(0, 8)} spärrades av Testcert AB den 2026-03-15: det den har signerat godtas inte längre. Kontrollera certifikatet i registret, eller be innehavaren ladda ned ett nytt digitalt certifikat.`);
      expect(v.checks.find((c) => c.name === "signature")!.message).toBe("Kontrolleras inte: nyckeln är spärrad, så underskriften bevisar ingenting.");
    }
    // So too for a verifier that reads only the DID document.
    expect((await independentlyVerify(credential, deps().clock.now())).signature).toBe(false);

    // Downloaded again, the credential and the QR code are signed with the new key and verify.
    expect((await verifyApi({ credential: await credentialOf(w.numbers.mac) })).verified).toBe(true);
    expect((await verifyApi({ qr: qrText() })).verified).toBe(true);
    expect(await independentlyVerify(await credentialOf(w.numbers.mac), deps().clock.now())).toMatchObject({ signature: true, revoked: false });

    // The certificate page gives the browser the revoked key's id and day, not the key.
    const page = await (await get(`/c/${w.numbers.external}`)).text();
    const keys = JSON.parse(/data-keys="([^"]*)"/.exec(page)![1]!.replaceAll("&quot;", '"'));
    expect(keys).toContainEqual({ kid: leaked, revoked: "2026-03-15" });
    expect(keys.filter((k: { x?: string }) => k.x).map((k: { kid: string }) => k.kid)).not.toContain(leaked);
  });
});
