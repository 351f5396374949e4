// Embedding on other sites: the widget script /widgets/certportal.js and the page that explains
// it, "Bädda in" (/badda-in), with live previews of both widgets.
import { Hono, type Context } from "hono";
import { swedishDate } from "../lib/dates.ts";
import { normaliseOrgNumber, parseCertificateNumber, searchCertifiedCompanies } from "../modules/verification/index.ts";
import type { AppEnv } from "../web/env.ts";
import { page } from "../web/render.tsx";
import { buildWidgets, type WidgetBundle } from "../widgets/build.ts";
import { openToOtherSites } from "./cross-origin.ts";
import { fixedBody, type FixedBody } from "../lib/etag.ts";
import { sendFixed } from "../web/http-cache.ts";
import { securityHeaders } from "../web/security-headers.ts";
import { EmbedPage, type Preview } from "./pages/embed.tsx";
import { t } from "../lib/i18n/index.ts";

export const WIDGET_SCRIPT_PATH = "/widgets/certportal.js";

// One build per process (from source at the first request, tens of milliseconds; in dist/ made by
// `npm run build`), kept for good with its ETag. A failed build is tried again at the next request.
let bundle: Promise<FixedBody> | null = null;
let version: string | null = null;
function widgetBundle(): Promise<FixedBody> {
  if (!bundle) {
    bundle = buildWidgets().then((b: WidgetBundle) => {
      const fixed = fixedBody(b.code);
      version = fixed.version;
      return fixed;
    });
    bundle.catch(() => (bundle = null));
  }
  return bundle;
}

/** The script's address with its version (kept a year by caches), once it is built; for our own pages. */
export function widgetScriptHref(): string {
  return version ? `${WIDGET_SCRIPT_PATH}?v=${version}` : WIDGET_SCRIPT_PATH;
}

/** The widget script, on the public read path (public-site/reads.ts). */
export function widgetScriptRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Any site may load the script: CORS open, CORP cross-origin, no cookie set. Other sites use the
  // plain address (they cannot follow our releases): five minutes in caches, then a 304 on the
  // ETag computed once, so a new release is picked up within five minutes.
  widgetBundle().catch(() => undefined);
  app.use(WIDGET_SCRIPT_PATH, openToOtherSites());
  app.get(WIDGET_SCRIPT_PATH, widgetScriptAnswer);
  return app;
}

/** GET /widgets/certportal.js: also answered on the hot path (web/hot-reads.ts). */
export async function widgetScriptAnswer(c: Context<AppEnv>): Promise<Response> {
  return sendFixed(c, await widgetBundle(), "text/javascript; charset=utf-8", "public, max-age=300", securityHeaders(c.get("deps").config).publicData);
}

/** "Bädda in", the page that explains the widgets. */
export function embedRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/badda-in", embedPage);
  return app;
}

async function embedPage(c: Context<AppEnv>) {
  const { config } = c.get("deps");
  const preview = await previewOf(c);
  return page(
    c,
    { title: t("nav.embed"), head: <script type="module" src={widgetScriptHref()}></script> },
    <EmbedPage org={config.org} publicUrl={config.publicUrl.replace(/\/+$/, "")} preview={preview} />,
  );
}

/**
 * What the previews show: the numbers the visitor typed, or else a certified company and its
 * active company certificate. Never a person's certificate picked by us: persons are found only
 * by the number someone already has.
 */
async function previewOf(c: Context<AppEnv>): Promise<Preview> {
  const { reads, clock } = c.get("deps");
  const typedNumber = (c.req.query("nummer") ?? "").trim().slice(0, 20);
  const typedOrg = (c.req.query("orgnr") ?? "").trim().slice(0, 20);
  const number = typedNumber ? parseCertificateNumber(typedNumber.replace(/\s+/g, "")) : null;
  const orgNumber = typedOrg ? normaliseOrgNumber(typedOrg) : null;
  const errors: Record<string, string> = {};
  if (typedNumber && number === null) errors.nummer = t("check.numberError");
  if (typedOrg && orgNumber === null) errors.orgnr = t("embed.orgnrError");
  if (typedNumber || typedOrg) return { number, orgNumber, typed: { nummer: typedNumber, orgnr: typedOrg }, errors, example: false };

  const { companies } = await searchCertifiedCompanies(reads, { pageSize: 5 }, swedishDate(clock.now()));
  const company = companies.find((x) => x.orgNumber !== null && x.certificates.some((cert) => cert.status === "active"));
  const cert = company?.certificates.find((x) => x.status === "active");
  return { number: cert?.number ?? null, orgNumber: company?.orgNumber ?? null, typed: { nummer: "", orgnr: "" }, errors, example: Boolean(company) };
}
