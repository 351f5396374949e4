import type { Context } from "hono";
import { clientHas, etagOf, type FixedBody } from "../lib/etag.ts";

/**
 * A body with an ETag computed from it and the given Cache-Control; 304 without a body when the
 * client already has it (If-None-Match, weak or strong, or *).
 */
export function cacheable(c: Context, body: string, headers: { contentType: string; cacheControl: string; status?: 200 | 404 }): Response {
  return tagged(c, etagOf(body), () => body, headers);
}

/**
 * The same with a tag known before the body is made (a fixed body's, or one derived from the data
 * the body shows): a 304 then costs no rendering at all.
 */
export function tagged(c: Context, etag: string, render: () => string, headers: { contentType: string; cacheControl: string; status?: 200 | 404 }): Response {
  c.header("ETag", etag);
  c.header("Cache-Control", headers.cacheControl);
  const status = headers.status ?? 200;
  // 304 stands for a 200 the client has; an answer that says "not found" is always sent whole.
  if (status === 200 && clientHas(c.req.header("If-None-Match"), etag)) return c.body(null, 304);
  return c.body(render(), status, { "Content-Type": headers.contentType });
}

/** Caches may keep a versioned URL for a year; the plain URL is checked again after five minutes. */
export const IMMUTABLE = "public, max-age=31536000, immutable";

/** A fixed body: a year when the URL names its version (`?v=`), otherwise `plain`. */
export function sendFixed(c: Context, fixed: FixedBody, contentType: string, plain: string): Response {
  const cacheControl = c.req.query("v") === fixed.version ? IMMUTABLE : plain;
  return tagged(c, fixed.etag, () => fixed.body, { contentType, cacheControl });
}
