import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { loginChallenges } from "../../db/schema/index.ts";
import { secretMatches, splitToken } from "../../lib/crypto/tokens.ts";
import { Invalid } from "../../lib/errors.ts";
import { CODE_MAX_ATTEMPTS } from "./login-limits.ts";
import { t } from "../../lib/i18n/index.ts";

export const loginAgain = () => t("login.expired");
export const codeLocked = () => t("login.code.locked");

/** The challenge behind the browser's cookie, if it can still be used. */
export async function openChallenge(db: DbOrTx, token: string | undefined, now: Date) {
  const row = await liveChallenge(db, token, now);
  if (row.attempts >= CODE_MAX_ATTEMPTS) throw new Invalid({ code: codeLocked() }, codeLocked());
  return row;
}

/** Like openChallenge, but also one whose five tries are spent (its account's lock comes first). */
export async function liveChallenge(db: DbOrTx, token: string | undefined, now: Date) {
  const parts = splitToken(token);
  const row = parts ? await db.select().from(loginChallenges).where(eq(loginChallenges.id, parts.id)).get() : undefined;
  if (!row || !parts || !secretMatches(parts.secret, row.secretHash) || row.usedAt || row.expiresAt <= now) {
    throw new Invalid({ code: loginAgain() }, loginAgain());
  }
  return row;
}
