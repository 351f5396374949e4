import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import { declarationTexts, requirements, schemes, technicalAreas } from "../schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { CATALOGUE, type AreaSeed } from "./catalogue.ts";

/**
 * Brings the database's catalogue in line with the source file, at every start. Matched by code,
 * so it is idempotent; a changed förbindelsetext becomes a new version (applications keep the
 * version they accepted); requirements dropped from the file are retired, not deleted.
 */
export async function seedCatalogue(db: Db, now: Date, catalogue: AreaSeed[] = CATALOGUE): Promise<void> {
  await db.transaction(
    async (tx) => {
      for (const [areaIndex, area] of catalogue.entries()) {
        const existingArea = await tx.select().from(technicalAreas).where(eq(technicalAreas.code, area.code)).get();
        const areaId = existingArea?.id ?? newId();
        if (existingArea) await tx.update(technicalAreas).set({ name: area.name, sortOrder: areaIndex }).where(eq(technicalAreas.id, areaId));
        else await tx.insert(technicalAreas).values({ id: areaId, code: area.code, name: area.name, sortOrder: areaIndex });

        for (const [schemeIndex, s] of area.schemes.entries()) {
          const values = {
            areaId,
            name: s.name,
            scope: s.scope,
            subject: s.subject,
            kind: s.kind,
            validityYears: s.validityYears,
            validUntilFromEvidence: s.validUntilFromEvidence ?? false,
            annualExtension: s.annualExtension,
            recertificationYears: s.recertificationYears,
            priceOre: Math.round(s.priceSek * 100),
            invoiced: s.invoiced,
            fourEyes: s.fourEyes,
            category: s.category,
            sortOrder: schemeIndex,
          };
          const existing = await tx.select({ id: schemes.id }).from(schemes).where(eq(schemes.code, s.code)).get();
          const schemeId = existing?.id ?? newId();
          if (existing) await tx.update(schemes).set(values).where(eq(schemes.id, schemeId));
          else await tx.insert(schemes).values({ id: schemeId, code: s.code, ...values });

          const latest = await tx.select().from(declarationTexts).where(eq(declarationTexts.schemeId, schemeId)).orderBy(desc(declarationTexts.version)).get();
          if (!latest || latest.text !== s.declaration) {
            await tx.insert(declarationTexts).values({ id: newId(), schemeId, version: (latest?.version ?? 0) + 1, text: s.declaration, createdAt: now });
          }

          const current = await tx.select().from(requirements).where(eq(requirements.schemeId, schemeId));
          for (const [reqIndex, r] of s.requirements.entries()) {
            const fields = { name: r.name, description: r.description, acceptedTypes: (r.acceptedTypes ?? ["pdf", "jpeg", "png", "webp"]).join(","), sortOrder: reqIndex, retiredAt: null };
            const found = current.find((c) => c.code === r.code);
            if (found) await tx.update(requirements).set(fields).where(eq(requirements.id, found.id));
            else await tx.insert(requirements).values({ id: newId(), schemeId, code: r.code, ...fields });
          }
          for (const gone of current.filter((c) => !c.retiredAt && !s.requirements.some((r) => r.code === c.code))) {
            await tx.update(requirements).set({ retiredAt: now }).where(and(eq(requirements.id, gone.id)));
          }
        }
      }
    },
    { behavior: "immediate" },
  );
}
