// npm run bench: the public read path measured the way issue 14 asks.
//
// 1. Builds the large data set (100 000 persons, 20 000 companies, 150 000 certificates) in a
//    temporary DATA_DIR, and `npm run build` into dist/.
// 2. Starts the production server (`node dist/server.js`, NODE_ENV=production, logging as in
//    production) on it, and beside it a bare Hono "hello" server in a process of its own: the
//    ceiling of this machine, measured in the same run.
// 3. For every request: autocannon on loopback (BENCH_CONNECTIONS, default 20; BENCH_DURATION
//    seconds, default 10), requests per second, p50/p95/p99 latency, the CPU time per request the
//    server process used (utime + stime from /proc, so other load on the machine does not count),
//    and the ratio of requests per second to the bare server's.
// 4. Cold start (spawn → first 200 on /healthz) and RSS after start, from bench/cold-start.ts;
//    the certificate PDF's render time.
//
// Prints the table and writes it to docs/bench.md with the machine's cores and Node version.
// No thresholds: figures only (the goals are in the table for the reader).
import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, open, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase } from "../db/client.ts";
import { openCheckedDatabase } from "../db/open-checked.ts";
import { seedCatalogue } from "../db/seed/seed-catalogue.ts";
import { makeTestPki } from "../lib/bankid/test-certs.ts";
import { readConfig } from "../lib/config.ts";
import { swedishDate } from "../lib/dates.ts";
import { build } from "../scripts/build.ts";
import { measureColdStart, median } from "./cold-start.ts";
import { CITIES, SEARCH_WORDS, buildDataset } from "./dataset.ts";

const ROOT = path.join(import.meta.dirname, "..");
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

// ---------------------------------------------------------------------------------------------
// The data set and the build

const dataDir = await mkdtemp(path.join(tmpdir(), "certportal-bench-"));
const pki = makeTestPki();
const serverEnv: Record<string, string> = {
  NODE_ENV: "production",
  DATA_DIR: dataDir,
  PUBLIC_URL: "http://127.0.0.1",
  // Production refuses the BankID simulator; a throwaway PKI stands in for the RP certificate.
  BANKID_MODE: "test",
  BANKID_CERT: pki.client.cert,
  BANKID_KEY: pki.client.key,
  BANKID_CA: pki.ca,
  // The read path itself is measured: 20 connections from one address would be limited at once.
  PUBLIC_RATE_LIMIT: "0",
  SMTP_URL: "",
};
const children: ChildProcess[] = [];
process.on("exit", () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
});

let t0 = performance.now();
const database = await openCheckedDatabase(readConfig(serverEnv));
await migrateDatabase(database.db);
await seedCatalogue(database.db, new Date());
const data = await buildDataset(database.db, swedishDate(new Date()));
database.close();
const buildSeconds = (performance.now() - t0) / 1000;
console.log(`Data set: 100 000 persons, 20 000 companies, 150 000 certificates, built in ${buildSeconds.toFixed(1)} s.`);
// The nightly sweep once, as the first night would: the server then starts with nothing to catch up.
await runCli(["jobs:run"]);
t0 = performance.now();
await build();
console.log(`npm run build: ${((performance.now() - t0) / 1000).toFixed(1)} s.`);

function runCli(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "cli.ts", ...args], { cwd: ROOT, env: { ...process.env, ...serverEnv }, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`cli ${args.join(" ")} exited ${code}`))));
  });
}

// ---------------------------------------------------------------------------------------------
// The two servers

async function startProcess(args: string[], env: Record<string, string>, port: number): Promise<ChildProcess> {
  // The server's JSON request log goes to a file, as on a machine that keeps its logs.
  const log = await open(path.join(dataDir, `${path.basename(args[0]!)}.log`), "a");
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ["ignore", log.fd, "inherit"] });
  children.push(child);
  void log.close();
  const ready = new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited (${code}) before it listened`)));
    const poll = async () => {
      for (;;) {
        try {
          if ((await fetch(`http://127.0.0.1:${port}/`)).status < 500) return resolve();
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    void poll();
  });
  await ready;
  return child;
}

