import { enqueueMail } from "../outbox/outbox.ts";
import { eq } from "drizzle-orm";
import { loginChallenges } from "../../db/schema/index.ts";
import { hashSecret, sixDigitCode } from "../../lib/crypto/tokens.ts";
import { Invalid } from "../../lib/errors.ts";
import { enforce } from "../../lib/rate-limit.ts";
import { recordEvent } from "../audit/index.ts";
import type { Deps } from "../deps.ts";
import { assertCodeLoginOpen } from "./code-login-lock.ts";
import { actorForUser, findUserById } from "./find-user.ts";
import { openChallenge } from "./login-challenge.ts";
import { CODE_MAX_SENDS, CODE_RESEND_AFTER_MS, CODE_TTL_MS, codeSends } from "./login-limits.ts";
import { loginCodeMail } from "./mails.ts";
import { t } from "../../lib/i18n/index.ts";

/**
 * "Skicka ny kod": a fresh code replaces the old one, at most three sends, 30 s apart. The five
 * tries start again with it; the account's count of wrong codes does not (code-login-lock.ts).
 */
export async function resendLoginCode(deps: Deps, challengeToken: string | undefined): Promise<void> {
  const now = deps.clock.now();
  const challenge = await openChallenge(deps.db, challengeToken, now);
  const found = await findUserById(deps.db, challenge.userId);
  if (found) assertCodeLoginOpen(found.user, now);
  if (challenge.sends >= CODE_MAX_SENDS) {
    throw new Invalid({ code: t("login.code.noMore") });
  }
  const wait = Math.ceil((challenge.lastSentAt.getTime() + CODE_RESEND_AFTER_MS - now.getTime()) / 1000);
  if (wait > 0) throw new Invalid({ code: t("login.code.wait", wait) });
  await enforce(deps.db, codeSends(challenge.userId), now, t("login.tooManyCodes"));
  const code = sixDigitCode();
  const actor = await actorForUser(deps.db, challenge.userId);
  await deps.db.transaction(
    async (tx) => {
      await tx
        .update(loginChallenges)
        .set({ codeHash: hashSecret(`${challenge.id}:${code}`), attempts: 0, sends: challenge.sends + 1, lastSentAt: now, expiresAt: new Date(now.getTime() + CODE_TTL_MS) })
        .where(eq(loginChallenges.id, challenge.id));
      await recordEvent(tx, actor, now, { action: "user.login_code_sent", subjectType: "user", subjectId: challenge.userId, personId: actor.personId, details: { resend: true } });
      await enqueueMail(tx, now, "secret.login_code", loginCodeMail(deps.config, found!.person.email, code));
    },
    { behavior: "immediate" },
  );
  deps.mailQueue.kick();
}
