// The public JSON API (DESIGN.md §3), read by the widgets and by anyone: CORS open, cacheable
// (Cache-Control, ETag, 304), no cookies, rate limited per address, errors as problem+json.
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { Invalid } from "../../lib/errors.ts";
import { issuerProfile, isStatusPurpose, signedStatusList, verifyPresented } from "../../modules/credentials/index.ts";
import { leanAnswer } from "../../web/lean-answer.ts";
import { isIsoDate, swedishDate } from "../../lib/dates.ts";
import { findCertificateByNumber, getPublicCompany, statusOnDate, MAX_PAGE_SIZE, normaliseOrgNumber, parseCertificateNumber, searchCertifiedCompanies } from "../../modules/verification/index.ts";
import type { AppEnv } from "../../web/env.ts";
import { openToOtherSites } from "../cross-origin.ts";
import { fixedBody, type FixedBody } from "../../lib/etag.ts";
import { cacheable, sendFixed, tagged } from "../../web/http-cache.ts";
import { securityHeaders } from "../../web/security-headers.ts";
import { publicRateLimit } from "../rate-limit.ts";
import { openApiDocument } from "./openapi.ts";
import { problem } from "./problem.ts";
import { certificateJson, companyJson, companySearchJson } from "./views.ts";

type Ctx = Context<AppEnv>;

const today = (c: Ctx) => swedishDate(c.get("deps").clock.now());
const publicUrl = (c: Ctx) => c.get("deps").config.publicUrl;

/** What a minute-old answer may be: the same as the live one, or one status change behind. */
const json = (c: Ctx, body: unknown) => cacheable(c, JSON.stringify(body), { contentType: "application/json; charset=utf-8", cacheControl: "public, max-age=60", base: securityHeaders(c.get("deps").config).publicData });