const APP_PORT = Number(process.env.BENCH_PORT ?? 3999);
const BARE_PORT = APP_PORT - 1;
const app = await startProcess(["dist/server.js"], { ...serverEnv, PUBLIC_URL: `http://127.0.0.1:${APP_PORT}` }, APP_PORT);
const bare = await startProcess(["bench/bare-server.mjs", String(BARE_PORT)], {}, BARE_PORT);
const appBase = `http://127.0.0.1:${APP_PORT}`;
console.log(`Servers: node dist/server.js (production) and a bare Hono server, each in its own process. autocannon: ${CONNECTIONS} connections, ${DURATION} s per row.\n`);

// ---------------------------------------------------------------------------------------------
// The rows

let seed = 1;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const anyOf = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
const anyNumber = () => 10001 + Math.floor(rnd() * (data.numbers.last - 10000));
// The first companies are the ones holding the 15 000 company certificates (bench/dataset.ts).
const certifiedOrgNumbers = data.orgNumbers.slice(0, 15_000);
// As autocannon asks: without Accept-Encoding (fetch would ask for br, whose answer has its own ETag).
const identity = { headers: { "accept-encoding": "identity" } };
const etag = (await fetch(`${appBase}/api/v1/certificates/${data.numbers.active}`, identity)).headers.get("etag") ?? "";
const widgetEtag = (await fetch(`${appBase}/widgets/certportal.js`, identity)).headers.get("etag") ?? "";

interface Scenario {
  name: string;
  goal: string;
  server: ChildProcess;
  base: string;
  path: () => string;
  headers?: Record<string, string>;
  expect: number;
}

const scenarios: Scenario[] = [
  { name: "bare Hono server (the ceiling)", goal: "", server: bare, base: `http://127.0.0.1:${BARE_PORT}`, path: () => "/", expect: 200 },
  { name: "GET /api/v1/certificates/{n}", goal: "≥ 0.5", server: app, base: appBase, path: () => `/api/v1/certificates/${anyNumber()}`, expect: 200 },
  { name: "the same with If-None-Match (304)", goal: "≥ 0.7", server: app, base: appBase, path: () => `/api/v1/certificates/${data.numbers.active}`, headers: { "if-none-match": etag }, expect: 304 },
  { name: "GET /c/{n} (page)", goal: "≥ 0.35", server: app, base: appBase, path: () => `/c/${anyNumber()}`, expect: 200 },
  { name: "GET /badge/{n}.svg", goal: "≥ 0.5", server: app, base: appBase, path: () => `/badge/${anyNumber()}.svg`, expect: 200 },
  { name: "GET /widgets/certportal.js", goal: "≥ 0.8", server: app, base: appBase, path: () => "/widgets/certportal.js", expect: 200 },
  { name: "  … with If-None-Match (304)", goal: "", server: app, base: appBase, path: () => "/widgets/certportal.js", headers: { "if-none-match": widgetEtag }, expect: 304 },
  { name: "GET /api/v1/companies/{orgnr}", goal: "≥ 0.4", server: app, base: appBase, path: () => `/api/v1/companies/${anyOf(certifiedOrgNumbers)}`, expect: 200 },
  { name: "GET /api/v1/companies?q=<common word>", goal: "p95 < 10, p99 < 25 ms", server: app, base: appBase, path: () => `/api/v1/companies?q=${encodeURIComponent(anyOf(SEARCH_WORDS))}`, expect: 200 },
  { name: "search page, q + ort", goal: "p95 < 10 ms", server: app, base: appBase, path: () => `/sok-certifierade-foretag?q=${encodeURIComponent(anyOf(SEARCH_WORDS))}&ort=${encodeURIComponent(anyOf(CITIES))}`, expect: 200 },
];

