// Sök certifierade företag, rewritten for speed on company_listing (migration 0010), finds the same
// companies as the search it replaced. That search is kept below, as it was, as the reference; a
// seeded data set with what makes a search hard (companies not approved, superseded versions,
// certificates Aktivt past their Giltigt till, Vilande, Indraget, several Teknikområden and
// schemes, names with å ä ö, accents and case differences) is searched both ways with many
// queries. The new order is Swedish (a–z, then å, ä, ö; case aside; ties by id), compared with
// Intl.Collator("sv"); the old one was "collate nocase", so the old results are compared as sets.
import { and, asc, eq, inArray, ne, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Client } from "@libsql/client";
import { migrate } from "drizzle-orm/libsql/migrator";
import { migrateDatabase, openDatabase, type Db, type DbOrTx } from "../../db/client.ts";
import { seedCatalogue } from "../../db/seed/seed-catalogue.ts";
import { applications, certificates, companies, persons, schemes, technicalAreas, users, type CertificateStatus } from "../../db/schema/index.ts";
import { luhnCheckDigit } from "../../lib/identity/luhn.ts";
import { newId } from "../../lib/ids.ts";
import { startTestApp, TEST_ORIGIN, textOf, type TestApp } from "../../test/harness.ts";
import { CERTIFICATE_LABELS, publicStatus } from "../certificates/index.ts";
import { normaliseOrgNumber, publicOrgNumber, TOTAL_CAP, type CompanySearch, type PublicCompanyCertificate } from "./index.ts";
// The search itself, not the answers kept between writes (recent-searches.ts).
import { searchCertifiedCompanies } from "./search-companies.ts";
import { isCurrentVersion, sortByStatus } from "./public-company.ts";
import { prefixQuery, searchWords } from "./search-words.ts";

// ---------------------------------------------------------------------------------------------
// The reference: modules/verification/search-companies.ts and companyCertificates as they were
// before migration 0010, unchanged but for returning every company found (no page) with its id.

/** Companies not (or not yet) approved: pending and refused registrations. */
const notApproved = sql`(select id from companies where status <> 'approved')`;

/** Certificates that a newer version replaces. */
const superseded = sql`(select supersedes_certificate_id from certificates where supersedes_certificate_id is not null)`;

interface RefSearch {
  match: string | null;
  orgNumber?: string;
  activeOn: string | null;
  schemeIds?: string[];
}

interface RefRow {
  id: string;
  orgNumber: string;
  name: string;
  city: string;
}

async function refNarrow(db: DbOrTx, search: RefSearch): Promise<RefRow[]> {
  const hits =
    search.match === null
      ? sql`select ${companies.id} as id, ${companies.name} as name from ${companies} where ${and(sql`${companies.status} = 'approved'`, refOfNumber(search.orgNumber), refHolds(companies.id, search))}`
      : sql`select company_id as id, name from companies_fts where companies_fts match ${search.match} and company_id not in ${notApproved}${
          search.orgNumber ? sql` and company_id in (select ${companies.id} from ${companies} where ${refOfNumber(search.orgNumber)})` : sql``
        } and ${refHolds(sql`companies_fts.company_id`, search)}`;
  return db.all<RefRow>(sql`
    select c.id as id, c.org_number as orgNumber, c.name as name, c.city as city
    from (
      with hits as materialized (${hits})
      select id, name from hits order by name collate nocase, id
    ) as p
    join ${companies} as c on c.id = p.id
    order by p.name collate nocase, p.id`);
}

async function refBroad(db: DbOrTx, search: RefSearch): Promise<RefRow[]> {
  return db
    .select({ id: companies.id, orgNumber: companies.orgNumber, name: companies.name, city: companies.city })
    .from(companies)
    .where(and(eq(companies.status, "approved"), refHolds(companies.id, search)))
    .orderBy(sql`${companies.name} collate nocase`);
}

