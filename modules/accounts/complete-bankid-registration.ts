import { mailIn } from "./choose-language.ts";
import { enqueueMail } from "../outbox/outbox.ts";
import { eq } from "drizzle-orm";
import { persons, userRoles, users } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { parsePersonnummer } from "../../lib/identity/personnummer.ts";
import { recordEvent } from "../audit/index.ts";
import { systemActor, type Deps } from "../deps.ts";
import { claimBankIdOrder } from "./claim-bankid-order.ts";
import { actorForUser, findUserByPersonnummer, fullName, normaliseEmail } from "./find-user.ts";
import { registrationAttemptMail } from "./mails.ts";
import { createSession } from "./sessions.ts";
import { language } from "../../lib/i18n/index.ts";

export type BankIdRegistrationOutcome =
  | { kind: "created"; sessionToken: string }
  | { kind: "existing"; sessionToken: string }
  | { kind: "email_taken" }
  | { kind: "mismatch" };

export interface BankIdRegistration {
  personnummer: string;
  requiredPersonnummer: string | null;
  givenName: string;
  familyName: string;
  email: string;
  mobile: string | null;
}

/**
 * "Svenskt medborgarskap": the account is created once BankID has identified the person, with the
 * name from BankID's completion data. The visitor is no longer anonymous here, so an existing
 * account is simply logged in (and its owner told by mail), and an e-mail address that belongs to
 * someone else is refused without creating anything.
 */
export async function completeBankIdRegistration(deps: Deps, orderId: string, input: BankIdRegistration): Promise<BankIdRegistrationOutcome | null> {
  const now = deps.clock.now();
  const email = normaliseEmail(input.email);
  let notify: { to: string; name: string; what: "email" | "personnummer" } | null = null;
  const outcome = await deps.db.transaction(
    async (tx): Promise<BankIdRegistrationOutcome | null> => {
      if (!(await claimBankIdOrder(tx, orderId, now))) return null;
      if (input.requiredPersonnummer && input.requiredPersonnummer !== input.personnummer) return { kind: "mismatch" };
      const existing = await findUserByPersonnummer(tx, input.personnummer);
      if (existing) {
        const actor = await actorForUser(tx, existing.user.id);
        const session = await createSession(tx, existing.user.id, "bankid", now);
        await recordEvent(tx, systemActor, now, { action: "person.registration_attempt", subjectType: "person", subjectId: existing.person.id, personId: existing.person.id, details: { via: "personnummer" } });
        await recordEvent(tx, actor, now, { action: "user.logged_in_bankid", subjectType: "user", subjectId: existing.user.id, personId: existing.person.id });
        const n = (notify = { to: existing.person.email, name: fullName(existing.person), what: "personnummer" as const });
        await enqueueMail(tx, now, "person.registration_attempt", await mailIn(tx, notify.to, () => registrationAttemptMail(deps.config, n.to, n.name, n.what)));
        return { kind: "existing", sessionToken: session.token };
      }
      const emailOwner = await tx.select().from(persons).where(eq(persons.email, email)).get();
      if (emailOwner) {
        await recordEvent(tx, systemActor, now, { action: "person.registration_attempt", subjectType: "person", subjectId: emailOwner.id, personId: emailOwner.id, details: { via: "email" } });
        const n = (notify = { to: emailOwner.email, name: fullName(emailOwner), what: "email" as const });
        await enqueueMail(tx, now, "person.registration_attempt", await mailIn(tx, notify.to, () => registrationAttemptMail(deps.config, n.to, n.name, n.what)));
        return { kind: "email_taken" };
      }
      const parsed = parsePersonnummer(input.personnummer, now);
      const personId = newId();
      const userId = newId();
      await tx.insert(persons).values({
        id: personId,
        personnummer: input.personnummer,
        birthDate: parsed.ok ? parsed.birthDate : null,
        givenName: input.givenName,
        familyName: input.familyName,
        email,
        mobile: input.mobile,
        identityMethod: "bankid",
        createdAt: now,
      });
      await tx.insert(users).values({ id: userId, personId, passwordHash: null, mustChangePassword: false, language: language(), createdAt: now });
      await tx.insert(userRoles).values({ userId, role: "applicant" });
      const actor = { userId, personId, name: `${input.givenName} ${input.familyName}`, roles: ["applicant"] as const };
      await recordEvent(tx, actor, now, { action: "person.registered", subjectType: "person", subjectId: personId, personId, details: { identityMethod: "bankid" } });
      const session = await createSession(tx, userId, "bankid", now);
      await recordEvent(tx, actor, now, { action: "user.logged_in_bankid", subjectType: "user", subjectId: userId, personId });
      return { kind: "created", sessionToken: session.token };
    },
    { behavior: "immediate" },
  );
  if (notify) deps.mailQueue.kick();
  return outcome;
}
