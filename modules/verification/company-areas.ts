import { asc, eq } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/sqlite-core";
import { onePerDatabase, type PreparedReads } from "../../db/prepared-reads.ts";
import { schemes, technicalAreas } from "../../db/schema/index.ts";

/** Built once; prepared once per database (the search page asks for it on every full load). */
const statements = onePerDatabase((reads) => ({
  areas: reads.prepare<{ code: string; name: string; sortOrder: number }>(
    new QueryBuilder()
      .selectDistinct({ code: technicalAreas.code, name: technicalAreas.name, sortOrder: technicalAreas.sortOrder })
      .from(technicalAreas)
      .innerJoin(schemes, eq(schemes.areaId, technicalAreas.id))
      .where(eq(schemes.subject, "COMPANY"))
      .orderBy(asc(technicalAreas.sortOrder)),
    ["code", "name", "sortOrder"],
  ),
}));

/** The Teknikområden a company can be certified in: the choices of the search's Teknikområde. */
export async function listCompanyAreas(reads: PreparedReads): Promise<{ code: string; name: string }[]> {
  return (await statements(reads).areas.all({})).map(({ code, name }) => ({ code, name }));
}
