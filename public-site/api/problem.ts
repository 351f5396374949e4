import type { Context } from "hono";
import type { AppEnv } from "../../web/env.ts";
import { leanAnswer } from "../../web/lean-answer.ts";
import { securityHeaders } from "../../web/security-headers.ts";

/**
 * RFC 9457 problem details, in Swedish, for the public API's 400, 404, 413 and 415. Not for caches: a number
 * unknown now may be issued a minute later.
 */
export function problem(c: Context<AppEnv>, status: 400 | 404 | 413 | 415, title: string, detail: string): Response {
  return leanAnswer(c, status, JSON.stringify({ type: "about:blank", title, status, detail }), securityHeaders(c.get("deps").config).publicData, {
    "Content-Type": "application/problem+json; charset=utf-8",
    "Cache-Control": "no-store",
  });
}
