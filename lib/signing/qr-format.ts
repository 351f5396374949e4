// The signed QR code (docs/decisions/019): the certificate's public address, $PUBLIC_URL/c/{number}
// as DESIGN.md promises, and in its fragment (never sent to a server) what a reader sees on the
// printed certificate with a signature over it, so the page can say "Underskriften stämmer"
// without the register, even offline:
//
//   https://online.example.org/c/10001#s1,AbCdEfGh,3,20290314,Sven+Svensson,Personcertifikat+kategori+I,<signature>
//
//   s1         the format
//   AbCdEfGh   the first 8 characters of the signing key's thumbprint (its kid in did.json)
//   3          the version
//   20290314   Giltigt till (YYYYMMDD), or - for none
//   then the holder's name and the scheme, percent-encoded with + for a space, and the Ed25519
//   signature (64 bytes, base64url) over qrMessage(): the whole address without the fragment
//   (so the number and the issuer's origin are signed too) and the fields, as a JSON array.
//
// Plain code for both sides: the server signs, the browser script checks (no Node here).

export const QR_FORMAT = "s1";
/** How much of the key's thumbprint the fragment carries: 48 bits tell our few keys apart. */
export const QR_KID_LENGTH = 8;

export interface QrFields {
  number: number;
  version: number;
  name: string;
  scheme: string;
  /** YYYY-MM-DD, or null for a certificate valid until further notice. */
  validUntil: string | null;
}

export interface SignedQr {
  /** The address without the fragment: $PUBLIC_URL/c/{number}. */
  address: string;
  kidPrefix: string;
  fields: QrFields;
  signature: Uint8Array;
}

/** The bytes that are signed. */
export function qrMessage(address: string, f: QrFields): Uint8Array {
  return new TextEncoder().encode(JSON.stringify([QR_FORMAT, address, f.version, f.validUntil, f.name, f.scheme]));
}

export function qrText(address: string, kid: string, f: QrFields, signature: Uint8Array): string {
  const until = f.validUntil ? f.validUntil.replaceAll("-", "") : "-";
  return `${address}#${[QR_FORMAT, kid.slice(0, QR_KID_LENGTH), f.version, until, encodeText(f.name), encodeText(f.scheme), toBase64Url(signature)].join(",")}`;
}

const ADDRESS = /^(https?:\/\/[^\s#?]+)\/c\/([1-9]\d{0,11})$/;

/**
 * A QR code's text (or the page's own address) read back; null when it is not one of ours in this
 * format. The address is returned as written: whether it is this issuer's is the caller's check.
 */
export function parseQrText(text: string): SignedQr | null {
  const trimmed = text.trim();
  if (trimmed.length > 2000) return null;
  const hash = trimmed.indexOf("#");
  if (hash < 0) return null;
  const m = ADDRESS.exec(trimmed.slice(0, hash));
  if (!m) return null;
  return parseFragment(m[1]!, Number(m[2]), trimmed.slice(hash + 1));
}

/** The fragment (without #) of the page at {base}/c/{number}. */
export function parseFragment(base: string, number: number, fragment: string): SignedQr | null {
  const parts = fragment.split(",");
  if (parts.length !== 7 || parts[0] !== QR_FORMAT) return null;
  const [, kidPrefix, version, until, name, scheme, sig] = parts as [string, string, string, string, string, string, string];
  if (!/^[A-Za-z0-9_-]{8}$/.test(kidPrefix) || !/^[1-9]\d{0,5}$/.test(version)) return null;
  let validUntil: string | null = null;
  if (until !== "-") {
    if (!/^\d{8}$/.test(until)) return null;
    validUntil = `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6)}`;
  }
  const decodedName = decodeText(name);
  const decodedScheme = decodeText(scheme);
  const signature = fromBase64Url(sig);
  if (decodedName === null || decodedScheme === null || signature === null || signature.length !== 64) return null;
  return { address: `${base}/c/${number}`, kidPrefix, fields: { number, version: Number(version), name: decodedName, scheme: decodedScheme, validUntil }, signature };
}

/** Percent-encoding with + for a space: shorter in the QR code than %20, and still plain ASCII. */
function encodeText(s: string): string {
  return encodeURIComponent(s).replaceAll("%20", "+");
}

function decodeText(s: string): string | null {
  if (s.length > 300) return null;
  try {
    return decodeURIComponent(s.replaceAll("+", "%20"));
  } catch {
    return null;
  }
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function fromBase64Url(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return null;
  try {
    const binary = atob(s.replaceAll("-", "+").replaceAll("_", "/"));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}
