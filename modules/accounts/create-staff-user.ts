import { persons, userRoles, users } from "../../db/schema/index.ts";
import { Conflict, Invalid } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { hashPassword } from "../../lib/password/hash.ts";
import { recordEvent } from "../audit/index.ts";
import { STAFF_ROLES, systemActor, type Deps, type Role } from "../deps.ts";
import { findUserByEmail, normaliseEmail } from "./find-user.ts";
import { generateOneTimePassword } from "./one-time-password.ts";

/** staff:create — a staff login with a one-time password that must be changed at first login. */
export async function createStaffUser(deps: Deps, input: { email: string; name: string; role: Role }): Promise<{ oneTimePassword: string; userId: string }> {
  const email = normaliseEmail(input.email);
  if (!STAFF_ROLES.includes(input.role)) throw new Invalid({ role: "Rollen ska vara reviewer, decider eller admin." });
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Invalid({ email: "Ange en giltig e-postadress." });
  const parts = input.name.trim().split(/\s+/);
  if (parts.length < 2) throw new Invalid({ name: 'Ange för- och efternamn, t.ex. --name "Anna Andersson".' });
  if (await findUserByEmail(deps.db, email)) throw new Conflict(`Det finns redan ett konto med e-postadressen ${email}.`);
  const now = deps.clock.now();
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const personId = newId();
  const userId = newId();
  await deps.db.transaction(
    async (tx) => {
      await tx.insert(persons).values({ id: personId, givenName: parts.slice(0, -1).join(" "), familyName: parts.at(-1)!, email, identityMethod: "manual", createdAt: now });
      await tx.insert(users).values({ id: userId, personId, passwordHash, mustChangePassword: true, createdAt: now });
      await tx.insert(userRoles).values({ userId, role: input.role });
      await recordEvent(tx, systemActor, now, { action: "user.created_staff", subjectType: "user", subjectId: userId, personId, details: { role: input.role } });
    },
    { behavior: "immediate" },
  );
  return { oneTimePassword, userId };
}
