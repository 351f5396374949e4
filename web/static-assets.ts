import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { ownEntry } from "../lib/own-key.ts";
import { bundlePasswordStrengthScript } from "./client/bundle.ts";
import type { AppEnv } from "./env.ts";

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
};

export function staticAssets(): Hono<AppEnv> {
  const cache = new Map<string, Promise<string>>();
  const app = new Hono<AppEnv>();
  app.get("/:file", async (c) => {
    const file = c.req.param("file");
    const asset = ownEntry(ASSETS, file);
    if (!asset) return c.notFound();
    let body = cache.get(file);
    if (!body) {
      body = asset.load();
      cache.set(file, body);
      body.catch(() => cache.delete(file));
    }
    return c.body(await body, 200, { "Content-Type": asset.type, "Cache-Control": "public, max-age=300" });
  });
  return app;
}
