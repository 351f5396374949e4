import { and, eq, lt, sql } from "drizzle-orm";
import { loginChallenges } from "../../db/schema/index.ts";
import { hashSecret } from "../../lib/crypto/tokens.ts";
import { Invalid } from "../../lib/errors.ts";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { recordEvent } from "../audit/index.ts";
import { isStaff, type Deps } from "../deps.ts";
import { actorForUser } from "./find-user.ts";
import { assertCodeLoginOpen, CodeLoginLocked, countWrongCode } from "./code-login-lock.ts";
import { codeLocked, liveChallenge } from "./login-challenge.ts";
import { CODE_MAX_ATTEMPTS } from "./login-limits.ts";
import { createSession } from "./sessions.ts";
import { t } from "../../lib/i18n/index.ts";

export interface LoggedIn {
  sessionToken: string;
  mustChangePassword: boolean;
  isStaff: boolean;
}

/**
 * Step two: the e-mailed code. Single use, ten minutes, five tries; then a new session. Wrong
 * codes also count against the account (code-login-lock.ts), and while it is locked no code is
 * checked, the right one neither.
 */
export async function verifyLoginCode(deps: Deps, input: { challengeToken: string | undefined; code: string }): Promise<LoggedIn> {
  const now = deps.clock.now();
  const code = input.code.replace(/\s+/g, "");
  const outcome = await deps.db.transaction(
    async (tx) => {
      const challenge = await liveChallenge(tx, input.challengeToken, now);
      const account = await tx.query.users.findFirst({ where: (u, { eq }) => eq(u.id, challenge.userId) });
      assertCodeLoginOpen({ lockedUntil: account?.lockedUntil ?? null }, now);
      if (challenge.attempts >= CODE_MAX_ATTEMPTS) throw new Invalid({ code: codeLocked() }, codeLocked());
      const actor = await actorForUser(tx, challenge.userId);
      const given = hashSecret(`${challenge.id}:${code}`);
      if (!/^\d{6}$/.test(code) || !constantTimeEqual(new Uint8Array(given), new Uint8Array(challenge.codeHash))) {
        // Counted atomically so parallel guesses cannot exceed five.
        const counted = await tx
          .update(loginChallenges)
          .set({ attempts: sql`${loginChallenges.attempts} + 1` })
          .where(and(eq(loginChallenges.id, challenge.id), lt(loginChallenges.attempts, CODE_MAX_ATTEMPTS)))
          .returning({ attempts: loginChallenges.attempts });
        const attempts = counted[0]?.attempts ?? CODE_MAX_ATTEMPTS;
        const locked = attempts >= CODE_MAX_ATTEMPTS;
        await recordEvent(tx, actor, now, {
          action: locked ? "user.login_code_locked" : "user.login_code_failed",
          subjectType: "user",
          subjectId: challenge.userId,
          personId: actor.personId,
          details: { attempts },
        });
        const lockedUntil = await countWrongCode(tx, deps, actor, challenge.userId, now);
        if (lockedUntil) return { kind: "locked", lockedUntil } as const;
        const left = CODE_MAX_ATTEMPTS - attempts;
        const message = locked ? codeLocked() : t("login.code.wrong", left);
        return { kind: "wrong", message } as const;
      }
      await tx.update(loginChallenges).set({ usedAt: now }).where(eq(loginChallenges.id, challenge.id));
      const session = await createSession(tx, challenge.userId, "password", now);
      await recordEvent(tx, actor, now, { action: "user.logged_in", subjectType: "user", subjectId: challenge.userId, personId: actor.personId });
      return { kind: "ok", loggedIn: { sessionToken: session.token, mustChangePassword: account?.mustChangePassword ?? false, isStaff: isStaff(actor) } } as const;
    },
    { behavior: "immediate" },
  );
  // The failed attempt is committed before the error is shown, so it counts.
  if (outcome.kind === "locked") {
    deps.mailQueue.kick();
    throw new CodeLoginLocked(outcome.lockedUntil, now);
  }
  if (outcome.kind === "wrong") throw new Invalid({ code: outcome.message }, outcome.message);
  return outcome.loggedIn;
}
