import { formatPersonnummer } from "../../lib/identity/personnummer.ts";
import type { Person } from "../../modules/accounts/index.ts";
import { t, type Language, language as pageLanguage } from "../../lib/i18n/index.ts";

const orNo = (v: string | null | undefined) => (v && v.trim() ? v : t("common.no"));

/**
 * "Personuppgifter" and "Faktureringsadress" of Min Sida. The personnummer only to its owner; the
 * account's language (its pages and mail) where it is known, i.e. to its owner.
 */
export const PersonDetails = ({ person, showPersonnummer, language }: { person: Person; showPersonnummer: boolean; language?: Language | null }) => (
  <div class="person-details">
    <section aria-labelledby="personuppgifter">
      <h2 id="personuppgifter">{t("person.details")}</h2>
      <dl class="details">
        <dt>{t("verify.field.name")}</dt>
        <dd>
          {person.givenName} {person.familyName}
        </dd>
        {showPersonnummer && person.personnummer ? (
          <>
            <dt>{t("common.personnummer")}</dt>
            <dd>{formatPersonnummer(person.personnummer)}</dd>
          </>
        ) : null}
        {showPersonnummer && !person.personnummer && person.birthDate ? (
          <>
            <dt>{t("common.birthDate")}</dt>
            <dd>{person.birthDate}</dd>
          </>
        ) : null}
        <dt>{t("common.emailAddress")}</dt>
        <dd>
          <a href={`mailto:${person.email}`}>{person.email}</a>
        </dd>
        <dt>{t("common.mobile")}</dt>
        <dd>{person.mobile ?? t("person.noneGiven")}</dd>
        <dt>{t("person.identification")}</dt>
        <dd>{person.identityMethod === "bankid" ? "BankID" : t("person.manual")}</dd>
        {language === undefined ? null : (
          <>
            <dt>{t("person.language")}</dt>
            <dd>
              {language === "en" ? t("person.language.en") : language === "sv" ? t("person.language.sv") : t("person.language.none")}
              {/* Pages shown in a language by the cookie or the browser: the mail follows once the account chooses it. */}
              {language === null ? (
                <form method="post" action="/sprak" class="inline-form">
                  {" "}
                  <button type="submit" name="lang" value={pageLanguage()} class="link-button">
                    {t("person.language.choose")}
                  </button>
                </form>
              ) : null}
            </dd>
          </>
        )}
      </dl>
    </section>
    <section aria-labelledby="faktureringsadress">
      <h2 id="faktureringsadress">{t("person.billingAddress")}</h2>
      <dl class="details">
        {person.billingName ? (
          <>
            <dt>{t("verify.field.name")}</dt>
            <dd>{person.billingName}</dd>
          </>
        ) : null}
        <dt>{t("about.address")}</dt>
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
            t("person.noAddress")
          )}
        </dd>
        <dt>{t("person.billingEmail")}</dt>
        <dd>{orNo(person.billingEmail)}</dd>
      </dl>
    </section>
  </div>
);
