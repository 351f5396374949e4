import { and, eq, ne, sql, type SQL, type SQLWrapper } from "drizzle-orm";
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
  const offset = (page - 1) * pageSize;
  const { rows, total } = search.match !== null || search.orgNumber ? await narrowPage(db, search, pageSize, offset) : await broadPage(db, search, pageSize, offset);
  if (total === 0) return empty;
  // The page's certificates in one query (IN …), not one per company.
  const certs = await companyCertificates(db, rows.map((r) => r.id), today);
  return {
    companies: rows.map((r) => ({ orgNumber: publicOrgNumber(r.orgNumber), name: r.name, city: r.city, certificates: certs.get(r.id) ?? [] })),
    total,
    page,
    pageSize,
    pageCount: Math.ceil(total / pageSize),
  };
}

interface Search {
  /** The FTS5 query of the words (of the name or ort, and of the ort), if any. */
  match: string | null;
  orgNumber?: string;
  /** Null: any current company certificate will do, not only one Aktivt today. */
  activeOn: string | null;
  schemeIds?: string[];
}

interface Row {
  id: string;
  orgNumber: string;
  name: string;
  city: string;
}

// A search looks at thousands of companies to count them ("kyl" matches a fifth of them), so each
// should cost few index lookups. The two lists below are short, and SQLite builds each once per
// statement into a temporary index; each match is then looked up only in the certificates' index,
// not also in companies (and supersedes_certificate_id) as a correlated subquery would.

/** Companies not (or not yet) approved: pending and refused registrations. */
const notApproved = sql`(select id from companies where status <> 'approved')`;

/** Certificates that a newer version replaces. */
const superseded = sql`(select supersedes_certificate_id from certificates where supersedes_certificate_id is not null)`;

/**
 * Words or a number. One statement finds the matching companies once (id and name), counts them,
 * takes the page from them in name order, and only then reads the page's companies. Ties in name
 * come in id order, as they did when SQLite sorted the matches.
 */
async function narrowPage(db: DbOrTx, search: Search, pageSize: number, offset: number): Promise<{ rows: Row[]; total: number }> {
  // With words the FTS table drives and answers with the company's id and its own copy of the
  // name (the triggers of 0006 keep one row per company, with its name): the companies table is
  // read only for the page. A number alone finds its company through the number's index.
  const hits =
    search.match === null
      ? sql`select ${companies.id} as id, ${companies.name} as name from ${companies} where ${and(sql`${companies.status} = 'approved'`, ofNumber(search.orgNumber), holdsCompanyCertificate(companies.id, search))}`
      : sql`select company_id as id, name from companies_fts where companies_fts match ${search.match} and company_id not in ${notApproved}${
          search.orgNumber ? sql` and company_id in (select ${companies.id} from ${companies} where ${ofNumber(search.orgNumber)})` : sql``
        } and ${holdsCompanyCertificate(sql`companies_fts.company_id`, search)}`;
  // Starts with SELECT, not WITH: db/serialize-writes.ts would queue a WITH … as a write.
  const rows = await db.all<Row & { total: number }>(sql`
    select c.id as id, c.org_number as orgNumber, c.name as name, c.city as city, p.total as total
    from (
      with hits as materialized (${hits})
      select id, name, (select count(*) from hits) as total from hits order by name collate nocase, id limit ${pageSize} offset ${offset}
    ) as p
    join ${companies} as c on c.id = p.id
    order by p.name collate nocase, p.id`);
  if (rows.length > 0) return { rows, total: rows[0]!.total };
  // A page past the end has no row to carry the total.
  const [row] = await db.all<{ total: number }>(sql`select count(*) as total from (${hits})`);
  return { rows: [], total: row?.total ?? 0 };
}

/**
 * Every certified company. The page walks companies_public_name and stops after it (ties in name
 * in that index's order). The total counts the companies of the company certificates, from the
 * certificates' index: every certificate's company exists (a foreign key), and the few not
 * approved are left out by the list above.
 */
async function broadPage(db: DbOrTx, search: Search, pageSize: number, offset: number): Promise<{ rows: Row[]; total: number }> {
  const rows = await db
    .select({ id: companies.id, orgNumber: companies.orgNumber, name: companies.name, city: companies.city })
    .from(companies)
    .where(and(eq(companies.status, "approved"), holdsCompanyCertificate(companies.id, search)))
    // Ties keep the index's order; no second key, so the index walk can stop after one page.
    .orderBy(sql`${companies.name} collate nocase`)
    .limit(pageSize)
    .offset(offset);
  const [row] = await db.all<{ total: number }>(
    sql`select count(distinct x.company_id) as total from certificates as x where x.company_id is not null${certificateConditions(search)} and x.company_id not in ${notApproved}`,
  );
  return { rows, total: row?.total ?? 0 };
}

/** What a search looks for; null when it cannot match anything (an unknown Teknikområde). */
async function conditions(db: DbOrTx, input: CompanySearch, today: string): Promise<Search | null> {
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
  return { match: match || null, orgNumber, activeOn: input.includeWithoutActive ? null : today, schemeIds };
}

/** The company with this organisationsnummer, through the partial unique index (whose condition it repeats). */
function ofNumber(orgNumber: string | undefined): SQL | undefined {
  return orgNumber ? and(eq(companies.orgNumber, orgNumber), ne(companies.status, "refused")) : undefined;
}

/** A current company certificate, Aktivt on the day if one is given, of one of the schemes if given. */
function holdsCompanyCertificate(companyId: SQLWrapper, opts: Pick<Search, "activeOn" | "schemeIds">): SQL {
  return sql`exists (select 1 from certificates as x where x.company_id = ${companyId}${certificateConditions(opts)})`;
}

/** The conditions on a company certificate `x`, each after an `and`. */
function certificateConditions(opts: Pick<Search, "activeOn" | "schemeIds">): SQL {
  const active = opts.activeOn === null ? sql`` : sql` and x.status = 'active' and (x.valid_until is null or x.valid_until >= ${opts.activeOn})`;
  const inSchemes = opts.schemeIds === undefined ? sql`` : sql` and x.scheme_id in (${sql.join(opts.schemeIds.map((id) => sql`${id}`), sql`, `)})`;
  return sql`${active}${inSchemes} and x.id not in ${superseded}`;
}

function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.trunc(n))) : min;
}

