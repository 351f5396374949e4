import { eq, max } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { requirements, schemes, technicalAreas } from "../../db/schema/index.ts";

/** New things go last. */
export async function nextAreaOrder(tx: Tx): Promise<number> {
  const row = await tx.select({ m: max(technicalAreas.sortOrder) }).from(technicalAreas).get();
  return (row?.m ?? -1) + 1;
}

export async function nextSchemeOrder(tx: Tx, areaId: string): Promise<number> {
  const row = await tx.select({ m: max(schemes.sortOrder) }).from(schemes).where(eq(schemes.areaId, areaId)).get();
  return (row?.m ?? -1) + 1;
}

export async function nextRequirementOrder(tx: Tx, schemeId: string): Promise<number> {
  const row = await tx.select({ m: max(requirements.sortOrder) }).from(requirements).where(eq(requirements.schemeId, schemeId)).get();
  return (row?.m ?? -1) + 1;
}
