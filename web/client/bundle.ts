import { fileURLToPath } from "node:url";

const ENTRY = fileURLToPath(new URL("./password-strength.ts", import.meta.url));

// The script `npm run build` made (scripts/build.ts defines it); undefined when run from source.
declare const CERTPORTAL_PREBUILT_PASSWORD_STRENGTH: string | undefined;
const prebuilt = typeof CERTPORTAL_PREBUILT_PASSWORD_STRENGTH === "string" ? CERTPORTAL_PREBUILT_PASSWORD_STRENGTH : undefined;

/**
 * Builds the code served as /static/password-strength.js: one self-contained,
 * minified file from the site's own origin, so the CSP needs no inline script.
 * Takes tens of milliseconds; call it once and keep the result. In dist/ it is already built.
 */
export async function bundlePasswordStrengthScript(): Promise<string> {
  if (prebuilt !== undefined) return prebuilt;
  const esbuild = await import("esbuild");
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