// The same answers from a bare server: one recorded answer per row, replayed from memory, so
// "× same answer" says how near the read path comes to what this machine can do for those bytes.
const SKIP = new Set(["date", "connection", "keep-alive", "content-length", "transfer-encoding"]);
const recorded: { status: number; headers: Record<string, string>; body: string | null }[] = [];
for (const s of scenarios) {
  // As autocannon asks, without Accept-Encoding (fetch would ask for br and record another answer).
  const res = await fetch(`${s.base}${s.path()}`, { headers: { "accept-encoding": "identity", ...s.headers } });
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (!SKIP.has(name)) headers[name] = value;
  });
  const body = res.status === 304 ? null : await res.text();
  recorded.push({ status: res.status, headers, body });
}
const answersFile = path.join(dataDir, "answers.json");
await writeFile(answersFile, JSON.stringify(recorded));
const REPLAY_PORT = APP_PORT - 2;
const replay = await startProcess(["bench/replay-server.mjs", String(REPLAY_PORT), answersFile], {}, REPLAY_PORT);

interface Row {
  name: string;
  goal: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  cpuUs: number;
  unexpected: number;
  /** Requests per second of the same answer from the replaying bare server. */
  sameAnswerRps?: number;
}

/** utime + stime of a process, in microseconds (USER_HZ is 100 on Linux: a tick is 10 ms). */
async function cpuUs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function run(s: Scenario): Promise<Row> {
  // A short warm-up, not counted.
  await autocannon({ url: s.base, connections: 4, duration: 1, requests: [{ method: "GET", headers: s.headers, setupRequest: (req) => ({ ...req, path: s.path() }) }] });
  let unexpected = 0;
  const latencies: number[] = [];
  const cpuBefore = await cpuUs(s.server.pid!);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: s.base,
        connections: CONNECTIONS,
        duration: DURATION,
        requests: [{ method: "GET", headers: s.headers, setupRequest: (req) => ({ ...req, path: s.path() }), onResponse: (status) => void (status !== s.expect && (unexpected += 1)) }],
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const cpu = (await cpuUs(s.server.pid!)) - cpuBefore;
  const sorted = Float64Array.from(latencies).sort();
  return {
    name: s.name,
    goal: s.goal,
    rps: result.requests.average,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    cpuUs: cpu / Math.max(1, result.requests.total),
    unexpected: unexpected + result.errors + result.timeouts,
  };
}

const rows: Row[] = [];
for (const [i, s] of scenarios.entries()) {
  const row = await run(s);
  if (i > 0) {
    const same = await run({ ...s, name: `${s.name} (replayed)`, server: replay, base: `http://127.0.0.1:${REPLAY_PORT}`, path: () => `/r/${i}`, headers: undefined, expect: recorded[i]!.status });
    row.sameAnswerRps = same.rps;
  }
  rows.push(row);
  console.log(`  ${row.name}: ${Math.round(row.rps)} req/s${row.sameAnswerRps ? `, the same answer from a bare server ${Math.round(row.sameAnswerRps)} req/s` : ""}`);
}
// The bare server once more at the end: the ratio uses the mean of the two, so a drift of the
// machine during the run shows as a difference between them.
const bareAgain = await run(scenarios[0]!);
const bareRps = (rows[0]!.rps + bareAgain.rps) / 2;

const rss = async (pid: number) => Number(/^VmRSS:\s+(\d+) kB/m.exec(await readFile(`/proc/${pid}/status`, "utf8"))?.[1]) / 1024;
const rssAfterRuns = await rss(app.pid!);
for (const c of children) c.kill("SIGTERM");
await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null)));

// ---------------------------------------------------------------------------------------------
// Cold start, RSS, the PDF

console.log("\nCold start: 7 starts of node dist/server.js on a migrated database …");
const starts = await measureColdStart({ runs: 7, from: "dist" });
const coldMs = median(starts.map((s) => s.ms));
const coldRss = median(starts.map((s) => s.rssMiB));
const coldCpu = median(starts.map((s) => s.cpuMs));

