import { enqueueMail } from "../outbox/outbox.ts";
import { loginChallenges } from "../../db/schema/index.ts";
import { hashSecret, issueToken, sixDigitCode } from "../../lib/crypto/tokens.ts";
import { Invalid } from "../../lib/errors.ts";
import { verifyPassword } from "../../lib/password/hash.ts";
import { enforce } from "../../lib/rate-limit.ts";
import { recordEvent } from "../audit/index.ts";
import type { Deps } from "../deps.ts";
import { assertCodeLoginOpen } from "./code-login-lock.ts";
import { actorForUser, findUserByEmail, normaliseEmail } from "./find-user.ts";
import { CODE_TTL_MS, codeSends, passwordAttempts } from "./login-limits.ts";
import { loginCodeMail } from "./mails.ts";
import { t } from "../../lib/i18n/index.ts";

export const wrongCredentials = () => t("login.wrong");

/**
 * Step one of a password login: the password is right, so a six-digit code goes to the account's
 * e-mail. Unknown address and wrong password get the same answer after the same work. While the
 * account's code login is locked no code is sent.
 */
export async function startPasswordLogin(deps: Deps, input: { email: string; password: string; ip: string }): Promise<{ challengeToken: string; email: string }> {
  const now = deps.clock.now();
  const email = normaliseEmail(input.email);
  await enforce(deps.db, passwordAttempts(email, input.ip), now, t("login.tooMany"));
  const found = await findUserByEmail(deps.db, email);
  const ok = await verifyPassword(found?.user.passwordHash ?? null, input.password);
  if (!found || !ok) throw new Invalid({ password: wrongCredentials() }, wrongCredentials());
  // Said only after the right password, which this step reveals anyway by sending a code.
  assertCodeLoginOpen(found.user, now);
  await enforce(deps.db, codeSends(found.user.id), now, t("login.tooManyCodes"));
  const code = sixDigitCode();
  const issued = issueToken();
  const actor = await actorForUser(deps.db, found.user.id);
  await deps.db.transaction(
    async (tx) => {
      await tx.insert(loginChallenges).values({
        id: issued.id,
        userId: found.user.id,
        secretHash: issued.secretHash,
        codeHash: hashSecret(`${issued.id}:${code}`),
        createdAt: now,
        expiresAt: new Date(now.getTime() + CODE_TTL_MS),
        lastSentAt: now,
      });
      await recordEvent(tx, actor, now, { action: "user.login_code_sent", subjectType: "user", subjectId: found.user.id, personId: found.person.id });
      await enqueueMail(tx, now, "secret.login_code", loginCodeMail(deps.config, found.person.email, code));
    },
    { behavior: "immediate" },
  );
  deps.mailQueue.kick();
  return { challengeToken: issued.token, email: found.person.email };
}
