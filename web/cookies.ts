import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "./env.ts";

/** `__Host-` pins the cookie to our origin over HTTPS; plain names on a laptop's http://localhost. */
function name(c: Context<AppEnv>, base: string): string {
  return c.var.deps.config.production ? `__Host-${base}` : base;
}

export const SESSION = "session";
export const LOGIN_CHALLENGE = "login";
export const BANKID_ORDER = "bankid";
export const REGISTRATION = "registration";
/** The language a visitor chose with the switch (web/language.ts). */
export const LANGUAGE = "lang";

export function readCookie(c: Context<AppEnv>, base: string): string | undefined {
  return getCookie(c, name(c, base));
}

export function writeCookie(c: Context<AppEnv>, base: string, value: string, maxAgeSeconds?: number): void {
  setCookie(c, name(c, base), value, {
    httpOnly: true,
    secure: c.var.deps.config.production,
    sameSite: "Lax",
    path: "/",
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  });
}

export function clearCookie(c: Context<AppEnv>, base: string): void {
  deleteCookie(c, name(c, base), { path: "/", secure: c.var.deps.config.production });
}
