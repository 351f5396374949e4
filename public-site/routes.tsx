// The public microsite: the pages anyone reaches from the navigation without logging in.
// Texts follow the manuals in shared/seeds; where a service is not built yet the page says so
// plainly and tells the visitor whom to contact, instead of showing a form that does nothing.
import { Hono, type Context } from "hono";
import type { Child, FC } from "hono/jsx";
import type { OrgConfig } from "../lib/config.ts";
import type { FieldErrors } from "../lib/errors.ts";
import { isStaff } from "../modules/deps.ts";
import type { AppEnv } from "../web/env.ts";
import { page } from "../web/render.tsx";
import { Field, Notice } from "../web/views/form.tsx";

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

const StartPage: FC<{ org: OrgConfig; home: { href: string; label: string } | null }> = ({ org, home }) => (
  <>
    <section class="intro" aria-labelledby="start-title">
      <h1 id="start-title">{org.name}</h1>
      <p class="lead">{org.description}</p>
      <p>{org.accreditation}</p>
    </section>
    <section aria-labelledby="online-title">
      <h2 id="online-title">{org.systemName}</h2>
      <ul class="cards">
        {home ? (
          <EntryCard href={home.href} title={home.label}>
            Du är inloggad. Fortsätt till dina sidor.
          </EntryCard>
        ) : (
          <>
            <EntryCard href="/registrera-konto" title="Registrera konto">
              Skapa ett personkonto för att ansöka om certifikat. Kontot behövs innan du anmäler dig till prov.
            </EntryCard>
            <EntryCard href="/logga-in" title="Logga in">
              Till Min Sida: dina certifikat, ansökningar och anställningar.
            </EntryCard>
          </>
        )}
        <EntryCard href="/kontrollera-certifikat" title="Kontrollera certifikat">
          Se om ett certifikat är giltigt, med certifikatnumret.
        </EntryCard>
        <EntryCard href="/sok-certifierade-foretag" title="Sök certifierade företag">
          Se om ett företag har ett aktivt företagscertifikat.
        </EntryCard>
      </ul>
    </section>
    <section aria-labelledby="more-title">
      <h2 id="more-title">Mer information</h2>
      <ul>
        <li>
          <a href="/nyheter">Så skapar du ett personkonto</a>
        </li>
        <li>
          <a href="/teknikomraden">Teknikområden och certifikat</a>
        </li>
        <li>
          <a href="/registrera-foretag">Registrera företag</a>
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

// ---------------------------------------------------------------------------------------------
// Om oss

const AboutPage: FC<{ org: OrgConfig }> = ({ org }) => (
  <article class="prose">
    <h1>Om oss</h1>
    <p class="lead">{org.description}</p>
    <section aria-labelledby="accreditation-title">
      <h2 id="accreditation-title">Ackreditering</h2>
      <p>{org.accreditation}</p>
    </section>
    <section aria-labelledby="contact-title">
      <h2 id="contact-title">Kontakt</h2>
      <Contact org={org} />
    </section>
  </article>
);

const Contact: FC<{ org: OrgConfig }> = ({ org }) => (
  <dl class="details">
    <dt>Organisation</dt>
    <dd>{org.name}</dd>
    <dt>Adress</dt>
    <dd>{org.address}</dd>
    <dt>Telefon</dt>
    <dd>
      <a href={`tel:${org.phone.replace(/[^\d+]/g, "")}`}>{org.phone}</a>
    </dd>
    <dt>E-post</dt>
    <dd>
      <a href={`mailto:${org.email}`}>{org.email}</a>
    </dd>
  </dl>
);

// ---------------------------------------------------------------------------------------------
// Nyheter

const NewsPage: FC<{ org: OrgConfig }> = ({ org }) => (
  <div class="prose">
    <h1>Nyheter</h1>
    <ul class="news">
      <li>
        <article id="skapa-personkonto" aria-labelledby="news-account-title">
          <h2 id="news-account-title">Så skapar du ett personkonto</h2>
          <p>
            För att certifiera dig hos {org.name} behöver du ett personkonto i {org.systemName}. Kontot måste finnas innan du
            anmäler dig till ett provtillfälle hos ett examinationscenter. Har du tidigare haft ett certifikat hos oss finns
            kontot redan: börja registrera dig så får du veta det.
          </p>
          <ol>
            <li>
              Välj <strong>Online</strong> i menyn och sedan <strong>Registrera konto</strong>.
            </li>
            <li>
              Välj medborgarskap.
              <ul>
                <li>
                  <strong>Svenskt medborgarskap</strong>: ange ditt personnummer med tolv siffror, fyll i namn, e-post och gärna
                  mobilnummer, och slutför registreringen genom att legitimera dig med BankID.
                </li>
                <li>
                  <strong>Annat medborgarskap</strong>: ange din e-post, fyll i födelsedatum, namn och gärna mobilnummer och
                  klicka på <strong>Skapa användare</strong>. Ett engångslösenord skickas till din e-post.
                </li>
              </ul>
            </li>
            <li>
              Klicka på <strong>Logga in</strong>. Vid varje inloggning skickas av säkerhetsskäl en engångskod till din
              e-post; den gäller i tio minuter. Hittar du inte mejlet, titta i mappen för skräppost.
            </li>
            <li>
              Första gången du loggar in med ett engångslösenord byter du till ett eget lösenord: minst 8 och högst 200
              tecken, med minst en bokstav (a–ö) och minst en siffra.
            </li>
            <li>
              Sedan är kontot klart och du kommer till Min Sida, där du kan ansöka om certifikat.
            </li>
          </ol>
          <p>
            <a class="button" href="/registrera-konto">
              Registrera konto
            </a>
          </p>
        </article>
      </li>
    </ul>
  </div>
);

// ---------------------------------------------------------------------------------------------
// Teknikområden

const AreasPage: FC<{ org: OrgConfig }> = ({ org }) => (
  <div class="prose">
    <h1>Teknikområden</h1>
    <p class="lead">
      {org.name} certifierar personer och företag inom följande teknikområden. Ansökan görs på Min Sida i {org.systemName}:
      logga in, välj <strong>Ansök om nytt certifikat</strong> och välj teknikområde och certifikat.
    </p>
    <section aria-labelledby="area-fgas">
      <h2 id="area-fgas">F-gaser</h2>
      <p>
        Certifiering för arbete med fluorerade växthusgaser (köldmedier) i kyl- och värmepumpsutrustning och i
        luftkonditionering i fordon.
      </p>
      <ul>
        <li>
          <strong>Personcertifikat, kategori I–V</strong>: för den som installerar, servar, läcksöker eller återvinner
          köldmedier. Kategorin avgör vilka arbeten certifikatet gäller för.
        </li>
        <li>
          <strong>Utbildningsintyg Mobil AC</strong>: för den som hanterar köldmedier i luftkonditionering i fordon.
        </li>
        <li>
          <strong>Företagscertifikat</strong>: för företag som utför arbetena. Företaget behöver minst en anställd med ett
          aktivt personcertifikat inom området.
        </li>
      </ul>
    </section>
    <section aria-labelledby="area-external">
      <h2 id="area-external">Externt certifikat</h2>
      <p>
        Har du ett personcertifikat från ett annat certifieringsorgan kan du koppla det till ditt företags
        företagscertifikat hos oss. Det externa certifikatet finns bara för den kopplingen: certifikatet du arbetar under
        och anger på dokument är fortfarande det som det andra organet har utfärdat, och årlig förlängning och
        omcertifiering sker där.
      </p>
    </section>
    <p>
      <a class="button" href="/min-sida">
        Till Min Sida
      </a>{" "}
      <a class="button button--secondary" href="/registrera-konto">
        Registrera konto
      </a>
    </p>
  </div>
);

// ---------------------------------------------------------------------------------------------
// Examinationscentra

const CentresPage: FC<{ org: OrgConfig }> = ({ org }) => (
  <div class="prose">
    <h1>Examinationscentra</h1>
    <p class="lead">
      Ett examinationscenter är en utbildnings- eller provanordnare som {org.name} har godkänt för att genomföra de prov som
      krävs för certifiering. Du anmäler dig till provtillfället hos examinationscentret.
    </p>
    <p>
      Tänk på att du behöver ett personkonto i {org.systemName} innan du anmäler dig till prov. <a href="/registrera-konto">Registrera konto</a>.
    </p>
    <section aria-labelledby="centres-list-title">
      <h2 id="centres-list-title">Godkända examinationscentra</h2>
      <p>Listan över godkända examinationscentra publiceras på den här sidan.</p>
      <Notice kind="info">
        <p>
          Listan är ännu inte publicerad här. Kontakta {org.name} på <a href={`mailto:${org.email}`}>{org.email}</a> eller{" "}
          {org.phone} så får du veta vilka examinationscentra som finns nära dig.
        </p>
      </Notice>
    </section>
  </div>
);

// ---------------------------------------------------------------------------------------------
// Filer & länkar

const FilesPage: FC<{ org: OrgConfig }> = ({ org }) => (
  <div class="prose">
    <h1>Filer &amp; länkar</h1>
    <p class="lead">Manualer för {org.systemName}, i korthet, med länkar till sidorna där du gör det.</p>
    <section aria-labelledby="manual-account">
      <h2 id="manual-account">Manual Skapa personkonto</h2>
      <p>
        Välj Svenskt medborgarskap (personnummer och BankID) eller Annat medborgarskap (e-post och ett engångslösenord som
        skickas med e-post). Vid varje inloggning anger du en engångskod från e-posten, och första gången byter du lösenord.
      </p>
      <ul>
        <li>
          <a href="/nyheter">Hela guiden: Så skapar du ett personkonto</a>
        </li>
        <li>
          <a href="/registrera-konto">Registrera konto</a>
        </li>
        <li>
          <a href="/logga-in">Logga in</a>
        </li>
      </ul>
    </section>
    <section aria-labelledby="manual-mobile-ac">
      <h2 id="manual-mobile-ac">Manual Utbildningsintyg Mobil AC</h2>
      <p>
        Logga in, välj <strong>Ansök om nytt certifikat</strong>, teknikområdet <strong>F-gaser</strong> och certifikatet{" "}
        <strong>Utbildningsintyg Mobil AC</strong>. Genomför sedan momenten: ladda upp intyget, intyga ansökan och ange
        fakturamottagare.
      </p>
      <ul>
        <li>
          <a href="/teknikomraden">Teknikområden</a>
        </li>
        <li>
          <a href="/min-sida">Min Sida</a>
        </li>
      </ul>
    </section>
    <section aria-labelledby="manual-external">
      <h2 id="manual-external">Manual Externt certifikat</h2>
      <p>
        Är du anställd, koppla dig först till ditt företag under <strong>Anställningar</strong>. Välj sedan{" "}
        <strong>Ansök om nytt certifikat</strong>, teknikområdet <strong>Externt certifikat</strong> och ditt certifikat, och
        ladda upp certifikatet från det andra certifieringsorganet.
      </p>
      <ul>
        <li>
          <a href="/teknikomraden">Om externt certifikat</a>
        </li>
        <li>
          <a href="/min-sida">Min Sida</a>
        </li>
      </ul>
    </section>
    <section aria-labelledby="links-title">
      <h2 id="links-title">Länkar</h2>
      <ul>
        <li>
          <a href="/kontrollera-certifikat">Kontrollera certifikat</a>
        </li>
        <li>
          <a href="/sok-certifierade-foretag">Sök certifierade företag</a>
        </li>
        <li>
          <a href="/registrera-foretag">Registrera företag</a>
        </li>
        <li>
          <a href="/examinationscentra">Examinationscentra</a>
        </li>
      </ul>
    </section>
  </div>
);

// ---------------------------------------------------------------------------------------------
// Prislista

const PricesPage: FC<{ org: OrgConfig }> = ({ org }) => (
  <div class="prose">
    <h1>Prislista</h1>
    <p class="lead">
      Prislistan publiceras här tillsammans med certifikatkatalogen i en kommande version av {org.systemName}.
    </p>
    <p>
      Tills dess: fråga {org.name} om priset för det certifikat du vill ansöka om, på{" "}
      <a href={`mailto:${org.email}`}>{org.email}</a> eller {org.phone}. Ange vilket teknikområde och certifikat det gäller.
    </p>
  </div>
);
