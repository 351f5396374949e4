// The public side of the signed credentials (docs/decisions/019), on the public read path
// (public-site/reads.ts: no session, answers made whole):
//
//   /.well-known/did.json       the issuer's DID document (did:web), every key ever used
//   /c/sw.js                    the service worker that keeps an offline copy for QR codes
//   /verifiera/utan-natverk     that copy: the QR code's signature checked in the browser
import { Hono, type Context } from "hono";
import { didDocument } from "../modules/credentials/index.ts";
import type { AppEnv } from "../web/env.ts";
import { cacheable } from "../web/http-cache.ts";
import { leanAnswer } from "../web/lean-answer.ts";
import { pageHtml } from "../web/render.tsx";
import { securityHeaders } from "../web/security-headers.ts";
import { loadedAssetHref } from "../web/static-assets.ts";
import { openToOtherSites } from "./cross-origin.ts";
import { OfflineCertificatePage } from "./pages/verify.tsx";
import { qrKeys } from "./qr-keys.ts";

type Ctx = Context<AppEnv>;

export const OFFLINE_PAGE = "/verifiera/utan-natverk";

export function credentialRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const did = (c: Ctx) =>
    cacheable(c, JSON.stringify(didDocument(c.get("deps").config, c.get("deps").signer)), { contentType: "application/did+json", cacheControl: "public, max-age=300", base: securityHeaders(c.get("deps").config).publicData });
  app.get("/.well-known/did.json", openToOtherSites(), did);
  app.get("/c/sw.js", serviceWorker);
  app.get(OFFLINE_PAGE, async (c) => {
    const html = await pageHtml(c, { title: "Certifikat" }, <OfflineCertificatePage {...qrKeys(c)} />);
    return leanAnswer(c, 200, html, securityHeaders(c.get("deps").config).page, { "Content-Type": "text/html; charset=UTF-8", "Cache-Control": "no-cache", Vary: "Accept-Language" });
  });
  return app;
}

/**
 * The service worker, scope /c/: a page of /c/ is fetched from the network as always; only when
 * that fails (no network, the register down) does the kept copy of the offline page answer, and
 * its script checks the QR code's signature from the address's fragment. Its text names the
 * versions of what it keeps and the keys, so a new release or a key rotation installs it anew.
 */
async function serviceWorker(c: Ctx): Promise<Response> {
  const keep = [OFFLINE_PAGE, await loadedAssetHref("app.css"), await loadedAssetHref("htmx.min.js"), await loadedAssetHref("verify.js")];
  const version = `${keep.slice(1).map((h) => h.split("v=")[1] ?? "").join("-")}-${c.get("deps").signer.keys().map((k) => k.kid.slice(0, 8)).join(".")}`;
  const body = `// certportal: the QR codes' offline check (public-site/credential-routes.tsx)
const CACHE = ${JSON.stringify(`certportal-qr-${version}`)};
const OFFLINE = ${JSON.stringify(OFFLINE_PAGE)};
const KEEP = ${JSON.stringify(keep)};
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(KEEP)).then(() => self.skipWaiting()));
});
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("certportal-qr-") && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(() => caches.match(OFFLINE).then((kept) => kept || Response.error())));
  } else if (KEEP.includes(url.pathname + url.search)) {
    event.respondWith(caches.match(request).then((kept) => kept || fetch(request)));
  }
});
`;
  // Browsers look for a new worker at least daily; no-cache makes them ask us each time they look.
  return cacheable(c, body, { contentType: "text/javascript; charset=utf-8", cacheControl: "no-cache", base: securityHeaders(c.get("deps").config).page });
}
