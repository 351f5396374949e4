// The public read path's most asked addresses, answered ahead of the site's general middleware
// (issue 14, docs/decisions/025-hot-reads.md): a certificate and a company in the API, the badge,
// the widget script and /c/{number}. Every embedding site, QR code and integration asks these, and
// the chain every other request goes through (the request log's middleware, the language, the
// security headers, CORS, the rate limit, each an async step of its own) cost a fifth of such an
// answer. Here one step does what that chain does for these GETs:
//
//   the request id and the JSON log line       web/request-log.ts's, the same line
//   the rate limit of the public lookups       the same count (public-site/rate-limit.ts)
//   the language of /c/…                       the address or Accept-Language (web/language.ts)
//   the security and CORS headers              carried by the handler's lean answer
//
// and runs the very handlers the general routes run. Anything that is not a plain answer made
// whole (a thrown error, a rate limit reached, an answer without its headers) is handed on
// untouched to the general chain, which answers it as it always has: these handlers only read,
// so running one again changes nothing.
import type { Context, Hono, MiddlewareHandler } from "hono";
import type { Logger } from "../lib/log.ts";
import { inLanguage } from "../lib/i18n/index.ts";
import type { Deps } from "../modules/deps.ts";
import { certificateAnswer, companyAnswer } from "../public-site/api/routes.ts";
import { badgeAnswer } from "../public-site/badge.ts";
import { WIDGET_SCRIPT_PATH, widgetScriptAnswer } from "../public-site/embed.tsx";
import { countPublicLookup } from "../public-site/rate-limit.ts";
import { certificatePage } from "../public-site/routes.tsx";
import type { AppEnv } from "./env.ts";
import { sharedPageLanguage } from "./language.ts";
import { logRequest, requestIdOf } from "./request-log.ts";
import type { LeanParts } from "./lean-answer.ts";
import { clientHas } from "../lib/etag.ts";
import { swedishDate } from "../lib/dates.ts";

type Handler = (c: Context<AppEnv>) => Promise<Response>;

interface HotRoute {
  /** Counted against PUBLIC_RATE_LIMIT, as the general route is (the API and /c/…). */
  limited: boolean;
  /** Rendered in the page language of the public read path (/c/…). */
  page: boolean;
  /** Its tags are kept between writes, for revalidations (the widget script's is fixed; /c/… has none). */
  kept: boolean;
}

/** Registers the hot GETs on the app; call it before any app.use("*", …). */
export function mountHotReads(app: Hono<AppEnv>, deps: Deps, log: Logger): void {
  const tags = new TagCache(KEPT_TAGS);
  const trustProxy = deps.config.trustProxy;
  const hot = (handler: Handler, route: HotRoute): MiddlewareHandler<AppEnv> => {
    return async (c, next) => {
      c.set("deps", deps);
      // Above the limit: the general chain counts it again and answers 429 as everywhere else.
      if (route.limited && !countPublicLookup(c).allowed) return next();
      const started = performance.now();
      const requestId = requestIdOf(c, trustProxy);
      c.set("requestId", requestId);
      c.set("log", log);
      c.set("user", null);
      const lang = route.page ? sharedPageLanguage(c) : null;
      // A revalidation is answered from the kept tags while nothing was written (and it is the same day).
      const ifNoneMatch = route.kept ? c.req.header("If-None-Match") : undefined;
      const stamp = ifNoneMatch ? tags.stamp(deps.reads.dataVersion(), swedishDate(deps.clock.now())) : null;
      const key = stamp === null ? "" : pathAndQuery(c.req.url);
      let res = stamp === null ? null : tags.notModified(key, ifNoneMatch!, requestId);
      if (!res) {
        try {
          res = lang ? await inLanguage(lang, () => handler(c)) : await handler(c);
        } catch {
          // The general chain runs it again, with its error page, its Felkod and its log line.
          c.set("leanAnswer", null);
          return next();
        }
        const parts = c.get("leanAnswer");
        if (!parts) return next();
        if (stamp !== null) tags.keep(stamp, key, parts);
      }
      logRequest(log, c, requestId, res.status, started);
      return res;
    };
  };
  const data: HotRoute = { limited: true, page: false, kept: true };
  app.get("/api/v1/certificates/:number", hot(certificateAnswer, data));
  app.get("/api/v1/companies/:orgNumber", hot(companyAnswer, data));
  app.get("/badge/:file", hot(badgeAnswer, { limited: false, page: false, kept: true }));
  app.get(WIDGET_SCRIPT_PATH, hot(widgetScriptAnswer, { limited: false, page: false, kept: false }));
  // Digits only: /c/sw.js and the offline page are the credential routes' (public-site/reads.ts).
  app.get("/c/:number{[0-9]+}", hot(certificatePage, { limited: true, page: true, kept: false }));
}

/** "/api/v1/certificates/10001?on=…" of "http://host/api/v1/certificates/10001?on=…". */
function pathAndQuery(url: string): string {
  return url.slice(url.indexOf("/", url.indexOf("//") + 2));
}

/** At most this many tags are kept; then all are forgotten and kept afresh. */
const KEPT_TAGS = 20_000;

interface KeptTag {
  etag: string;
  /** The headers of the 304: the answer's own but Content-Type and Content-Encoding, and its kind's security set. */
  notModified: Readonly<Record<string, string>>;
}

/**
 * What the client's If-None-Match is checked against: the tags of the hot answers, kept exactly
 * as long as nothing was written and the day is the same. SQLite's data_version on the read
 * connection changes with every write committed by any connection, of this process or another,
 * so after a suspension the very next request reads the database again (the statuses also depend
 * on the date: a new day starts afresh). Asked only by a conditional request, so a plain one costs
 * nothing more; without a data_version (a libSQL server) nothing is kept.
 */
export class TagCache {
  private current: string | null = null;
  private readonly kept = new Map<string, KeptTag>();

  constructor(private readonly most: number) {}

  /** The stamp to keep tags under now, or null to keep none; forgets all on a new one. */
  stamp(version: number | null, day: string): string | null {
    if (version === null) return null;
    const stamp = `${version} ${day}`;
    if (stamp !== this.current) {
      this.kept.clear();
      this.current = stamp;
    }
    return stamp;
  }

  /** The 304 for a client that has the kept tag, or null. */
  notModified(key: string, ifNoneMatch: string, requestId: string): Response | null {
    const k = this.kept.get(key);
    if (!k || !clientHas(ifNoneMatch, k.etag)) return null;
    return new Response(null, { status: 304, headers: { ...k.notModified, "X-Request-Id": requestId } });
  }

  /** Keeps the tag of an answer just made (a 200 or 304 with an ETag) under the stamp it was asked under. */
  keep(stamp: string, key: string, parts: LeanParts): void {
    const etag = parts.own.ETag;
    // A write meanwhile: the next request forgets everything kept under the old stamp anyway.
    if (stamp !== this.current || !etag || (parts.status !== 200 && parts.status !== 304)) return;
    if (this.kept.size >= this.most) this.kept.clear();
    const notModified: Record<string, string> = { ...parts.base };
    for (const [name, value] of Object.entries(parts.own)) if (name !== "Content-Type" && name !== "Content-Encoding") notModified[name] = value;
    this.kept.set(key, { etag, notModified });
  }
}
