import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** A strong ETag for a body: the same bytes, the same tag, in every process and release. */
export function etagOf(body: string | Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** Whether the client already has this tag (If-None-Match: a list, weak or strong, or *). */
export function clientHas(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag.replace(/^W\//, "") === etag;
  });
}

/** A body that never changes while the process runs, with its tag computed once. */
export interface FixedBody {
  body: string;
  /** The body as UTF-8, encoded once: a string body would be encoded again for every answer. */
  bytes: Uint8Array;
  etag: string;
  /** A short version for URLs (`?v=`): changes when the body does. */
  version: string;
  /** The body compressed once, for clients that accept it; each with its own tag. */
  encoded: { br: Encoded; gzip: Encoded };
}

export interface Encoded {
  bytes: Uint8Array;
  etag: string;
}

export function fixedBody(body: string): FixedBody {
  const etag = etagOf(body);
  const tagged = (suffix: string) => `${etag.slice(0, -1)}-${suffix}"`;
  return {
    body,
    bytes: Buffer.from(body, "utf8"),
    etag,
    version: etag.slice(1, 13),
    encoded: {
      br: { bytes: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(body) } }), etag: tagged("br") },
      gzip: { bytes: gzipSync(body, { level: 9 }), etag: tagged("gz") },
    },
  };
}

/** The best encoding the client accepts of br and gzip (q=0 refuses one), or null for none. */
export function acceptedEncoding(acceptEncoding: string | undefined): "br" | "gzip" | null {
  if (!acceptEncoding) return null;
  const accepted = new Set<string>();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (q && Number(q.slice(2)) === 0) continue;
    accepted.add(name!.trim());
  }
  if (accepted.has("br")) return "br";
  if (accepted.has("gzip")) return "gzip";
  return null;
}
