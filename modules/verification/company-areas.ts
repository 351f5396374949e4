import { asc, eq } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/sqlite-core";
import { keptBetweenWrites, onePerDatabase, type PreparedReads } from "../../db/prepared-reads.ts";
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

export type CompanyArea = Readonly<{ code: string; name: string }>;

const kept = keptBetweenWrites<readonly CompanyArea[]>(1);

/**
 * The Teknikområden a company can be certified in: the choices of the search's Teknikområde.
 * Asked on every full load of the search page, answered from memory until the next write by any
 * connection (a new scheme shows at once). The answer is shared: do not change it.
 */
export function listCompanyAreas(reads: PreparedReads): Promise<readonly CompanyArea[]> {
  return kept(reads, "areas", async () => Object.freeze((await statements(reads).areas.all({})).map(({ code, name }) => Object.freeze({ code, name }))));
}
