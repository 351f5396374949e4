import { and, eq, isNull } from "drizzle-orm";
import { emailTokens, persons } from "../../db/schema/index.ts";
import { Invalid } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import type { Deps } from "../deps.ts";
import { openEmailToken } from "./email-token.ts";
import { actorForUser } from "./find-user.ts";
import { t } from "../../lib/i18n/index.ts";

export const emailLinkInvalid = () => t("emailChange.linkInvalid");

/** The link in the mail to the new address: now the account's e-mail changes. */
export async function confirmEmailChange(deps: Deps, token: string | undefined): Promise<{ email: string }> {
  const now = deps.clock.now();
  const row = await openEmailToken(deps.db, token, "email_change", now);
  if (!row || !row.newEmail) throw new Invalid({ token: emailLinkInvalid() }, emailLinkInvalid());
  const actor = await actorForUser(deps.db, row.userId);
  const newEmail = row.newEmail;
  const taken = await deps.db.select({ id: persons.id }).from(persons).where(eq(persons.email, newEmail)).get();
  if (taken) throw new Invalid({ token: emailLinkInvalid() }, emailLinkInvalid());
  await deps.db.transaction(
    async (tx) => {
      const used = await tx.update(emailTokens).set({ usedAt: now }).where(and(eq(emailTokens.id, row.id), isNull(emailTokens.usedAt))).returning({ id: emailTokens.id });
      if (used.length === 0) throw new Invalid({ token: emailLinkInvalid() }, emailLinkInvalid());
      const before = await tx.select({ email: persons.email }).from(persons).where(eq(persons.id, actor.personId!)).get();
      await tx.update(persons).set({ email: newEmail }).where(eq(persons.id, actor.personId!));
      await recordEvent(tx, actor, now, { action: "person.email_changed", subjectType: "person", subjectId: actor.personId!, personId: actor.personId, details: { from: before?.email, to: newEmail } });
    },
    { behavior: "immediate" },
  );
  return { email: newEmail };
}
