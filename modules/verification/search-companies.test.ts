import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificates, companies, schemes, technicalAreas } from "../../db/schema/index.ts";
import { insertCertificate, insertCertifiedCompany } from "../../test/public-data.ts";
import { startTestApp, type TestApp } from "../../test/harness.ts";
import { getPublicCompany, listCompanyAreas, searchCertifiedCompanies, type CompanySearch } from "./index.ts";

const TODAY = "2026-03-15";
let t: TestApp;
const deps = () => t.runtime.deps;
const names = async (input: CompanySearch) => (await searchCertifiedCompanies(deps().reads, input, TODAY)).companies.map((c) => c.name);
let kylteknik: { orgNumber: string; companyId: string };

beforeAll(async () => {
  t = await startTestApp({ now: new Date(`${TODAY}T09:00:00Z`) });
  kylteknik = await insertCertifiedCompany(deps(), { name: "Kylteknik i Norr AB", city: "Umeå" });
  await insertCertifiedCompany(deps(), { name: "Örebro Värmeteknik AB", city: "Örebro" });
  await insertCertifiedCompany(deps(), { name: "Mälardalens Kyl & Värme AB", city: "Västerås" });
  await insertCertifiedCompany(deps(), { name: "Åkes Rör och Kyl", city: "Luleå" });
  await insertCertifiedCompany(deps(), { name: "Vilande Kyl AB", city: "Umeå", certificates: [{ status: "suspended" }] });
  await insertCertifiedCompany(deps(), { name: "Utgången Kyl AB", city: "Umeå", certificates: [{ validUntil: "2026-03-14" }] });
  await insertCertifiedCompany(deps(), { name: "Indragen Kyl AB", city: "Umeå", certificates: [{ status: "withdrawn" }, { status: "ended" }] });
  await insertCertifiedCompany(deps(), { name: "Ansökande Kyl AB", city: "Umeå", status: "pending" });
  await insertCertifiedCompany(deps(), { name: "Ocertifierad Kyl AB", city: "Umeå", certificates: [] });
});
afterAll(() => t.close());

