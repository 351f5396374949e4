import { and, count, eq, ne, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { companies, schemes, technicalAreas } from "../../db/schema/index.ts";
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
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * Sök certifierade företag. Approved companies holding a company certificate (by default one that
 * is Aktivt today), narrowed by words (FTS5 over name and ort), organisationsnummer, Teknikområde
 * and ort; in name order, a page at a time, with the total.
 */
export async function searchCertifiedCompanies(db: DbOrTx, input: CompanySearch, today: string): Promise<CompanySearchResult> {
  const pageSize = clamp(input.pageSize ?? DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  const page = clamp(input.page ?? 1, 1, 10_000);
  const search = await conditions(db, input, today);
  const empty = { companies: [], total: 0, page, pageSize, pageCount: 0 };
  if (!search) return empty;
  const columns = { id: companies.id, orgNumber: companies.orgNumber, name: companies.name, city: companies.city };
  // Ties keep the index's order; no second key, so the index walk can stop after one page.
  const byName = sql`${companies.name} collate nocase`;
  const offset = (page - 1) * pageSize;
  let rows: { id: string; orgNumber: string; name: string; city: string }[];
  let total: number;
  if (search.narrow) {
    // Few candidates (words, a number): one pass that also counts them.
    const counted = await db.select({ ...columns, total: sql<number>`count(*) over ()` }).from(companies).where(search.where).orderBy(byName).limit(pageSize).offset(offset);
    rows = counted;
    total = counted[0]?.total ?? (await countOf(db, search.where));
  } else {
    // Every certified company: the page walks the name index and stops early; the count is apart.
    rows = await db.select(columns).from(companies).where(search.where).orderBy(byName).limit(pageSize).offset(offset);
    total = await countOf(db, search.where);
  }
  if (total === 0) return empty;
  const certs = await companyCertificates(db, rows.map((r) => r.id), today);
  return {
    companies: rows.map((r) => ({ orgNumber: publicOrgNumber(r.orgNumber), name: r.name, city: r.city, certificates: certs.get(r.id) ?? [] })),
    total,
    page,
    pageSize,
    pageCount: Math.ceil(total / pageSize),
  };
}

async function countOf(db: DbOrTx, where: SQL): Promise<number> {
  const [row] = await db.select({ total: count() }).from(companies).where(where);
  return row?.total ?? 0;
}

/**
 * The WHERE of a search, and whether words or a number narrow it; null when it cannot match
 * anything (an unknown Teknikområde).
 */
async function conditions(db: DbOrTx, input: CompanySearch, today: string): Promise<{ where: SQL; narrow: boolean } | null> {
  const q = (input.q ?? "").trim();
  // An organisationsnummer typed in the free-text box is searched as one.
  const orgInQ = /^[\d\s-]+$/.test(q) ? normaliseOrgNumber(q) : null;
  const orgNumber = input.orgNumber ?? orgInQ ?? undefined;
  const match = [orgInQ ? null : prefixQuery(searchWords(q)), prefixQuery(searchWords(input.city ?? ""), "city")].filter(Boolean).join(" AND ");
  let schemeIds: string[] | undefined;
  if (input.area) {
    const inArea = await db.select({ id: schemes.id }).from(schemes).innerJoin(technicalAreas, eq(technicalAreas.id, schemes.areaId)).where(eq(technicalAreas.code, input.area));
    if (inArea.length === 0) return null;
    schemeIds = inArea.map((s) => s.id);
  }
  const where = and(
    eq(companies.status, "approved"),
    // Repeats the partial unique index's condition so SQLite may use that index for the number.
    orgNumber ? and(eq(companies.orgNumber, orgNumber), ne(companies.status, "refused")) : undefined,
    match ? sql`${companies.id} in (select company_id from companies_fts where companies_fts match ${match})` : undefined,
    holdsCompanyCertificate({ activeOn: input.includeWithoutActive ? null : today, schemeIds }),
  )!;
  return { where, narrow: Boolean(orgNumber || match) };
}

/** A current company certificate, Aktivt on the day if one is given, of one of the schemes if given. */
function holdsCompanyCertificate(opts: { activeOn: string | null; schemeIds?: string[] }): SQL {
  const active = opts.activeOn === null ? sql`` : sql` and x.status = 'active' and (x.valid_until is null or x.valid_until >= ${opts.activeOn})`;
  const inSchemes = opts.schemeIds === undefined ? sql`` : sql` and x.scheme_id in (${sql.join(opts.schemeIds.map((id) => sql`${id}`), sql`, `)})`;
  return sql`exists (select 1 from certificates as x where x.company_id = ${companies.id}${active}${inSchemes} and not exists (select 1 from certificates as newer where newer.supersedes_certificate_id = x.id))`;
}

function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.trunc(n))) : min;
}

