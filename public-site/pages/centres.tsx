// Examinationscentra: the approved centres by ort and Teknikområde, each with what it examines,
// its contact and its coming provtillfällen (date, place, certificate, free seats). Organisations
// and places only: no examinator and no candidate is ever named here.
import type { FC } from "hono/jsx";
import type { OrgConfig } from "../../lib/config.ts";
import type { PublicCentre } from "../../modules/examinations/index.ts";
import { Notice } from "../../web/views/form.tsx";
import { Rich } from "../../web/views/rich.tsx";
import { TableScroll } from "../../web/views/table-scroll.tsx";
import { t } from "../../lib/i18n/index.ts";

export interface CentresFilter {
  ort: string;
  omrade: string;
}

export interface CentresPageProps {
  org: OrgConfig;
  centres: PublicCentre[];
  filter: CentresFilter;
}

const fold = (s: string) => s.trim().toLocaleLowerCase("sv-SE");
const collator = new Intl.Collator("sv-SE");

/** The centres the filter keeps; with an area chosen, only that area's schemes and provtillfällen. */
export function filterCentres(centres: PublicCentre[], filter: CentresFilter): PublicCentre[] {
  return centres
    .filter((c) => !filter.ort || fold(c.city) === fold(filter.ort))
    .map((c) => (filter.omrade ? { ...c, schemes: c.schemes.filter((s) => s.areaCode === filter.omrade), sessions: c.sessions.filter((s) => s.areaCode === filter.omrade) } : c))
    .filter((c) => c.schemes.length > 0);
}

export const CentresPage: FC<CentresPageProps> = ({ org, centres, filter }) => {
  const shown = filterCentres(centres, filter);
  const cities = [...new Set(centres.map((c) => c.city))].sort(collator.compare);
  const areas = [...new Map(centres.flatMap((c) => c.schemes.map((s) => [s.areaCode, s.areaName] as const))).entries()];
  const byCity = [...new Set(shown.map((c) => c.city))].sort(collator.compare).map((city) => ({ city, centres: shown.filter((c) => c.city === city) }));
  return (
    <div class="prose centres">
      <h1>{t("nav.centres")}</h1>
      <p class="lead">{t("centres.lead", org.name, org.systemName)}</p>
      <p>
        <Rich text={t("centres.accountFirst")} />
      </p>
      <section aria-labelledby="centres-list-title">
        <h2 id="centres-list-title">{t("centres.approved")}</h2>
        {centres.length === 0 ? (
          <Notice kind="info">
            <p>
              <Rich text={t("centres.none", org.name, org.email, org.phone)} />
            </p>
          </Notice>
        ) : (
          <>
            <form method="get" action="/examinationscentra" class="search-form" aria-label={t("centres.filter")}>
              <div class="field">
                <label for="ort">{t("common.city")}</label>
                <select id="ort" name="ort">
                  <option value="">{t("centres.allCities")}</option>
                  {cities.map((city) => (
                    <option value={city} selected={fold(city) === fold(filter.ort)}>
                      {city}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for="omrade">{t("common.area")}</label>
                <select id="omrade" name="omrade">
                  <option value="">{t("search.area.all")}</option>
                  {areas.map(([code, name]) => (
                    <option value={code} selected={code === filter.omrade}>
                      {name}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" class="button button--secondary">
                {t("table.show")}
              </button>
            </form>
            <p class="hits" aria-live="polite">
              {t("centres.count", shown.length)}
            </p>
            {shown.length === 0 ? <p>{t("centres.noMatch")}</p> : null}
            {byCity.map(({ city, centres: here }) => (
              <section aria-label={city} class="centres__city">
                <h3>{city}</h3>
                {here.map((c) => (
                  <CentreCard centre={c} />
                ))}
              </section>
            ))}
          </>
        )}
      </section>
    </div>
  );
};

const CentreCard: FC<{ centre: PublicCentre }> = ({ centre }) => {
  const areas = [...new Map(centre.schemes.map((s) => [s.areaName, centre.schemes.filter((x) => x.areaName === s.areaName).map((x) => x.schemeName)] as const)).entries()];
  return (
    <article class="card centre" aria-labelledby={`centre-${centre.id}`}>
      <h4 id={`centre-${centre.id}`}>{centre.name}</h4>
      <dl class="details">
        <dt>{t("about.address")}</dt>
        <dd>
          {centre.addressLine1}, {centre.postalCode} {centre.city}
        </dd>
        {areas.map(([area, names]) => (
          <>
            <dt>{area}</dt>
            <dd>{names.join(", ")}</dd>
          </>
        ))}
        {centre.email ? (
          <>
            <dt>{t("common.email")}</dt>
            <dd>
              <a href={`mailto:${centre.email}`}>{centre.email}</a>
            </dd>
          </>
        ) : null}
        {centre.phone ? (
          <>
            <dt>{t("about.phone")}</dt>
            <dd>
              <a href={`tel:${centre.phone.replace(/[^\d+]/g, "")}`}>{centre.phone}</a>
            </dd>
          </>
        ) : null}
        {centre.website ? (
          <>
            <dt>{t("centres.website")}</dt>
            <dd>
              <a href={centre.website} rel="noopener noreferrer">
                {centre.website}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {centre.sessions.length ? (
        <TableScroll label={t("centres.sessionsAt", centre.name)}>
          <table class="data">
            <caption>{t("centres.sessionsAt", centre.name)}</caption>
            <thead>
              <tr>
                <th scope="col">{t("common.date")}</th>
                <th scope="col">{t("events.col.time")}</th>
                <th scope="col">{t("common.certificate")}</th>
                <th scope="col">{t("centres.place")}</th>
                <th scope="col" class="num">
                  {t("centres.freeSeats")}
                </th>
              </tr>
            </thead>
            <tbody>
              {centre.sessions.map((s) => (
                <tr>
                  <td>{s.date}</td>
                  <td>{s.startTime}</td>
                  <td>
                    {s.areaName} - {s.schemeName}
                  </td>
                  <td>{s.place}</td>
                  <td class="num">{s.freeSeats === 0 ? t("centres.full") : s.freeSeats}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t("centres.noSessions")}</p>
      )}
    </article>
  );
};
