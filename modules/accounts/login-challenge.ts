import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { loginChallenges } from "../../db/schema/index.ts";
import { secretMatches, splitToken } from "../../lib/crypto/tokens.ts";
import { Invalid } from "../../lib/errors.ts";
import { CODE_MAX_ATTEMPTS } from "./login-limits.ts";

export const LOGIN_AGAIN = "Inloggningen har gått ut. Logga in igen för att få en ny kod.";
export const CODE_LOCKED = "Koden är spärrad efter fem felaktiga försök. Logga in igen för att få en ny kod.";

/** The challenge behind the browser's cookie, if it can still be used. */
export async function openChallenge(db: DbOrTx, token: string | undefined, now: Date) {
  const row = await liveChallenge(db, token, now);
  if (row.attempts >= CODE_MAX_ATTEMPTS) throw new Invalid({ code: CODE_LOCKED }, CODE_LOCKED);
  return row;
}

/** Like openChallenge, but also one whose five tries are spent (its account's lock comes first). */
export async function liveChallenge(db: DbOrTx, token: string | undefined, now: Date) {
  const parts = splitToken(token);
  const row = parts ? await db.select().from(loginChallenges).where(eq(loginChallenges.id, parts.id)).get() : undefined;
  if (!row || !parts || !secretMatches(parts.secret, row.secretHash) || row.usedAt || row.expiresAt <= now) {
    throw new Invalid({ code: LOGIN_AGAIN }, LOGIN_AGAIN);
  }
  return row;
}
