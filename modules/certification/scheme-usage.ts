import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { applications } from "../../db/schema/index.ts";

/** Whether anyone has applied for the scheme: then some of its settings are no longer free to change. */
export async function schemeHasApplications(db: DbOrTx, schemeId: string): Promise<boolean> {
  return (await db.select({ id: applications.id }).from(applications).where(eq(applications.schemeId, schemeId)).limit(1).get()) !== undefined;
}
