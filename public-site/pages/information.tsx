// The information pages of the navigation: Om oss, Nyheter, Teknikområden, Filer & länkar,
// Prislista (Examinationscentra reads the database: centres.tsx). Texts follow the manuals; the
// organisation's details come from configuration.
import type { FC } from "hono/jsx";
import { orgTexts, type OrgConfig } from "../../lib/config.ts";
import { t } from "../../lib/i18n/index.ts";
import { Rich } from "../../web/views/rich.tsx";

export const AboutPage: FC<{ org: OrgConfig }> = ({ org }) => (
  <article class="prose">
    <h1>{t("nav.about")}</h1>
    <p class="lead">{orgTexts(org).description}</p>
    <section aria-labelledby="accreditation-title">
      <h2 id="accreditation-title">{t("about.accreditation")}</h2>
      <p>{orgTexts(org).accreditation}</p>
    </section>
    <section aria-labelledby="contact-title">
      <h2 id="contact-title">{t("about.contact")}</h2>
      <Contact org={org} />
    </section>
  </article>
);

const Contact: FC<{ org: OrgConfig }> = ({ org }) => (
  <dl class="details">
    <dt>{t("about.organisation")}</dt>
    <dd>{org.name}</dd>
    <dt>{t("about.address")}</dt>
    <dd>{org.address}</dd>
    <dt>{t("about.phone")}</dt>
    <dd>
      <a href={`tel:${org.phone.replace(/[^\d+]/g, "")}`}>{org.phone}</a>
    </dd>
    <dt>{t("common.email")}</dt>
    <dd>
      <a href={`mailto:${org.email}`}>{org.email}</a>
    </dd>
  </dl>
);

// ---------------------------------------------------------------------------------------------
// Nyheter

export const NewsPage: FC<{ org: OrgConfig }> = ({ org }) => (
  <div class="prose">
    <h1>{t("nav.news")}</h1>
    <ul class="news">
      <li>
        <article id="skapa-personkonto" aria-labelledby="news-account-title">
          <h2 id="news-account-title">{t("news.account.title")}</h2>
          <p>{t("news.account.intro", org.name, org.systemName)}</p>
          <ol>
            <li>
              <Rich text={t("news.account.step1")} />
            </li>
            <li>
              {t("news.account.step2")}
              <ul>
                <li>
                  <Rich text={t("news.account.step2.swedish")} />
                </li>
                <li>
                  <Rich text={t("news.account.step2.other")} />
                </li>
              </ul>
            </li>
            <li>
              <Rich text={t("news.account.step3")} />
            </li>
            <li>{t("news.account.step4")}</li>
            <li>{t("news.account.step5")}</li>
          </ol>
          <p>
            <a class="button" href="/registrera-konto">
              {t("nav.registerAccount")}
            </a>
          </p>
        </article>
      </li>
    </ul>
  </div>
);

// ---------------------------------------------------------------------------------------------
// Teknikområden

export const AreasPage: FC<{ org: OrgConfig }> = ({ org }) => (
  <div class="prose">
    <h1>{t("nav.areas")}</h1>
    <p class="lead">
      <Rich text={t("areas.lead", org.name, org.systemName)} />
    </p>
    <section aria-labelledby="area-fgas">
      <h2 id="area-fgas">F-gaser</h2>
      <p>{t("areas.fgas")}</p>
      <ul>
        <li>
          <Rich text={t("areas.fgas.person")} />
        </li>
        <li>
          <Rich text={t("areas.fgas.mac")} />
        </li>
        <li>
          <Rich text={t("areas.fgas.company")} />
        </li>
      </ul>
    </section>
    <section aria-labelledby="area-external">
      <h2 id="area-external">{t("areas.external.title")}</h2>
      <p>{t("areas.external")}</p>
    </section>
    <p>
      <a class="button" href="/min-sida">
        {t("areas.toMinSida")}
      </a>{" "}
      <a class="button button--secondary" href="/registrera-konto">
        {t("nav.registerAccount")}
      </a>
    </p>
  </div>
);

// ---------------------------------------------------------------------------------------------
// Filer & länkar

export const FilesPage: FC<{ org: OrgConfig }> = ({ org }) => (
  <div class="prose">
    <h1>{t("nav.files")}</h1>
    <p class="lead">{t("files.lead", org.systemName)}</p>
    <section aria-labelledby="manual-account">
      <h2 id="manual-account">{t("files.account.title")}</h2>
      <p>{t("files.account")}</p>
      <ul>
        <li>
          <a href="/nyheter">{t("files.account.guide")}</a>
        </li>
        <li>
          <a href="/registrera-konto">{t("nav.registerAccount")}</a>
        </li>
        <li>
          <a href="/logga-in">{t("nav.logIn")}</a>
        </li>
      </ul>
    </section>
    <section aria-labelledby="manual-mobile-ac">
      <h2 id="manual-mobile-ac">{t("files.mac.title")}</h2>
      <p>
        <Rich text={t("files.mac")} />
      </p>
      <ul>
        <li>
          <a href="/teknikomraden">{t("nav.areas")}</a>
        </li>
        <li>
          <a href="/min-sida">{t("nav.minSida")}</a>
        </li>
      </ul>
    </section>
    <section aria-labelledby="manual-external">
      <h2 id="manual-external">{t("files.external.title")}</h2>
      <p>
        <Rich text={t("files.external")} />
      </p>
      <ul>
        <li>
          <a href="/teknikomraden">{t("files.external.about")}</a>
        </li>
        <li>
          <a href="/min-sida">{t("nav.minSida")}</a>
        </li>
      </ul>
    </section>
    <section aria-labelledby="links-title">
      <h2 id="links-title">{t("files.links")}</h2>
      <ul>
        <li>
          <a href="/kontrollera-certifikat">{t("nav.checkCertificate")}</a>
        </li>
        <li>
          <a href="/sok-certifierade-foretag">{t("nav.searchCompanies")}</a>
        </li>
        <li>
          <a href="/registrera-foretag">{t("nav.registerCompany")}</a>
        </li>
        <li>
          <a href="/examinationscentra">{t("nav.centres")}</a>
        </li>
      </ul>
    </section>
  </div>
);

// ---------------------------------------------------------------------------------------------
// Prislista

export const PricesPage: FC<{ org: OrgConfig }> = ({ org }) => (
  <div class="prose">
    <h1>{t("nav.prices")}</h1>
    <p class="lead">{t("prices.lead", org.systemName)}</p>
    <p>
      <Rich text={t("prices.ask", org.name, org.email, org.phone)} />
    </p>
  </div>
);
