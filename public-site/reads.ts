// The public read path: what every embedding site, QR code and integration asks, many times a
// second (issue 14). Mounted in hono.config.ts before the portal's middleware (no session, no body
// limit, no Origin check: all GETs but POST /api/v1/verify, which changes nothing and limits its
// own body), each answer made whole with its headers (web/lean-answer.ts)
// from statements prepared once (db/prepared-reads.ts).
import { Hono } from "hono";
import type { AppEnv } from "../web/env.ts";
import { publicApi } from "./api/routes.ts";
import { badgeRoutes } from "./badge.ts";
import { credentialRoutes } from "./credential-routes.tsx";
import { widgetScriptRoutes } from "./embed.tsx";
import { publicRateLimit } from "./rate-limit.ts";
import { certificatePage } from "./routes.tsx";

export function publicReads(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route("/api/v1", publicApi());
  app.route("/badge", badgeRoutes());
  app.route("/", widgetScriptRoutes());
  // Before /c/:number: /c/sw.js is the service worker, not a certificate.
  app.route("/", credentialRoutes());
  app.get("/c/:number", publicRateLimit(), certificatePage);
  return app;
}
