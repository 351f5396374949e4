import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { fixedBody, type FixedBody } from "../lib/etag.ts";
import { ownEntry } from "../lib/own-key.ts";
import { bundlePasswordStrengthScript, bundleVerifyScript } from "./client/bundle.ts";
import type { AppEnv } from "./env.ts";
import { sendFixed } from "./http-cache.ts";
import { securityHeaders } from "./security-headers.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

interface Asset {
  type: string;
  load: () => Promise<string>;
}

/** Served from our own origin, so the CSP can say script-src 'self' and nothing more. */
const ASSETS: Record<string, Asset> = {
  "app.css": { type: "text/css; charset=utf-8", load: () => readFile(path.join(here, "static", "app.css"), "utf8") },
  "htmx.min.js": { type: "text/javascript; charset=utf-8", load: () => readFile(require.resolve("htmx.org/dist/htmx.min.js"), "utf8") },
  "password-strength.js": { type: "text/javascript; charset=utf-8", load: bundlePasswordStrengthScript },
  "verify.js": { type: "text/javascript; charset=utf-8", load: bundleVerifyScript },
};

// Each asset is read (or built) once per process, with its ETag and version computed then.
const loaded = new Map<string, Promise<FixedBody>>();
const versions = new Map<string, string>();

function load(file: string, asset: Asset): Promise<FixedBody> {
  let body = loaded.get(file);
  if (!body) {
    body = asset.load().then((text) => {
      const fixed = fixedBody(text);
      versions.set(file, fixed.version);
      return fixed;
    });
    loaded.set(file, body);
    // A failed read or build is tried again at the next request.
    body.catch(() => loaded.delete(file));
  }
  return body;
}

/**
 * The address pages use for an asset: with its version once it is loaded (`/static/app.css?v=…`,
 * which caches keep for a year), the plain address before that.
 */
export function assetHref(file: keyof typeof ASSETS & string): string {
  const v = versions.get(file);
  return v ? `/static/${file}?v=${v}` : `/static/${file}`;
}

/** The versioned address once the asset is loaded (or built): for the service worker's list. */
export async function loadedAssetHref(file: keyof typeof ASSETS & string): Promise<string> {
  await load(file, ASSETS[file]!);
  return assetHref(file);
}

export function staticAssets(): Hono<AppEnv> {
  // Loaded as the app is made, so the first pages already link the versioned addresses.
  for (const [file, asset] of Object.entries(ASSETS)) load(file, asset).catch(() => undefined);
  const app = new Hono<AppEnv>();
  app.get("/:file", async (c) => {
    const file = c.req.param("file");
    const asset = ownEntry(ASSETS, file);
    if (!asset) return c.notFound();
    return sendFixed(c, await load(file, asset), asset.type, "public, max-age=300", securityHeaders(c.get("deps").config).page);
  });
  return app;
}
