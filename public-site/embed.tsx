// Embedding on other sites: the widget script /widgets/certportal.js and the page that explains
// it, "Bädda in" (/badda-in), with live previews of both widgets.
import { Hono, type Context } from "hono";
import { swedishDate } from "../lib/dates.ts";
import { normaliseOrgNumber, parseCertificateNumber, searchCertifiedCompanies } from "../modules/verification/index.ts";
import type { AppEnv } from "../web/env.ts";
import { page } from "../web/render.tsx";
import { buildWidgets, type WidgetBundle } from "../widgets/build.ts";
import { openToOtherSites } from "./cross-origin.ts";
import { cacheable } from "./http-cache.ts";
import { EmbedPage, type Preview } from "./pages/embed.tsx";

export const WIDGET_SCRIPT_PATH = "/widgets/certportal.js";

// One build per process, at the first request (tens of milliseconds), kept for good. A failed
// build is tried again at the next request.
let bundle: Promise<WidgetBundle> | null = null;
function widgetBundle(): Promise<WidgetBundle> {
  if (!bundle) {
    bundle = buildWidgets();
    bundle.catch(() => (bundle = null));
  }
  return bundle;
}

export function embedRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Any site may load the script: CORS open, CORP cross-origin, no cookie set. Five minutes in
  // caches, then a cheap 304 on the ETag; a new release is picked up within five minutes.
  app.use(WIDGET_SCRIPT_PATH, openToOtherSites());
  app.get(WIDGET_SCRIPT_PATH, async (c) => {
    const { code } = await widgetBundle();
    return cacheable(c, code, { contentType: "text/javascript; charset=utf-8", cacheControl: "public, max-age=300" });
  });
  app.get("/badda-in", embedPage);
  return app;
}

async function embedPage(c: Context<AppEnv>) {
  const { config } = c.var.deps;
  const preview = await previewOf(c);
  return page(
    c,
    { title: "Bädda in", head: <script type="module" src={WIDGET_SCRIPT_PATH}></script> },
    <EmbedPage org={config.org} publicUrl={config.publicUrl.replace(/\/+$/, "")} preview={preview} />,
  );
}

/**
 * What the previews show: the numbers the visitor typed, or else a certified company and its
 * active company certificate. Never a person's certificate picked by us: persons are found only
 * by the number someone already has.
 */
async function previewOf(c: Context<AppEnv>): Promise<Preview> {
  const { db, clock } = c.var.deps;
  const typedNumber = (c.req.query("nummer") ?? "").trim().slice(0, 20);
  const typedOrg = (c.req.query("orgnr") ?? "").trim().slice(0, 20);
  const number = typedNumber ? parseCertificateNumber(typedNumber.replace(/\s+/g, "")) : null;
  const orgNumber = typedOrg ? normaliseOrgNumber(typedOrg) : null;
  const errors: Record<string, string> = {};
  if (typedNumber && number === null) errors.nummer = "Ange certifikatnumret med siffror, till exempel 10001.";
  if (typedOrg && orgNumber === null) errors.orgnr = "Ange organisationsnumret med tio siffror, till exempel 556016-0680.";
  if (typedNumber || typedOrg) return { number, orgNumber, typed: { nummer: typedNumber, orgnr: typedOrg }, errors, example: false };

  const { companies } = await searchCertifiedCompanies(db, { pageSize: 5 }, swedishDate(clock.now()));
  const company = companies.find((x) => x.orgNumber !== null && x.certificates.some((cert) => cert.status === "active"));
  const cert = company?.certificates.find((x) => x.status === "active");
  return { number: cert?.number ?? null, orgNumber: company?.orgNumber ?? null, typed: { nummer: "", orgnr: "" }, errors, example: Boolean(company) };
}
