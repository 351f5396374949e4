import { mailIn } from "../accounts/index.ts";
import { eq } from "drizzle-orm";
import { isUniqueViolation } from "../../db/errors.ts";
import { examinationCentres, examinators } from "../../db/schema/index.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { findUserByEmail, fullName, insertInvitedAccount, normaliseEmail, prepareOneTimePassword, type PreparedPassword } from "../accounts/index.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { enqueueMail } from "../outbox/index.ts";
import { examinatorAddedMail, examinatorInvitationMail } from "./mails.ts";
import { canManageCentres } from "./policy.ts";
import { t } from "../../lib/i18n/index.ts";

export interface InviteInput {
  centreId: string;
  email: string;
  /** Only for a new account: who the invitation is for. */
  givenName: string | null;
  familyName: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * "Bjud in examinator": by e-mail, to an existing account or a new one. An existing account gets
 * the role at this centre at once and a mail saying so; for a new address an account is made with
 * a one-time password, mailed with the invitation. The role is the centre's, not a global one.
 */
export async function inviteExaminator(deps: Deps, actor: Actor & { userId: string }, input: InviteInput): Promise<{ personId: string; newAccount: boolean }> {
  if (!canManageCentres(actor)) throw new Forbidden(t("examinations.inviteAdminsOnly"));
  const email = normaliseEmail(input.email);
  if (!EMAIL.test(email) || email.length > 254) throw new Invalid({ epost: t("examinations.invite.emailInvalid") });
  const centre = await deps.db.select().from(examinationCentres).where(eq(examinationCentres.id, input.centreId)).get();
  if (!centre) throw new NotFound();
  const existing = await findUserByEmail(deps.db, email);
  let password: PreparedPassword | null = null;
  if (!existing) {
    const missing: Record<string, string> = {};
    if (!input.givenName?.trim()) missing.fornamn = t("examinations.invite.givenName");
    if (!input.familyName?.trim()) missing.efternamn = t("examinations.invite.familyName");
    if (Object.keys(missing).length) throw new Invalid(missing);
    password = await prepareOneTimePassword();
  }
  const already = new Conflict(t("examinations.invite.already", email, centre.name));
  const now = deps.clock.now();
  const result = await deps.db
    .transaction(
      async (tx) => {
        let person: { id: string; name: string };
        if (existing) {
          person = { id: existing.person.id, name: fullName(existing.person) };
        } else {
          const givenName = input.givenName!.trim();
          const familyName = input.familyName!.trim();
          const made = await insertInvitedAccount(tx, actor, now, { email, givenName, familyName, password: password!, invitedAs: `examinator vid ${centre.name}` });
          if (!made) throw new Conflict(t("examinations.invite.raced"));
          person = { id: made.personId, name: `${givenName} ${familyName}` };
        }
        await tx.insert(examinators).values({ id: newId(), centreId: centre.id, personId: person.id, addedAt: now, addedByUserId: actor.userId });
        await recordEvent(tx, actor, now, { action: "examinator.added", subjectType: "examination_centre", subjectId: centre.id, personId: person.id, details: { centre: centre.name, person: person.name } });
        const mail = () => (password ? examinatorInvitationMail(deps.config, email, person.name, centre.name, password.oneTimePassword) : examinatorAddedMail(deps.config, email, person.name, centre.name, centre.id));
        await enqueueMail(tx, now, password ? "secret.examinator_invitation" : "examinator.added", await mailIn(tx, email, () => mail()));
        return { personId: person.id, newAccount: password !== null };
      },
      { behavior: "immediate" },
    )
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw already;
      throw error;
    });
  deps.mailQueue.kick();
  return result;
}
