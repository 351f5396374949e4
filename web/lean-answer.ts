import type { Context } from "hono";
import type { AppEnv } from "./env.ts";
import type { HeaderSet } from "./security-headers.ts";

/**
 * An answer made whole, its headers one plain object (the security set, the answer's own, the
 * request id): the cheapest answer @hono/node-server can send. Nothing after the handler touches
 * its headers (request log, security headers, CORS look at c.get("leanAnswer")), since touching them
 * would turn them into a Headers object. For the public read path (issue 14).
 */
export function leanAnswer(c: Context<AppEnv>, status: number, body: string | Uint8Array | null, base: HeaderSet, own: Record<string, string>): Response {
  c.set("leanAnswer", true);
  return new Response(body as BodyInit | null, { status, headers: { ...base, ...own, "X-Request-Id": c.get("requestId") } });
}