const { renderCertificatePdf } = await import("../lib/pdf/index.ts");
const pdfInput = {
  org: { name: "Testcert AB", accreditation: "Ackrediterat certifieringsorgan." },
  kind: "CERTIFICATE" as const,
  holder: { name: "Åsa Ängström-Öberg" },
  area: "F-gaser",
  schemeName: "Personcertifikat kategori I",
  scope: "Får utföra läckagekontroll, installation, underhåll och service.",
  number: 10001,
  version: 1,
  issuedOn: "2026-11-22",
  validUntil: "2031-11-21",
  status: "active" as const,
  statusOn: "2026-11-22",
  verifyUrl: "https://example.org/c/10001",
  issuer: { name: "Bo Beslut", title: "Certifieringsansvarig" },
};
t0 = performance.now();
await renderCertificatePdf(pdfInput as Parameters<typeof renderCertificatePdf>[0]);
const pdfFirst = performance.now() - t0;
const RENDERS = 100;
t0 = performance.now();
for (let i = 0; i < RENDERS; i++) await renderCertificatePdf({ ...pdfInput, number: 10001 + i } as Parameters<typeof renderCertificatePdf>[0]);
const pdfWarm = (performance.now() - t0) / RENDERS;

await rm(dataDir, { recursive: true, force: true });
pki.remove();

// ---------------------------------------------------------------------------------------------
// The table

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }).replace(/,/g, " ") : "–");
const ms = (n: number) => (n < 10 ? fmt(n, 1) : fmt(n));
const header = "| request | req/s | × bare | × same answer | p50 ms | p95 ms | p99 ms | CPU µs/req | goal |\n|---|---:|---:|---:|---:|---:|---:|---:|---|";
const lines = rows.map(
  (r) =>
    `| ${r.name.trim()} | ${fmt(r.rps)} | ${(r.rps / bareRps).toFixed(2)} | ${r.sameAnswerRps ? (r.rps / r.sameAnswerRps).toFixed(2) : ""} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${fmt(r.cpuUs)} | ${r.goal}${r.unexpected > 0 ? ` (${r.unexpected} unexpected answers)` : ""} |`,
);
const table = [header, ...lines].join("\n");
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
const extra = [
  `| cold start, spawn → first 200 on /healthz (median of ${starts.length}) | ${fmt(coldMs)} ms (${fmt(coldCpu)} ms CPU) | < 1 s in production |`,
  `| RSS after start (median) | ${fmt(coldRss, 1)} MiB | < 150 MiB |`,
  `| RSS of the server after all rows above | ${fmt(rssAfterRuns)} MiB | |`,
  `| certificate PDF, first render in a process / then each | ${fmt(pdfFirst)} ms / ${fmt(pdfWarm)} ms | |`,
].join("\n");
const doc = `# Benchmark

\`npm run bench\` on ${machine}. Data: 100 000 persons, 20 000 companies, 150 000 certificates.
The server runs as in production (\`node dist/server.js\`, NODE_ENV=production, its JSON request
log on), and a bare Hono "hello" server runs in a process of its own; autocannon sends
${CONNECTIONS} connections for ${DURATION} s per row on loopback. "× bare" is requests per second as a share
of the bare server's (the mean of its runs before and after: ${fmt(rows[0]!.rps)} and ${fmt(bareAgain.rps)} req/s).
"× same answer" compares with a bare server that sends the very answer of that row (status,
headers and body recorded from the real server) from memory: what this machine can do for
those bytes, whatever the code behind them.
CPU µs/req is the server process's utime + stime from /proc over the row, divided by its requests.

${table}

| | | goal |
|---|---:|---|
${extra}
`;
console.log(`\n${doc}`);
await writeFile(path.join(ROOT, "docs", "bench.md"), doc);
console.log("Written to docs/bench.md.");
process.exit(0);
