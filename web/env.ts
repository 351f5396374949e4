import type { Deps } from "../modules/deps.ts";
import type { SessionUser } from "../modules/accounts/index.ts";
import type { Logger } from "../lib/log.ts";
import type { LeanParts } from "./lean-answer.ts";

/** What every request handler can read from the context. */
export interface AppEnv {
  Variables: {
    deps: Deps;
    user: SessionUser | null;
    /** This request's id: in the log, the X-Request-Id header and the Felkod on an error page. */
    requestId: string;
    /** The process's log; requestLogger(c) gives it with this request's id on every line. */
    log: Logger;
    /** Set by an answer made whole with its headers: what it was made of (web/lean-answer.ts). */
    leanAnswer?: LeanParts | null;
    /** The address chose the language (?lang=): it wins over the account's setting (web/language.ts). */
    languageFromAddress?: boolean;
    /** This request's count against PUBLIC_RATE_LIMIT, once made (public-site/rate-limit.ts). */
    publicLookup?: { allowed: boolean; retryAfterSeconds: number };
  };
}
