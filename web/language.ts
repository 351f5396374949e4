// Which language a request is answered in (docs/decisions/022), and the switch that chooses it.
//
//   ?lang=sv|en in the address     this answer, whoever asks (a link to an English page)
//   the account's setting          a logged-in person who chose (read with the session)
//   the cookie                     a visitor who chose with the switch
//   Accept-Language                a first visit: nothing chosen yet
//   Swedish                        no header at all (scripts, tests)
//
// The public read path is the same for everyone and may be kept by shared caches: the API, the
// badge and the widget script are Swedish whatever is asked (a contract; the widgets have their
// own `lang`), and /c/… reads only the address and Accept-Language, never a cookie, and says
// `Vary: Accept-Language`.
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { fromAcceptLanguage, inLanguage, isLanguage, switchLanguage, type Language } from "../lib/i18n/index.ts";
import { chooseLanguage, type SessionUser } from "../modules/accounts/index.ts";
import { LANGUAGE, readCookie, writeCookie } from "./cookies.ts";
import type { AppEnv } from "./env.ts";
import { formValues } from "./form-input.ts";

/** Answers every reader the same, in Swedish: no language is chosen for them. */
const CONTRACT_PATHS = /^\/(api|badge|widgets)\//;
/** On the public read path: the address and Accept-Language choose, never a cookie. */
const SHARED_PAGES = /^\/(c\/|verifiera\/utan-natverk$)/;

const YEAR_SECONDS = 365 * 24 * 60 * 60;

function fromAddress(c: Context<AppEnv>): Language | null {
  // Most addresses have no query at all: no parsing then.
  if (!c.req.url.includes("lang=")) return null;
  const asked = c.req.query("lang");
  return isLanguage(asked) ? asked : null;
}

/**
 * The language of a page on the public read path (/c/…): the address's ?lang=, else
 * Accept-Language, never a cookie (a shared cache keeps one answer per address and language).
 */
export function sharedPageLanguage(c: Context<AppEnv>): Language {
  return fromAddress(c) ?? fromAcceptLanguage(c.req.header("Accept-Language"));
}

/** Runs the rest of the request in its language. */
export function withLanguage(): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    const path = c.req.path;
    if (CONTRACT_PATHS.test(path)) return next();
    const asked = fromAddress(c);
    if (asked) c.set("languageFromAddress", true);
    let lang = asked;
    if (!lang && !SHARED_PAGES.test(path)) {
      const chosen = readCookie(c, LANGUAGE);
      if (isLanguage(chosen)) lang = chosen;
    }
    return inLanguage(lang ?? fromAcceptLanguage(c.req.header("Accept-Language")), next);
  };
}

/**
 * With the session read: an account's own choice wins over the cookie (not over ?lang=), and the
 * cookie learns it, so the pages after logging out stay in that language.
 */
export function useAccountLanguage(c: Context<AppEnv>, user: SessionUser): void {
  if (!user.language) return;
  if (!c.get("languageFromAddress")) switchLanguage(user.language);
  if (readCookie(c, LANGUAGE) !== user.language) rememberLanguage(c, user.language);
}

/** The cookie that remembers a visitor's choice (also set at login from the account's). */
export function rememberLanguage(c: Context<AppEnv>, lang: Language): void {
  writeCookie(c, LANGUAGE, lang, YEAR_SECONDS);
}

/**
 * Where the switch returns to: the page it was on, by the Referer (same-origin pages send it: the
 * pages' Referrer-Policy), if that page is ours; else the start page. A /c/… page gets its language
 * in its address, since those pages read no cookie. (The page's own address is not written into
 * the form: it may hold a number that is a personnummer, a sole trader's organisationsnummer.)
 */
export function returnAddress(referer: string | undefined, ours: (origin: string) => boolean, lang: Language): string {
  if (!referer) return "/";
  let url: URL;
  try {
    url = new URL(referer.slice(0, 4000));
  } catch {
    return "/";
  }
  if (!ours(url.origin) || url.pathname === "/sprak") return "/";
  url.searchParams.delete("lang");
  if (SHARED_PAGES.test(url.pathname)) url.searchParams.set("lang", lang);
  return url.pathname + url.search;
}

/** POST /sprak: the switch in the header (a form, so it works without JavaScript). */
export function languageRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post("/sprak", async (c) => {
    // An unreadable body (a cut-off multipart) is read as no choice: back to the page, unchanged.
    const form = await formValues(c);
    const lang = isLanguage(form.lang) ? form.lang : null;
    const { config } = c.get("deps");
    // As the Origin check: the public origin, or on a laptop whatever host the browser used.
    const ours = (origin: string) => origin === new URL(config.publicUrl).origin || (!config.production && origin === new URL(c.req.url).origin);
    const back = (l: Language) => returnAddress(c.req.header("Referer"), ours, l);
    if (!lang) return c.redirect(back("sv"), 303);
    rememberLanguage(c, lang);
    const user = c.get("user");
    if (user) await chooseLanguage(c.get("deps"), user, lang);
    return c.redirect(back(lang), 303);
  });
  return app;
}
