// The public microsite: the pages anyone reaches from the navigation without logging in.
// Texts follow the manuals in shared/seeds; where a service is not built yet the page says so
// plainly and tells the visitor whom to contact, instead of showing a form that does nothing.
import { Hono, type Context } from "hono";
import type { FC } from "hono/jsx";
import type { OrgConfig } from "../lib/config.ts";
import type { FieldErrors } from "../lib/errors.ts";
import { isStaff } from "../modules/deps.ts";
import type { AppEnv } from "../web/env.ts";
import { page } from "../web/render.tsx";
import { Field, Notice } from "../web/views/form.tsx";
import { AboutPage, AreasPage, CentresPage, FilesPage, NewsPage, PricesPage } from "./pages/information.tsx";
import { StartPage } from "./pages/start.tsx";

type Ctx = Context<AppEnv>;

export function publicSite(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/", (c) => page(c, { title: "Start" }, <StartPage org={org(c)} home={homeOf(c)} />));
  app.get("/om-oss", (c) => page(c, { title: "Om oss" }, <AboutPage org={org(c)} />));
  app.get("/nyheter", (c) => page(c, { title: "Nyheter" }, <NewsPage org={org(c)} />));
  app.get("/teknikomraden", (c) => page(c, { title: "Teknikområden" }, <AreasPage org={org(c)} />));
  app.get("/examinationscentra", (c) => page(c, { title: "Examinationscentra" }, <CentresPage org={org(c)} />));
  app.get("/filer-och-lankar", (c) => page(c, { title: "Filer & länkar" }, <FilesPage org={org(c)} />));
  app.get("/prislista", (c) => page(c, { title: "Prislista" }, <PricesPage org={org(c)} />));
  app.get("/kontrollera-certifikat", checkCertificate);
  app.get("/sok-certifierade-foretag", searchCompanies);
  return app;
}

const org = (c: Ctx): OrgConfig => c.var.deps.config.org;

/** Where a logged-in user's own pages are; null for a visitor. */
function homeOf(c: Ctx): { href: string; label: string } | null {
  const user = c.var.user;
  if (!user) return null;
  return isStaff(user) ? { href: "/personal", label: "Personal" } : { href: "/min-sida", label: "Min Sida" };
}

// ---------------------------------------------------------------------------------------------
// Kontrollera certifikat and Sök certifierade företag: the forms work, the lookup comes later.

const CERTIFICATE_NUMBER = /^\d{1,12}$/;

function checkCertificate(c: Ctx) {
  const raw = (c.req.query("nummer") ?? "").trim().slice(0, 40);
  const number = raw.replace(/\s+/g, "");
  const errors: FieldErrors = raw !== "" && !CERTIFICATE_NUMBER.test(number) ? { nummer: "Ange certifikatnumret med siffror, till exempel 12345." } : {};
  const asked = raw !== "" && !errors.nummer;
  return page(
    c,
    { title: "Kontrollera certifikat" },
    <section class="narrow" aria-labelledby="check-title">
      <h1 id="check-title">Kontrollera certifikat</h1>
      <p>
        Här kan du kontrollera om ett certifikat som {org(c).name} har utfärdat är giltigt. Certifikatnumret står på
        certifikatet; QR-koden på certifikatet leder till samma kontroll.
      </p>
      <form method="get" action="/kontrollera-certifikat" role="search" aria-label="Kontrollera certifikat">
        <Field name="nummer" label="Certifikatnummer" inputmode="numeric" autocomplete="off" maxlength={40} value={raw} errors={errors} />
        <div class="button-row">
          <button type="submit">Sök</button>
        </div>
      </form>
      {asked ? <ComingSoon what="Kontrollen av certifikat" org={org(c)} /> : null}
    </section>,
  );
}

function searchCompanies(c: Ctx) {
  const q = (c.req.query("q") ?? "").trim().slice(0, 100);
  const city = (c.req.query("ort") ?? "").trim().slice(0, 60);
  const asked = q !== "" || city !== "";
  return page(
    c,
    { title: "Sök certifierade företag" },
    <section class="narrow" aria-labelledby="search-title">
      <h1 id="search-title">Sök certifierade företag</h1>
      <p>
        Här kan du se om ett företag har ett aktivt företagscertifikat hos {org(c).name}, till exempel innan du anlitar
        företaget eller säljer köldmedier till det.
      </p>
      <form method="get" action="/sok-certifierade-foretag" role="search" aria-label="Sök certifierade företag">
        <Field name="q" label="Företagsnamn eller organisationsnummer" autocomplete="organization" maxlength={100} value={q} />
        <Field name="ort" label="Ort" autocomplete="address-level2" maxlength={60} value={city} />
        <div class="button-row">
          <button type="submit">Sök</button>
        </div>
      </form>
      {asked ? <ComingSoon what="Sökningen bland certifierade företag" org={org(c)} /> : null}
    </section>,
  );
}

const ComingSoon: FC<{ what: string; org: OrgConfig }> = ({ what, org }) => (
  <Notice kind="info">
    <p>
      {what} öppnar i en kommande version av tjänsten. Kontakta {org.name} så länge.
    </p>
    <p>
      E-post: <a href={`mailto:${org.email}`}>{org.email}</a>, telefon: {org.phone}.
    </p>
  </Notice>
);

// ---------------------------------------------------------------------------------------------
// Start page
