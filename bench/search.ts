// npx tsx bench/search.ts — Sök certifierade företag on the benchmark's data (20 000 companies, 150 000
// certificates, bench/dataset.ts), timed in this process, one query at a time: the search itself
// ("fn", modules/verification/search-companies.ts, every query run), the answers kept between
// writes (recent-searches.ts; nothing is written during the run, so after the first of each query
// they are hits), and the API and the search page through the app (app.request, no sockets), which
// use the kept answers; "API, mostly not kept" asks so many different pages that most are run.
// Prints p50/p95/p99 in ms per scenario. No thresholds: figures only.
//
// The data set is built once into BENCH_SEARCH_DIR (default: a folder in the temp directory) and
// reused by later runs, which then also migrate it: a cheap way to time a new migration's backfill
// on 20 000 companies. BENCH_SEARCH_FRESH=1 builds it anew.
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { buildRuntime, createApp } from "../hono.config.ts";
import { readConfig } from "../lib/config.ts";
import { swedishDate } from "../lib/dates.ts";
import { searchCertifiedCompanies as searchKept } from "../modules/verification/index.ts";
import { searchCertifiedCompanies, type CompanySearch } from "../modules/verification/search-companies.ts";
import { CITIES, SEARCH_WORDS, buildDataset, orgNumberOf } from "./dataset.ts";

const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 400);
const dataDir = process.env.BENCH_SEARCH_DIR ?? path.join(tmpdir(), "certportal-bench-search");
if (process.env.BENCH_SEARCH_FRESH === "1") await rm(dataDir, { recursive: true, force: true });
const reused = existsSync(path.join(dataDir, "certportal.db"));

const started = performance.now();
const config = readConfig({ ...process.env, NODE_ENV: "development", DATA_DIR: dataDir, PUBLIC_RATE_LIMIT: "0", LOG_LEVEL: "silent" });
const runtime = await buildRuntime(config);
const { db } = runtime.deps;
const today = swedishDate(new Date());
if (!reused) await buildDataset(db, today);
const [{ n } = { n: 0 }] = await db.all<{ n: number }>(sql`select count(*) as n from companies`);
console.log(`${reused ? "Reused" : "Built"} ${dataDir}: ${n} companies, ready in ${((performance.now() - started) / 1000).toFixed(1)} s. ${RUNS} queries per scenario.\n`);
const app = createApp(runtime);

let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
const lower = (s: string) => s.toLowerCase();
const PERSON_WORDS = ["andersson", "karlsson", "åberg", "öberg", "lindqvist", "erik", "åsa"];
const PREFIXES = ["k", "ky", "v", "vä", "kl", "ö", "fj", "mo"];

interface Scenario {
  name: string;
  /** The search function, or a path of the app. */
  run: () => Promise<unknown>;
}
const search = (input: () => CompanySearch): Scenario["run"] => () => searchCertifiedCompanies(runtime.deps.reads, input(), today);
const get = (p: () => string): Scenario["run"] => async () => {
  const res = await app.request(p());
  if (res.status !== 200) throw new Error(`${res.status} for a benchmark request`);
  return res.text();
};

const scenarios: Scenario[] = [
  { name: "fn: common word", run: search(() => ({ q: pick(SEARCH_WORDS) })) },
  { name: "fn: common word, page 2–50", run: search(() => ({ q: pick(SEARCH_WORDS), page: 2 + Math.floor(rnd() * 49) })) },
  { name: "fn: word + ort", run: search(() => ({ q: pick(SEARCH_WORDS), city: lower(pick(CITIES)) })) },
  { name: "fn: person-name-like word", run: search(() => ({ q: pick(PERSON_WORDS) })) },
  { name: "fn: short prefix", run: search(() => ({ q: pick(PREFIXES) })) },
  { name: "fn: \"ab\" (every company)", run: search(() => ({ q: "ab" })) },
  { name: "fn: ort only", run: search(() => ({ city: lower(pick(CITIES)) })) },
  { name: "fn: no words (all)", run: search(() => ({ page: 1 + Math.floor(rnd() * 5) })) },
  { name: "fn: area fgas", run: search(() => ({ area: "fgas", page: 1 + Math.floor(rnd() * 5) })) },
  { name: "fn: area extern (none)", run: search(() => ({ area: "extern" })) },
  { name: "fn: word, includeWithoutActive", run: search(() => ({ q: pick(SEARCH_WORDS), includeWithoutActive: true })) },
  { name: "fn: organisationsnummer", run: search(() => ({ q: orgNumberOf(Math.floor(rnd() * 20_000)) })) },
  { name: "fn kept between writes: common word", run: () => searchKept(runtime.deps.reads, { q: pick(SEARCH_WORDS) }, today) },
  { name: "API ?q=common word", run: get(() => `/api/v1/companies?q=${encodeURIComponent(pick(SEARCH_WORDS))}`) },
  { name: "API, mostly not kept", run: get(() => `/api/v1/companies?q=${encodeURIComponent(pick(SEARCH_WORDS))}&page=${1 + Math.floor(rnd() * 20)}&pageSize=${1 + Math.floor(rnd() * 100)}`) },
  { name: "page q + ort", run: get(() => `/sok-certifierade-foretag?q=${encodeURIComponent(pick(SEARCH_WORDS))}&ort=${encodeURIComponent(pick(CITIES))}`) },
];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const pad = (s: string, n: number) => s.padEnd(n);
console.log(`${pad("scenario", 34)}${"p50 ms".padStart(9)}${"p95 ms".padStart(9)}${"p99 ms".padStart(9)}${"max ms".padStart(9)}`);
for (const s of scenarios) {
  for (let i = 0; i < 20; i++) await s.run(); // warm-up, not counted
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await s.run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const f = (x: number) => x.toFixed(2).padStart(9);
  console.log(`${pad(s.name, 34)}${f(pct(times, 50))}${f(pct(times, 95))}${f(pct(times, 99))}${f(times.at(-1)!)}`);
}
await runtime.close();
