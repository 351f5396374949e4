// Builds the widget bundle served as /widgets/certportal.js: both Lit elements in one minified
// ES module, made in memory (from source the server builds it once at first request and keeps
// it; `npm run build` builds it once and puts it into dist/server.js).
//
//   npm run build:widgets        prints the size and gzip size; fails over the budget (size.ts)
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ENTRY = fileURLToPath(new URL("./src/index.ts", import.meta.url));

// The bundle `npm run build` made (scripts/build.ts defines it); undefined when run from source.
// In dist/ the server thus neither loads nor needs esbuild.
declare const CERTPORTAL_PREBUILT_WIDGETS: string | undefined;
const prebuilt = typeof CERTPORTAL_PREBUILT_WIDGETS === "string" ? CERTPORTAL_PREBUILT_WIDGETS : undefined;

/** The whole bundle, gzipped, may not be larger than this (issue 6). */
export const GZIP_BUDGET_BYTES = 12 * 1024;

export interface WidgetBundle {
  code: string;
  bytes: number;
  gzipBytes: number;
  /** A strong validator for the ETag: the same build gives the same hash. */
  hash: string;
}

export async function buildWidgets(): Promise<WidgetBundle> {
  const code = prebuilt ?? (await bundle());
  const bytes = Buffer.byteLength(code);
  return { code, bytes, gzipBytes: gzipSync(code, { level: 9 }).length, hash: createHash("sha256").update(code).digest("base64url").slice(0, 22) };
}

async function bundle(): Promise<string> {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2020",
    platform: "browser",
    write: false,
    legalComments: "none",
    // Smaller than \u escapes; the route sends "text/javascript; charset=utf-8".
    charset: "utf8",
    // Our tsconfig's target is ES2022 (define semantics for class fields); say it for the widgets
    // alone so the build does not depend on the server's settings.
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: true, verbatimModuleSyntax: true } },
  });
  return result.outputFiles[0]!.text;
}

export function describeSize(b: WidgetBundle): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  return `widgets/certportal.js: ${b.bytes} bytes (${kb(b.bytes)}) minified, ${b.gzipBytes} bytes (${kb(b.gzipBytes)}) gzip; budget ${kb(GZIP_BUDGET_BYTES)} gzip`;
}
