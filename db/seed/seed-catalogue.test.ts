import { asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/harness.ts";
import { declarationTexts, requirements, schemes, technicalAreas } from "../schema/index.ts";
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
    expect(companyReqs.map((r) => r.name)).toEqual(["Registreringsbevis", "Rutiner", "Förteckning över utrustning"]);
    const ext = await db().select().from(schemes).where(eq(schemes.code, "extern-fgas-v")).get();
    expect(ext).toMatchObject({ invoiced: false, validUntilFromEvidence: true, priceOre: 0 });
    const kat1 = await db().select().from(schemes).where(eq(schemes.code, "fgas-person-i")).get();
    expect(kat1).toMatchObject({ annualExtension: true, recertificationYears: 5, fourEyes: true, priceOre: 480000 });
  });

  it("is applied idempotently; a changed förbindelsetext is a new version; a dropped requirement is retired", async () => {
    const before = { s: await n(schemes), r: await n(requirements), d: await n(declarationTexts), a: await n(technicalAreas) };
    await seedCatalogue(db(), new Date());
    expect({ s: await n(schemes), r: await n(requirements), d: await n(declarationTexts), a: await n(technicalAreas) }).toEqual(before);

    const changed = structuredClone(CATALOGUE);
    const mac = changed[0]!.schemes.find((s) => s.code === "fgas-utbildningsintyg-mac")!;
    mac.declaration += "\n\nNy mening.";
    const company = changed[0]!.schemes.find((s) => s.code === "fgas-foretag")!;
    company.requirements = company.requirements.filter((r) => r.code !== "utrustning");
    await seedCatalogue(db(), new Date(), changed);

    const macId = (await db().select().from(schemes).where(eq(schemes.code, "fgas-utbildningsintyg-mac")).get())!.id;
    const versions = await db().select().from(declarationTexts).where(eq(declarationTexts.schemeId, macId)).orderBy(asc(declarationTexts.version));
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[1]!.text).toContain("Ny mening.");
    const retired = await db().select().from(requirements).where(eq(requirements.code, "utrustning")).get();
    expect(retired!.retiredAt).not.toBeNull();
    await seedCatalogue(db(), new Date());
    expect((await db().select().from(requirements).where(eq(requirements.code, "utrustning")).get())!.retiredAt).toBeNull();
  });
});
