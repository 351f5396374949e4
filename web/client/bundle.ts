import { fileURLToPath } from "node:url";

const ENTRY = fileURLToPath(new URL("./password-strength.ts", import.meta.url));
const VERIFY_ENTRY = fileURLToPath(new URL("./verify.ts", import.meta.url));

// The scripts `npm run build` made (scripts/build.ts defines them); undefined when run from source.
declare const CERTPORTAL_PREBUILT_PASSWORD_STRENGTH: string | undefined;
declare const CERTPORTAL_PREBUILT_VERIFY: string | undefined;
const prebuilt = typeof CERTPORTAL_PREBUILT_PASSWORD_STRENGTH === "string" ? CERTPORTAL_PREBUILT_PASSWORD_STRENGTH : undefined;
const prebuiltVerify = typeof CERTPORTAL_PREBUILT_VERIFY === "string" ? CERTPORTAL_PREBUILT_VERIFY : undefined;

/**
 * Builds the code served as /static/password-strength.js: one self-contained,
 * minified file from the site's own origin, so the CSP needs no inline script.
 * Takes tens of milliseconds; call it once and keep the result. In dist/ it is already built.
 */
export async function bundlePasswordStrengthScript(): Promise<string> {
  return prebuilt ?? bundle(ENTRY);
}

/**
 * /static/verify.js: the signed QR code checked in the browser (Ed25519 from @noble/curves), the
 * service worker's registration and the drop target of Verifiera (web/client/verify.ts).
 */
export async function bundleVerifyScript(): Promise<string> {
  return prebuiltVerify ?? bundle(VERIFY_ENTRY);
}

async function bundle(entry: string): Promise<string> {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [entry],
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
