import type { Context } from "hono";
import type { AppEnv } from "./env.ts";
import type { HeaderSet } from "./security-headers.ts";

/** What a lean answer was made of: its status, body and headers but the request id. */
export interface LeanParts {
  status: number;
  body: string | Uint8Array | null;
  /** The security headers of its kind (web/security-headers.ts). */
  base: HeaderSet;
  /** Its own: Content-Type, ETag, Cache-Control, Vary and the like. */
  own: Readonly<Record<string, string>>;
}

/**
 * An answer made whole, its headers one plain object (the security set, the answer's own, the
 * request id): the cheapest answer @hono/node-server can send. Nothing after the handler touches
 * its headers (request log, security headers, CORS look at c.get("leanAnswer")), since touching them
 * would turn them into a Headers object. For the public read path (issue 14). Its parts stay on
 * the context for the hot path's answer cache (web/hot-reads.ts).
 */
export function leanAnswer(c: Context<AppEnv>, status: number, body: string | Uint8Array | null, base: HeaderSet, own: Record<string, string>): Response {
  c.set("leanAnswer", { status, body, base, own });
  return new Response(body as BodyInit | null, { status, headers: { ...base, ...own, "X-Request-Id": c.get("requestId") } });
}
