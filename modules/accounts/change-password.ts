import { enqueueMail } from "../outbox/outbox.ts";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema/index.ts";
import { Invalid, NotFound, type FieldErrors } from "../../lib/errors.ts";
import { hashPassword, verifyPassword } from "../../lib/password/hash.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { findUserById } from "./find-user.ts";
import { passwordChangedMail } from "./mails.ts";
import { createSession, invalidateUserSessions } from "./sessions.ts";
import { t } from "../../lib/i18n/index.ts";
import { checkPasswordRule, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../lib/password/rule.ts";

export interface PasswordChange {
  current: string;
  next: string;
  repeat: string;
}

/** "Ändra lösenord". Every other session of the user ends; the caller gets a fresh one. */
export async function changePassword(deps: Deps, actor: Actor & { userId: string }, input: PasswordChange): Promise<{ sessionToken: string }> {
  const now = deps.clock.now();
  const found = await findUserById(deps.db, actor.userId);
  if (!found) throw new NotFound();
  const errors: FieldErrors = {};
  if (found.user.passwordHash !== null && !(await verifyPassword(found.user.passwordHash, input.current))) {
    errors.current = t("password.currentWrong");
  }
  const verdict = await checkNewPassword(input, [found.person.email, found.person.givenName, found.person.familyName]);
  if (verdict) errors[verdict.field] = verdict.message;
  if (!errors.next && found.user.passwordHash !== null && input.next === input.current) errors.next = t("password.same");
  if (Object.keys(errors).length) throw new Invalid(errors);
  const passwordHash = await hashPassword(input.next);
  const session = await deps.db.transaction(
    async (tx) => {
      await tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, actor.userId));
      await invalidateUserSessions(tx, actor.userId);
      await recordEvent(tx, actor, now, { action: "user.password_changed", subjectType: "user", subjectId: actor.userId, personId: found.person.id });
      await enqueueMail(tx, now, "user.password_changed", passwordChangedMail(deps.config, found.person.email, `${found.person.givenName} ${found.person.familyName}`));
      return createSession(tx, actor.userId, "password", now);
    },
    { behavior: "immediate" },
  );
  deps.mailQueue.kick();
  return { sessionToken: session.token };
}

/** Why a new password is refused, in the page's language (lib/password says it in Swedish). */
function refusal(password: string, personal: boolean): string {
  const rule = checkPasswordRule(password);
  if (rule.ok) return personal ? t("password.personal") : t("password.common");
  const length = [...password].length;
  return rule.unmet
    .map((id) => (id === "length" ? (length < PASSWORD_MIN_LENGTH ? t("password.tooShort", PASSWORD_MIN_LENGTH, length) : t("password.tooLong", PASSWORD_MAX_LENGTH, length)) : id === "letter" ? t("password.noLetter") : t("password.noDigit")))
    .join(" ");
}

/** The manual's rule, common passwords refused, and the two entries must match. */
export async function checkNewPassword(input: { next: string; repeat: string }, userInputs: string[]): Promise<{ field: "next" | "repeat"; message: string } | null> {
  // The word lists (12 MiB in memory) load with the first new password, not at start.
  const { validateNewPassword, CONTAINS_PERSONAL_MESSAGE } = await import("../../lib/password/strength.ts");
  const verdict = validateNewPassword(input.next, { userInputs });
  if (!verdict.ok) return { field: "next", message: refusal(input.next, verdict.message === CONTAINS_PERSONAL_MESSAGE) };
  if (input.next !== input.repeat) return { field: "repeat", message: t("password.notEqual") };
  return null;
}
