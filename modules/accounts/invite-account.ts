import type { Tx } from "../../db/client.ts";
import { persons, userRoles, users } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { hashPassword } from "../../lib/password/hash.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor } from "../deps.ts";
import { normaliseEmail } from "./find-user.ts";
import { generateOneTimePassword } from "./one-time-password.ts";

export interface PreparedPassword {
  oneTimePassword: string;
  passwordHash: string;
}

/** A one-time password and its hash, made before the transaction: hashing takes a while. */
export async function prepareOneTimePassword(): Promise<PreparedPassword> {
  const oneTimePassword = generateOneTimePassword();
  return { oneTimePassword, passwordHash: await hashPassword(oneTimePassword) };
}

/**
 * Inside the inviter's transaction: an account for someone staff invite by e-mail (e.g. an
 * examinator), as "Annat medborgarskap" makes one: the applicant role, identity not proven by
 * BankID, and a one-time password to change at the first login (the caller mails it). Null when a
 * concurrent registration took the address first.
 */
export async function insertInvitedAccount(
  tx: Tx,
  actor: Actor,
  now: Date,
  input: { email: string; givenName: string; familyName: string; password: PreparedPassword; invitedAs: string },
): Promise<{ personId: string; userId: string } | null> {
  const personId = newId();
  const userId = newId();
  const inserted = await tx
    .insert(persons)
    .values({ id: personId, givenName: input.givenName, familyName: input.familyName, email: normaliseEmail(input.email), identityMethod: "manual", createdAt: now })
    .onConflictDoNothing()
    .returning({ id: persons.id });
  if (inserted.length === 0) return null;
  await tx.insert(users).values({ id: userId, personId, passwordHash: input.password.passwordHash, mustChangePassword: true, createdAt: now });
  await tx.insert(userRoles).values({ userId, role: "applicant" });
  await recordEvent(tx, actor, now, { action: "person.registered", subjectType: "person", subjectId: personId, personId, details: { identityMethod: "manual", invitedAs: input.invitedAs } });
  return { personId, userId };
}
