import { formatPersonnummer } from "../../lib/identity/personnummer.ts";
import type { Person } from "../../modules/accounts/index.ts";

const orNo = (v: string | null | undefined) => (v && v.trim() ? v : "Nej");

/** "Personuppgifter" and "Faktureringsadress" of Min Sida. The personnummer only to its owner. */
export const PersonDetails = ({ person, showPersonnummer }: { person: Person; showPersonnummer: boolean }) => (
  <div class="person-details">
    <section aria-labelledby="personuppgifter">
      <h2 id="personuppgifter">Personuppgifter</h2>
      <dl class="details">
        <dt>Namn</dt>
        <dd>
          {person.givenName} {person.familyName}
        </dd>
        {showPersonnummer && person.personnummer ? (
          <>
            <dt>Personnummer</dt>
            <dd>{formatPersonnummer(person.personnummer)}</dd>
          </>
        ) : null}
        {showPersonnummer && !person.personnummer && person.birthDate ? (
          <>
            <dt>Födelsedatum</dt>
            <dd>{person.birthDate}</dd>
          </>
        ) : null}
        <dt>E-postadress</dt>
        <dd>
          <a href={`mailto:${person.email}`}>{person.email}</a>
        </dd>
        <dt>Mobilnummer</dt>
        <dd>{person.mobile ?? "Inget angivet"}</dd>
        <dt>Legitimering</dt>
        <dd>{person.identityMethod === "bankid" ? "BankID" : "Manuell (utan BankID)"}</dd>
      </dl>
    </section>
    <section aria-labelledby="faktureringsadress">
      <h2 id="faktureringsadress">Faktureringsadress</h2>
      <dl class="details">
        {person.billingName ? (
          <>
            <dt>Namn</dt>
            <dd>{person.billingName}</dd>
          </>
        ) : null}
        <dt>Adress</dt>
        <dd>
          {person.addressLine1 ? (
            <>
              {person.addressLine1}
              {person.addressLine2 ? (
                <>
                  <br />
                  {person.addressLine2}
                </>
              ) : null}
              <br />
              {person.postalCode} {person.city}
              {person.country ? (
                <>
                  <br />
                  {person.country}
                </>
              ) : null}
            </>
          ) : (
            "Ingen adress angiven"
          )}
        </dd>
        <dt>E-postadress (fakturering)</dt>
        <dd>{orNo(person.billingEmail)}</dd>
      </dl>
    </section>
  </div>
);
