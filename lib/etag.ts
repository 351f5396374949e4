import { createHash } from "node:crypto";

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
  etag: string;
  /** A short version for URLs (`?v=`): changes when the body does. */
  version: string;
}

export function fixedBody(body: string): FixedBody {
  const etag = etagOf(body);
  return { body, etag, version: etag.slice(1, 13) };
}
