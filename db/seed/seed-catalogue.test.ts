import { readFileSync } from "node:fs";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/harness.ts";
import { declarationTexts, examParts, requirements, schemes, technicalAreas } from "../schema/index.ts";
import { CATALOGUE } from "./catalogue.ts";
import { seedCatalogue } from "./seed-catalogue.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const db = () => t.runtime.deps.db;
const n = async (table: typeof schemes | typeof requirements | typeof declarationTexts | typeof technicalAreas) => (await db().select({ n: count() }).from(table))[0]!.n;

describe("the catalogue", () => {
  it("has an exam for each F-gas person certificate: the Provmoment and its parts Teori and Praktik", async () => {
    for (const code of ["fgas-person-i", "fgas-person-ii", "fgas-person-iii", "fgas-person-iv", "fgas-person-v"]) {
      const scheme = (await db().select().from(schemes).where(eq(schemes.code, code)).get())!;
      const exam = await db().select().from(requirements).where(and(eq(requirements.schemeId, scheme.id), eq(requirements.exam, true)));
      expect(exam.map((r) => [r.code, r.name, r.appliesTo]), code).toEqual([["prov", "Godkänt prov", "initial"]]);
      const parts = await db().select().from(examParts).where(eq(examParts.schemeId, scheme.id)).orderBy(asc(examParts.sortOrder));
      expect(parts.map((p) => [p.name, p.maxPoints, p.passPoints]), code).toEqual([["Teori", 50, 35], ["Praktik", null, null]]);
    }
    const mac = (await db().select().from(schemes).where(eq(schemes.code, "fgas-utbildningsintyg-mac")).get())!;
    expect(await db().select().from(examParts).where(eq(examParts.schemeId, mac.id))).toEqual([]);
  });

  it("is in the database after start, as the issue lists it", async () => {
    const areas = await db().select().from(technicalAreas).orderBy(asc(technicalAreas.sortOrder));
    expect(areas.map((a) => a.name)).toEqual(["F-gaser", "Externt certifikat"]);
    const names = (await db().select({ name: schemes.name }).from(schemes)).map((s) => s.name);
    for (const name of ["Personcertifikat kategori I", "Personcertifikat kategori IV", "Personcertifikat kategori V", "Utbildningsintyg Mobil AC", "Företagscertifikat F-gas", "Personcertifikat f-gas kat V - Externt"]) {
      expect(names).toContain(name);
    }
    const mac = await db().select().from(schemes).where(eq(schemes.code, "fgas-utbildningsintyg-mac")).get();
    expect(mac).toMatchObject({ kind: "ATTESTATION", validityYears: null, invoiced: true });
    const macReqs = await db().select().from(requirements).where(eq(requirements.schemeId, mac!.id));
    expect(macReqs.map((r) => r.name)).toEqual(["Diplom/ Intyg"]);
    const company = await db().select().from(schemes).where(eq(schemes.code, "fgas-foretag")).get();
    expect(company!.subject).toBe("COMPANY");
    const companyReqs = await db().select().from(requirements).where(eq(requirements.schemeId, company!.id)).orderBy(asc(requirements.sortOrder));
    expect(companyReqs.filter((r) => r.appliesTo === "initial").map((r) => r.name)).toEqual(["Registreringsbevis", "Rutiner", "Förteckning över utrustning"]);
    // The renewals have Moment of their own, and their own fees.
    expect(companyReqs.filter((r) => r.appliesTo !== "initial").map((r) => [r.appliesTo, r.name])).toEqual([
      ["extension", "Intyg om fortsatt verksamhet"],
      ["recertification", "Uppdaterade rutiner och förteckning över utrustning"],
    ]);
    expect(company).toMatchObject({ extensionPriceOre: 250000, recertificationPriceOre: 520000, extensionNoticeMonths: 2, recertificationNoticeMonths: 6 });
    const personI = await db().select().from(schemes).where(eq(schemes.code, "fgas-person-i")).get();
    const kat1Extension = await db().select().from(requirements).where(eq(requirements.schemeId, personI!.id));
    expect(kat1Extension.find((r) => r.appliesTo === "extension")).toMatchObject({ name: "Intyg om yrkesverksamhet", attestable: true });
    const ext = await db().select().from(schemes).where(eq(schemes.code, "extern-fgas-v")).get();
    expect(ext).toMatchObject({ invoiced: false, validUntilFromEvidence: true, priceOre: 0 });
    const kat1 = await db().select().from(schemes).where(eq(schemes.code, "fgas-person-i")).get();
    expect(kat1).toMatchObject({ annualExtension: true, recertificationYears: 5, fourEyes: true, priceOre: 480000 });
  });

  it("is applied idempotently, and only adds what the database lacks", async () => {
    const before = { s: await n(schemes), r: await n(requirements), d: await n(declarationTexts), a: await n(technicalAreas) };
    await seedCatalogue(db(), new Date());
    expect({ s: await n(schemes), r: await n(requirements), d: await n(declarationTexts), a: await n(technicalAreas) }).toEqual(before);

    const changed = structuredClone(CATALOGUE);
    changed[0]!.name = "F-gaser (nytt namn i filen)";
    const mac = changed[0]!.schemes.find((s) => s.code === "fgas-utbildningsintyg-mac")!;
    mac.declaration += "\n\nNy mening.";
    mac.priceSek = 1;
    mac.requirements.push({ code: "kursplan", name: "Kursplan", description: "Kursplanen för utbildningen." });
    const company = changed[0]!.schemes.find((s) => s.code === "fgas-foretag")!;
    company.requirements = company.requirements.filter((r) => r.code !== "utrustning");
    changed[1]!.schemes.push({ ...changed[1]!.schemes[0]!, code: "extern-ny", name: "Nytt externt certifikat" });
    await seedCatalogue(db(), new Date(), changed);

    const macRow = (await db().select().from(schemes).where(eq(schemes.code, "fgas-utbildningsintyg-mac")).get())!;
    expect(macRow.priceOre).toBe(95000);
    const versions = await db().select().from(declarationTexts).where(eq(declarationTexts.schemeId, macRow.id));
    expect(versions.map((v) => v.version)).toEqual([1]);
    expect((await db().select().from(technicalAreas).where(eq(technicalAreas.code, "fgas")).get())!.name).toBe("F-gaser");
    expect((await db().select().from(requirements).where(eq(requirements.code, "utrustning")).get())!.retiredAt).toBeNull();
    // New in the file: added, the scheme with its first förbindelsetext and its requirements.
    const macReqs = await db().select().from(requirements).where(eq(requirements.schemeId, macRow.id)).orderBy(asc(requirements.sortOrder));
    expect(macReqs.map((r) => r.code)).toEqual(["diplom", "kursplan"]);
    const added = (await db().select().from(schemes).where(eq(schemes.code, "extern-ny")).get())!;
    expect(added.name).toBe("Nytt externt certifikat");
    expect(await db().select().from(declarationTexts).where(eq(declarationTexts.schemeId, added.id))).toHaveLength(1);
    expect(await db().select().from(requirements).where(eq(requirements.schemeId, added.id))).toHaveLength(1);
  });

  it("leaves rows the database already has as they are: a retired requirement stays retired, an edited scheme stays edited", async () => {
    const kat4 = (await db().select().from(schemes).where(eq(schemes.code, "fgas-person-iv")).get())!;
    await db().update(schemes).set({ priceOre: 123400, fourEyes: false }).where(eq(schemes.id, kat4.id));
    await db().update(requirements).set({ retiredAt: new Date() }).where(and(eq(requirements.schemeId, kat4.id), eq(requirements.code, "id")));
    await seedCatalogue(db(), new Date());
    expect(await db().select().from(schemes).where(eq(schemes.id, kat4.id)).get()).toMatchObject({ priceOre: 123400, fourEyes: false });
    expect((await db().select().from(requirements).where(and(eq(requirements.schemeId, kat4.id), eq(requirements.code, "id"))).get())!.retiredAt).not.toBeNull();
  });

  it("marks the Provmoment of an installation from before the flag: migration 0012's backfill", async () => {
    const flagged = async () => (await db().select({ id: requirements.id }).from(requirements).where(eq(requirements.exam, true))).map((r) => r.id).sort();
    const before = await flagged();
    expect(before).toHaveLength(5);
    await db().update(requirements).set({ exam: false });
    const migration = readFileSync(new URL("../migrations/0012_examinations.sql", import.meta.url), "utf8");
    const backfill = migration.split("--> statement-breakpoint").find((s) => s.includes("UPDATE `requirements`"))!;
    await db().run(sql.raw(backfill));
    expect(await flagged()).toEqual(before);
  });
});
