import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { emailTokens } from "../../db/schema/index.ts";
import { secretMatches, splitToken } from "../../lib/crypto/tokens.ts";

/** A mailed link's token, if it is the right kind, unused and not expired. */
export async function openEmailToken(db: DbOrTx, token: string | undefined, purpose: "password_reset" | "email_change", now: Date) {
  const parts = splitToken(token);
  if (!parts) return null;
  const row = await db.select().from(emailTokens).where(eq(emailTokens.id, parts.id)).get();
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= now || !secretMatches(parts.secret, row.secretHash)) return null;
  return row;
}
