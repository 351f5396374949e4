// `npm run build` and what production runs: the built server (node, no tsx) in production mode on
// a database that already holds data, serving pages with their stylesheet, the static scripts, the
// widget bundle and a certificate PDF (fonts read from dist/); the built CLI on the same data; the
// heavy packages left out of start-up; and scripts/start.mjs's freshness check of a build.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificates, persons } from "../db/schema/index.ts";
import { seedDemoData } from "../db/seed/demo.ts";
import { buildRuntime } from "../hono.config.ts";
import { makeTestPki, type TestPki } from "../lib/bankid/test-certs.ts";
import { readConfig } from "../lib/config.ts";
import { build, type BuildResult } from "../scripts/build.ts";
// @ts-expect-error plain JavaScript without types: it runs before anything is built
import { staleReason } from "../scripts/start.mjs";
import { bundlePasswordStrengthScript, bundleVerifyScript } from "../web/client/bundle.ts";
import { buildWidgets } from "../widgets/build.ts";
import { browserClient, type TestApp } from "./harness.ts";
import { loginCode, startMailSink, type MailSink } from "./mail-sink.ts";

const ROOT = path.join(import.meta.dirname, "..");
const SVEN = { email: "sven.svensson@example.se", password: "Kompressor-Vinter-2026" };

let built: BuildResult;
let dataDir: string;
let pki: TestPki;
let mail: MailSink;
let server: ChildProcess;
let base: string;
let output = "";
let svensCertificateId: string;
let env: Record<string, string>;

beforeAll(async () => {
  // Inside the repository, so the built files find node_modules as dist/ does.
  await mkdir(path.join(ROOT, "test-results"), { recursive: true });
  const outdir = await mkdtemp(path.join(ROOT, "test-results", "build-"));
  built = await build({ outdir });

  // An installation with data, as after a while in production: made from source, then closed.
  dataDir = await mkdtemp(path.join(tmpdir(), "certportal-built-"));
  const seeding = await buildRuntime(readConfig({ NODE_ENV: "development", DATA_DIR: dataDir, LOG_LEVEL: "silent" }));
  await seedDemoData(seeding.deps);
  const [sven] = await seeding.deps.db
    .select({ id: certificates.id })
    .from(certificates)
    .innerJoin(persons, eq(persons.id, certificates.personId))
    .where(eq(persons.email, SVEN.email))
    .limit(1);
  svensCertificateId = sven!.id;
  await seeding.close();

  pki = makeTestPki();
  mail = await startMailSink();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  env = {
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    PORT: String(port),
    PUBLIC_URL: base,
    SMTP_URL: mail.url,
    BANKID_MODE: "test",
    BANKID_CERT: pki.client.cert,
    BANKID_KEY: pki.client.key,
    BANKID_CA: pki.ca,
    LOG_LEVEL: "warn",
  };
  server = spawn(process.execPath, ["--enable-source-maps", path.join(outdir, "server.js")], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout!.on("data", (d) => (output += d));
  server.stderr!.on("data", (d) => (output += d));
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error(`dist/server.js exited: ${output}`);
    if ((await fetch(`${base}/healthz`).then((r) => r.status, () => 0)) === 200) break;
    if (i > 300) throw new Error(`no 200 on /healthz: ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}, 120_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  await mail?.close();
  pki?.remove();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  if (built) await rm(built.outdir, { recursive: true, force: true });
});

describe("the built server in production", () => {
  it("is alive and ready: its migrations are found beside it in dist/", async () => {
    expect(await (await fetch(`${base}/healthz`)).text()).toBe("ok");
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect(output).toContain("(port");
    expect(output).toContain("production");
  });

  it("serves a page with its stylesheet and scripts", async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const stylesheet = /<link[^>]+href="([^"]*app\.css[^"]*)"/.exec(html)?.[1];
    expect(stylesheet).toBeDefined();
    const css = await fetch(new URL(stylesheet!, base));
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toContain("text/css");
    expect(await css.text()).toBe(await readFile(path.join(ROOT, "web", "static", "app.css"), "utf8"));
    const htmx = await fetch(`${base}/static/htmx.min.js`);
    expect(htmx.status).toBe(200);
    expect((await htmx.text()).length).toBeGreaterThan(10_000);
  });

  it("serves the browser scripts built at npm run build, the same as built from source", async () => {
    const widgets = await fetch(`${base}/widgets/certportal.js`);
    expect(widgets.status).toBe(200);
    expect(await widgets.text()).toBe((await buildWidgets()).code);
    const strength = await fetch(`${base}/static/password-strength.js`);
    expect(strength.status).toBe(200);
    expect(await strength.text()).toBe(await bundlePasswordStrengthScript());
    const verify = await fetch(`${base}/static/verify.js`);
    expect(verify.status).toBe(200);
    expect(await verify.text()).toBe(await bundleVerifyScript());
    expect((await fetch(`${base}/c/sw.js`)).status).toBe(200);
  });

  it("logs in (mail and its package loaded on first use) and renders a certificate PDF with its fonts", async () => {
    const client = browserClient(overHttp(), base);
    const login = await client.post("/logga-in", { epost: SVEN.email, losenord: SVEN.password });
    expect(login.status).toBe(303);
    const code = loginCode(await mail.waitFor((m) => m.to.includes(SVEN.email) && m.subject.startsWith("Engångskod")));
    expect((await client.post("/logga-in/kod", { code })).status).toBe(303);
    const pdf = await client.get(`/min-sida/certifikat/${svensCertificateId}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toContain("application/pdf");
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.toString("latin1")).toContain("DejaVu");
  });

  it("has a CLI that runs as JavaScript on the same data", async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [path.join(built.outdir, "cli.js"), "check"], { cwd: ROOT, env: { ...process.env, ...env } });
    expect(stdout).not.toContain("FEL:");
    // keys:rotate: the running server publishes the new key at its next request.
    const rotated = await run(process.execPath, [path.join(built.outdir, "cli.js"), "keys:rotate"], { cwd: ROOT, env: { ...process.env, ...env } });
    const kid = /Ny signeringsnyckel: ([\w-]{43})/.exec(rotated.stdout)?.[1];
    expect(kid).toBeDefined();
    const did = await (await fetch(`${base}/.well-known/did.json`)).json();
    expect(did.assertionMethod).toHaveLength(2);
    expect(did.assertionMethod[0]).toMatch(new RegExp(`#${kid}$`));
  });
});

