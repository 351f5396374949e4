// The public API, the badge (and the widget script) are read by other sites: open to every origin
// (no credentials, so "*" is safe and needs no Vary), loadable across origins despite
// secureHeaders' Cross-Origin-Resource-Policy: same-origin, and never setting a cookie, so a CDN
// may keep one copy for everyone.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../web/env.ts";

// POST only for /api/v1/verify, which reads nothing of the caller's and changes nothing.
const METHODS = "GET, HEAD, POST, OPTIONS";

export function openToOtherSites(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === "OPTIONS") {
      return c.body(null, 204, {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Methods": METHODS,
        // Whatever a fetch() asks to send (If-None-Match, Accept-Language, Content-Type): no credentials.
        "Access-Control-Allow-Headers": c.req.header("Access-Control-Request-Headers") ?? "If-None-Match",
        "Access-Control-Max-Age": "86400",
        "Cross-Origin-Resource-Policy": "cross-origin",
      });
    }
    await next();
    // A lean answer carries these headers already (web/security-headers.ts, publicData).
    if (c.get("leanAnswer")) return;
    const h = c.res.headers;
    h.set("Access-Control-Allow-Origin", "*");
    h.set("Access-Control-Expose-Headers", "ETag, Retry-After");
    h.set("Cross-Origin-Resource-Policy", "cross-origin");
    h.delete("Set-Cookie");
    // Errors are not for caches: a number unknown now may be issued a minute later.
    if (c.res.status >= 400 && !h.has("Cache-Control")) h.set("Cache-Control", "no-store");
  };
}
