import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { schemes, technicalAreas } from "../../db/schema/index.ts";

/** The Teknikområden a company can be certified in: the choices of the search's Teknikområde. */
export async function listCompanyAreas(db: DbOrTx): Promise<{ code: string; name: string }[]> {
  return db
    .selectDistinct({ code: technicalAreas.code, name: technicalAreas.name, sortOrder: technicalAreas.sortOrder })
    .from(technicalAreas)
    .innerJoin(schemes, eq(schemes.areaId, technicalAreas.id))
    .where(eq(schemes.subject, "COMPANY"))
    .orderBy(asc(technicalAreas.sortOrder))
    .then((rows) => rows.map(({ code, name }) => ({ code, name })));
}
