// `npm run build`: the server and the CLI as JavaScript in dist/, so production runs node and no
// compiler (docs/decisions/016-production-build.md).
//
//   dist/server.js, dist/cli.js    the entry points (ESM, node20); our code bundled, every package
//                                  left to node_modules (native ones: libsql, sharp, argon2)
//   dist/chunk-*.js                code loaded on first use (PDF rendering, sharp, word lists)
//   dist/migrations, fonts, static files the code reads beside itself (see ASSETS)
//   dist/build.json                what went in, for scripts/start.mjs's freshness check
//
// The browser scripts (the widget bundle, password-strength.js, verify.js) are built here too and put into
// dist/server.js as strings, so the production server never loads esbuild.
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { bundlePasswordStrengthScript, bundleVerifyScript } from "../web/client/bundle.ts";
import { buildWidgets, describeSize, GZIP_BUDGET_BYTES } from "../widgets/build.ts";

const ROOT = path.join(import.meta.dirname, "..");
export const DEFAULT_OUTDIR = path.join(ROOT, "dist");
const MANIFEST = "build.json";

/**
 * What the code reads from disk beside its own file. Bundled, every module's import.meta.url is
 * the file it landed in (dist/server.js, dist/chunk-*.js, all in one folder), so
 * `new URL("./fonts/x.ttf", import.meta.url)` in lib/pdf/fonts.ts finds dist/fonts/x.ttf.
 */
const ASSETS: { from: string; to: string; readBy: string[] }[] = [
  { from: "db/migrations", to: "migrations", readBy: ["db/client.ts", "db/readiness.ts"] },
  { from: "lib/pdf/fonts", to: "fonts", readBy: ["lib/pdf/fonts.ts"] },
  { from: "web/static", to: "static", readBy: ["web/static-assets.ts"] },
];

/** Mention import.meta for something else than reading an asset above: checked, nothing to copy. */
const NO_ASSETS = new Set([
  "widgets/build.ts", // its entry point, used only when it builds (from source); dist has the bundle
  "web/client/bundle.ts", // the same for password-strength.js and verify.js
]);

/** What `build.json` says; scripts/start.mjs reads it. */
export interface BuildManifest {
  /** When the build began (ms since 1970): a source changed after this makes dist/ stale. */
  startedAt: number;
  /** Every file and folder the build read, relative to the repository. */
  sources: string[];
  /** Every file it wrote into the output folder (relative to it), assets aside. */
  outputs: string[];
}

export interface BuildResult {
  outdir: string;
  ms: number;
  manifest: BuildManifest;
  /** The packages each entry point loads before its first line runs; the rest load on first use. */
  loadedAtStart: { server: string[]; cli: string[] };
}

export async function build(options: { outdir?: string; log?: (line: string) => void } = {}): Promise<BuildResult> {
  const outdir = options.outdir ?? DEFAULT_OUTDIR;
  const log = options.log ?? (() => undefined);
  const startedAt = Date.now();
  const t0 = performance.now();

  const [widgets, passwordStrength, verify] = await Promise.all([buildWidgets(), bundlePasswordStrengthScript(), bundleVerifyScript()]);
  log(describeSize(widgets));
  if (widgets.gzipBytes > GZIP_BUDGET_BYTES) throw new Error(`widgets/certportal.js is over its budget by ${widgets.gzipBytes - GZIP_BUDGET_BYTES} bytes gzip`);

  const previous = await readManifest(outdir);
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { server: "server.ts", cli: "cli.ts" },
    outdir,
    bundle: true,
    // Code behind a dynamic import() becomes its own chunk, loaded with its packages on first use.
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    sourcesContent: false,
    metafile: true,
    logLevel: "warning",
    define: {
      CERTPORTAL_PREBUILT_WIDGETS: JSON.stringify(widgets.code),
      CERTPORTAL_PREBUILT_PASSWORD_STRENGTH: JSON.stringify(passwordStrength),
      CERTPORTAL_PREBUILT_VERIFY: JSON.stringify(verify),
    },
  });

  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith("node_modules/"));
  await refuseUnknownFileReads(inputs);
  for (const asset of ASSETS) {
    await cp(path.join(ROOT, asset.from), path.join(outdir, asset.to), { recursive: true, force: true });
  }
  const outputs = Object.keys(result.metafile.outputs).map((f) => path.relative(outdir, path.join(ROOT, f)));
  await removeOldOutputs(outdir, new Set([...outputs, ...(previous?.outputs ?? [])]));

  const scripts = ["scripts/build.ts", "widgets/build.ts", "web/client/bundle.ts", "tsconfig.json"];
  const browserInputs = await sourcesUnder(["widgets/src", "web/client", "lib/password", "lib/signing"]);
  const assetFiles = (await Promise.all(ASSETS.map((a) => sourcesUnder([a.from], true)))).flat();
  const sources = [...new Set([...inputs, ...scripts, ...browserInputs, ...ASSETS.map((a) => a.from), ...assetFiles])].sort();
  const manifest: BuildManifest = { startedAt, sources, outputs: outputs.sort() };
  await writeFile(path.join(outdir, MANIFEST), JSON.stringify(manifest, null, 1) + "\n");
  const ms = performance.now() - t0;
  const loadedAtStart = { server: packagesLoadedAtStart(result.metafile, "server.js"), cli: packagesLoadedAtStart(result.metafile, "cli.js") };
  const shown = path.relative(ROOT, outdir) || outdir;
  log(`${shown}: ${outputs.filter((f) => f.endsWith(".js")).length} files from ${inputs.length} sources in ${ms.toFixed(0)} ms`);
  log(`${shown}/server.js loads at start: ${loadedAtStart.server.join(" ")}`);
  return { outdir, ms, manifest, loadedAtStart };
}

