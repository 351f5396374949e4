// "Bädda in": how a company shows its certificates on its own web site with the widgets of
// /widgets/certportal.js (or, without JavaScript, the badge), with live previews.
import type { FC } from "hono/jsx";
import type { OrgConfig } from "../../lib/config.ts";
import { Field, Notice } from "../../web/views/form.tsx";

export interface Preview {
  /** The certificate and company the previews show; null shows nothing for that widget. */
  number: number | null;
  orgNumber: string | null;
  /** What the visitor typed in the preview form, shown back with its errors. */
  typed: { nummer: string; orgnr: string };
  errors: Record<string, string>;
  /** The previews show a certified company we picked, not numbers the visitor typed. */
  example: boolean;
}

const EXAMPLE_NUMBER = 10001;
const EXAMPLE_ORG = "556016-0680";

const VARIABLES: [string[], string, string][] = [
  [["--certportal-font"], "systemets typsnitt", "Typsnitt"],
  [["--certportal-font-size"], "0.9375rem", "Textstorlek"],
  [["--certportal-text"], "#1b2330", "Textfärg"],
  [["--certportal-muted"], "#4f5966", "Mindre viktig text: nummer, datum"],
  [["--certportal-background"], "#ffffff", "Bakgrund"],
  [["--certportal-border"], "#d3d9e0", "Ramar"],
  [["--certportal-accent"], "#0b4466", "Överkanten, knappen, länkarna"],
  [["--certportal-link"], "accentfärgen", "Länkar"],
  [["--certportal-radius"], "6px", "Hörnens rundning"],
  [["--certportal-max-width"], "26rem", "Största bredd"],
  [["--certportal-active-color", "--certportal-active-background"], "#1b6a35 på #e7f4eb", "Aktivt"],
  [["--certportal-suspended-color", "--certportal-suspended-background"], "#8a4b00 på #fff4e0", "Vilande"],
  [["--certportal-withdrawn-color", "--certportal-withdrawn-background"], "#b42318 på #fdecea", "Indraget"],
  [["--certportal-ended-color", "--certportal-ended-background"], "#4f5966 på #f3f5f8", "Utgånget, Avslutat"],
];

const PARTS: [string, string][] = [
  ["container", "Hela rutan"],
  ["name", "Innehavarens eller företagets namn"],
  ["scheme", "Teknikområde och certifikat"],
  ["status", "Statusen (ikon och ord); dessutom status-active, status-suspended, status-withdrawn, status-expired eller status-ended"],
  ["status-icon", "Statusens ikon"],
  ["details", "Raden med nummer och Giltigt till"],
  ["number", "Certifikatnumret"],
  ["valid-until", "Giltigt till"],
  ["link", "Länkarna till kontrollen hos oss"],
  ["list, item, heading", "Listan över ett företags certifikat, en rad i den och dess rubrik"],
  ["city, org-number", "Företagets ort och organisationsnummer"],
  ["message", "Texten medan uppgifterna hämtas, när inget hittas eller när något gick fel"],
  ["retry", "Knappen Försök igen"],
];

