import { enqueueMail } from "../outbox/outbox.ts";
import { emailTokens } from "../../db/schema/index.ts";
import { issueToken } from "../../lib/crypto/tokens.ts";
import { enforce } from "../../lib/rate-limit.ts";
import { recordEvent } from "../audit/index.ts";
import { systemActor, type Deps } from "../deps.ts";
import { findUserByEmail, normaliseEmail } from "./find-user.ts";
import { passwordResets } from "./login-limits.ts";
import { passwordResetMail } from "./mails.ts";

export const RESET_TTL_MS = 30 * 60 * 1000;

/**
 * "Glömt lösenord?": a single-use link by mail when the address has an account. The answer is the
 * same either way; the mail is queued and sent after the answer, so its time does not show either.
 */
export async function requestPasswordReset(deps: Deps, input: { email: string; ip: string }): Promise<void> {
  const now = deps.clock.now();
  const email = normaliseEmail(input.email);
  await enforce(deps.db, passwordResets(email, input.ip), now);
  const found = await findUserByEmail(deps.db, email);
  if (!found) return;
  const t = issueToken();
  await deps.db.transaction(
    async (tx) => {
      await tx.insert(emailTokens).values({ id: t.id, purpose: "password_reset", userId: found.user.id, secretHash: t.secretHash, createdAt: now, expiresAt: new Date(now.getTime() + RESET_TTL_MS) });
      await recordEvent(tx, systemActor, now, { action: "user.password_reset_requested", subjectType: "user", subjectId: found.user.id, personId: found.person.id });
      const url = `${deps.config.publicUrl}/aterstall-losenord?token=${encodeURIComponent(t.token)}`;
      await enqueueMail(tx, now, "secret.password_reset", passwordResetMail(deps.config, found.person.email, url));
    },
    { behavior: "immediate" },
  );
  deps.mailQueue.kick();
}
