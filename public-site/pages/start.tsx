// The start page: who the organisation is, and the ways in.
import type { Child, FC } from "hono/jsx";
import { orgTexts, type OrgConfig } from "../../lib/config.ts";
import { t } from "../../lib/i18n/index.ts";

export const StartPage: FC<{ org: OrgConfig; home: { href: string; label: string } | null }> = ({ org, home }) => (
  <>
    <section class="intro" aria-labelledby="start-title">
      <h1 id="start-title">{org.name}</h1>
      <p class="lead">{orgTexts(org).description}</p>
      <p>{orgTexts(org).accreditation}</p>
    </section>
    <section aria-labelledby="online-title">
      <h2 id="online-title">{org.systemName}</h2>
      <ul class="cards">
        {home ? (
          <EntryCard href={home.href} title={home.label}>
            {t("start.loggedIn")}
          </EntryCard>
        ) : (
          <>
            <EntryCard href="/registrera-konto" title={t("nav.registerAccount")}>
              {t("start.register")}
            </EntryCard>
            <EntryCard href="/logga-in" title={t("nav.logIn")}>
              {t("start.logIn")}
            </EntryCard>
          </>
        )}
        <EntryCard href="/kontrollera-certifikat" title={t("nav.checkCertificate")}>
          {t("start.check")}
        </EntryCard>
        <EntryCard href="/sok-certifierade-foretag" title={t("nav.searchCompanies")}>
          {t("start.search")}
        </EntryCard>
      </ul>
    </section>
    <section aria-labelledby="more-title">
      <h2 id="more-title">{t("start.more")}</h2>
      <ul>
        <li>
          <a href="/nyheter">{t("news.account.title")}</a>
        </li>
        <li>
          <a href="/teknikomraden">{t("start.areasLink")}</a>
        </li>
        <li>
          <a href="/registrera-foretag">{t("nav.registerCompany")}</a>
        </li>
      </ul>
    </section>
  </>
);

/** A card whose heading link covers the whole card, so the hit area is large. */
const EntryCard: FC<{ href: string; title: string; children?: Child }> = ({ href, title, children }) => (
  <li class="card card--link">
    <h3>
      <a href={href}>{title}</a>
    </h3>
    <p>{children}</p>
  </li>
);