export const EmbedPage: FC<{ org: OrgConfig; publicUrl: string; preview: Preview }> = ({ org, publicUrl, preview }) => {
  const origin = new URL(publicUrl).origin;
  const number = preview.number ?? EXAMPLE_NUMBER;
  const orgNumber = preview.orgNumber ? `${preview.orgNumber.slice(0, 6)}-${preview.orgNumber.slice(6)}` : EXAMPLE_ORG;
  const script = `<script type="module" src="${publicUrl}/widgets/certportal.js"></script>`;
  return (
    <article class="prose embed-page">
      <h1>Bädda in certifikat på er webbplats</h1>
      <p class="lead">
        Visa era kunder att ni och era medarbetare är certifierade, direkt på er egen webbplats. Uppgifterna hämtas från{" "}
        {org.name} när sidan visas, så status och Giltigt till alltid stämmer: blir ett certifikat vilande syns det också hos
        er.
      </p>

      <section aria-labelledby="embed-how">
        <h2 id="embed-how">Så gör du</h2>
        <ol>
          <li>
            <p>Lägg in skriptet en gång på sidan, gärna i <code>&lt;head&gt;</code>:</p>
            <pre>
              <code>{script}</code>
            </pre>
          </li>
          <li>
            <p>Lägg in ett element där certifikatet ska synas, med certifikatnumret från certifikatet:</p>
            <pre>
              <code>{`<certportal-certificate number="${number}"></certportal-certificate>`}</code>
            </pre>
            <p>eller, för företaget och alla dess företagscertifikat, med organisationsnumret:</p>
            <pre>
              <code>{`<certportal-company orgnr="${orgNumber}"></certportal-company>`}</code>
            </pre>
          </li>
        </ol>
        <p>
          Rutan visar namnet, certifikatet, statusen i ord och med en symbol (Aktivt, Vilande, Indraget, Utgånget eller
          Avslutat), Giltigt till och en länk till kontrollen av certifikatet hos {org.name}. Medan uppgifterna hämtas står
          det så; finns inget certifikat med numret, eller går det inte att nå oss just då, säger rutan det och erbjuder att
          försöka igen. Skriptet kan ligga på sidan flera gånger utan att något går sönder.
        </p>
      </section>

      <section aria-labelledby="embed-preview">
        <h2 id="embed-preview">Förhandsgranskning</h2>
        <p>
          {preview.example
            ? "Så här ser rutorna ut, här med ett certifierat företag och dess företagscertifikat. Prova med era egna nummer:"
            : "Ange ert certifikatnummer eller organisationsnummer för att se hur rutorna ser ut med era uppgifter:"}
        </p>
        <form method="get" action="/badda-in#embed-preview" class="embed-preview-form" aria-label="Förhandsgranska med egna nummer">
          <Field name="nummer" label="Certifikatnummer" inputmode="numeric" autocomplete="off" maxlength={20} value={preview.typed.nummer} errors={preview.errors} />
          <Field name="orgnr" label="Organisationsnummer" autocomplete="off" maxlength={20} value={preview.typed.orgnr} errors={preview.errors} />
          <div class="button-row">
            <button type="submit">Visa förhandsgranskning</button>
          </div>
        </form>
        {preview.number === null && preview.orgNumber === null ? null : (
          <ul class="embed-previews">
            {preview.number === null ? null : (
              <>
                <li>
                  <p class="hint">Certifikat</p>
                  <certportal-certificate number={String(preview.number)}></certportal-certificate>
                </li>
                <li>
                  <p class="hint">
                    Certifikat, <code>lang="en"</code>
                  </p>
                  <certportal-certificate number={String(preview.number)} lang="en"></certportal-certificate>
                </li>
              </>
            )}
            {preview.orgNumber === null ? null : (
              <li>
                <p class="hint">Företag</p>
                <certportal-company orgnr={preview.orgNumber}></certportal-company>
              </li>
            )}
          </ul>
        )}
        <noscript>
          <Notice kind="warning">
            <p>Förhandsgranskningen behöver JavaScript. Utan JavaScript kan ni använda märket längre ned.</p>
          </Notice>
        </noscript>
      </section>

      <section aria-labelledby="embed-attributes">
        <h2 id="embed-attributes">Attribut</h2>
        <table class="data">
          <thead>
            <tr>
              <th scope="col">Attribut</th>
              <th scope="col">Betydelse</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>
                <code>number</code>
              </td>
              <td>Certifikatnumret (på <code>certportal-certificate</code>).</td>
            </tr>
            <tr>
              <td>
                <code>orgnr</code>
              </td>
              <td>Organisationsnumret, med eller utan bindestreck (på <code>certportal-company</code>).</td>
            </tr>
            <tr>
              <td>
                <code>lang</code>
              </td>
              <td>
                <code>sv</code> (standard) eller <code>en</code> för engelska texter.
              </td>
            </tr>
            <tr>
              <td>
                <code>api</code>
              </td>
              <td>
                Adressen till tjänsten hos {org.name}. Behövs sällan: standard är webbplatsen som skriptet hämtades från ({origin}).
              </td>
            </tr>
          </tbody>
        </table>
        <p>Ändrar ert eget skript ett attribut hämtas de nya uppgifterna direkt.</p>
      </section>

      <section aria-labelledby="embed-style">
        <h2 id="embed-style">Anpassa utseendet</h2>
        <p>
          Rutorna har en egen, neutral stil som inte påverkas av er webbplats. Färger, typsnitt och rundning ändrar ni med
          CSS-variabler, till exempel i er egen stilmall:
        </p>
        <pre>
          <code>{`certportal-certificate,
certportal-company {
  --certportal-font: inherit;
  --certportal-accent: #005a8c;
  --certportal-radius: 0;
}`}</code>
        </pre>
        <table class="data">
          <caption>CSS-variabler</caption>
          <thead>
            <tr>
              <th scope="col">Variabel</th>
              <th scope="col">Standard</th>
              <th scope="col">Styr</th>
            </tr>
          </thead>
          <tbody>
            {VARIABLES.map(([names, value, what]) => (
              <tr>
                <td>
                  {names.map((name, i) => (
                    <>
                      {i > 0 ? <br /> : null}
                      <code>{name}</code>
                    </>
                  ))}
                </td>
                <td>{value}</td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          Vill ni ändra mer når ni delarna med <code>::part()</code>, till exempel{" "}
          <code>certportal-certificate::part(name) {"{ font-size: 1.25rem; }"}</code>. Behåll statusordet synligt: det är
          det som gör att ingen behöver tolka en färg.
        </p>
        <table class="data">
          <caption>Delar (::part)</caption>
          <thead>
            <tr>
              <th scope="col">Del</th>
              <th scope="col">Vad</th>
            </tr>
          </thead>
          <tbody>
            {PARTS.map(([name, what]) => (
              <tr>
                <td>
                  <code>{name}</code>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="embed-csp">
        <h2 id="embed-csp">Content-Security-Policy</h2>
        <p>
          Har er webbplats en Content-Security-Policy behöver den tillåta att skriptet hämtas från oss och att det läser
          uppgifterna från oss (och märkets bild, om ni använder det):
        </p>
        <pre>
          <code>{`script-src 'self' ${origin};
connect-src 'self' ${origin};
img-src 'self' ${origin}`}</code>
        </pre>
        <p>
          Mer behövs inte: skriptet använder varken <code>'unsafe-inline'</code> eller <code>'unsafe-eval'</code>, och
          stilen ligger i rutornas egna stilmallar, så <code>style-src</code> behöver inte ändras.
        </p>
      </section>

      <section aria-labelledby="embed-badge">
        <h2 id="embed-badge">Utan JavaScript: märke</h2>
        <p>
          Där JavaScript inte går att använda, till exempel i en e-postsignatur, finns ett märke som bild med certifikatets
          aktuella status. Länka det till kontrollen hos oss:
        </p>
        <pre>
          <code>{`<a href="${publicUrl}/c/${number}"><img src="${publicUrl}/badge/${number}.svg" alt="Certifikat ${number} hos ${org.name}: kontrollera status"></a>`}</code>
        </pre>
        {preview.number === null ? null : (
          <p class="embed-badge">
            <a href={`/c/${preview.number}`}>
              <img src={`/badge/${preview.number}.svg`} alt={`Certifikat ${preview.number} hos ${org.name}: kontrollera status`} />
            </a>
          </p>
        )}
      </section>

      <section aria-labelledby="embed-privacy">
        <h2 id="embed-privacy">Integritet</h2>
        <p>
          Rutorna visar bara det som kontrollen av certifikat visar för alla: namn, certifikat, status och datum, aldrig
          personnummer, adress, e-post eller telefon. De sätter inga kakor och skickar inga med sina anrop, och de spårar
          inte era besökare. Uppgifterna kan vara upp till en minut gamla.
        </p>
      </section>
    </article>
  );
};
