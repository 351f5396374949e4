// Sök certifierade företag: a GET form that works without JavaScript; with htmx the results
// follow the typing (the form asks for the same URL and morphs only the results in, as
// web/views/data-table.tsx does) and the address follows, so Back and a shared link work.
import { raw } from "hono/html";
import { flatString } from "../../web/views/flat-string.ts";
import type { FC } from "hono/jsx";
import { formatOrgNumber } from "../../lib/identity/orgnummer.ts";
import type { CompanySearchResult, PublicCompany } from "../../modules/verification/index.ts";
import { Field } from "../../web/views/form.tsx";
import { CertificateStatusTag } from "./certificate-status.tsx";
import { certificateHref } from "../../web/views/certificate-href.ts";
import { t, language, type Language } from "../../lib/i18n/index.ts";

export const SEARCH_PATH = "/sok-certifierade-foretag";
const RESULTS_ID = "foretag-resultat";

/** The form's values as the request gave them (query parameter names are Swedish, like the paths). */
export interface SearchForm {
  q: string;
  orgnr: string;
  omrade: string;
  ort: string;
  alla: boolean;
}

export const companyPath = (orgNumber: string) => `${SEARCH_PATH}/${orgNumber}`;

export function searchHref(form: SearchForm, page = 1): string {
  const qs = new URLSearchParams();
  if (form.q) qs.set("q", form.q);
  if (form.orgnr) qs.set("orgnr", form.orgnr);
  if (form.omrade) qs.set("omrade", form.omrade);
  if (form.ort) qs.set("ort", form.ort);
  if (form.alla) qs.set("alla", "1");
  if (page > 1) qs.set("sida", String(page));
  const s = qs.toString();
  return s ? `${SEARCH_PATH}?${s}` : SEARCH_PATH;
}

const swap = { "hx-select": `#${RESULTS_ID}`, "hx-target": `#${RESULTS_ID}`, "hx-swap": "outerMorph", "hx-push-url": "true" };

export interface SearchPageProps {
  orgName: string;
  form: SearchForm;
  areas: readonly { readonly code: string; readonly name: string }[];
  results: SearchResultsProps;
}

