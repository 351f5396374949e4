import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { companyAdmins } from "../../db/schema/index.ts";
import { isStaff, type Actor } from "../deps.ts";

/** Who may do what with companies and employments. Objects others may not see are "not found". */

export async function isCompanyAdmin(db: DbOrTx, actor: Actor, companyId: string): Promise<boolean> {
  if (!actor.personId) return false;
  const row = await db
    .select({ personId: companyAdmins.personId })
    .from(companyAdmins)
    .where(and(eq(companyAdmins.companyId, companyId), eq(companyAdmins.personId, actor.personId)))
    .get();
  return row !== undefined;
}

/** The company page: its admins act on it, staff read it. */
export async function canSeeCompanyPage(db: DbOrTx, actor: Actor, companyId: string): Promise<boolean> {
  return isStaff(actor) || (await isCompanyAdmin(db, actor, companyId));
}


export function canReviewCompanyRegistrations(actor: Actor): boolean {
  return isStaff(actor);
}
