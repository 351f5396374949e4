// npm run bench: builds the large data set in a temporary database, starts the server in a child
// process, and measures with autocannon on loopback: requests per second and p50/p99 latency of a
// bare Hono route (the ceiling here), the public certificate API (200 and 304), the public
// certificate page and the company search, each also as a ratio to the bare route. Then the
// certificate PDF: time per render and memory over many renders. No thresholds: figures only.
import autocannon from "autocannon";
import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import { createInterface } from "node:readline";
import { renderCertificatePdf } from "../lib/pdf/index.ts";
import { CITIES, SEARCH_WORDS } from "./dataset.ts";

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

interface Ready {
  port: number;
  dataDir: string;
  buildSeconds: number;
  numbers: { active: number; suspended: number; last: number };
  orgNumbers: string[];
}

const child = spawn(process.execPath, ["--import", "tsx", "bench/serve.ts"], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env } });
const ready = await new Promise<Ready>((resolve, reject) => {
  const lines = createInterface({ input: child.stdout! });
  lines.on("line", (line) => {
    if (line.startsWith("{")) resolve(JSON.parse(line) as Ready);
  });
  child.once("exit", (code) => reject(new Error(`the bench server exited (${code}) before it listened`)));
});
const base = `http://127.0.0.1:${ready.port}`;
console.log(`Data set: 100 000 persons, 20 000 companies, 150 000 certificates, built in ${ready.buildSeconds.toFixed(1)} s.`);
console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION} s per scenario, loopback, server in its own process.\n`);

let seed = 1;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const anyNumber = () => 10001 + Math.floor(rnd() * (ready.numbers.last - 10000));

const etag = (await fetch(`${base}/api/v1/certificates/${ready.numbers.active}`)).headers.get("etag") ?? "";

interface Scenario {
  name: string;
  path: () => string;
  headers?: Record<string, string>;
  expect: number;
}

const scenarios: Scenario[] = [
  { name: "bare Hono route", path: () => "/__bare", expect: 200 },
  { name: "GET /api/v1/certificates/{n}", path: () => `/api/v1/certificates/${anyNumber()}`, expect: 200 },
  { name: "  … with If-None-Match (304)", path: () => `/api/v1/certificates/${ready.numbers.active}`, headers: { "if-none-match": etag }, expect: 304 },
  { name: "GET /c/{n} (page)", path: () => `/c/${anyNumber()}`, expect: 200 },
  { name: "company search, API (?q=word)", path: () => `/api/v1/companies?q=${encodeURIComponent(SEARCH_WORDS[Math.floor(rnd() * SEARCH_WORDS.length)]!)}`, expect: 200 },
  { name: "company search, page (q + ort)", path: () => `/sok-certifierade-foretag?q=${encodeURIComponent(SEARCH_WORDS[Math.floor(rnd() * SEARCH_WORDS.length)]!)}&ort=${encodeURIComponent(CITIES[Math.floor(rnd() * CITIES.length)]!)}`, expect: 200 },
  { name: "company by orgnr, API", path: () => `/api/v1/companies/${ready.orgNumbers[Math.floor(rnd() * ready.orgNumbers.length)]}`, expect: 200 },
];

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  unexpected: number;
}

async function run(s: Scenario): Promise<Row> {
  let unexpected = 0;
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [{ method: "GET", headers: s.headers, setupRequest: (req) => ({ ...req, path: s.path() }), onResponse: (status) => void (status !== s.expect && (unexpected += 1)) }],
  });
  return { name: s.name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, unexpected: unexpected + result.errors + result.timeouts };
}

const rows: Row[] = [];
for (const s of scenarios) {
  // A short warm-up, not counted.
  await autocannon({ url: `${base}${s.path()}`, connections: 4, duration: 1, headers: s.headers });
  rows.push(await run(s));
}
const memory = (await (await fetch(`${base}/__memory`)).json()) as { rss: number; heapUsed: number };
child.kill("SIGTERM");
await rm(ready.dataDir, { recursive: true, force: true });

const bare = rows[0]!.rps;
const pad = (s: string, n: number) => s.padEnd(n);
console.log(`${pad("scenario", 34)}${"req/s".padStart(9)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"× bare".padStart(9)}`);
for (const r of rows) {
  console.log(`${pad(r.name, 34)}${Math.round(r.rps).toString().padStart(9)}${r.p50.toFixed(0).padStart(9)}${r.p99.toFixed(0).padStart(9)}${(r.rps / bare).toFixed(3).padStart(9)}${r.unexpected ? `   (${r.unexpected} unexpected answers)` : ""}`);
}
console.log(`\nServer memory after the runs: RSS ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB.`);

// The certificate PDF, rendered in this process: first render, then warm renders and memory.
const input = {
  org: { name: "Testcert AB", accreditation: "Ackrediterat certifieringsorgan." },
  kind: "CERTIFICATE" as const,
  holder: { name: "Åsa Ängström-Öberg" },
  area: "F-gaser",
  schemeName: "Personcertifikat kategori I",
  scope: "Får utföra läckagekontroll, installation, underhåll och service.",
  number: 10001,
  issuedOn: "2026-11-22",
  validUntil: "2031-11-21",
  status: "active" as const,
  statusOn: "2026-11-22",
  verifyUrl: "https://example.org/c/10001",
  issuer: { name: "Bo Beslut", title: "Certifieringsansvarig" },
};
let t0 = performance.now();
await renderCertificatePdf(input);
const first = performance.now() - t0;
const rssBefore = process.memoryUsage().rss;
const RENDERS = 200;
t0 = performance.now();
for (let i = 0; i < RENDERS; i++) await renderCertificatePdf({ ...input, number: 10001 + i });
const warm = (performance.now() - t0) / RENDERS;
const growth = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
console.log(`Certificate PDF: first render ${first.toFixed(0)} ms, then ${warm.toFixed(0)} ms per render over ${RENDERS}; RSS grew ${growth.toFixed(0)} MiB over those renders.`);
