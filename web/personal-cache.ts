// A logged-in person's pages show their personnummer, applications and invoices; the account
// pages carry one-time codes and reset tokens. No cache, shared or the browser's own, keeps
// them. The public answers (/c, /api, /badge, /widgets) and /static keep their own caching.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env.ts";

export const NO_STORE = "no-store, private";

/** The portal, the staff pages and the account pages, whoever asks. */
const PERSONAL_PATHS = /^\/(min-sida|personal|logga-in|logga-ut|utloggad|registrera-konto|registrera-foretag|glomt-losenord|aterstall-losenord|bekrafta-epost|bankid)(\/|$)/;

/** Paths that are the same for everyone and set their own Cache-Control. */
const SHARED_PATHS = /^\/(static|api|badge|c|widgets)\//;

export function noStoreForPersonalPages(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (SHARED_PATHS.test(c.req.path)) return;
    // Any page seen while logged in shows who is logged in.
    if (c.var.user || PERSONAL_PATHS.test(c.req.path)) c.res.headers.set("Cache-Control", NO_STORE);
  };
}
