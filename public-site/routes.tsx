// The public microsite: the pages anyone reaches from the navigation without logging in, the
// verification pages (Kontrollera certifikat, /c/{number}, Sök certifierade företag), the public
// JSON API and the badge. Texts follow the manuals in shared/seeds.
import { Hono, type Context } from "hono";
import type { Child } from "hono/jsx";
import type { OrgConfig } from "../lib/config.ts";
import { isIsoDate, swedishDate } from "../lib/dates.ts";
import { findCertificateByNumber, getPublicCompany, listCompanyAreas, listVersions, statusOnDate, normaliseOrgNumber, parseCertificateNumber, searchCertifiedCompanies } from "../modules/verification/index.ts";
import { isStaff } from "../modules/deps.ts";
import { listPublicCentres } from "../modules/examinations/index.ts";
import type { AppEnv } from "../web/env.ts";
import { isHtmx } from "../web/htmx.ts";
import { page, pageHtml } from "../web/render.tsx";
import { leanAnswer } from "../web/lean-answer.ts";
import { securityHeaders } from "../web/security-headers.ts";
import { CertificatePage, CheckPage, type CheckPageProps } from "./pages/certificate-check.tsx";
import { CompanyPage, SearchPage, SearchResults, type SearchForm, type SearchResultsProps } from "./pages/company-search.tsx";
import { AboutPage, AreasPage, FilesPage, NewsPage, PricesPage } from "./pages/information.tsx";
import { CentresPage } from "./pages/centres.tsx";
import { complaintRoutes } from "./complaint-routes.tsx";
import { StartPage } from "./pages/start.tsx";
import { publicRateLimit } from "./rate-limit.ts";
import { qrKeys } from "./qr-keys.ts";
import { VerifyPage, type VerifyPageProps } from "./pages/verify.tsx";
import { Invalid } from "../lib/errors.ts";
import { MAX_PRESENTED_LENGTH, verifyPresented } from "../modules/credentials/index.ts";
import { formWithFiles } from "../web/form-input.ts";
import { assetHref } from "../web/static-assets.ts";
import { t } from "../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;

export function publicSite(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/", (c) => page(c, { title: t("start.title") }, <StartPage org={org(c)} home={homeOf(c)} />));
  app.get("/om-oss", (c) => page(c, { title: t("nav.about") }, <AboutPage org={org(c)} />));
  app.get("/nyheter", (c) => page(c, { title: t("nav.news") }, <NewsPage org={org(c)} />));
  app.get("/teknikomraden", (c) => page(c, { title: t("nav.areas") }, <AreasPage org={org(c)} />));
  app.get("/examinationscentra", centresPage);
  app.get("/filer-och-lankar", (c) => page(c, { title: t("nav.files") }, <FilesPage org={org(c)} />));
  app.get("/prislista", (c) => page(c, { title: t("nav.prices") }, <PricesPage org={org(c)} />));
  app.get("/kontrollera-certifikat", publicRateLimit(), checkCertificate);
  app.get("/sok-certifierade-foretag", searchCompanies);
  app.get("/sok-certifierade-foretag/:orgnr", companyPage);
  app.get("/verifiera", (c) => verifyPage(c, { text: "", errors: {}, result: null }));
  app.post("/verifiera", publicRateLimit(), verifySubmitted);
  app.route("/", complaintRoutes());
  return app;
}

const org = (c: Ctx): OrgConfig => c.get("deps").config.org;

/** Where a logged-in user's own pages are; null for a visitor. */
function homeOf(c: Ctx): { href: string; label: string } | null {
  const user = c.get("user");
  if (!user) return null;
  return isStaff(user) ? { href: "/personal", label: t("nav.staff") } : { href: "/min-sida", label: t("nav.minSida") };
}

