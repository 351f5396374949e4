// Cold start of the production server: spawn → first 200 on /healthz, and the resident memory a
// second later, on a database a first start has already migrated (as after a release).
//
//   npx tsx bench/cold-start.ts                 builds dist/, then 5 starts of node dist/server.js
//   npx tsx bench/cold-start.ts --runs 9 --from start|dist|source
//
// --from dist runs `node dist/server.js` (what `npm start` runs in production), --from start runs
// `node scripts/start.mjs` (the same plus its freshness check of dist/), --from source runs
// `node --import tsx server.ts` (what production ran before there was a build).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import http from "node:http";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { makeTestPki } from "../lib/bankid/test-certs.ts";
import { build } from "../scripts/build.ts";

const ROOT = path.join(import.meta.dirname, "..");

export type ColdStartFrom = "dist" | "start" | "source";

export interface ColdStart {
  /** From spawn to the first 200 on /healthz. */
  ms: number;
  /** VmRSS of the server process one second after that. */
  rssMiB: number;
  /** CPU time (user + system) the server had used by its first 200: unlike `ms`, hardly moved by other load. */
  cpuMs: number;
}

const COMMANDS: Record<ColdStartFrom, string[]> = {
  dist: ["dist/server.js"],
  start: ["scripts/start.mjs"],
  source: ["--import", "tsx", "server.ts"],
};

/** Starts the server in production mode `runs` times on one prepared database; one result per start. */
export async function measureColdStart(options: { runs?: number; from?: ColdStartFrom } = {}): Promise<ColdStart[]> {
  const { runs = 5, from = "dist" } = options;
  if (from === "dist") await build();
  const dataDir = await mkdtemp(path.join(tmpdir(), "certportal-cold-"));
  const pki = makeTestPki();
  // Production refuses the BankID simulator; a throwaway PKI stands in for the RP certificate.
  const env = { NODE_ENV: "production", DATA_DIR: dataDir, BANKID_MODE: "test", BANKID_CERT: pki.client.cert, BANKID_KEY: pki.client.key, BANKID_CA: pki.ca, LOG_LEVEL: "warn", SMTP_URL: "" };
  try {
    // The first start migrates the new database and seeds the catalogue: not what is measured.
    await stop(await start(COMMANDS[from], env));
    const results: ColdStart[] = [];
    for (let i = 0; i < runs; i++) {
      const server = await start(COMMANDS[from], env);
      await new Promise((r) => setTimeout(r, 1000));
      results.push({ ms: server.ms, rssMiB: await rssMiB(server.child.pid!), cpuMs: server.cpuMs });
      await stop(server);
    }
    return results;
  } finally {
    pki.remove();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function start(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; ms: number; cpuMs: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${stderr}`);
    if ((await healthz(port)) === 200) {
      const ms = performance.now() - t0;
      return { child, ms, cpuMs: await cpuMs(child.pid!) };
    }
    if (performance.now() - t0 > 60_000) throw new Error(`no 200 on /healthz within 60 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function stop({ child }: { child: ChildProcess }): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** node:http rather than fetch: a refused connection costs the poller next to nothing. */
function healthz(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path: "/healthz", agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", () => resolve(0));
  });
}

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kB = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  return Math.round((kB / 1024) * 10) / 10;
}

/** utime + stime from /proc/<pid>/stat, in clock ticks of 10 ms (USER_HZ is 100 on Linux). */
async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "5" }, from: { type: "string", default: "dist" } } });
  const from = values.from as ColdStartFrom;
  if (!(from in COMMANDS)) throw new Error(`--from must be one of ${Object.keys(COMMANDS).join(", ")}`);
  const results = await measureColdStart({ runs: Number(values.runs), from });
  console.log(`node ${COMMANDS[from].join(" ")} (NODE_ENV=production, migrated database, ${results.length} starts)`);
  for (const r of results) console.log(`  ${r.ms.toFixed(0).padStart(5)} ms  ${r.rssMiB.toFixed(1).padStart(6)} MiB  ${String(r.cpuMs).padStart(5)} ms CPU`);
  const m = (key: keyof ColdStart) => median(results.map((r) => r[key]));
  console.log(`median ${m("ms").toFixed(0)} ms to the first 200, ${m("rssMiB").toFixed(1)} MiB RSS, ${m("cpuMs").toFixed(0)} ms CPU`);
}
