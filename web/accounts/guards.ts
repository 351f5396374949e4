import type { MiddlewareHandler } from "hono";
import { Forbidden } from "../../lib/errors.ts";
import { canOpenStaffArea } from "../../modules/accounts/index.ts";
import type { AppEnv } from "../env.ts";
import { t } from "../../lib/i18n/index.ts";

export const CHANGE_PASSWORD_PATH = "/min-sida/andra-losenord";

/** Pages behind login; a one-time password must be replaced before anything else. */
export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  const user = c.var.user;
  if (!user) {
    const next = c.req.method === "GET" ? `?next=${encodeURIComponent(c.req.path)}` : "";
    return c.redirect(`/logga-in${next}`, 303);
  }
  if (user.mustChangePassword && c.req.path !== CHANGE_PASSWORD_PATH) return c.redirect(CHANGE_PASSWORD_PATH, 303);
  await next();
};

export const requireStaff: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!canOpenStaffArea(c.var.user)) throw new Forbidden(t("guard.staffOnly"));
  await next();
};

/** Only local paths, so a crafted link cannot send someone elsewhere after login. */
export function safeNext(next: string | undefined | null): string | null {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return null;
  return next;
}
