import { recordEvent } from "../audit/index.ts";
import type { Deps } from "../deps.ts";
import { claimBankIdOrder } from "./claim-bankid-order.ts";
import { actorForUser, findUserByPersonnummer } from "./find-user.ts";
import { createSession } from "./sessions.ts";

export type BankIdLoginOutcome = { kind: "logged_in"; sessionToken: string; isStaff: boolean } | { kind: "no_account" };

/** BankID has proved who this is; log them in if they have an account (no e-mailed code then). */
export async function completeBankIdLogin(deps: Deps, orderId: string, personnummer: string): Promise<BankIdLoginOutcome | null> {
  const now = deps.clock.now();
  return deps.db.transaction(
    async (tx) => {
      if (!(await claimBankIdOrder(tx, orderId, now))) return null;
      const found = await findUserByPersonnummer(tx, personnummer);
      if (!found) return { kind: "no_account" } as const;
      const actor = await actorForUser(tx, found.user.id);
      const session = await createSession(tx, found.user.id, "bankid", now);
      await recordEvent(tx, actor, now, { action: "user.logged_in_bankid", subjectType: "user", subjectId: found.user.id, personId: found.person.id });
      return { kind: "logged_in", sessionToken: session.token, isStaff: actor.roles.some((r) => r !== "applicant") } as const;
    },
    { behavior: "immediate" },
  );
}
