import { enqueueMail } from "../outbox/outbox.ts";
import { eq } from "drizzle-orm";
import { emailTokens, persons } from "../../db/schema/index.ts";
import { issueToken } from "../../lib/crypto/tokens.ts";
import { NotFound } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { fullName, normaliseEmail } from "./find-user.ts";
import { emailChangeMail, emailChangeNoticeMail, emailInUseMail } from "./mails.ts";

export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60 * 1000;

export interface PersonDetails {
  email: string;
  mobile: string | null;
  billingName: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
  billingEmail: string | null;
}

const CONTACT_FIELDS = ["mobile", "billingName", "addressLine1", "addressLine2", "postalCode", "city", "country", "billingEmail"] as const;

/**
 * "Ändra uppgifter". Contact and billing details change at once; a new e-mail address only after
 * its owner follows the link sent to it (the old address is told).
 */
export async function updatePersonDetails(deps: Deps, actor: Actor & { personId: string; userId: string }, input: PersonDetails): Promise<{ emailChangePending: string | null }> {
  const now = deps.clock.now();
  const person = await deps.db.select().from(persons).where(eq(persons.id, actor.personId)).get();
  if (!person) throw new NotFound();
  const changed = CONTACT_FIELDS.filter((f) => (person[f] ?? null) !== (input[f] ?? null));
  const newEmail = normaliseEmail(input.email);
  const wantsNewEmail = newEmail !== person.email;
  const owner = wantsNewEmail ? await deps.db.select({ id: persons.id }).from(persons).where(eq(persons.email, newEmail)).get() : undefined;
  const t = issueToken();
  await deps.db.transaction(
    async (tx) => {
      if (changed.length) {
        await tx
          .update(persons)
          .set(Object.fromEntries(changed.map((f) => [f, input[f] ?? null])))
          .where(eq(persons.id, person.id));
        await recordEvent(tx, actor, now, { action: "person.details_changed", subjectType: "person", subjectId: person.id, personId: person.id, details: { fields: changed } });
      }
      if (wantsNewEmail && !owner) {
        await tx.insert(emailTokens).values({ id: t.id, purpose: "email_change", userId: actor.userId, secretHash: t.secretHash, newEmail, createdAt: now, expiresAt: new Date(now.getTime() + EMAIL_CHANGE_TTL_MS) });
      }
      if (wantsNewEmail) {
        await recordEvent(tx, actor, now, { action: "person.email_change_requested", subjectType: "person", subjectId: person.id, personId: person.id, details: { newEmail } });
        const name = fullName(person);
        // The answer is the same whether the new address is free or not: it is not ours to reveal.
        if (owner) await enqueueMail(tx, now, "person.email_in_use", emailInUseMail(deps.config, newEmail));
        else await enqueueMail(tx, now, "secret.email_change", emailChangeMail(deps.config, newEmail, name, `${deps.config.publicUrl}/bekrafta-epost?token=${encodeURIComponent(t.token)}`));
        await enqueueMail(tx, now, "person.email_change_notice", emailChangeNoticeMail(deps.config, person.email, name, newEmail));
      }
    },
    { behavior: "immediate" },
  );
  if (!wantsNewEmail) return { emailChangePending: null };
  deps.mailQueue.kick();
  return { emailChangePending: newEmail };
}