/** Examinationscentra: the approved centres and their coming provtillfällen, by ort and Teknikområde. */
async function centresPage(c: Ctx) {
  const centres = await listPublicCentres(c.get("deps").db, today(c));
  const filter = { ort: (c.req.query("ort") ?? "").trim().slice(0, 100), omrade: (c.req.query("omrade") ?? "").trim().slice(0, 60) };
  return page(c, { title: t("nav.centres") }, <CentresPage org={org(c)} centres={centres} filter={filter} />);
}

// ---------------------------------------------------------------------------------------------
// Kontrollera certifikat and /c/{number}

const today = (c: Ctx) => swedishDate(c.get("deps").clock.now());
const issuer = (c: Ctx) => ({ name: org(c).name });

const dateError = () => t("check.dateError");

/** ?datum= (or the API's ?on=): "" = not asked, null = not a date. */
function askedDate(value: string | undefined): string | null | "" {
  const v = (value ?? "").trim().slice(0, 20);
  if (v === "") return "";
  return isIsoDate(v) ? v : null;
}

async function checkCertificate(c: Ctx) {
  const raw = (c.req.query("nummer") ?? "").trim().slice(0, 40);
  const rawDate = (c.req.query("datum") ?? "").trim().slice(0, 20);
  const typed = raw.replace(/\s+/g, "");
  const number = typed === "" ? null : parseCertificateNumber(typed);
  const date = askedDate(rawDate);
  const props: CheckPageProps = { orgName: org(c).name, raw, rawDate, errors: {}, result: null };
  if ((typed !== "" && number === null) || date === null) {
    if (typed !== "" && number === null) props.errors.nummer = t("check.numberError");
    if (date === null) props.errors.datum = dateError();
    return page(c, { title: t("nav.checkCertificate"), status: 422 }, <CheckPage {...props} />);
  }
  if (number !== null) {
    const db = c.get("deps").reads;
    const cert = await findCertificateByNumber(db, number, today(c), issuer(c));
    props.result = cert ? { cert, today: today(c), on: date ? await statusOnDate(db, number, date) : null, versions: await listVersions(db, number) } : { notFound: String(number) };
  }
  return page(c, { title: t("nav.checkCertificate") }, <CheckPage {...props} />);
}

/**
 * Where the QR code leads (public-site/reads.ts). The same for everyone, so no session is read
 * (hono.config.ts), and made whole with its headers: the public read path.
 */
export async function certificatePage(c: Ctx) {
  const raw = c.req.param("number") ?? "";
  const number = parseCertificateNumber(raw);
  const db = c.get("deps").reads;
  const cert = number === null ? null : await findCertificateByNumber(db, number, today(c), issuer(c));
  const shown = number === null ? raw.replace(/[^\d]/g, "").slice(0, 12) : String(number);
  if (!cert) return leanPage(c, 404, t("check.notFound"), <CertificatePage number={shown} result={null} qr={qrKeys(c)} />);
  const date = askedDate(c.req.query("datum"));
  const asked = Number.parseInt(c.req.query("version") ?? "", 10);
  const result = { cert, today: today(c), versions: await listVersions(db, cert.number), on: date ? await statusOnDate(db, cert.number, date) : null, askedVersion: Number.isSafeInteger(asked) && asked > 0 ? asked : null };
  if (date === null) return leanPage(c, 422, t("check.c.title", cert.number), <CertificatePage number={shown} result={result} dateError={dateError()} qr={qrKeys(c)} />);
  return leanPage(c, 200, t("check.c.title", cert.number), <CertificatePage number={shown} result={result} qr={qrKeys(c)} />, "public, max-age=60");
}

async function leanPage(c: Ctx, status: number, title: string, body: Child, cacheControl?: string): Promise<Response> {
  const html = await pageHtml(c, { title }, body);
  // In the language of ?lang= or else of Accept-Language, never of a cookie (web/language.ts): a
  // shared cache keeps one answer per address and language.
  return leanAnswer(c, status, html, securityHeaders(c.get("deps").config).page, { "Content-Type": "text/html; charset=UTF-8", Vary: "Accept-Language", ...(cacheControl ? { "Cache-Control": cacheControl } : {}) });
}

