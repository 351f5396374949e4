import * as esbuild from "esbuild";
import { fileURLToPath } from "node:url";

const ENTRY = fileURLToPath(new URL("./password-strength.ts", import.meta.url));

/**
 * Builds the code served as /static/password-strength.js: one self-contained,
 * minified file from the site's own origin, so the CSP needs no inline script.
 * Takes tens of milliseconds; call it once at start-up and keep the result.
 */
export async function bundlePasswordStrengthScript(): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    format: "iife",
    write: false,
    target: "es2020",
    platform: "browser",
    legalComments: "none",
    // Smaller than \u escapes; the route must send "text/javascript; charset=utf-8".
    charset: "utf8",
  });
  return result.outputFiles[0].text;
}
