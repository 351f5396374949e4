// Every certificate version as a W3C Verifiable Credential 2.0, an Open Badges 3.0
// OpenBadgeCredential, secured with JOSE (VC-JOSE-COSE: a JWS whose payload is the credential,
// typ vc+jwt, EdDSA with the installation's Ed25519 key). See docs/decisions/019.
//
// What it says about the holder is the name the public page shows, nothing more: no personnummer,
// birth date, e-mail or address, and no organisationsnummer either (a sole trader's is the
// owner's personnummer).
import type { Config } from "../../lib/config.ts";
import { Conflict } from "../../lib/errors.ts";
import { getCertificate } from "../certificates/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { issuerDid, keyId } from "./issuer.ts";
import { statusEntryOf, statusListUrl, STATUS_PURPOSES } from "./status-list.ts";
import { endOfSwedishDay, startOfSwedishDay } from "./swedish-time.ts";

export const OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
export const VC2_CONTEXT = "https://www.w3.org/ns/credentials/v2";

export interface CredentialSource {
  number: number;
  version: number;
  holderName: string;
  scheme: { code: string; name: string; kind: "CERTIFICATE" | "ATTESTATION"; scope: string | null };
  area: string;
  issuedOn: string;
  validUntil: string | null;
  /** The number's place in the status lists. */
  status: { list: number; idx: number };
}

/** The address of one version of a certificate: the public page, which shows the version asked for. */
export function credentialId(publicUrl: string, number: number, version: number): string {
  return `${publicUrl}/c/${number}?version=${version}`;
}

/**
 * The credential as JSON, with the JWT claims iss and jti that mirror issuer and id for JWT tools.
 * No nbf and exp: validFrom and validUntil say it, and a verifier that enforced exp would refuse
 * an expired credential instead of saying that it expired.
 */
export function certificateCredential(config: Pick<Config, "publicUrl" | "org">, s: CredentialSource) {
  const did = issuerDid(config.publicUrl);
  const id = credentialId(config.publicUrl, s.number, s.version);
  const validFrom = startOfSwedishDay(s.issuedOn);
  const validUntil = s.validUntil ? endOfSwedishDay(s.validUntil) : null;
  const issuer = { id: did, type: ["Profile"], name: config.org.name, url: config.publicUrl, description: config.org.accreditation };
  return {
    "@context": [VC2_CONTEXT, OB3_CONTEXT],
    id,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: `${s.scheme.name}, certifikat ${s.number}`,
    issuer,
    validFrom,
    ...(validUntil ? { validUntil } : {}),
    credentialSubject: {
      type: ["AchievementSubject"],
      name: s.holderName,
      identifier: [{ type: "IdentityObject", identityType: "name", hashed: false, identityHash: s.holderName }],
      certificateNumber: String(s.number),
      certificateVersion: s.version,
      achievement: {
        id: `${config.publicUrl}/teknikomraden#${encodeURIComponent(s.scheme.code)}`,
        type: ["Achievement"],
        achievementType: s.scheme.kind === "ATTESTATION" ? "CertificateOfCompletion" : "Certification",
        name: s.scheme.name,
        description: s.scheme.scope || s.scheme.name,
        criteria: { narrative: `Beviljat av ${config.org.name} efter granskning av ansökan och bevis enligt certifieringsordningen för ${s.scheme.name}.` },
        fieldOfStudy: s.area,
        humanCode: s.scheme.code,
      },
    },
    credentialStatus: STATUS_PURPOSES.map((purpose) => {
      const list = statusListUrl(config.publicUrl, s.status.list, purpose);
      return { id: `${list}#${s.status.idx}`, type: "BitstringStatusListEntry", statusPurpose: purpose, statusListIndex: String(s.status.idx), statusListCredential: list };
    }),
    iss: did,
    jti: id,
  };
}

/** The credential signed with the current key: a compact JWS (application/vc+jwt). */
export async function signCredential(deps: Pick<Deps, "config" | "signer">, s: CredentialSource): Promise<string> {
  const did = issuerDid(deps.config.publicUrl);
  const payload = new TextEncoder().encode(JSON.stringify(certificateCredential(deps.config, s)));
  return deps.signer.signJws(payload, { typ: "vc+jwt", cty: "vc", kid: (k) => keyId(did, k) });
}

/**
 * "Ladda ned digitalt certifikat": the version the holder (or a company admin, or staff) looks at,
 * as a .jwt file. Made when asked for, so it is signed with the key current then.
 */
export async function downloadCredential(deps: Deps, actor: Actor, certificateId: string): Promise<{ jwt: string; filename: string }> {
  const cert = await getCertificate(deps.db, actor, certificateId);
  const c = cert.certificate;
  const status = await statusEntryOf(deps.db, c.number);
  // Migration 0011 and createCertificate give every number its place; this is a broken database.
  if (!status) throw new Conflict(`Certifikat ${c.number} saknar plats i statuslistan; kontakta ${deps.config.org.name}.`);
  const jwt = await signCredential(deps, {
    number: c.number,
    version: c.version,
    holderName: cert.holderName,
    scheme: { code: cert.scheme.code, name: cert.scheme.name, kind: cert.scheme.kind, scope: cert.scheme.scope },
    area: cert.area.name,
    issuedOn: c.issuedOn,
    validUntil: c.validUntil,
    status,
  });
  return { jwt, filename: `certifikat-${c.number}-version-${c.version}.jwt` };
}
