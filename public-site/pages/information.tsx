// The information pages of the navigation: Om oss, Nyheter, Teknikområden, Filer & länkar,
// Prislista (Examinationscentra reads the database: centres.tsx). Texts follow the manuals; the
// organisation's details come from configuration.
import type { FC } from "hono/jsx";
import type { OrgConfig } from "../../lib/config.ts";

export const AboutPage: FC<{ org: OrgConfig }> = ({ org }) => (
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

export const NewsPage: FC<{ org: OrgConfig }> = ({ org }) => (
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

export const AreasPage: FC<{ org: OrgConfig }> = ({ org }) => (
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
// Filer & länkar

export const FilesPage: FC<{ org: OrgConfig }> = ({ org }) => (
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

export const PricesPage: FC<{ org: OrgConfig }> = ({ org }) => (
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