async function refConditions(db: DbOrTx, input: CompanySearch, today: string): Promise<RefSearch | null> {
  const q = (input.q ?? "").trim();
  const orgInQ = /^[\d\s-]+$/.test(q) ? normaliseOrgNumber(q) : null;
  const orgNumber = input.orgNumber ?? orgInQ ?? undefined;
  const match = [orgInQ ? null : prefixQuery(searchWords(q)), prefixQuery(searchWords(input.city ?? ""), "city")].filter(Boolean).join(" AND ");
  let schemeIds: string[] | undefined;
  if (input.area) {
    const inArea = await db.select({ id: schemes.id }).from(schemes).innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId)).where(eq(technicalAreas.code, input.area));
    if (inArea.length === 0) return null;
    schemeIds = inArea.map((s) => s.id);
  }
  return { match: match || null, orgNumber, activeOn: input.includeWithoutActive ? null : today, schemeIds };
}

function refOfNumber(orgNumber: string | undefined): SQL | undefined {
  return orgNumber ? and(eq(companies.orgNumber, orgNumber), ne(companies.status, "refused")) : undefined;
}

function refHolds(companyId: SQLWrapper, opts: Pick<RefSearch, "activeOn" | "schemeIds">): SQL {
  return sql`exists (select 1 from certificates as x where x.company_id = ${companyId}${refCertificateConditions(opts)})`;
}

function refCertificateConditions(opts: Pick<RefSearch, "activeOn" | "schemeIds">): SQL {
  const active = opts.activeOn === null ? sql`` : sql` and x.status = 'active' and (x.valid_until is null or x.valid_until >= ${opts.activeOn})`;
  const inSchemes = opts.schemeIds === undefined ? sql`` : sql` and x.scheme_id in (${sql.join(opts.schemeIds.map((id) => sql`${id}`), sql`, `)})`;
  return sql`${active}${inSchemes} and x.id not in ${superseded}`;
}

async function refCompanyCertificates(db: DbOrTx, companyIds: string[], today: string): Promise<Map<string, PublicCompanyCertificate[]>> {
  const byCompany = new Map<string, PublicCompanyCertificate[]>(companyIds.map((id) => [id, []]));
  if (companyIds.length === 0) return byCompany;
  const rows = await db
    .select({ companyId: certificates.companyId, number: certificates.number, status: certificates.status, validUntil: certificates.validUntil, schemeName: schemes.name, areaName: technicalAreas.name })
    .from(certificates)
    .innerJoin(schemes, eq(schemes.id, certificates.schemeId))
    .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
    .where(and(inArray(certificates.companyId, companyIds), isCurrentVersion))
    .orderBy(asc(technicalAreas.sortOrder), asc(schemes.sortOrder), asc(certificates.number));
  for (const r of rows) {
    const status = publicStatus(r, today);
    byCompany.get(r.companyId!)!.push({ number: r.number, scheme: { area: r.areaName, name: r.schemeName }, status, statusLabel: CERTIFICATE_LABELS[status], validUntil: r.validUntil });
  }
  for (const list of byCompany.values()) sortByStatus(list);
  return byCompany;
}

/** Every company the old search finds, in its order. */
async function referenceSearch(db: DbOrTx, input: CompanySearch, today: string): Promise<RefRow[]> {
  const search = await refConditions(db, input, today);
  if (!search) return [];
  return search.match !== null || search.orgNumber ? refNarrow(db, search) : refBroad(db, search);
}

// ---------------------------------------------------------------------------------------------
// The data set

const TODAY = "2026-03-15";
const YESTERDAY = "2026-03-14";
const COMPANIES = 3300;

/** A deterministic pseudo-random sequence (the same every run). */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 2 ** 32);
}
const rnd = random(14_2026);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const chance = (p: number) => rnd() < p;

const WORDS = ["Kyl", "KYL", "kyl", "Kylteknik", "Kylservice", "Värme", "VÄRME", "Varme", "Ventilation", "Klimat", "Frys", "Energi", "Öst", "Östra", "öst", "Åkes", "Åre", "Ärla", "Ödla", "Ære", "Øst", "Éclair", "Über", "Ystad", "Zeta", "Norr", "Syd", "Väst", "Andersson", "Åberg", "Öberg", "Oberg", "Ek", "Ekström", "Lindqvist", "Ängby", "Anders", "&"];
const SUFFIX = ["AB", "ab", "HB", "Aktiebolag", "", "i Norr", "& Co"];
const CITIES = ["Umeå", "Luleå", "Västerås", "Göteborg", "Örebro", "Malmö", "Stockholm", "Ängelholm", "Åre", "Östersund"];

