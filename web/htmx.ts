import type { Context } from "hono";

export function isHtmx(c: Context): boolean {
  return c.req.header("HX-Request") === "true";
}

/**
 * After a successful form post: htmx follows HX-Redirect (headers are ignored on 3xx), a plain
 * browser follows 303 See Other.
 */
export function redirectAfterPost(c: Context, url: string): Response {
  if (isHtmx(c)) {
    c.header("HX-Redirect", url);
    return c.body(null, 204);
  }
  return c.redirect(url, 303);
}
