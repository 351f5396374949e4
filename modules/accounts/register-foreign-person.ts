import { mailIn } from "./choose-language.ts";
import { enqueueMail } from "../outbox/outbox.ts";
import { persons, userRoles, users } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { hashPassword } from "../../lib/password/hash.ts";
import { recordEvent } from "../audit/index.ts";
import { systemActor, type Deps } from "../deps.ts";
import { findUserByEmail, fullName, normaliseEmail } from "./find-user.ts";
import { registrationAttemptMail, welcomeMail } from "./mails.ts";
import { generateOneTimePassword } from "./one-time-password.ts";
import { language } from "../../lib/i18n/index.ts";

export interface ForeignRegistration {
  email: string;
  birthDate: string;
  givenName: string;
  familyName: string;
  mobile: string | null;
}

/**
 * "Annat medborgarskap": the account gets a one-time password by e-mail. When the address is
 * already registered the owner is told instead; both paths hash a password and send one mail,
 * so the visitor sees the same answer at about the same time.
 */
export async function registerForeignPerson(deps: Deps, input: ForeignRegistration): Promise<void> {
  const now = deps.clock.now();
  const email = normaliseEmail(input.email);
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const existing = await findUserByEmail(deps.db, email);
  if (existing) {
    await deps.db.transaction(
      async (tx) => {
        await recordEvent(tx, systemActor, now, {
          action: "person.registration_attempt",
          subjectType: "person",
          subjectId: existing.person.id,
          personId: existing.person.id,
          details: { via: "email" },
        });
        await enqueueMail(tx, now, "person.registration_attempt", await mailIn(tx, email, () => registrationAttemptMail(deps.config, email, fullName(existing.person), "email")));
      },
      { behavior: "immediate" },
    );
    deps.mailQueue.kick();
    return;
  }
  const personId = newId();
  const userId = newId();
  const name = `${input.givenName} ${input.familyName}`;
  const created = await deps.db.transaction(
    async (tx) => {
      // A concurrent registration of the same address may have won; the unique index decides.
      const inserted = await tx
        .insert(persons)
        .values({
          id: personId,
          birthDate: input.birthDate,
          givenName: input.givenName,
          familyName: input.familyName,
          email,
          mobile: input.mobile,
          identityMethod: "manual",
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: persons.id });
      if (inserted.length === 0) return false;
      await tx.insert(users).values({ id: userId, personId, passwordHash, mustChangePassword: true, language: language(), createdAt: now });
      await tx.insert(userRoles).values({ userId, role: "applicant" });
      await recordEvent(tx, { userId, personId, name, roles: ["applicant"] }, now, {
        action: "person.registered",
        subjectType: "person",
        subjectId: personId,
        personId,
        details: { identityMethod: "manual" },
      });
      await enqueueMail(tx, now, "secret.welcome", welcomeMail(deps.config, email, name, oneTimePassword));
      return true;
    },
    { behavior: "immediate" },
  );
  if (created) deps.mailQueue.kick();
}