/** The packages reached from an entry point through static imports alone (node: modules left out). */
function packagesLoadedAtStart(metafile: esbuild.Metafile, entry: string): string[] {
  const byName = new Map(Object.entries(metafile.outputs).map(([file, output]) => [path.basename(file), output]));
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const { path: target, kind, external } of byName.get(name)?.imports ?? []) {
      if (kind !== "import-statement") continue;
      if (!external) visit(path.basename(target));
      else if (!target.startsWith("node:")) packages.add(target);
    }
  };
  visit(entry);
  return [...packages].sort();
}

/**
 * A module that finds files relative to itself works from source and may not from dist/: fail
 * the build until ASSETS says where its files go (or NO_ASSETS why it needs none).
 */
async function refuseUnknownFileReads(inputs: string[]): Promise<void> {
  const known = new Set([...ASSETS.flatMap((a) => a.readBy), ...NO_ASSETS]);
  const unknown: string[] = [];
  for (const file of inputs) {
    if (known.has(file)) continue;
    const text = await readFile(path.join(ROOT, file), "utf8");
    // createRequire(import.meta.url) only resolves packages, which works from dist/ as well.
    const uses = text.replace(/createRequire\(import\.meta\.url\)/g, "").match(/import\.meta\.(url|dirname|filename)|process\.argv\[1\]/g);
    if (uses) unknown.push(`${file} (${[...new Set(uses)].join(", ")})`);
  }
  if (unknown.length) {
    throw new Error(`These modules locate files relative to themselves; say in scripts/build.ts (ASSETS) what dist/ must hold for them:\n  ${unknown.join("\n  ")}`);
  }
}

/**
 * Chunks of this build and of the one before it stay: a server still running the previous build
 * (a deploy builds, then restarts) loads its lazy chunks from dist/ at first use.
 */
async function removeOldOutputs(outdir: string, keep: Set<string>): Promise<void> {
  const assetDirs = new Set(ASSETS.map((a) => a.to));
  for (const name of await readdir(outdir)) {
    if (assetDirs.has(name) || name === MANIFEST || keep.has(name)) continue;
    if (/\.js(\.map)?$/.test(name)) await rm(path.join(outdir, name), { force: true });
  }
}

async function readManifest(outdir: string): Promise<BuildManifest | null> {
  try {
    return JSON.parse(await readFile(path.join(outdir, MANIFEST), "utf8")) as BuildManifest;
  } catch {
    await mkdir(outdir, { recursive: true });
    return null;
  }
}

/** Files under these folders (relative to the repository), tests left out unless `all`. */
async function sourcesUnder(dirs: string[], all = false): Promise<string[]> {
  const files: string[] = [];
  for (const dir of dirs) {
    for (const entry of await readdir(path.join(ROOT, dir), { recursive: true })) {
      const file = path.join(dir, entry);
      if (!all && /\.test\.tsx?$/.test(file)) continue;
      if ((await stat(path.join(ROOT, file))).isFile()) files.push(file);
    }
  }
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await build({ log: (line) => console.log(line) });
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
