import type { Context } from "hono";

/**
 * A request from htmx that wants a fragment. Going back in history htmx fetches the page to put
 * in the whole body, so that request gets the whole page.
 */
export function isHtmx(c: Context): boolean {
  return c.req.header("HX-Request") === "true" && c.req.header("HX-History-Restore-Request") !== "true";
}

/**
 * Sends the browser on after a form post (or when an htmx poll is done): htmx follows HX-Redirect
 * (headers are ignored on 3xx), a plain browser follows 303 See Other.
 */
export function redirectAfterPost(c: Context, url: string): Response {
  if (isHtmx(c)) {
    c.header("HX-Redirect", url);
    return c.body(null, 204);
  }
  return c.redirect(url, 303);
}
