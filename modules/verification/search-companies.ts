import { and, eq, sql, type SQL } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/sqlite-core";
import { onePerDatabase, type PreparedReads, type ReadStatement } from "../../db/prepared-reads.ts";
import { schemes, technicalAreas } from "../../db/schema/index.ts";
import { normaliseOrgNumber } from "./certificate-number.ts";
import { companyCertificates, publicOrgNumber, type PublicCompany } from "./public-company.ts";
import { prefixQuery, searchWords } from "./search-words.ts";

export interface CompanySearch {
  /** Words of the company's name or ort, each as a prefix; an organisationsnummer also works here. */
  q?: string;
  /** Exact organisationsnummer, ten digits (see normaliseOrgNumber). */
  orgNumber?: string;
  /** A Teknikområde's code: companies with a company certificate in that area. */
  area?: string;
  /** Words of the ort, as prefixes. */
  city?: string;
  /** Also companies whose company certificates are all Vilande, Indraget, Utgånget or Avslutat. */
  includeWithoutActive?: boolean;
  page?: number;
  pageSize?: number;
}

export interface CompanySearchResult {
  companies: PublicCompany[];
  /** The companies found, counted up to TOTAL_CAP. */
  total: number;
  /** More companies than `total` were found: the count stopped at TOTAL_CAP ("fler än 1 000"). */
  totalCapped: boolean;
  page: number;
  pageSize: number;
  /** The pages of `total`; when it is capped, later pages still answer but are not counted. */
  pageCount: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** Counting stops here: a word in thousands of names costs no more than one in a thousand. */
export const TOTAL_CAP = 1000;

/**
 * Sök certifierade företag. Approved companies holding a company certificate (by default one that
 * is Aktivt today), narrowed by words (FTS5 over name and ort), organisationsnummer, Teknikområde
 * and ort; in Swedish name order (a–z, then å, ä, ö, whatever the case; ties by id), a page at a
 * time, with the total counted up to TOTAL_CAP.
 *
 * It reads company_listing and company_listing_schemes, which triggers keep in step with
 * companies and certificates in the same transaction as every change (migration 0010, decision
 * 018). Aktivt today is a date compared here, so an expiry shows the day after, before the
 * nightly sweep marks it. The statements are prepared once per kind of search (db/prepared-reads.ts).
 */
export async function searchCertifiedCompanies(reads: PreparedReads, input: CompanySearch, today: string): Promise<CompanySearchResult> {
  const pageSize = clamp(input.pageSize ?? DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  const page = clamp(input.page ?? 1, 1, 10_000);
  const search = await conditions(reads, input, today);
  const empty = { companies: [], total: 0, totalCapped: false, page, pageSize, pageCount: 0 };
  if (!search) return empty;
  const statements = statementsFor(reads, search);
  const offset = (page - 1) * pageSize;
  const values = { ...search.values, pageSize, offset, last: offset + pageSize - 1, cap: TOTAL_CAP + 1 };
  const rows = await statements.page.all(values);
  // A page past the end has no row to carry the count.
  const counted = rows[0]?.counted ?? (await statements.count.get(values))!.counted;
  if (counted === 0) return empty;
  // The certificates of the page's companies only, in one statement.
  const certs = await companyCertificates(reads, rows.map((r) => r.id), today);
  const total = Math.min(counted, TOTAL_CAP);
  return {
    companies: rows.map((r) => ({ orgNumber: publicOrgNumber(r.orgNumber), name: r.name, city: r.city, certificates: certs.get(r.id) ?? [] })),
    total,
    totalCapped: counted > TOTAL_CAP,
    page,
    pageSize,
    pageCount: Math.ceil(total / pageSize),
  };
}

/** A kind of search: what its statements look like. */
interface Shape {
  words: boolean;
  /** Only Aktivt today (else any current company certificate will do). */
  activeOnly: boolean;
  byNumber: boolean;
  /** How many of the Teknikområde's schemes listed companies hold; 0 for any Teknikområde. */
  schemes: number;
}

interface Search {
  shape: Shape;
  /** The values of the placeholders: match, today, orgNumber, scheme0…. */
  values: Record<string, unknown>;
}

interface Row {
  id: string;
  orgNumber: string;
  name: string;
  city: string;
  /** The companies found, up to TOTAL_CAP + 1. */
  counted: number;
}

interface Statements {
  page: ReadStatement<Row>;
  count: ReadStatement<{ counted: number }>;
}

const ROW_COLUMNS = ["id", "orgNumber", "name", "city", "counted"] as const;
const prepared = onePerDatabase(() => new Map<string, Statements>());

function statementsFor(reads: PreparedReads, search: Search): Statements {
  const key = JSON.stringify(search.shape);
  let made = prepared(reads).get(key);
  if (!made) {
    const found = foundCompanies(search.shape);
    made = { page: reads.prepare<Row>(pageOf(found), ROW_COLUMNS), count: reads.prepare<{ counted: number }>(sql`select ${found.counted}`, ["counted"]) };
    prepared(reads).set(key, made);
  }
  return made;
}

const p = (name: string) => sql.placeholder(name);

/**
 * The companies a search finds, as SQL. Without words: `l` in company_listing. With words, for
 * each state range of company_listing.order_key (0: Aktivt until a date; 1: listed, nothing
 * Aktivt) the matches in companies_fts, `f`, whose rowid is that key (migration 0010): by default
 * only range 0, less the companies whose last Aktivt certificate has passed Giltigt till.
 */
interface Found {
  /** The number found, counted up to :cap. */
  counted: SQL;
  /** One page in name order: company_id and sort_key. */
  page: SQL;
}

const STATE = 2n ** 61n;
const range = (state: bigint) => ({ from: sql.raw(String(state * STATE)), to: sql.raw(String((state + 1n) * STATE)) });
const upToCap = (rows: SQL) => sql`(select count(*) from (${rows} limit ${p("cap")}))`;

function foundCompanies(shape: Shape): Found {
  const active = shape.activeOnly ? sql` and l.active_until >= ${p("today")}` : sql``;
  // The partial unique index on org_number (whose condition this repeats) finds at most one.
  const byNumber = shape.byNumber ? sql` and l.company_id = (select id from companies where org_number = ${p("orgNumber")} and status <> 'refused')` : sql``;
  const schemeIds = sql.join(Array.from({ length: shape.schemes }, (_, i) => p(`scheme${i}`)), sql`, `);
  const inSchemes =
    shape.schemes === 0
      ? sql``
      : sql` and exists (select 1 from company_listing_schemes as s where s.company_id = l.company_id and s.scheme_id in (${schemeIds})${shape.activeOnly ? sql` and s.active_until >= ${p("today")}` : sql``})`;
  if (!shape.words) {
    // The partial index company_listing_order is walked in name order and the walk stops after
    // the page (INDEXED BY: statistics from ANALYZE may otherwise prefer active_until's index).
    // A number finds its one company through company_id's index instead.
    const listing = shape.byNumber ? sql`company_listing as l` : sql`company_listing as l indexed by company_listing_order`;
    const where = sql`l.listed = 1${active}${byNumber}${inSchemes}`;
    return {
      // With a Teknikområde, counting starts from its companies: few or many, it stops soon.
      counted: upToCap(
        shape.schemes === 0
          ? sql`select 1 from ${listing} where ${where}`
          : sql`select distinct s.company_id from company_listing_schemes as s indexed by company_listing_schemes_scheme cross join company_listing as l on l.company_id = s.company_id where s.scheme_id in (${schemeIds})${
              shape.activeOnly ? sql` and s.active_until >= ${p("today")}` : sql``
            } and l.listed = 1${byNumber}`,
      ),
      page: sql`select l.company_id, l.sort_key from ${listing} where ${where} order by l.sort_key, l.company_id limit ${p("pageSize")} offset ${p("offset")}`,
    };
  }
  const states = shape.activeOnly ? [0n] : [0n, 1n];
  // CROSS JOIN keeps FTS5 outside: it reads matches in rowid order, each company then found by its key.
  const joined = (state: bigint, columns: SQL, below?: SQL) =>
    sql`select ${columns} from companies_fts as f cross join company_listing as l on l.order_key = f.rowid where companies_fts match ${p("match")} and f.rowid >= ${range(state).from} and f.rowid < ${below ?? range(state).to}${active}${byNumber}${inSchemes}`;
  return {
    counted: shape.byNumber || shape.schemes > 0 ? upToCap(sql.join(states.map((state) => joined(state, sql`1`)), sql` union all `)) : countedByKey(states, shape.activeOnly),
    // In each range FTS5 hands out matches in name order up to the first six characters of the
    // sort key: the page's companies are among the matches in the same or an earlier block of
    // keys than the (offset + pageSize)-th match of that range, so only those are read and sorted.
    page: sql`${sql.join(
      states.map((state) => {
        const last = sql`(${joined(state, sql`((f.rowid >> 28) + 1) << 28`)} order by f.rowid limit 1 offset ${p("last")})`;
        return joined(state, sql`l.company_id as company_id, l.sort_key as sort_key`, sql`coalesce(${last}, ${range(state).to})`);
      }),
      sql` union all `,
    )} order by sort_key, company_id limit ${p("pageSize")} offset ${p("offset")}`,
  };
}

/**
 * The number of word matches from the full-text index alone: the key's range says listed or
 * Aktivt. Only the companies Aktivt by status whose last Giltigt till has passed (until the sweep
 * marks them Utgånget at night; few) must be left out by key, and when the matches reach the cap
 * even if all of those were among them, they need not be looked for at all.
 */
function countedByKey(states: bigint[], activeOnly: boolean): SQL {
  const matches = (state: bigint) => sql`select 1 from companies_fts as f where companies_fts match ${p("match")} and f.rowid >= ${range(state).from} and f.rowid < ${range(state).to}`;
  if (!activeOnly) return upToCap(sql.join(states.map(matches), sql` union all `));
  const lapsed = sql`(select count(*) from company_listing where active_until < ${p("today")})`;
  return sql`(case when (select count(*) from (${matches(0n)} limit ${p("cap")} + ${lapsed})) >= ${p("cap")} + ${lapsed} then ${p("cap")}
    else ${upToCap(sql`${matches(0n)} and f.rowid not in (select order_key from company_listing where active_until < ${p("today")})`)} end)`;
}

/** One page in name order, with the count. */
function pageOf(found: Found): SQL {
  return sql`
    select c.id, c.org_number, c.name, c.city, ${found.counted}
    from (${found.page}) as p
    cross join companies as c on c.id = p.company_id
    order by p.sort_key, p.company_id`;
}

const schemesOfArea = onePerDatabase((reads) =>
  reads.prepare<{ id: string }>(
    new QueryBuilder()
      .select({ id: schemes.id })
      .from(schemes)
      .innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId))
      // Only schemes some listed company holds: an area no company is certified in finds nothing at once.
      .where(and(eq(technicalAreas.code, sql.placeholder("area")), sql`exists (select 1 from company_listing_schemes as s indexed by company_listing_schemes_scheme where s.scheme_id = ${schemes.id})`)),
    ["id"],
  ),
);

/** What a search looks for; null when it cannot match anything (a Teknikområde no company holds, or an unknown one). */
async function conditions(reads: PreparedReads, input: CompanySearch, today: string): Promise<Search | null> {
  const q = (input.q ?? "").trim();
  // An organisationsnummer typed in the free-text box is searched as one.
  const orgInQ = /^[\d\s-]+$/.test(q) ? normaliseOrgNumber(q) : null;
  const orgNumber = input.orgNumber ?? orgInQ ?? null;
  const match = [orgInQ ? null : prefixQuery(searchWords(q)), prefixQuery(searchWords(input.city ?? ""), "city")].filter(Boolean).join(" AND ") || null;
  let schemeIds: string[] = [];
  if (input.area) {
    schemeIds = (await schemesOfArea(reads).all({ area: input.area })).map((s) => s.id);
    if (schemeIds.length === 0) return null;
  }
  return {
    shape: { words: match !== null, activeOnly: !input.includeWithoutActive, byNumber: orgNumber !== null, schemes: schemeIds.length },
    values: { match, today, orgNumber, ...Object.fromEntries(schemeIds.map((id, i) => [`scheme${i}`, id])) },
  };
}

function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.trunc(n))) : min;
}
