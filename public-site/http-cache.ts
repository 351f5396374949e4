import { createHash } from "node:crypto";
import type { Context } from "hono";

/**
 * A body with an ETag computed from it and the given Cache-Control; 304 without a body when the
 * client already has it (If-None-Match, weak or strong, or *).
 */
export function cacheable(c: Context, body: string, headers: { contentType: string; cacheControl: string; status?: 200 | 404 }): Response {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
  c.header("ETag", etag);
  c.header("Cache-Control", headers.cacheControl);
  const status = headers.status ?? 200;
  // 304 stands for a 200 the client has; an answer that says "not found" is always sent whole.
  if (status === 200 && matches(c.req.header("If-None-Match"), etag)) return c.body(null, 304);
  return c.body(body, status, { "Content-Type": headers.contentType });
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag.replace(/^W\//, "") === etag;
  });
}
