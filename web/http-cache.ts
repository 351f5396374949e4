import type { Context } from "hono";
import { acceptedEncoding, clientHas, etagOf, type FixedBody } from "../lib/etag.ts";
import type { AppEnv } from "./env.ts";
import { leanAnswer } from "./lean-answer.ts";
import type { HeaderSet } from "./security-headers.ts";

export interface CacheableHeaders {
  contentType: string;
  cacheControl: string;
  status?: 200 | 404;
  /** The security headers of this kind of answer (web/security-headers.ts). */
  base: HeaderSet;
  /** The answer differs by Accept-Encoding (a fixed body sent plain to a client that takes no encoding). */
  vary?: boolean;
}

/**
 * A body with an ETag computed from it and the given Cache-Control; 304 without a body when the
 * client already has it (If-None-Match, weak or strong, or *).
 */
export function cacheable(c: Context<AppEnv>, body: string, headers: CacheableHeaders): Response {
  return tagged(c, etagOf(body), () => body, headers);
}

/**
 * The same with a tag known before the body is made (a fixed body's, or one derived from the data
 * the body shows): a 304 then costs no rendering at all.
 */
export function tagged(c: Context<AppEnv>, etag: string, render: () => string | Uint8Array, headers: CacheableHeaders): Response {
  const status = headers.status ?? 200;
  const vary: Record<string, string> = headers.vary ? { Vary: "Accept-Encoding" } : {};
  // 304 stands for a 200 the client has; an answer that says "not found" is always sent whole.
  if (status === 200 && clientHas(c.req.header("If-None-Match"), etag)) {
    return leanAnswer(c, 304, null, headers.base, { ETag: etag, "Cache-Control": headers.cacheControl, ...vary });
  }
  return leanAnswer(c, status, render(), headers.base, { "Content-Type": headers.contentType, ETag: etag, "Cache-Control": headers.cacheControl, ...vary });
}

/** Caches may keep a versioned URL for a year; the plain URL is checked again after five minutes. */
export const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * A fixed body: a year when the URL names its version (`?v=`), otherwise `plain`; compressed
 * once (brotli or gzip, whichever the client takes), with a tag per encoding.
 */
export function sendFixed(c: Context<AppEnv>, fixed: FixedBody, contentType: string, plain: string, base: HeaderSet): Response {
  const cacheControl = c.req.query("v") === fixed.version ? IMMUTABLE : plain;
  const encoding = acceptedEncoding(c.req.header("Accept-Encoding"));
  if (!encoding) return tagged(c, fixed.etag, () => fixed.bytes, { contentType, cacheControl, base, vary: true });
  const { bytes, etag } = fixed.encoded[encoding];
  const own = { ETag: etag, "Cache-Control": cacheControl, Vary: "Accept-Encoding" };
  if (clientHas(c.req.header("If-None-Match"), etag)) return leanAnswer(c, 304, null, base, own);
  return leanAnswer(c, 200, bytes, base, { ...own, "Content-Type": contentType, "Content-Encoding": encoding });
}