function orgNumber(i: number, soleTrader: boolean): string {
  const payload = soleTrader ? `80${String(10_000_000 + i).slice(-7)}` : `55${String(3_000_000 + i).slice(-7)}`;
  return payload + luhnCheckDigit(payload);
}

function statusSpec(): { status: CertificateStatus; validUntil: string | null } {
  return pick<{ status: CertificateStatus; validUntil: string | null }>([
    { status: "active", validUntil: "2027-06-30" },
    { status: "active", validUntil: "2027-06-30" },
    { status: "active", validUntil: "2028-01-31" },
    { status: "active", validUntil: null },
    { status: "active", validUntil: TODAY },
    { status: "active", validUntil: YESTERDAY },
    { status: "active", validUntil: "2025-12-31" },
    { status: "suspended", validUntil: "2027-06-30" },
    { status: "withdrawn", validUntil: "2027-06-30" },
    { status: "expired", validUntil: "2026-01-31" },
    { status: "ended", validUntil: "2026-02-28" },
  ]);
}

let t: TestApp;
const db = () => t.runtime.deps.db;
const reads = () => t.runtime.deps.reads;
/** The organisationsnummer of the companies seeded, by their status at the end. */
let orgNumbers: Record<"approved" | "pending" | "refused", string[]>;

/** 3 300 companies and about 5 500 certificates, written in one transaction through the triggers. */
async function seed(db: () => Db): Promise<typeof orgNumbers> {
  const now = new Date(`${TODAY}T09:00:00Z`);
  const personId = newId();
  const userId = newId();
  await db().insert(persons).values({ id: personId, birthDate: "1970-01-01", givenName: "Jämförande", familyName: "Testperson", email: "jamfor@example.se", identityMethod: "manual", createdAt: now });
  await db().insert(users).values({ id: userId, personId, createdAt: now });
  // A second Teknikområde with two company schemes, beside F-gaser's one.
  const areaId = newId();
  await db().insert(technicalAreas).values({ id: areaId, code: "kyla", name: "Kylanläggningar", sortOrder: 90 });
  const schemeRow = (code: string, name: string, sortOrder: number) => ({ id: newId(), code, areaId, name, scope: "Test.", subject: "COMPANY" as const, kind: "CERTIFICATE" as const, invoiced: false, sortOrder });
  const kyla = [schemeRow("kyla-a", "Företagscertifikat Kyla A", 1), schemeRow("kyla-b", "Företagscertifikat Kyla B", 2)];
  await db().insert(schemes).values(kyla);
  const fgas = (await db().select({ id: schemes.id }).from(schemes).where(eq(schemes.code, "fgas-foretag")).get())!.id;
  const schemeIds = [fgas, fgas, kyla[0]!.id, kyla[1]!.id];

  const companyRows: (typeof companies.$inferInsert)[] = [];
  const appRows: (typeof applications.$inferInsert)[] = [];
  const certRows: (typeof certificates.$inferInsert)[] = [];
  let number = 900_000;
  for (let i = 0; i < COMPANIES; i++) {
    const id = newId();
    const status = chance(0.88) ? "approved" : chance(0.5) ? "pending" : "refused";
    const org = orgNumber(i, chance(0.05));
    const words = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(WORDS));
    const name = [...words, chance(0.3) ? String(Math.floor(rnd() * 100)) : "", pick(SUFFIX)].filter(Boolean).join(" ");
    companyRows.push({ id, orgNumber: org, name, addressLine1: "Industrivägen 1", postalCode: "123 45", city: pick(CITIES), country: "Sverige", status, registeredByPersonId: personId, createdAt: now });
    const certificateCount = status === "refused" ? (chance(0.3) ? 1 : 0) : Math.floor(rnd() * 4);
    for (let c = 0; c < certificateCount; c++) {
      const schemeId = pick(schemeIds);
      number += 1;
      // Sometimes a reissue: versions 1, 2 (and 3) of one number, each superseding the one before.
      const versions = chance(0.15) ? (chance(0.3) ? 3 : 2) : 1;
      let supersedes: string | null = null;
      for (let v = 1; v <= versions; v++) {
        const applicationId = newId();
        const certificateId = newId();
        appRows.push({ id: applicationId, schemeId, kind: "initial", companyId: id, status: "issued", createdAt: now, createdByUserId: userId, updatedAt: now });
        certRows.push({ id: certificateId, number, version: v, supersedesCertificateId: supersedes, applicationId, companyId: id, schemeId, ...statusSpec(), issuedOn: "2024-06-30", createdAt: now, updatedAt: now });
        supersedes = certificateId;
      }
    }
  }
  await db().transaction(async (tx) => {
    for (let i = 0; i < companyRows.length; i += 200) await tx.insert(companies).values(companyRows.slice(i, i + 200));
    for (let i = 0; i < appRows.length; i += 200) await tx.insert(applications).values(appRows.slice(i, i + 200));
    // Versions in order, so a newer one never comes before the one it supersedes.
    for (let i = 0; i < certRows.length; i += 200) await tx.insert(certificates).values(certRows.slice(i, i + 200));
  });

  // Changes after the fact, through the update and delete triggers: renames (to another place in
  // the order, with å ä ö), registrations decided, statuses changed, a newer version deleted so
  // the older is current again, and a version made to supersede another by update.
  const ids = companyRows.map((c) => c.id);
  for (let i = 0; i < 40; i++) await db().update(companies).set({ name: `${pick(WORDS)} ${pick(["Omdöpt", "Ändrad", "Zäta", "Åter"])} ${i} AB` }).where(eq(companies.id, pick(ids)));
  for (let i = 0; i < 30; i++) await db().update(companies).set({ city: pick(CITIES) }).where(eq(companies.id, pick(ids)));
  for (const c of companyRows.filter((c) => c.status === "pending").slice(0, 15)) await db().update(companies).set({ status: "approved" }).where(eq(companies.id, c.id));
  for (const c of companyRows.filter((c) => c.status === "approved").slice(0, 15)) await db().update(companies).set({ status: "refused" }).where(eq(companies.id, c.id));
  for (let i = 0; i < 60; i++) await db().update(certificates).set(statusSpec()).where(eq(certificates.id, pick(certRows).id!));
  const newest = certRows.filter((c) => c.version! > 1 && !certRows.some((n) => n.supersedesCertificateId === c.id));
  for (const c of newest.slice(0, 10)) {
    await db().delete(certificates).where(eq(certificates.id, c.id!));
    await db().delete(applications).where(eq(applications.id, c.applicationId));
  }
  const singles = certRows.filter((c) => c.version === 1 && !certRows.some((n) => n.supersedesCertificateId === c.id));
  for (let i = 0; i + 1 < 20; i += 2) {
    const [older, newer] = [singles[i * 7]!, singles[i * 7 + 3]!];
    if (older.companyId === newer.companyId) continue;
    await db().update(certificates).set({ supersedesCertificateId: older.id! }).where(eq(certificates.id, newer.id!));
  }
  const all = await db().select({ orgNumber: companies.orgNumber, status: companies.status }).from(companies);
  const withStatus = (status: string) => all.filter((c) => c.status === status).map((c) => c.orgNumber);
  return { approved: withStatus("approved"), pending: withStatus("pending"), refused: withStatus("refused") };
}

