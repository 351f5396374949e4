import type { Child, FC } from "hono/jsx";
import { raw } from "hono/html";
import type { OrgConfig } from "../../lib/config.ts";
import type { SessionUser } from "../../modules/accounts/index.ts";
import { isStaff } from "../../modules/deps.ts";
import { assetHref } from "../static-assets.ts";

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
  { href: "/sok-certifierade-foretag", label: "Sök certifierade företag" },
  { href: "/kontrollera-certifikat", label: "Kontrollera certifikat" },
  { href: "/registrera-konto", label: "Registrera konto" },
  { href: "/registrera-foretag", label: "Registrera företag" },
  { href: "/badda-in", label: "Bädda in" },
  { href: "/lamna-klagomal", label: "Lämna klagomål" },
];

const MAIN_MENU = [
  { href: "/om-oss", label: "Om oss" },
  { href: "/nyheter", label: "Nyheter" },
  { href: "/teknikomraden", label: "Teknikområden" },
  { href: "/examinationscentra", label: "Examinationscentra" },
  { href: "/filer-och-lankar", label: "Filer & länkar" },
  { href: "/prislista", label: "Prislista" },
];

export const Layout: FC<LayoutProps> = (props) => {
  const { org, user } = props;
  return (
    <>
      {raw("<!doctype html>")}
    <html lang="sv">
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
          Hoppa till innehållet
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="brand" href="/">
              {org.shortName}
            </a>
            <nav class="site-nav" aria-label="Huvudmeny">
              <ul>
                {/* On a phone the site's pages fold into one Meny, so the header takes one line of
                    links below the name instead of four; the wide layout hides this one. */}
                <li class="site-nav__narrow">
                  <details class="menu">
                    <summary>Meny</summary>
                    <ul>
                      {[...MAIN_MENU, ...ONLINE_MENU].map((m) => (
                        <li>
                          <a href={m.href}>{m.label}</a>
                        </li>
                      ))}
                    </ul>
                  </details>
                </li>
                {MAIN_MENU.map((m) => (
                  <li class="site-nav__wide">
                    <a href={m.href}>{m.label}</a>
                  </li>
                ))}
                <li class="site-nav__wide">
                  <details class="menu">
                    <summary>Online</summary>
                    <ul>
                      {ONLINE_MENU.map((m) => (
                        <li>
                          <a href={m.href}>{m.label}</a>
                        </li>
                      ))}
                    </ul>
                  </details>
                </li>
                {user ? (
                  <>
                    <li>
                      <a href={isStaff(user) ? "/personal" : "/min-sida"}>{isStaff(user) ? "Personal" : "Min Sida"}</a>
                    </li>
                    <li>
                      <form method="post" action="/logga-ut" class="inline-form">
                        <button type="submit" class="link-button">
                          Logga ut
                        </button>
                      </form>
                    </li>
                  </>
                ) : (
                  <li>
                    <a class="login-link" href="/logga-in">
                      Logga in
                    </a>
                  </li>
                )}
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
          <p>{org.accreditation}</p>
          <p>
            <a href="/lamna-klagomal">Lämna klagomål</a> på en certifierad person eller ett certifierat företag, eller på oss.
          </p>
          {props.devTools ? (
            <p class="dev-links">
              Utvecklingsläge: <a href="/dev/mail">Utkorg (/dev/mail)</a> · <a href="/dev/bankid">BankID-simulator</a>
            </p>
          ) : null}
        </footer>
      </body>
    </html>
    </>
  );
};
