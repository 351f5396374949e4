import { eq } from "drizzle-orm";
import { persons, users } from "../../db/schema/index.ts";
import type { DbOrTx } from "../../db/client.ts";
import { inLanguage, language, type Language } from "../../lib/i18n/index.ts";
import { recordEvent } from "../audit/index.ts";
import type { Deps } from "../deps.ts";
import type { SessionUser } from "./sessions.ts";

/** The language switch, for an account: its pages and the mail it gets are in `lang` from now on. */
export async function chooseLanguage(deps: Deps, user: SessionUser, lang: Language): Promise<void> {
  if (user.language === lang) return;
  const now = deps.clock.now();
  await deps.db.transaction(
    async (tx) => {
      await tx.update(users).set({ language: lang }).where(eq(users.id, user.userId));
      await recordEvent(tx, user, now, { action: "user.language_chosen", subjectType: "user", subjectId: user.userId, personId: user.personId, details: { language: lang } });
    },
    { behavior: "immediate" },
  );
}

/**
 * The language of a mail to `email`: the account's own choice; an account that never chose gets
 * Swedish; an address with no account (a contact given on a form) gets the language of the page
 * that caused the mail.
 */
export async function recipientLanguage(db: DbOrTx, email: string): Promise<Language> {
  const row = await db.select({ language: users.language }).from(persons).leftJoin(users, eq(users.personId, persons.id)).where(eq(persons.email, email.trim().toLowerCase())).get();
  if (!row) return language();
  return row.language ?? "sv";
}

/** A person's language for mail about their own affairs sent elsewhere (an invoice to a billing address). */
export async function personLanguage(db: DbOrTx, personId: string): Promise<Language> {
  const row = await db.select({ language: users.language }).from(users).where(eq(users.personId, personId)).get();
  return row?.language ?? "sv";
}

/** A mail composed in its recipient's language (recipientLanguage). */
export async function mailIn<T>(db: DbOrTx, email: string, compose: () => T): Promise<T> {
  return inLanguage(await recipientLanguage(db, email), compose);
}
