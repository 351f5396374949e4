import type { DbOrTx } from "../../db/client.ts";
import { swedishDate } from "../../lib/dates.ts";
import { Forbidden } from "../../lib/errors.ts";
import { isStaff, type Actor, type Deps } from "../deps.ts";
import { loadHandlingParties } from "./parties.ts";
import { canHandleCase, caseTransition, type CaseAction, type CaseVerdict, type Permission } from "./policy.ts";
import { getCaseRow, personOfUser, type CaseRow } from "./queries.ts";

export interface Handling {
  row: CaseRow;
  now: Date;
  today: string;
  /** canHandleCase for the acting user. */
  may: Permission;
  /** caseTransition for the action asked. */
  move: CaseVerdict;
}

/** A case as a step on it sees it: the row, the independence rule and the transition, checked for `actor`. */
export async function loadForHandling(deps: Deps, actor: Actor, caseId: string, action: CaseAction): Promise<Handling> {
  if (!isStaff(actor)) throw new Forbidden();
  const row = await getCaseRow(deps.db, caseId);
  const now = deps.clock.now();
  const today = swedishDate(now);
  const may = canHandleCase(actor, await loadHandlingParties(deps.db, actor, row, today));
  const move = caseTransition(row.status, action, { isHandler: row.handlerUserId !== null && row.handlerUserId === actor.userId, isAdmin: actor.roles.includes("admin") });
  return { row, now, today, may, move };
}

/**
 * Whose Händelselogg a step appears in: an appeal's in the appellant's and the company's (they are
 * told of every step anyway); a complaint's in nobody's, so its holder never learns of it there.
 */
export async function eventScope(db: DbOrTx, row: CaseRow): Promise<{ personId: string | null; companyId: string | null }> {
  if (row.kind !== "appeal") return { personId: null, companyId: null };
  const submitter = row.submittedByUserId ? await personOfUser(db, row.submittedByUserId) : null;
  return { personId: row.personId ?? submitter?.personId ?? null, companyId: row.companyId };
}