describe("npm run build", () => {
  it("leaves PDF rendering, images, word lists, mail and esbuild out of start-up", () => {
    const heavy = ["@react-pdf/renderer", "react", "react/jsx-runtime", "sharp", "@zxcvbn-ts/core", "@zxcvbn-ts/language-common", "nodemailer", "esbuild"];
    expect(built.loadedAtStart.server.filter((p) => heavy.includes(p))).toEqual([]);
    expect(built.loadedAtStart.server).toContain("hono");
  });

  it("is fresh until a source changes or an output goes missing", async () => {
    expect(staleReason(built.outdir)).toBeNull();
    const manifestFile = path.join(built.outdir, "build.json");
    const manifest = await readFile(manifestFile, "utf8");
    try {
      // As if every source had been edited after the build began.
      await writeFile(manifestFile, JSON.stringify({ ...JSON.parse(manifest), startedAt: 0 }));
      expect(staleReason(built.outdir)).toMatch(/har ändrats efter bygget$/);
      await writeFile(manifestFile, JSON.stringify({ ...JSON.parse(manifest), outputs: ["gone.js"] }));
      expect(staleReason(built.outdir)).toBe("gone.js saknas");
      await rm(manifestFile);
      expect(staleReason(built.outdir)).toMatch(/saknas$/);
    } finally {
      await writeFile(manifestFile, manifest);
    }
  });
});

/** browserClient over real HTTP to the built server (it follows no redirects either). */
function overHttp(): TestApp["app"] {
  return { request: (input: string, init?: RequestInit) => fetch(input, { ...init, redirect: "manual" }) } as unknown as TestApp["app"];
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
