import type { Context } from "hono";

/** RFC 9457 problem details, in Swedish, for the public API's 400 and 404. */
export function problem(c: Context, status: 400 | 404, title: string, detail: string): Response {
  return c.body(JSON.stringify({ type: "about:blank", title, status, detail }), status, { "Content-Type": "application/problem+json; charset=utf-8" });
}
