import type { Child, FC } from "hono/jsx";
import { raw } from "hono/html";
import { orgTexts, type OrgConfig } from "../../lib/config.ts";
import type { SessionUser } from "../../modules/accounts/index.ts";
import { isStaff } from "../../modules/deps.ts";
import { assetHref } from "../static-assets.ts";
import { t, language } from "../../lib/i18n/index.ts";

export interface LayoutProps {
  title: string;
  org: OrgConfig;
  user: SessionUser | null;
  /** Only outside production: the link to read mail and approve BankID on a laptop. */
  devTools?: boolean;
  children?: Child;
  scripts?: string[];
  head?: Child;
}

const ONLINE_MENU = [
  { href: "/sok-certifierade-foretag", label: "nav.searchCompanies" },
  { href: "/kontrollera-certifikat", label: "nav.checkCertificate" },
  { href: "/registrera-konto", label: "nav.registerAccount" },
  { href: "/registrera-foretag", label: "nav.registerCompany" },
  { href: "/badda-in", label: "nav.embed" },
  { href: "/lamna-klagomal", label: "nav.complain" },
] as const;

const MAIN_MENU = [
  { href: "/om-oss", label: "nav.about" },
  { href: "/nyheter", label: "nav.news" },
  { href: "/teknikomraden", label: "nav.areas" },
  { href: "/examinationscentra", label: "nav.centres" },
  { href: "/filer-och-lankar", label: "nav.files" },
  { href: "/prislista", label: "nav.prices" },
] as const;

export const Layout: FC<LayoutProps> = (props) => {
  const { org, user } = props;
  return (
    <>
      {raw("<!doctype html>")}
    <html lang={language()}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* No settle delay: htmx would otherwise copy the old elements' style attributes onto the new
            ones for CSS transitions, which our CSP (style-src 'self') refuses. */}
        <meta name="htmx-config" content='{"includeIndicatorCSS": false, "defaultSettleDelay": 0}' />
        <title>{`${props.title} – ${org.name}`}</title>
        <link rel="stylesheet" href={assetHref("app.css")} />
        <script src={assetHref("htmx.min.js")} defer></script>
        {(props.scripts ?? []).map((s) => (
          <script src={s} defer></script>
        ))}
        {props.head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t("layout.skipLink")}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="brand" href="/">
              {org.shortName}
            </a>
            <nav class="site-nav" aria-label={t("layout.mainMenu")}>
              <ul>
                {/* On a phone the site's pages fold into one Meny, so the header takes one line of
                    links below the name instead of four; the wide layout hides this one. */}
                <li class="site-nav__narrow">
                  <details class="menu">
                    <summary>{t("layout.menu")}</summary>
                    <ul>
                      {[...MAIN_MENU, ...ONLINE_MENU].map((m) => (
                        <li>
                          <a href={m.href}>{t(m.label)}</a>
                        </li>
                      ))}
                    </ul>
                  </details>
                </li>
                {MAIN_MENU.map((m) => (
                  <li class="site-nav__wide">
                    <a href={m.href}>{t(m.label)}</a>
                  </li>
                ))}
                <li class="site-nav__wide">
                  <details class="menu">
                    <summary>Online</summary>
                    <ul>
                      {ONLINE_MENU.map((m) => (
                        <li>
                          <a href={m.href}>{t(m.label)}</a>
                        </li>
                      ))}
                    </ul>
                  </details>
                </li>
                {user ? (
                  <>
                    <li>
                      <a href={isStaff(user) ? "/personal" : "/min-sida"}>{isStaff(user) ? t("nav.staff") : t("nav.minSida")}</a>
                    </li>
                    <li>
                      <form method="post" action="/logga-ut" class="inline-form">
                        <button type="submit" class="link-button">
                          {t("nav.logOut")}
                        </button>
                      </form>
                    </li>
                  </>
                ) : (
                  <li>
                    <a class="login-link" href="/logga-in">
                      {t("nav.logIn")}
                    </a>
                  </li>
                )}
                <li class="lang-switch">
                  {/* A form, so the switch works without JavaScript and an account's choice is a POST; it
                      returns to the page it was on by the Referer (the page's address is not put in
                      the page: it may hold a number that is a personnummer). */}
                  <form method="post" action="/sprak" class="inline-form">
                    <button type="submit" name="lang" value={t("layout.switchTo")} class="link-button" lang={t("layout.switchTo")}>
                      {t("layout.switchLabel")}
                    </button>
                  </form>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class="main">
          {props.children}
        </main>
        <footer class="site-footer">
          <p>
            <strong>{org.name}</strong>
            <br />
            {org.address}
            <br />
            {org.phone} · <a href={`mailto:${org.email}`}>{org.email}</a>
          </p>
          <p>{orgTexts(org).accreditation}</p>
          <p>
            {t("footer.complaint.before")}
            <a href="/lamna-klagomal">{t("footer.complaint.link")}</a>
            {t("footer.complaint.after")}
          </p>
          {props.devTools ? (
            <p class="dev-links">
              {t("footer.devMode")} <a href="/dev/mail">{t("footer.devMail")}</a> · <a href="/dev/bankid">{t("footer.devBankId")}</a>
            </p>
          ) : null}
        </footer>
      </body>
    </html>
    </>
  );
};