describe("Sök certifierade företag: words and prefixes through FTS5", () => {
  it("finds a company by the beginning of a word in its name, in any case", async () => {
    expect(await names({ q: "kyl" })).toEqual(["Kylteknik i Norr AB", "Mälardalens Kyl & Värme AB", "Åkes Rör och Kyl"]);
    expect(await names({ q: "KYLT" })).toEqual(["Kylteknik i Norr AB"]);
    expect(await names({ q: "kyl norr" })).toEqual(["Kylteknik i Norr AB"]);
    // Words are found from their beginning, not from inside them.
    expect(await names({ q: "teknik" })).toEqual([]);
  });

  it("reads å, ä and ö as the words they are written with, and without the dots too", async () => {
    expect(await names({ q: "värme" })).toEqual(["Mälardalens Kyl & Värme AB", "Örebro Värmeteknik AB"]);
    expect(await names({ q: "värmeteknik" })).toEqual(["Örebro Värmeteknik AB"]);
    expect(await names({ q: "ÖREBRO" })).toEqual(["Örebro Värmeteknik AB"]);
    expect(await names({ q: "mälar" })).toEqual(["Mälardalens Kyl & Värme AB"]);
    expect(await names({ q: "akes" })).toEqual(["Åkes Rör och Kyl"]);
    expect(await names({ q: "västerås" })).toEqual(["Mälardalens Kyl & Värme AB"]);
  });

  it("takes whatever is typed without breaking: quotes, operators, stars", async () => {
    expect(await names({ q: 'kyl" OR * NEAR(' })).toEqual([]);
    expect(await names({ q: '"kylteknik"' })).toEqual(["Kylteknik i Norr AB"]);
    expect(await names({ q: "-*:" })).toHaveLength(4);
  });

  it("finds by organisationsnummer, in the number field or typed as the search, with or without dash", async () => {
    const dashed = `${kylteknik.orgNumber.slice(0, 6)}-${kylteknik.orgNumber.slice(6)}`;
    expect(await names({ orgNumber: kylteknik.orgNumber })).toEqual(["Kylteknik i Norr AB"]);
    expect(await names({ q: dashed })).toEqual(["Kylteknik i Norr AB"]);
    expect(await names({ q: `16${kylteknik.orgNumber}` })).toEqual(["Kylteknik i Norr AB"]);
    expect(await names({ orgNumber: "5569999999" })).toEqual([]);
  });

  it("narrows by ort (words and prefixes of it) and by Teknikområde", async () => {
    expect(await names({ city: "umeå" })).toEqual(["Kylteknik i Norr AB"]);
    expect(await names({ city: "väster" })).toEqual(["Mälardalens Kyl & Värme AB"]);
    expect(await names({ q: "kyl", city: "lule" })).toEqual(["Åkes Rör och Kyl"]);
    expect(await names({ city: "kyl" })).toEqual([]);
    expect(await names({ area: "fgas", q: "kyl" })).toHaveLength(3);
    expect(await names({ area: "extern" })).toEqual([]);
    expect(await names({ area: "finns-inte" })).toEqual([]);
  });

  it("shows only companies with a company certificate that is Aktivt today, unless asked for the others", async () => {
    expect(await names({ city: "umeå" })).toEqual(["Kylteknik i Norr AB"]);
    expect(await names({ city: "umeå", includeWithoutActive: true })).toEqual(["Indragen Kyl AB", "Kylteknik i Norr AB", "Utgången Kyl AB", "Vilande Kyl AB"]);
    const found = await searchCertifiedCompanies(deps().reads, { q: "indragen", includeWithoutActive: true }, TODAY);
    expect(found.companies[0]!.certificates.map((c) => [c.status, c.statusLabel])).toEqual([
      ["ended", "Avslutat"],
      ["withdrawn", "Indraget"],
    ]);
    const expired = await searchCertifiedCompanies(deps().reads, { q: "utgången", includeWithoutActive: true }, TODAY);
    expect(expired.companies[0]!.certificates[0]).toMatchObject({ status: "expired", statusLabel: "Utgånget", validUntil: "2026-03-14", scheme: { area: "F-gaser", name: "Företagscertifikat F-gas" } });
  });

  it("reads a reissued certificate by its current version only, in the words' search and in the total", async () => {
    const everyone = async () => (await searchCertifiedCompanies(deps().reads, {}, TODAY)).total;
    const before = await everyone();
    const company = await insertCertifiedCompany(deps(), { name: "Omutfärdad Kyl AB", city: "Kiruna" });
    expect(await names({ q: "omutfärdad" })).toEqual(["Omutfärdad Kyl AB"]);
    expect(await everyone()).toBe(before + 1);
    // A new version, Indraget, replaces the Aktivt one.
    const newer = await insertCertificate(deps(), { companyId: company.companyId }, { status: "withdrawn" });
    const older = await deps().db.select({ id: certificates.id }).from(certificates).where(eq(certificates.number, company.numbers[0]!)).get();
    await deps().db.update(certificates).set({ supersedesCertificateId: older!.id }).where(eq(certificates.number, newer));
    expect(await names({ q: "omutfärdad" })).toEqual([]);
    expect(await names({ city: "kiruna" })).toEqual([]);
    expect(await everyone()).toBe(before);
    const found = await searchCertifiedCompanies(deps().reads, { q: "omutfärdad", includeWithoutActive: true }, TODAY);
    expect(found.companies.map((c) => [c.name, c.certificates.map((x) => x.status)])).toEqual([["Omutfärdad Kyl AB", ["withdrawn"]]]);
  });

  it("follows a company's new name", async () => {
    await deps().db.update(companies).set({ name: "Norrlands Kylteknik AB" }).where(eq(companies.orgNumber, kylteknik.orgNumber));
    expect(await names({ q: "norrlands" })).toEqual(["Norrlands Kylteknik AB"]);
    expect(await names({ q: "kyltek" })).toEqual(["Norrlands Kylteknik AB"]);
    await deps().db.update(companies).set({ name: "Kylteknik i Norr AB" }).where(eq(companies.orgNumber, kylteknik.orgNumber));
    expect(await names({ q: "norrlands" })).toEqual([]);
  });

  it("pages through many companies in name order, with the total", async () => {
    for (let i = 1; i <= 23; i++) await insertCertifiedCompany(deps(), { name: `Serie ${String(i).padStart(2, "0")} Kylservice AB`, city: "Göteborg" });
    const first = await searchCertifiedCompanies(deps().reads, { q: "kylservice", pageSize: 10 }, TODAY);
    expect(first).toMatchObject({ total: 23, page: 1, pageSize: 10, pageCount: 3 });
    expect(first.companies.map((c) => c.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Serie ${String(i + 1).padStart(2, "0")} Kylservice AB`));
    const last = await searchCertifiedCompanies(deps().reads, { q: "kylservice", pageSize: 10, page: 3 }, TODAY);
    expect(last.companies.map((c) => c.name)).toEqual(["Serie 21 Kylservice AB", "Serie 22 Kylservice AB", "Serie 23 Kylservice AB"]);
    const beyond = await searchCertifiedCompanies(deps().reads, { q: "kylservice", pageSize: 10, page: 9 }, TODAY);
    expect(beyond).toMatchObject({ companies: [], total: 23, page: 9 });
    const everyone = await searchCertifiedCompanies(deps().reads, { pageSize: 5, page: 2 }, TODAY);
    expect(everyone.total).toBe(27);
    expect(everyone.companies).toHaveLength(5);
  });
});

describe("Sök certifierade företag: Swedish name order", () => {
  // In Swedish order: a–z, then å, ä, ö; case aside; é as e, ü as y, æ as ä, ø as ö; also when
  // the name is written with combining marks (NFD) instead of precomposed letters.
  const ORDER = ["alfa Kyl", "Beta Kyl", "Éclair Kyl", "Eda Kyl", "Kyl & Co", "Kyl 10", "kyl 2", "Kyl AB", "Kyla", "Über Kyl", "Ystad Kyl", "zeta Kyl", "A\u030Angström Kyl", "Åre Kyl", "Ære Kyl", "ärla Kyl", "ÖDLA Kyl", "Örebro Kyl", "Øst Kyl"];

  it("lists a–z, then å, ä, ö, whatever the case or accents", async () => {
    for (const name of [...ORDER].reverse()) await insertCertifiedCompany(deps(), { name, city: "Ordningsby" });
    expect(await names({ city: "ordningsby" })).toEqual(ORDER);
    expect([...ORDER].sort(new Intl.Collator("sv", { sensitivity: "base" }).compare)).toEqual(ORDER);
  });

  it("moves a renamed company to its new place", async () => {
    const { orgNumber } = await insertCertifiedCompany(deps(), { name: "Aaa Kyl", city: "Ordningsby" });
    expect((await names({ city: "ordningsby" }))[0]).toBe("Aaa Kyl");
    await deps().db.update(companies).set({ name: "Östanå Kyl" }).where(eq(companies.orgNumber, orgNumber));
    expect((await names({ city: "ordningsby" })).slice(-2)).toEqual(["Øst Kyl", "Östanå Kyl"]);
    await deps().db.update(companies).set({ name: "Mellan Kyl", city: "Annanby" }).where(eq(companies.orgNumber, orgNumber));
    expect(await names({ city: "ordningsby" })).toEqual(ORDER);
    expect(await names({ city: "annanby" })).toEqual(["Mellan Kyl"]);
  });
});

describe("Sök certifierade företag: fresh after every change", () => {
  it("leaves a company out from the day after its last Aktivt certificate's Giltigt till, with no write", async () => {
    await insertCertifiedCompany(deps(), { name: "Sista Dagen Kyl AB", city: "Datumby", certificates: [{ validUntil: TODAY }, { validUntil: "2026-03-01" }] });
    expect((await searchCertifiedCompanies(deps().reads, { city: "datumby" }, TODAY)).total).toBe(1);
    expect((await searchCertifiedCompanies(deps().reads, { city: "datumby" }, "2026-03-16")).total).toBe(0);
    expect((await searchCertifiedCompanies(deps().reads, { city: "datumby", includeWithoutActive: true }, "2026-03-16")).total).toBe(1);
  });

  it("follows certificates' statuses, companies' approval and certificates removed", async () => {
    const company = await insertCertifiedCompany(deps(), { name: "Växlande Kyl AB", city: "Statusby", certificates: [{ status: "suspended" }, {}] });
    const certificate = (number: number) => eq(certificates.number, number);
    expect(await names({ city: "statusby" })).toEqual(["Växlande Kyl AB"]);
    await deps().db.update(certificates).set({ status: "withdrawn" }).where(certificate(company.numbers[1]!));
    expect(await names({ city: "statusby" })).toEqual([]);
    await deps().db.update(certificates).set({ status: "active" }).where(certificate(company.numbers[0]!));
    expect(await names({ city: "statusby" })).toEqual(["Växlande Kyl AB"]);
    await deps().db.update(companies).set({ status: "refused" }).where(eq(companies.id, company.companyId));
    expect(await names({ city: "statusby", includeWithoutActive: true })).toEqual([]);
    await deps().db.update(companies).set({ status: "approved" }).where(eq(companies.id, company.companyId));
    expect(await names({ city: "statusby" })).toEqual(["Växlande Kyl AB"]);
  });
});

describe("Sök certifierade företag: answers kept between writes", () => {
  it("answers the same search from memory until anything is written, and a new day anew", async () => {
    const { companyId } = await insertCertifiedCompany(deps(), { name: "Minnesgod Kyl AB", city: "Minnesby" });
    const first = await searchCertifiedCompanies(deps().reads, { city: "minnesby" }, TODAY);
    expect(await searchCertifiedCompanies(deps().reads, { city: "minnesby" }, TODAY)).toBe(first);
    expect(await searchCertifiedCompanies(deps().reads, { city: "minnesby", page: 2 }, TODAY)).not.toBe(first);
    expect(await searchCertifiedCompanies(deps().reads, { city: "minnesby" }, "2026-03-16")).not.toBe(first);
    // Any write, here to a company the search does not find, is a new state.
    await deps().db.update(companies).set({ phone: "090-11 22 33" }).where(eq(companies.id, kylteknik.companyId));
    const second = await searchCertifiedCompanies(deps().reads, { city: "minnesby" }, TODAY);
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
    await deps().db.update(companies).set({ name: "Glömsk Kyl AB" }).where(eq(companies.id, companyId));
    expect(await names({ city: "minnesby" })).toEqual(["Glömsk Kyl AB"]);
  });
});

describe("a company's public page", () => {
  it("has its name, ort, number and company certificates, whatever their status", async () => {
    expect(await getPublicCompany(deps().reads, kylteknik.orgNumber, TODAY)).toEqual({
      orgNumber: kylteknik.orgNumber,
      name: "Kylteknik i Norr AB",
      city: "Umeå",
      certificates: [{ number: expect.any(Number), scheme: { area: "F-gaser", name: "Företagscertifikat F-gas" }, status: "active", statusLabel: "Aktivt", validUntil: "2027-01-14" }],
    });
    const suspended = (await searchCertifiedCompanies(deps().reads, { q: "vilande", includeWithoutActive: true }, TODAY)).companies[0]!;
    expect(suspended.certificates[0]!.statusLabel).toBe("Vilande");
  });

  it("does not exist for a company without certificates, one not approved, or an unknown number", async () => {
    const none = await insertCertifiedCompany(deps(), { name: "Tom AB", certificates: [] });
    const pending = await insertCertifiedCompany(deps(), { name: "Väntar AB", status: "pending" });
    for (const n of [none.orgNumber, pending.orgNumber, "5569999999"]) expect(await getPublicCompany(deps().reads, n, TODAY)).toBeNull();
  });

  it("never shows an enskild firma's number: it is the owner's personnummer", async () => {
    const soleTrader = await insertCertifiedCompany(deps(), { name: "Svens Kylservice", orgNumber: "8001019812" });
    expect((await getPublicCompany(deps().reads, soleTrader.orgNumber, TODAY))?.orgNumber).toBeNull();
    const found = await searchCertifiedCompanies(deps().reads, { q: "svens" }, TODAY);
    expect(found.companies.map((c) => [c.name, c.orgNumber])).toEqual([["Svens Kylservice", null]]);
  });
});

describe("the Teknikområden of the search form", () => {
  it("are those with a company certificate, kept between writes, and a new one shows at once", async () => {
    const first = await listCompanyAreas(deps().reads);
    expect(first.length).toBeGreaterThan(0);
    // Nothing written: the same answer from memory.
    expect(await listCompanyAreas(deps().reads)).toBe(first);
    const areaId = crypto.randomUUID();
    await deps().db.insert(technicalAreas).values({ id: areaId, code: "VP-TEST", name: "Värmepumpar (test)", sortOrder: 999 });
    // An area with no company certificate is not a choice …
    expect((await listCompanyAreas(deps().reads)).map((a) => a.code)).not.toContain("VP-TEST");
    await deps().db.insert(schemes).values({ id: crypto.randomUUID(), code: "VP-FTG-TEST", areaId, name: "Företagscertifikat värmepumpar", scope: "Installation", subject: "COMPANY", kind: "CERTIFICATE", invoiced: false, sortOrder: 999 });
    // … and is one on the very next call once it has one.
    const after = await listCompanyAreas(deps().reads);
    expect(after.map((a) => a.code)).toEqual([...first.map((a) => a.code), "VP-TEST"]);
  });
});