export const SearchPage: FC<SearchPageProps> = ({ orgName, form, areas, results }) => (
  <section class="company-search" aria-labelledby="search-title">
    <h1 id="search-title">{t("nav.searchCompanies")}</h1>
    <p class="lead">{t("search.lead", orgName)}</p>
    <form
      method="get"
      action={SEARCH_PATH}
      role="search"
      aria-label={t("nav.searchCompanies")}
      class="company-search__form"
      hx-get={SEARCH_PATH}
      hx-trigger="submit, input delay:300ms, change"
      hx-sync="this:replace"
      {...swap}
    >
      <div class="company-search__fields">
        <Field name="q" label={t("search.name")} hint={t("search.name.hint")} autocomplete="organization" maxlength={100} value={form.q} />
        <Field name="orgnr" label={t("common.orgNumber")} hint={t("search.orgnr.hint")} inputmode="numeric" autocomplete="off" maxlength={20} value={form.orgnr} errors={results.kind === "invalid" ? { orgnr: results.message } : undefined} />
        <div class="field">
          <label for="f-omrade">{t("common.area")}</label>
          <p class="hint" id="f-omrade-hint">
            {t("search.area.hint")}
          </p>
          <select id="f-omrade" name="omrade" aria-describedby="f-omrade-hint">
            <option value="" selected={form.omrade === ""}>
              {t("search.area.all")}
            </option>
            {areas.map((a) => (
              <option value={a.code} selected={form.omrade === a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <Field name="ort" label={t("common.city")} hint={t("search.city.hint")} autocomplete="address-level2" maxlength={60} value={form.ort} />
      </div>
      <div class="checkbox">
        <input type="checkbox" id="f-alla" name="alla" value="1" checked={form.alla} />
        <label for="f-alla">{t("search.all")}</label>
      </div>
      <div class="button-row">
        <button type="submit">{t("table.search")}</button>
      </div>
    </form>
    <SearchResults {...results} />
  </section>
);

export type SearchResultsProps =
  | { kind: "found"; form: SearchForm; result: CompanySearchResult }
  | { kind: "invalid"; form: SearchForm; message: string };

const count: Record<Language, Intl.NumberFormat> = { sv: new Intl.NumberFormat("sv-SE"), en: new Intl.NumberFormat("en-GB") };

/** "1 företag", "37 företag", or "Fler än 1 000 företag" when counting stopped at the cap. */
function hitsText(result: CompanySearchResult): string {
  const n = count[language()].format(result.total);
  if (result.totalCapped) return t("search.hits.more", n);
  return t("search.hits", result.total, n);
}

/** The part htmx swaps: the number found (announced), the companies, the pages. */
export const SearchResults: FC<SearchResultsProps> = (props) => {
  return (
    <div id={RESULTS_ID} class="company-results">
      <h2 class="visually-hidden">{t("search.results")}</h2>
      <p class="hits" aria-live="polite">
        {props.kind === "invalid" ? t("search.none") : hitsText(props.result)}
        {props.kind === "found" && !props.form.alla ? t("search.withActive") : ""}
      </p>
      {props.kind === "invalid" ? (
        <div class="notice notice--warning" role="status">
          <p>{props.message}</p>
        </div>
      ) : props.result.total === 0 ? (
        <p class="company-results__empty">
          {t("search.noMatch")} {props.form.alla ? null : t("search.noMatch.tickAll")}
        </p>
      ) : (
        <>
          {raw(companyListHtml(props.result))}
          <Pagination form={props.form} page={props.result.page} pageCount={props.result.pageCount} more={props.result.totalCapped} />
        </>
      )}
    </div>
  );
};

// A search's answer is kept and shared while the data is unchanged (recent-searches.ts), so the
// list of its companies, the same for every visitor and every form around it, is rendered once
// per answer and language: it was most of the time of a search page.
const listHtml: Record<Language, WeakMap<CompanySearchResult, string>> = { sv: new WeakMap(), en: new WeakMap() };

function companyListHtml(result: CompanySearchResult): string {
  const kept = listHtml[language()];
  let html = kept.get(result);
  if (html === undefined) {
    html = String(
      <ol class="company-list">
        {result.companies.map((c) => (
          <li>
            <CompanyCard company={c} />
          </li>
        ))}
      </ol>,
    );
    // Made flat once: kept as JSX renders it (a rope of some thousand pieces), every page that puts
    // it in had to walk those pieces again, scattered in memory by then: 0.4 ms a page under load.
    html = flatString(html);
    kept.set(result, html);
  }
  return html;
}

const CompanyCard: FC<{ company: PublicCompany }> = ({ company }) => (
  <article class="company-card" aria-label={company.name}>
    <h3 class="company-card__name">{company.orgNumber ? <a href={companyPath(company.orgNumber)}>{company.name}</a> : company.name}</h3>
    <p class="company-card__meta">
      <span>{company.city}</span>
      <span>{company.orgNumber ? t("search.orgnrShort", formatOrgNumber(company.orgNumber)) : t("search.soleTrader")}</span>
    </p>
    <CompanyCertificates company={company} />
  </article>
);

/** The company certificates of one company: the manual's words for the columns. */
export const CompanyCertificates: FC<{ company: PublicCompany; caption?: string }> = ({ company, caption }) => (
  <div class="table-wrap">
    <table class="data data--compact">
      <caption class="visually-hidden">{caption ?? t("search.companyCertsOf", company.name)}</caption>
      <thead>
        <tr>
          <th scope="col">{t("common.certificate")}</th>
          <th scope="col">{t("cert.number")}</th>
          <th scope="col">{t("cert.status")}</th>
          <th scope="col">{t("cert.validUntil")}</th>
        </tr>
      </thead>
      <tbody>
        {company.certificates.map((cert) => (
          <tr>
            <td>
              {cert.scheme.area} - {cert.scheme.name}
            </td>
            <td>
              <a href={certificateHref(cert.number)}>{cert.number}</a>
            </td>
            <td>
              <CertificateStatusTag status={cert.status} label={cert.statusLabel} />
            </td>
            <td>{cert.validUntil ?? t("cert.untilFurtherNotice")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

/**
 * Föregående, the pages around this one, Nästa: plain links that htmx follows in place. With
 * `more`, the count stopped at the cap: there are more pages than pageCount, unlinked.
 */
const Pagination: FC<{ form: SearchForm; page: number; pageCount: number; more: boolean }> = ({ form, page, pageCount, more }) => {
  if (pageCount <= 1) return null;
  const link = (p: number, label: string, rel?: string) => (
    <a href={searchHref(form, p)} hx-get={searchHref(form, p)} {...swap} hx-swap="outerMorph show:top" rel={rel}>
      {label}
    </a>
  );
  const near = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  return (
    <nav class="pagination" aria-label={t("pagination.label")}>
      <p class="pagination__where">{more ? t("pagination.whereMore", page, pageCount) : t("pagination.where", page, pageCount)}</p>
      <ul>
        {page > 1 ? <li>{link(page - 1, t("pagination.previous"), "prev")}</li> : null}
        {near.map((p, i) => (
          <>
            {i > 0 && p - near[i - 1]! > 1 ? (
              <li class="pagination__gap" aria-hidden="true">
                …
              </li>
            ) : null}
            <li>
              {p === page ? (
                <span aria-current="page">
                  <span class="visually-hidden">{t("pagination.page")}</span>
                  {p}
                </span>
              ) : (
                link(p, String(p))
              )}
            </li>
          </>
        ))}
        {page < pageCount ? <li>{link(page + 1, t("pagination.next"), "next")}</li> : null}
      </ul>
    </nav>
  );
};

/** One company's public page: name, ort, organisationsnummer, company certificates; no people. */
export const CompanyPage: FC<{ company: PublicCompany; orgNumber: string }> = ({ company }) => (
  <section class="company-page" aria-labelledby="company-title">
    <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
      <a href={SEARCH_PATH}>{t("nav.searchCompanies")}</a> › {company.name}
    </nav>
    <h1 id="company-title">{company.name}</h1>
    <dl class="details company-page__facts">
      <dt>{t("common.orgNumber")}</dt>
      <dd>{company.orgNumber ? formatOrgNumber(company.orgNumber) : t("search.soleTraderHidden")}</dd>
      <dt>{t("common.city")}</dt>
      <dd>{company.city}</dd>
    </dl>
    <h2>{t("search.companyCerts")}</h2>
    <CompanyCertificates company={company} caption={t("search.companyCerts")} />
    <p class="muted company-page__note">{t("search.companyNote")}</p>
  </section>
);
