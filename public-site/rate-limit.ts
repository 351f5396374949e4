import type { Context, MiddlewareHandler } from "hono";
import { TooManyRequests } from "../lib/errors.ts";
import { MemoryRateLimiter } from "../lib/rate-limit-memory.ts";
import type { Deps } from "../modules/deps.ts";
import type { AppEnv } from "../web/env.ts";
import { clientIp } from "../web/form-input.ts";
import { t } from "../lib/i18n/index.ts";

// One count per app (its deps), shared by the API, /c and Kontrollera certifikat.
const limiters = new WeakMap<Deps, MemoryRateLimiter>();

/**
 * PUBLIC_RATE_LIMIT lookups a minute per client address. Counted in this process's memory: these
 * are cheap reads, and a database write per lookup halved their throughput (see the benchmark).
 * Above it: 429 with Retry-After, as problem+json on /api and as a page elsewhere (web/errors.tsx).
 */
export function publicRateLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const r = countPublicLookup(c);
    // The message is said only when it is needed: nothing added to a lookup that is let through.
    if (!r.allowed) throw new TooManyRequests(r.retryAfterSeconds, t("rate.publicLookups"));
    await next();
  };
}

/**
 * Counts one lookup from the client's address: whether it is within PUBLIC_RATE_LIMIT a minute.
 * Once per request: a request the hot reads (web/hot-reads.ts) hand on to the general chain gets
 * the count they made, not a second one.
 */
export function countPublicLookup(c: Context<AppEnv>): { allowed: boolean; retryAfterSeconds: number } {
  const counted = c.get("publicLookup");
  if (counted) return counted;
  const deps = c.get("deps");
  if (deps.config.publicRateLimit <= 0) return LET_THROUGH;
  let limiter = limiters.get(deps);
  if (!limiter) limiters.set(deps, (limiter = new MemoryRateLimiter()));
  const r = limiter.hit(`public:ip:${clientIp(c)}`, deps.config.publicRateLimit, 60_000, deps.clock.now().getTime());
  c.set("publicLookup", r);
  return r;
}

const LET_THROUGH = Object.freeze({ allowed: true, retryAfterSeconds: 0 });
