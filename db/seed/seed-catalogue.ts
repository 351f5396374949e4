import { and, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import { declarationTexts, examParts, requirements, schemes, technicalAreas } from "../schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { CATALOGUE, type AreaSeed } from "./catalogue.ts";

/**
 * Puts into the database what the source file has and the database lacks, at every start: areas
 * and schemes matched by code, requirements and exam parts by scheme and code, a first
 * förbindelsetext for a scheme that has none. It never updates or retires anything: once a row
 * exists, admins own it in /personal/katalog, and the next start must not undo their edits.
 */
export async function seedCatalogue(db: Db, now: Date, catalogue: AreaSeed[] = CATALOGUE): Promise<void> {
  await db.transaction(
    async (tx) => {
      for (const [areaIndex, area] of catalogue.entries()) {
        const existingArea = await tx.select({ id: technicalAreas.id }).from(technicalAreas).where(eq(technicalAreas.code, area.code)).get();
        const areaId = existingArea?.id ?? newId();
        if (!existingArea) await tx.insert(technicalAreas).values({ id: areaId, code: area.code, name: area.name, sortOrder: areaIndex });

        for (const [schemeIndex, s] of area.schemes.entries()) {
          const existing = await tx.select({ id: schemes.id }).from(schemes).where(eq(schemes.code, s.code)).get();
          const schemeId = existing?.id ?? newId();
          if (!existing) {
            await tx.insert(schemes).values({
              id: schemeId,
              code: s.code,
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
              extensionPriceOre: s.extensionPriceSek === undefined ? null : Math.round(s.extensionPriceSek * 100),
              recertificationPriceOre: s.recertificationPriceSek === undefined ? null : Math.round(s.recertificationPriceSek * 100),
              invoiced: s.invoiced,
              fourEyes: s.fourEyes,
              category: s.category,
              sortOrder: schemeIndex,
            });
          }

          const anyText = await tx.select({ id: declarationTexts.id }).from(declarationTexts).where(eq(declarationTexts.schemeId, schemeId)).get();
          if (!anyText) await tx.insert(declarationTexts).values({ id: newId(), schemeId, version: 1, text: s.declaration, createdAt: now });

          for (const [reqIndex, r] of s.requirements.entries()) {
            // A retired requirement still exists: it stays retired.
            const found = await tx.select({ id: requirements.id }).from(requirements).where(and(eq(requirements.schemeId, schemeId), eq(requirements.code, r.code))).get();
            if (found) continue;
            await tx.insert(requirements).values({
              id: newId(),
              schemeId,
              code: r.code,
              name: r.name,
              description: r.description,
              acceptedTypes: (r.acceptedTypes ?? ["pdf", "jpeg", "png", "webp"]).join(","),
              sortOrder: reqIndex,
              appliesTo: r.appliesTo ?? "initial",
              attestable: r.attestable ?? false,
              exam: r.exam ?? false,
            });
          }

          for (const [partIndex, part] of (s.examParts ?? []).entries()) {
            const found = await tx.select({ id: examParts.id }).from(examParts).where(and(eq(examParts.schemeId, schemeId), eq(examParts.code, part.code))).get();
            if (found) continue;
            await tx.insert(examParts).values({ id: newId(), schemeId, code: part.code, name: part.name, maxPoints: part.maxPoints ?? null, passPoints: part.passPoints ?? null, sortOrder: partIndex });
          }
        }
      }
    },
    { behavior: "immediate" },
  );
}
