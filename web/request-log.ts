import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import type { Context, MiddlewareHandler } from "hono";
import type { Logger } from "../lib/log.ts";
import type { AppEnv } from "./env.ts";

/** A proxy's id is taken over only in this shape: nothing that could forge or break a log line. */
const TRUSTED_ID = /^[A-Za-z0-9-]{8,64}$/;
/** A query parameter's name as our forms and links write them; anything else may be typed data. */
const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,31}$/;

// Random bytes are drawn a few kilobytes at a time: one draw per request was a measurable share
// of a cheap public read.
const POOL = new Uint8Array(4096);
let poolAt = POOL.length;

/** 12 characters of base32 (60 random bits): short enough to read out on the phone. */
export function newRequestId(): string {
  if (poolAt + 8 > POOL.length) {
    crypto.getRandomValues(POOL);
    poolAt = 0;
  }
  const bytes = POOL.subarray(poolAt, poolAt + 8);
  poolAt += 8;
  return encodeBase32LowerCaseNoPadding(bytes).slice(0, 12);
}

/**
 * Ten or more digits in a path (possibly with the - or + of a personnummer): an
 * organisationsnummer, whose sole trader's number is their personnummer, or a personnummer typed
 * into an address. Certificate numbers and ids are shorter or not all digits.
 */
const NUMBER_LIKE_PERSONNUMMER = /\d{6,8}[-+]?\d{4}|\d{10,}/g;

/**
 * The path as logged: query values go (a search for a personnummer, a ?token= from a mail),
 * the parameter names stay (`/sok?q=&sida=`) so one can still tell which search or filter ran.
 * A name that does not look like one of ours is left out too: someone may have typed data there.
 * A number in the path that may be a personnummer is written as "…".
 */
export function loggablePath(url: string): string {
  const q = url.indexOf("?");
  // Most requests have no query: the path is taken from the URL without parsing it whole.
  const { pathname: raw, searchParams } = q === -1 ? { pathname: new URL(url).pathname, searchParams: null } : new URL(url);
  const pathname = raw.replace(NUMBER_LIKE_PERSONNUMMER, "…");
  const names = searchParams ? [...new Set(searchParams.keys())].filter((n) => PARAMETER_NAME.test(n)) : [];
  return names.length ? `${pathname}?${names.map((n) => `${n}=`).join("&")}` : pathname;
}

/**
 * One JSON line per request – id, method, path, status and milliseconds to the response – and the
 * id on every answer as X-Request-Id, so the Felkod a person quotes finds their request and error.
 * Registered first, so it also sees the answers that middleware gives on its own (413, 403). A
 * proxy's id (TRUST_PROXY) is taken over when it has a safe shape.
 */
export function requestLog(log: Logger, options: { trustProxy: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const requestId = requestIdOf(c, options.trustProxy);
    c.set("requestId", requestId);
    c.set("log", log);
    // Errors become responses inside next() (onError); anything thrown past it still gets its line.
    let status = 500;
    try {
      await next();
      status = c.res.status;
      // On the answer's own headers: c.header() after the handler would rebuild the whole
      // response (a stream for its body). A lean answer (web/lean-answer.ts) carries the id already.
      if (!c.get("leanAnswer")) c.res.headers.set("X-Request-Id", requestId);
    } finally {
      logRequest(log, c, requestId, status, started);
    }
  };
}

/** The request's one line: id, method, path as logged, status and milliseconds since `started`. */
export function logRequest(log: Logger, c: Context<AppEnv>, requestId: string, status: number, started: number): void {
  const ms = Math.round((performance.now() - started) * 10) / 10;
  log[status >= 500 ? "error" : "info"]({ requestId, method: c.req.method, path: loggablePath(c.req.url), status, ms }, "förfrågan");
}

/** The proxy's id of the request (TRUST_PROXY, in a safe shape) or a new one. */
export function requestIdOf(c: Context<AppEnv>, trustProxy: boolean): string {
  // Only a proxy of our own may name the request; a client could otherwise pick its own Felkod.
  const incoming = trustProxy ? c.req.header("X-Request-Id") : undefined;
  return incoming && TRUSTED_ID.test(incoming) ? incoming : newRequestId();
}

/** The log with this request's id on every line (made when asked: most requests never ask). */
export function requestLogger(c: Context<AppEnv>): Logger {
  return c.get("log").child({ requestId: c.get("requestId") });
}
