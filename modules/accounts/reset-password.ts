import { and, eq, isNull } from "drizzle-orm";
import { emailTokens, users } from "../../db/schema/index.ts";
import { Invalid } from "../../lib/errors.ts";
import { hashPassword } from "../../lib/password/hash.ts";
import { recordEvent } from "../audit/index.ts";
import type { Deps } from "../deps.ts";
import { checkNewPassword } from "./change-password.ts";
import { openEmailToken } from "./email-token.ts";
import { actorForUser, findUserById } from "./find-user.ts";
import { invalidateUserSessions } from "./sessions.ts";
import { t } from "../../lib/i18n/index.ts";

export const resetLinkInvalid = () => t("reset.linkInvalid");

export async function checkResetToken(deps: Deps, token: string | undefined): Promise<boolean> {
  return (await openEmailToken(deps.db, token, "password_reset", deps.clock.now())) !== null;
}

/** Sets the new password from a reset link; the link then stops working and all sessions end. */
export async function resetPassword(deps: Deps, input: { token: string | undefined; next: string; repeat: string }): Promise<void> {
  const now = deps.clock.now();
  const row = await openEmailToken(deps.db, input.token, "password_reset", now);
  if (!row) throw new Invalid({ token: resetLinkInvalid() }, resetLinkInvalid());
  const found = await findUserById(deps.db, row.userId);
  if (!found) throw new Invalid({ token: resetLinkInvalid() }, resetLinkInvalid());
  const verdict = await checkNewPassword(input, [found.person.email, found.person.givenName, found.person.familyName]);
  if (verdict) throw new Invalid({ [verdict.field]: verdict.message });
  const passwordHash = await hashPassword(input.next);
  const actor = await actorForUser(deps.db, row.userId);
  await deps.db.transaction(
    async (tx) => {
      const used = await tx
        .update(emailTokens)
        .set({ usedAt: now })
        .where(and(eq(emailTokens.id, row.id), isNull(emailTokens.usedAt)))
        .returning({ id: emailTokens.id });
      if (used.length === 0) throw new Invalid({ token: resetLinkInvalid() }, resetLinkInvalid());
      await tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, row.userId));
      await invalidateUserSessions(tx, row.userId);
      await recordEvent(tx, actor, now, { action: "user.password_reset", subjectType: "user", subjectId: row.userId, personId: found.person.id });
    },
    { behavior: "immediate" },
  );
}
