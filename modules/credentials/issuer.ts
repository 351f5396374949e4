// Who signs: the installation, named as did:web for PUBLIC_URL (docs/decisions/019). Its DID
// document publishes every signing key ever used here, so a credential signed before a rotation
// still verifies; /api/v1/issuer says in words who that is.
import type { Config } from "../../lib/config.ts";
import type { PublishedKey, Signer } from "../../lib/signing/keyring.ts";

/**
 * did:web:online.example.org for https://online.example.org; a port is written %3A (did:web's
 * rule), a path becomes more colon-separated parts (and the document is then at {path}/did.json).
 */
export function issuerDid(publicUrl: string): string {
  const url = new URL(publicUrl);
  const host = url.port ? `${url.hostname}%3A${url.port}` : url.hostname;
  const segments = url.pathname.split("/").filter(Boolean).map(encodeURIComponent);
  return ["did:web", host, ...segments].join(":");
}

/** Where did:web resolves the document: /.well-known/did.json, or {path}/did.json under a path. */
export function didDocumentPath(publicUrl: string): string {
  const path = new URL(publicUrl).pathname.replace(/\/+$/, "");
  return path ? `${path}/did.json` : "/.well-known/did.json";
}

/** The verification method's id in the DID document, the `kid` of every JWS we make. */
export function keyId(did: string, key: Pick<PublishedKey, "kid">): string {
  return `${did}#${key.kid}`;
}

export function didDocument(config: Pick<Config, "publicUrl">, signer: Signer) {
  const did = issuerDid(config.publicUrl);
  const keys = signer.keys();
  return {
    "@context": ["https://www.w3.org/ns/did/v1", "https://www.w3.org/ns/cid/v1"],
    id: did,
    alsoKnownAs: [config.publicUrl],
    // Every key not revoked, newest first: the current one signs; retired ones still verify what they signed.
    verificationMethod: keys.map((k) => ({ id: keyId(did, k), type: "JsonWebKey", controller: did, publicKeyJwk: { ...k.jwk, kid: k.kid, alg: "EdDSA", use: "sig" } })),
    assertionMethod: keys.map((k) => keyId(did, k)),
    service: [{ id: `${did}#register`, type: "LinkedDomains", serviceEndpoint: config.publicUrl }],
  };
}

/** GET /api/v1/issuer: the organisation behind the DID, in words, and where its lists are. */
export function issuerProfile(config: Pick<Config, "publicUrl" | "org">, signer: Signer) {
  const did = issuerDid(config.publicUrl);
  return {
    id: did,
    type: ["Profile"],
    name: config.org.name,
    url: config.publicUrl,
    description: config.org.description,
    accreditation: config.org.accreditation,
    didDocument: new URL(didDocumentPath(config.publicUrl), new URL(config.publicUrl).origin).toString(),
    verifyUrl: `${config.publicUrl}/verifiera`,
    verifyApi: `${config.publicUrl}/api/v1/verify`,
    keys: signer.keys().map((k) => ({ id: keyId(did, k), kid: k.kid, current: k.current, createdAt: k.createdAt })),
    // Taken out of use (keys:revoke): gone from the DID document, and nothing they signed verifies.
    revokedKeys: signer.revoked().map((k) => ({ id: keyId(did, k), kid: k.kid, revokedAt: k.revokedAt })),
  };
}
