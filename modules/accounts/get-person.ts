import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { persons } from "../../db/schema/index.ts";
import { NotFound } from "../../lib/errors.ts";

export type Person = typeof persons.$inferSelect;

export async function getPerson(db: DbOrTx, personId: string): Promise<Person> {
  const p = await db.select().from(persons).where(eq(persons.id, personId)).get();
  if (!p) throw new NotFound();
  return p;
}