beforeAll(async () => {
  t = await startTestApp({ now: new Date(`${TODAY}T09:00:00Z`), env: { PUBLIC_RATE_LIMIT: "0" } });
  orgNumbers = await seed(db);
}, 60_000);
afterAll(() => t.close());

// ---------------------------------------------------------------------------------------------
// The comparison

const swedish = new Intl.Collator("sv", { sensitivity: "base" });
/** Swedish name order, case and accents aside (å ä ö are letters of their own), ties by id. */
const inSwedishOrder = <T extends { id: string; name: string }>(rows: T[]) => [...rows].sort((a, b) => swedish.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Every company the new search finds, page after page of the given size, checking each page's count. */
async function everyPage(input: CompanySearch, pageSize: number, expectedTotal: number) {
  const found: { name: string; orgNumber: string | null; certificates: PublicCompanyCertificate[] }[] = [];
  for (let page = 1; ; page++) {
    const result = await searchCertifiedCompanies(reads(), { ...input, page, pageSize }, TODAY);
    expect(result, JSON.stringify(input)).toMatchObject({ total: Math.min(expectedTotal, TOTAL_CAP), totalCapped: expectedTotal > TOTAL_CAP, page, pageSize });
    if (result.companies.length === 0) break;
    found.push(...result.companies);
  }
  return found;
}

const QUERIES: CompanySearch[] = [
  {},
  { q: "kyl" },
  { q: "KYL" },
  { q: "k" },
  { q: "ky" },
  { q: "kylt" },
  { q: "värme" },
  { q: "varme" },
  { q: "v" },
  { q: "ö" },
  { q: "o" },
  { q: "å" },
  { q: "a" },
  { q: "ab" },
  { q: "andersson" },
  { q: "åberg" },
  { q: "oberg" },
  { q: "ek" },
  { q: "anders ek" },
  { q: "kyl norr" },
  { q: "kyl umeå" },
  { q: "éclair" },
  { q: "uber" },
  { q: "zeta 1" },
  { q: "12" },
  { q: "finnsinte" },
  { q: '"kyl" OR *' },
  { city: "umeå" },
  { city: "ume" },
  { city: "väst" },
  { city: "orebro" },
  { q: "kyl", city: "göteborg" },
  { area: "fgas" },
  { area: "kyla" },
  { area: "kyla", q: "värme" },
  { area: "kyla", city: "åre" },
  { area: "fgas", q: "öst" },
  { area: "extern" },
  { area: "finns-inte" },
];

describe("the new search finds what the old one found", () => {
  const cases = QUERIES.flatMap((q) => [q, { ...q, includeWithoutActive: true }]);
  it.each(cases.map((q) => [JSON.stringify(q), q] as const))("%s: the same companies and certificates, in Swedish name order, counted up to the cap", async (_, input) => {
    const expected = inSwedishOrder(await referenceSearch(db(), input, TODAY));
    const found = await everyPage(input, 100, expected.length);
    expect(found.map((c) => `${c.name} ${c.orgNumber}`)).toEqual(expected.map((c) => `${c.name} ${publicOrgNumber(c.orgNumber)}`));
    const certs = await refCompanyCertificates(db(), expected.map((c) => c.id), TODAY);
    expect(found.map((c) => c.certificates)).toEqual(expected.map((c) => certs.get(c.id)));
  });

  it("finds a company by organisationsnummer only while it is approved, typed or in the number field", async () => {
    const numbers = [...orgNumbers.approved.slice(0, 25), ...orgNumbers.pending.slice(0, 5), ...orgNumbers.refused.slice(0, 5), "5569999999"];
    for (const n of numbers) {
      for (const input of [{ q: n }, { q: `${n.slice(0, 6)}-${n.slice(6)}` }, { orgNumber: n }, { orgNumber: n, q: "kyl" }, { orgNumber: n, includeWithoutActive: true }]) {
        const expected = (await referenceSearch(db(), input, TODAY)).map((c) => c.name);
        const found = (await searchCertifiedCompanies(reads(), input, TODAY)).companies.map((c) => c.name);
        expect(found, JSON.stringify(input)).toEqual(expected);
      }
    }
  });

  it("gives every page of any size the companies of that place in the order", async () => {
    for (const input of [{ q: "kyl" }, { q: "a" }, { q: "ö" }, {}, { area: "fgas", includeWithoutActive: true }, { q: "k", includeWithoutActive: true }]) {
      const expected = inSwedishOrder(await referenceSearch(db(), input, TODAY)).map((c) => c.name);
      for (const pageSize of [1, 7, 20, 33, 100]) {
        const pages = Math.ceil(expected.length / pageSize);
        for (const page of new Set([1, 2, 3, Math.ceil(pages / 2), pages - 1, pages, pages + 1].filter((p) => p >= 1 && p <= 10_000))) {
          const result = await searchCertifiedCompanies(reads(), { ...input, page, pageSize }, TODAY);
          expect(result.companies.map((c) => c.name), `${JSON.stringify(input)} page ${page} of ${pageSize}`).toEqual(expected.slice((page - 1) * pageSize, page * pageSize));
        }
      }
    }
  });

  it("counts up to 1 000 and then says there are more", async () => {
    const everyone = await referenceSearch(db(), { includeWithoutActive: true }, TODAY);
    expect(everyone.length).toBeGreaterThan(TOTAL_CAP);
    expect(await searchCertifiedCompanies(reads(), { includeWithoutActive: true }, TODAY)).toMatchObject({ total: TOTAL_CAP, totalCapped: true, pageCount: TOTAL_CAP / 20 });
    // Pages after the counted ones still answer.
    const late = await searchCertifiedCompanies(reads(), { includeWithoutActive: true, page: 51 }, TODAY);
    expect(late.companies.map((c) => c.name)).toEqual(inSwedishOrder(everyone).slice(1000, 1020).map((c) => c.name));
    // The API says so with totalIsLowerBound, the page with "Fler än 1 000".
    const api = await (await t.app.request(`${TEST_ORIGIN}/api/v1/companies?includeWithoutActive=true`)).json();
    expect(api).toMatchObject({ total: TOTAL_CAP, totalIsLowerBound: true, page: 1, pageCount: TOTAL_CAP / 20 });
    const page = textOf(await (await t.app.request(`${TEST_ORIGIN}/sok-certifierade-foretag?alla=1`)).text());
    expect(page).toMatch(/Fler än 1\s000 företag/);
    expect(page).toContain("Sida 1 av fler än 50");
    const few = await (await t.app.request(`${TEST_ORIGIN}/api/v1/companies?q=andersson`)).json();
    expect(few).toMatchObject({ totalIsLowerBound: false });
  });
});

/** The catalogue and the seeded companies, in the columns the older database has. */
async function copySeedAsOf0009(dir: string, into: Client): Promise<void> {
  const full = await openDatabase(`file:${path.join(dir, "full.db")}`);
  try {
    await migrateDatabase(full.db);
    await seedCatalogue(full.db, new Date(`${TODAY}T09:00:00Z`));
    await seed(() => full.db);
    // In the order of their foreign keys.
    for (const table of ["technical_areas", "schemes", "declaration_texts", "requirements", "persons", "users", "companies", "applications", "certificates"]) {
      const has = new Set((await into.execute(`PRAGMA table_info(${table})`)).rows.map((r) => String(r.name)));
      const columns = (await full.client.execute(`PRAGMA table_info(${table})`)).rows.map((r) => String(r.name)).filter((c) => has.has(c));
      const insert = `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
      const rows = (await full.client.execute(`SELECT ${columns.join(", ")} FROM ${table}`)).rows;
      await into.batch(rows.map((row) => ({ sql: insert, args: columns.map((c) => row[c] as never) })), "write");
    }
  } finally {
    full.close();
  }
}

describe("migration 0010 on a database that already has companies", () => {
  it("lists them so that the new search finds what the old one found before the migration", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "certportal-0010-"));
    try {
      // The migrations up to 0009, then companies and certificates, then 0010 with its backfill.
      const migrations = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../db/migrations");
      const upTo0009 = path.join(dir, "migrations");
      await cp(migrations, upTo0009, { recursive: true });
      const journal = path.join(upTo0009, "meta", "_journal.json");
      const entries = JSON.parse(await readFile(journal, "utf8")) as { entries: { tag: string }[] };
      await writeFile(journal, JSON.stringify({ ...entries, entries: entries.entries.filter((e) => e.tag < "0010") }));
      const database = await openDatabase(`file:${path.join(dir, "certportal.db")}`);
      try {
        await migrate(database.db, { migrationsFolder: upTo0009 });
        // Today's code writes columns later migrations added: the catalogue and the companies are
        // made on a database with every migration, and their rows copied over in the columns 0009 has.
        await copySeedAsOf0009(dir, database.client);
        const inputs = [...QUERIES.slice(0, 24), { area: "kyla" }, { city: "umeå" }].flatMap((q) => [q, { ...q, includeWithoutActive: true }]);
        const before = await Promise.all(inputs.map(async (input) => inSwedishOrder(await referenceSearch(database.db, input, TODAY)).map((c) => c.name)));
        await migrateDatabase(database.db);
        for (const [i, input] of inputs.entries()) {
          const found = await searchCertifiedCompanies(database.reads, { ...input, pageSize: 100 }, TODAY);
          expect(found.companies.map((c) => c.name), JSON.stringify(input)).toEqual(before[i]!.slice(0, 100));
          expect(found, JSON.stringify(input)).toMatchObject({ total: Math.min(before[i]!.length, TOTAL_CAP), totalCapped: before[i]!.length > TOTAL_CAP });
        }
      } finally {
        database.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("a word in more names than the cap", () => {
  it("is counted from the full-text index alone, the few companies past Giltigt till still left out", async () => {
    const app = await startTestApp({ now: new Date(`${TODAY}T09:00:00Z`) });
    try {
      const { db: mdb, reads: mreads } = app.runtime.deps;
      const now = new Date(`${TODAY}T09:00:00Z`);
      const personId = newId();
      const userId = newId();
      await mdb.insert(persons).values({ id: personId, birthDate: "1970-01-01", givenName: "Massa", familyName: "Testperson", email: "massa@example.se", identityMethod: "manual", createdAt: now });
      await mdb.insert(users).values({ id: userId, personId, createdAt: now });
      const schemeId = (await mdb.select({ id: schemes.id }).from(schemes).where(eq(schemes.code, "fgas-foretag")).get())!.id;
      // 1 100 companies Aktivt today, 15 whose only certificate passed Giltigt till yesterday.
      const specs = [...Array.from({ length: 1100 }, (_, i) => ({ name: `Massa Kyl ${i}`, validUntil: "2027-06-30" })), ...Array.from({ length: 15 }, (_, i) => ({ name: `Massa Gammal ${i}`, validUntil: YESTERDAY }))];
      const rows = specs.map((s, i) => ({ ...s, id: newId(), applicationId: newId(), orgNumber: orgNumber(50_000 + i, false) }));
      await mdb.transaction(async (tx) => {
        for (let i = 0; i < rows.length; i += 200) {
          const chunk = rows.slice(i, i + 200);
          await tx.insert(companies).values(chunk.map((r) => ({ id: r.id, orgNumber: r.orgNumber, name: r.name, addressLine1: "Industrivägen 1", postalCode: "123 45", city: "Massby", country: "Sverige", status: "approved" as const, registeredByPersonId: personId, createdAt: now })));
          await tx.insert(applications).values(chunk.map((r) => ({ id: r.applicationId, schemeId, kind: "initial" as const, companyId: r.id, status: "issued" as const, createdAt: now, createdByUserId: userId, updatedAt: now })));
          await tx.insert(certificates).values(chunk.map((r, j) => ({ id: newId(), number: 800_000 + i + j, applicationId: r.applicationId, companyId: r.id, schemeId, status: "active" as const, issuedOn: "2024-06-30", validUntil: r.validUntil, createdAt: now, updatedAt: now })));
        }
      });
      for (const input of [{ q: "massa" }, { q: "massa kyl" }, { q: "gammal" }, { q: "massa", includeWithoutActive: true }, { q: "gammal", includeWithoutActive: true }, { city: "massby" }]) {
        const expected = inSwedishOrder(await referenceSearch(mdb, input, TODAY));
        const found = await searchCertifiedCompanies(mreads, { ...input, page: 3 }, TODAY);
        expect(found, JSON.stringify(input)).toMatchObject({ total: Math.min(expected.length, TOTAL_CAP), totalCapped: expected.length > TOTAL_CAP });
        expect(found.companies.map((c) => c.name)).toEqual(expected.slice(40, 60).map((c) => c.name));
      }
    } finally {
      await app.close();
    }
  }, 60_000);
});
