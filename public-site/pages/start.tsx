// The start page: who the organisation is, and the ways in.
import type { Child, FC } from "hono/jsx";
import type { OrgConfig } from "../../lib/config.ts";

export const StartPage: FC<{ org: OrgConfig; home: { href: string; label: string } | null }> = ({ org, home }) => (
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