// ---------------------------------------------------------------------------------------------
// Verifiera certifikat: a credential file or a QR code's text, checked (decision 019)

function verifyPage(c: Ctx, props: Omit<VerifyPageProps, "orgName" | "script">, status?: 200 | 422) {
  return page(c, { title: t("verify.title"), status }, <VerifyPage orgName={org(c).name} script={assetHref("verify.js")} {...props} />);
}

async function verifySubmitted(c: Ctx) {
  const { values, files } = await formWithFiles(c);
  const pasted = (values.underlag ?? "").slice(0, MAX_PRESENTED_LENGTH + 1);
  const file = files.fil;
  if (file && file.size > MAX_PRESENTED_LENGTH) return verifyPage(c, { text: "", errors: { fil: t("verify.fileTooLarge") }, result: null }, 422);
  const text = file ? await file.text() : pasted;
  try {
    const result = await verifyPresented(c.get("deps"), text);
    return verifyPage(c, { text: file ? "" : pasted, errors: {}, result });
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    const message = Object.values(e.fields)[0] ?? e.message;
    return verifyPage(c, { text: file ? "" : pasted, errors: file ? { fil: message } : { underlag: message }, result: null }, 422);
  }
}

// ---------------------------------------------------------------------------------------------
// Sök certifierade företag and a page per company

function searchForm(c: Ctx): SearchForm {
  const q = (name: string, max: number) => (c.req.query(name) ?? "").trim().slice(0, max);
  return { q: q("q", 100), orgnr: q("orgnr", 20), omrade: q("omrade", 40), ort: q("ort", 60), alla: c.req.query("alla") === "1" };
}

async function searchCompanies(c: Ctx) {
  const form = searchForm(c);
  const pageNo = Number.parseInt(c.req.query("sida") ?? "1", 10);
  const orgNumber = form.orgnr ? normaliseOrgNumber(form.orgnr) : undefined;
  let results: SearchResultsProps;
  if (orgNumber === null) {
    results = { kind: "invalid", form, message: t("search.orgnrError") };
  } else {
    const search = (page: number) => searchCertifiedCompanies(c.get("deps").reads, { q: form.q, orgNumber, area: form.omrade || undefined, city: form.ort, includeWithoutActive: form.alla, page }, today(c));
    let result = await search(Number.isFinite(pageNo) ? pageNo : 1);
    // A page past the end (an old link, fewer hits now) shows the last page instead of nothing.
    if (result.companies.length === 0 && result.total > 0) result = await search(result.pageCount);
    results = { kind: "found", form, result };
  }
  const status = results.kind === "invalid" ? 422 : 200;
  // htmx asked for the results only (it morphs them in); a browser gets the whole page. Both come
  // from one URL, so a browser going Back must not take the fragment from its cache for the page.
  c.header("Vary", "HX-Request");
  if (isHtmx(c)) return c.html(<SearchResults {...results} />, status);
  const areas = await listCompanyAreas(c.get("deps").reads);
  return page(c, { title: t("nav.searchCompanies"), status }, <SearchPage orgName={org(c).name} form={form} areas={areas} results={results} />);
}

async function companyPage(c: Ctx) {
  const orgNumber = normaliseOrgNumber(c.req.param("orgnr") ?? "");
  const company = orgNumber === null ? null : await getPublicCompany(c.get("deps").reads, orgNumber, today(c));
  if (!company || orgNumber === null) {
    return page(
      c,
      { title: t("company.notFound"), status: 404 },
      <section class="narrow">
        <h1>{t("company.notFound")}</h1>
        <p>{t("company.notFound.text")}</p>
        <p>
          <a href="/sok-certifierade-foretag">{t("nav.searchCompanies")}</a>
        </p>
      </section>,
    );
  }
  return page(c, { title: company.name }, <CompanyPage company={company} orgNumber={orgNumber} />);
}
