import type { MiddlewareHandler } from "hono";
import { enforce } from "../lib/rate-limit.ts";
import type { AppEnv } from "../web/env.ts";
import { clientIp } from "../web/form-input.ts";

/**
 * PUBLIC_RATE_LIMIT lookups a minute per client address, shared by the API, /c and Kontrollera
 * certifikat, counted in the database so every process sees the same count. Above it: 429 with
 * Retry-After, as problem+json on /api and as a page elsewhere (web/errors.tsx).
 */
export function publicRateLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db, clock, config } = c.var.deps;
    if (config.publicRateLimit > 0) {
      await enforce(db, [{ key: `public:ip:${clientIp(c)}`, max: config.publicRateLimit, windowMs: 60_000 }], clock.now(), "Du har gjort många kontroller på kort tid.");
    }
    await next();
  };
}