const companyQuery = z.object({
  q: z.string().max(100).optional(),
  area: z.string().max(40).optional(),
  city: z.string().max(60).optional(),
  orgNumber: z.string().max(20).optional(),
  includeWithoutActive: z.enum(["true", "false"]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
});

export function publicApi(): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.use("*", openToOtherSites(), publicRateLimit());

  // The document depends only on PUBLIC_URL: made once, with its ETag.
  let openApi: FixedBody | null = null;
  api.get("/openapi.json", (c) => sendFixed(c, (openApi ??= fixedBody(JSON.stringify(openApiDocument(publicUrl(c))))), "application/json; charset=utf-8", "public, max-age=300", securityHeaders(c.get("deps").config).publicData));

  api.get("/certificates/:number", certificateAnswer);

  api.get("/companies", async (c) => {
    const parsed = companyQuery.safeParse(c.req.query());
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? "");
      return problem(c, 400, "Felaktig sökning", `Parametern ${field} har ett värde som inte går att använda. Se /api/v1/openapi.json.`);
    }
    const input = parsed.data;
    const orgNumber = input.orgNumber ? normaliseOrgNumber(input.orgNumber) : undefined;
    if (orgNumber === null) return problem(c, 400, "Felaktigt organisationsnummer", "Ett organisationsnummer har tio siffror, till exempel 556016-0680.");
    const result = await searchCertifiedCompanies(
      c.get("deps").reads,
      { q: input.q, area: input.area || undefined, city: input.city, orgNumber, includeWithoutActive: input.includeWithoutActive === "true", page: input.page, pageSize: input.pageSize },
      today(c),
    );
    return json(c, companySearchJson(result, publicUrl(c)));
  });

  api.get("/companies/:orgNumber", companyAnswer);

  // Who signs the credentials and status lists: the organisation behind did:web (decision 019).
  api.get("/issuer", (c) => json(c, issuerProfile(c.get("deps").config, c.get("deps").signer)));

  // The W3C Bitstring Status Lists the credentials point at: signed (application/vc+jwt), tagged
  // by the list's version, so a verifier's cache asks again and gets a 304 until a bit changes.
  api.get("/status-lists/:list/:purpose", async (c) => {
    const rawList = c.req.param("list");
    const purpose = c.req.param("purpose");
    const list = /^[1-9]\d{0,8}$/.test(rawList) ? Number(rawList) : null;
    const signed = list !== null && isStatusPurpose(purpose) ? await signedStatusList(c.get("deps"), list, purpose) : null;
    if (!signed) return problem(c, 404, "Statuslistan finns inte", "Statuslistorna heter /api/v1/status-lists/{nummer}/revocation och /api/v1/status-lists/{nummer}/suspension.");
    return tagged(c, signed.etag, () => signed.jwt, { contentType: "application/vc+jwt", cacheControl: "public, max-age=60", base: securityHeaders(c.get("deps").config).publicData });
  });

  // The checks of /verifiera for programs. A POST that reads nothing of the caller's and changes
  // nothing, so it is open to every origin like the rest of this API (mounted before the site's
  // Origin check, public-site/reads.ts) with a body limit of its own.
  api.post(
    "/verify",
    bodyLimit({ maxSize: VERIFY_BODY_LIMIT, onError: (c) => problem(c as Ctx, 413, "För stort", "Högst 128 kB tas emot: ett digitalt certifikat eller en QR-kods text är några kB.") }),
    async (c) => {
      const type = (c.req.header("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
      const raw = await c.req.text();
      let text: string | null;
      if (type === "application/json") {
        text = presentedIn(raw);
        if (text === null) return problem(c, 400, "Inget att verifiera", 'Skicka JSON som {"credential": "<det digitala certifikatet (vc+jwt)>"} eller {"qr": "<texten i QR-koden>"}.');
      } else if (type === "" || type === "text/plain" || type === "application/vc+jwt" || type === "application/jwt") {
        text = raw;
      } else {
        return problem(c, 415, "Fel innehållstyp", "Skicka application/json, text/plain eller application/vc+jwt.");
      }
      try {
        const result = await verifyPresented(c.get("deps"), text);
        return leanAnswer(c, 200, JSON.stringify(result), securityHeaders(c.get("deps").config).publicData, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
      } catch (e) {
        if (e instanceof Invalid) return problem(c, 400, "Kan inte verifieras", Object.values(e.fields)[0] ?? e.message);
        throw e;
      }
    },
  );

  return api;
}

/** GET /api/v1/certificates/{number}: also answered on the hot path (web/hot-reads.ts). */
export async function certificateAnswer(c: Ctx): Promise<Response> {
  const number = parseCertificateNumber(c.req.param("number") ?? "");
  if (number === null) return problem(c, 400, "Felaktigt certifikatnummer", "Ett certifikatnummer består av siffror, till exempel 10001.");
  const on = c.req.query("on");
  if (on !== undefined && !isIsoDate(on)) return problem(c, 400, "Felaktigt datum", "Parametern on är ett datum som ÅÅÅÅ-MM-DD, till exempel 2026-03-01.");
  const cert = await findCertificateByNumber(c.get("deps").reads, number, today(c), { name: c.get("deps").config.org.name });
  if (!cert) return problem(c, 404, "Certifikatet finns inte", "Inget certifikat med det numret.");
  const body = certificateJson(cert, publicUrl(c));
  if (on === undefined) return json(c, body);
  return json(c, { ...body, on: await statusOnDate(c.get("deps").reads, number, on) });
}

/** GET /api/v1/companies/{orgNumber}: also answered on the hot path (web/hot-reads.ts). */
export async function companyAnswer(c: Ctx): Promise<Response> {
  const orgNumber = normaliseOrgNumber(c.req.param("orgNumber") ?? "");
  if (orgNumber === null) return problem(c, 400, "Felaktigt organisationsnummer", "Ett organisationsnummer har tio siffror, till exempel 556016-0680.");
  const company = await getPublicCompany(c.get("deps").reads, orgNumber, today(c));
  if (!company) return problem(c, 404, "Företaget finns inte", "Inget certifierat företag med det organisationsnumret.");
  return json(c, companyJson(company, publicUrl(c)));
}

const VERIFY_BODY_LIMIT = 128 * 1024;

/** {"credential": …} or {"qr": …}: the text to verify, or null. */
function presentedIn(raw: string): string | null {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof body !== "object" || body === null) return null;
  const { credential, qr } = body as Record<string, unknown>;
  return typeof credential === "string" ? credential : typeof qr === "string" ? qr : null;
}
