// The site's pages, read from the app's own route table (`app.routes`), each with a real address a
// given caller can open: found by following the app's own links from the caller's start pages (so
// the ids belong together: an application's own Moment), and for a page no link leads to, by
// trying real ids from the database. A GET route that answers an HTML document is a page; one
// that answers a PDF, CSV, JSON, an image or an htmx fragment is not. A route added tomorrow is
// found tomorrow, without a line here; one that no caller can open is named by `unreachedIn()`.
import type { AnySQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import {
  applicationRequirements,
  applications,
  cases,
  certificates,
  companies,
  decisions,
  documents,
  employments,
  examinationCentres,
  examinators,
  examRegistrations,
  examSessions,
  invoices,
  mailOutbox,
  persons,
  requirements,
  schemes,
  technicalAreas,
} from "../db/schema/index.ts";
import type { TestApp } from "./harness.ts";

export interface PageRoute {
  /** "GET /min-sida/ansokningar/:id", as in app.routes. */
  key: string;
  path: string;
  /** Matches an address of this route (path only); null for a route without parameters. */
  pattern: RegExp;
  /** Static segments: the more, the more specific (`/certifikat/nytt` before `/certifikat/:id`). */
  staticSegments: number;
}

/** The GET routes of the app, most specific first. Middleware (`ALL …`, `…/*`) is not a page. */
export function getRoutes(app: TestApp["app"]): PageRoute[] {
  const routes = new Map<string, PageRoute>();
  for (const r of app.routes) {
    if (r.method !== "GET" || r.path.includes("*")) continue;
    const key = `GET ${r.path}`;
    if (routes.has(key)) continue;
    const pattern = new RegExp(`^${r.path.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/:[A-Za-z]+/g, "([^/]+)")}$`);
    routes.set(key, { key, path: r.path, pattern, staticSegments: r.path.split("/").filter((s) => s && !s.startsWith(":")).length });
  }
  return [...routes.values()].sort((a, b) => b.staticSegments - a.staticSegments);
}

/** The route an address belongs to (the most specific that matches), or null. */
export function routeOf(routes: PageRoute[], address: string): PageRoute | null {
  const pathname = address.split(/[?#]/)[0]!;
  return routes.find((r) => r.pattern.test(pathname)) ?? null;
}

export interface Caller {
  name: string;
  /** The Cookie header of the caller's session, or null for a visitor. */
  cookie: string | null;
  /** Where the caller starts: the pages a person of this kind would open first. */
  starts: string[];
}

export interface SitePages {
  /** Route key → an address that answers this caller 200 with HTML. */
  pages: Map<string, string>;
  /**
   * Route keys that answered this caller 200 with something else than a page: a file (PDF, CSV,
   * JSON, an image) or a fragment of HTML that htmx swaps into a page (no `<html>`).
   */
  files: Set<string>;
}

/**
 * Addresses not followed: development tools (off in production; the BankID simulator's app and
 * order pages belong to the simulator, not the site), leaving the session, and downloads.
 */
const NOT_FOLLOWED = [/^\/dev\//, /^\/logga-ut$/, /\/(pdf|export\.csv|mall\.csv)$/];

const LINK = /\bhref="(\/[^"#]*)/g;
const decode = (s: string) => s.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'");

/**
 * The pages each caller reaches: the links of every page it opens, from its start pages, one
 * address per route (the first that answers with HTML). Then each route no caller reached by a
 * link is tried with real ids from the database, by each caller in turn until one opens it.
 */
export async function discoverSite(t: TestApp, callers: Caller[], routes = getRoutes(t.app)): Promise<Map<Caller, SitePages>> {
  const found = new Map<Caller, SitePages>();
  const explorers = callers.map((caller) => explorer(t, caller, routes));
  for (const [i, caller] of callers.entries()) found.set(caller, await explorers[i]!.crawl());
  const ids = await realIds(t);
  for (const route of unreachedIn(routes, [...found.values()])) {
    for (const e of explorers) if (await e.tryWith(route, addressesOf(route.path, ids))) break;
  }
  return found;
}

function explorer(t: TestApp, caller: Caller, routes: PageRoute[]) {
  const pages = new Map<string, string>();
  const files = new Set<string>();
  const tries = new Map<string, number>();
  const known = (route: PageRoute) => pages.has(route.key) || files.has(route.key);

  /** Opens an address of a route not yet found; returns the page's links if it is a page. */
  async function open(address: string, route: PageRoute): Promise<string[]> {
    tries.set(route.key, (tries.get(route.key) ?? 0) + 1);
    const res = await t.app.request(`http://localhost:3000${address}`, { headers: caller.cookie ? { Cookie: caller.cookie } : {} });
    const type = res.headers.get("Content-Type") ?? "";
    if (res.status !== 200 || !type.startsWith("text/html")) {
      await res.arrayBuffer();
      if (res.status === 200) files.add(route.key);
      return [];
    }
    const html = await res.text();
    if (!/^\s*<!doctype html>/i.test(html)) {
      files.add(route.key);
      return [];
    }
    pages.set(route.key, address);
    return [...html.matchAll(LINK)].map((m) => decode(m[1]!));
  }

  return {
    async crawl(): Promise<SitePages> {
      const queue = [...caller.starts];
      const seen = new Set(queue);
      while (queue.length) {
        const address = queue.shift()!;
        const route = routeOf(routes, address);
        if (!route || known(route) || (tries.get(route.key) ?? 0) >= 4) continue;
        for (const link of await open(address, route)) {
          if (seen.has(link) || NOT_FOLLOWED.some((p) => p.test(link.split("?")[0]!))) continue;
          seen.add(link);
          // An address without a query first: the page as a link to it first shows it.
          if (link.includes("?")) queue.push(link);
          else queue.unshift(link);
        }
      }
      return { pages, files };
    },
    async tryWith(route: PageRoute, addresses: string[]): Promise<boolean> {
      for (const address of addresses) {
        await open(address, route);
        if (known(route)) return true;
      }
      return false;
    },
  };
}

/** The routes (not left out on purpose) that none of these found, neither as a page nor as a file. */
export function unreachedIn(routes: PageRoute[], found: SitePages[]): PageRoute[] {
  return routes.filter((r) => !NOT_FOLLOWED.some((p) => p.test(r.path)) && !found.some((f) => f.pages.has(r.key) || f.files.has(r.key)));
}

/** Real values for a path parameter, by the segment before it. */
type Ids = Record<string, string[]>;

async function realIds(t: TestApp): Promise<Ids> {
  const db = t.runtime.deps.db;
  const all = async (column: AnySQLiteColumn) => (await db.select({ v: column }).from(column.table as SQLiteTable).limit(200)).map((r) => String(r.v));
  const catalogue = { certifikat: await all(schemes.id), moment: await all(requirements.id), teknikomraden: await all(technicalAreas.id) };
  return {
    ansokningar: await all(applications.id),
    moment: await all(applicationRequirements.id),
    filer: await all(documents.id),
    filmallar: await all(requirements.id),
    certifikat: await all(certificates.id),
    foretag: await all(companies.id),
    tack: await all(companies.id),
    anstallningar: await all(employments.id),
    personer: await all(persons.id),
    fakturor: await all(invoices.id),
    "utgaende-e-post": await all(mailOutbox.id),
    c: await all(certificates.number),
    "sok-certifierade-foretag": await all(companies.orgNumber),
    examinationscenter: await all(examinationCentres.id),
    examinationscentra: await all(examinationCentres.id),
    provtillfallen: await all(examSessions.id),
    anmalningar: await all(examRegistrations.id),
    examinatorer: await all(examinators.id),
    arenden: await all(cases.id),
    beslut: await all(decisions.id),
    certificates: await all(certificates.number),
    companies: await all(companies.orgNumber),
    badge: (await all(certificates.number)).map((n) => `${n}.svg`),
    "status-lists": ["1"],
    ...Object.fromEntries(Object.entries(catalogue).map(([k, v]) => [`katalog/${k}`, v])),
  };
}

/** Addresses for a route with parameters, each filled with real ids of its kind. */
function addressesOf(path: string, ids: Ids): string[] {
  const segments = path.split("/");
  let addresses = [""];
  for (const [i, segment] of segments.entries()) {
    if (i === 0) continue;
    if (!segment.startsWith(":")) {
      addresses = addresses.map((a) => `${a}/${segment}`);
      continue;
    }
    const before = segments[i - 1]!;
    if (segment === ":purpose") {
      addresses = addresses.flatMap((a) => [`${a}/revocation`, `${a}/suspension`]);
      continue;
    }
    const pool = (segments.includes("katalog") ? ids[`katalog/${before}`] : undefined) ?? ids[before] ?? [];
    addresses = addresses.flatMap((a) => pool.map((v) => `${a}/${encodeURIComponent(v)}`)).slice(0, 200);
  }
  return addresses;
}
