// The security headers of every answer, as plain objects made once per configuration: the pages'
// set (a strict CSP without 'unsafe-inline', no framing, no sniffing) and the smaller set of the
// public data other sites read (JSON, the badge, the widget script), which is open to every
// origin and never rendered as a page of ours. The values are those hono/secure-headers gave
// with our options; one object is cheaper to send than a Headers object filled per request.
import type { MiddlewareHandler } from "hono";
import type { Config } from "../lib/config.ts";
import type { AppEnv } from "./env.ts";

export type HeaderSet = Readonly<Record<string, string>>;

export interface SecurityHeaders {
  /** HTML pages, fragments, our own scripts and stylesheets, downloads. */
  page: HeaderSet;
  /** Answers any site may read: CORS open, loadable across origins, no cookies. */
  publicData: HeaderSet;
}

const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

const made = new WeakMap<Pick<Config, "production">, SecurityHeaders>();

export function securityHeaders(config: Pick<Config, "production">): SecurityHeaders {
  let set = made.get(config);
  if (set) return set;
  const hsts: Record<string, string> = config.production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {};
  set = {
    page: Object.freeze({
      "Content-Security-Policy": PAGE_CSP,
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Resource-Policy": "same-origin",
      "Origin-Agent-Cluster": "?1",
      "Referrer-Policy": "same-origin",
      ...hsts,
      "X-Content-Type-Options": "nosniff",
      "X-DNS-Prefetch-Control": "off",
      "X-Download-Options": "noopen",
      "X-Frame-Options": "SAMEORIGIN",
      "X-Permitted-Cross-Domain-Policies": "none",
      "X-XSS-Protection": "0",
    }),
    publicData: Object.freeze({
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Expose-Headers": "ETag, Retry-After",
      "Cross-Origin-Resource-Policy": "cross-origin",
      // Nothing here is a page: should a browser open one as a document, it may run and load nothing.
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
      "X-Content-Type-Options": "nosniff",
      ...hsts,
    }),
  };
  made.set(config, set);
  return set;
}

/**
 * Gives every answer the page headers it has not set itself (a route that sets its own keeps it).
 * An answer made whole with its headers (web/lean-answer.ts) is left as it is.
 */
export function withSecurityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.get("leanAnswer")) return;
    const h = c.res.headers;
    for (const [name, value] of Object.entries(securityHeaders(c.get("deps").config).page)) if (!h.has(name)) h.set(name, value);
  };
}
