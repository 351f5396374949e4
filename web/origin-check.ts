// CSRF: a request that may change something must come from a page of this site. hono/csrf checks
// only the content types a plain HTML form can send and leaves the rest to the browser's CORS
// preflight; the routes read the session whatever the body is, so resting on the preflight would
// leave every route one CORS header (or one browser quirk) away from a forged post. Here every
// method but GET, HEAD and OPTIONS is checked, whatever its content type.
import type { Context, MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./env.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Lets a state-changing request through when the browser says it came from this origin: its
 * Origin header is one we accept, or (browsers that send it) Sec-Fetch-Site is same-origin.
 * A request with neither is refused: every browser in use sends Origin on a POST.
 */
export function sameOriginOnly(isAllowedOrigin: (origin: string, c: Context<AppEnv>) => boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header("Origin");
      const fetchSite = c.req.header("Sec-Fetch-Site");
      const allowed = fetchSite === "same-origin" || (origin !== undefined && isAllowedOrigin(origin, c));
      if (!allowed) throw new HTTPException(403, { message: "Forbidden" });
    }
    await next();
  };
}
