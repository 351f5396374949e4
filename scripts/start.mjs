// `npm start` (docs/decisions/016-production-build.md).
//
// NODE_ENV=production: runs dist/server.js, the JavaScript `npm run build` made. A release runs
// `npm run build` itself; should dist/ be missing or older than any source it was built from
// (a `git pull` without a build), it is built here first (about a second), so production never
// runs stale code.
// Otherwise (development, tests): the TypeScript sources through tsx, as `tsx server.ts` did;
// nothing to build, and `npm install && npm start` gives the demo at once.
//
// Plain JavaScript on purpose: it must run before anything is built.
import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.join(import.meta.dirname, "..");

/**
 * Why the build in `outdir` cannot be run as it is, or null when every source it was built from
 * is unchanged since (scripts/build.ts writes the list to build.json).
 */
export function staleReason(outdir = path.join(ROOT, "dist")) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(outdir, "build.json"), "utf8"));
  } catch {
    return `${path.relative(ROOT, outdir) || outdir} saknas`;
  }
  for (const source of manifest.sources) {
    let mtimeMs;
    try {
      mtimeMs = statSync(path.join(ROOT, source)).mtimeMs;
    } catch {
      return `${source} finns inte längre`;
    }
    if (mtimeMs > manifest.startedAt) return `${source} har ändrats efter bygget`;
  }
  for (const output of manifest.outputs) {
    try {
      statSync(path.join(outdir, output));
    } catch {
      return `${output} saknas`;
    }
  }
  return null;
}

async function main() {
  if (process.env.NODE_ENV !== "production") {
    const { register } = await import("tsx/esm/api");
    register();
    await import(pathToFileURL(path.join(ROOT, "server.ts")).href);
    return;
  }
  const reason = staleReason();
  if (reason) {
    console.log(`dist/ måste byggas (${reason}): npm run build …`);
    const build = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "build.ts")], { cwd: ROOT, stdio: "inherit" });
    if (build.status !== 0) {
      console.error("Bygget misslyckades; servern startas inte. Kör npm run build och läs felet.");
      process.exit(build.status ?? 1);
    }
  }
  // Stack traces in the log then name the .ts files and lines (dist/*.js.map); costs nothing
  // measurable at start. It applies to modules loaded after this line.
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(path.join(ROOT, "dist", "server.js")).href);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main();
