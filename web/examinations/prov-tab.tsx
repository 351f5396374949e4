// Min Sida's tab "Prov": the person's registrations and results (date, centre, scheme, parts,
// result) with the way to the certification process, and, for an examinator, their centres.
import type { Context } from "hono";
import { centreStatus, listPersonCentres, listPersonRegistrations, type PersonRegistrationRow } from "../../modules/examinations/index.ts";
import type { AppEnv } from "../env.ts";
import { personPage } from "../portal/person-page.tsx";
import { processUrl } from "../certification/paths.ts";
import { DataTable, type Column } from "../views/data-table.tsx";
import { CENTRE_STATUS, centreUrl, partResultLines, registrationLabel } from "./labels.ts";
import { Rich } from "../views/rich.tsx";
import { t } from "../../lib/i18n/index.ts";

const columns = (): Column<PersonRegistrationRow>[] => [
  { key: "datum", label: t("common.date"), value: (r) => `${r.session.date} ${r.session.startTime}`, render: (r) => t("exam.dateTime", r.session.date, r.session.startTime) },
  { key: "center", label: t("exam.centre"), value: (r) => r.centreName, groupable: true },
  {
    key: "certifikat",
    label: t("common.certificate"),
    value: (r) => `${r.areaName} - ${r.schemeName}`,
    groupable: true,
    render: (r) => (
      <a href={processUrl(r.registration.applicationId)}>
        {r.areaName} - {r.schemeName}
        <span class="visually-hidden">{t("exam.showProcess")}</span>
      </a>
    ),
  },
  { key: "plats", label: t("centres.place"), value: (r) => r.session.place },
  { key: "delar", label: t("exam.parts"), value: (r) => r.parts.map((p) => p.part.name).join(", ") },
  {
    key: "resultat",
    label: t("exam.result"),
    value: (r) => registrationLabel(r.registration).label,
    groupable: true,
    render: (r) => {
      const l = registrationLabel(r.registration);
      const lines = partResultLines(r.parts);
      return (
        <>
          <span class={`status ${l.chip}`}>{l.label}</span>
          {lines.length ? (
            <ul class="event-details">
              {lines.map((line) => (
                <li>{line}</li>
              ))}
            </ul>
          ) : null}
        </>
      );
    },
  },
];

export async function provTab(c: Context<AppEnv>) {
  const { db } = c.var.deps;
  const personId = c.var.user!.personId;
  const [registrations, centres] = await Promise.all([listPersonRegistrations(db, personId), listPersonCentres(db, personId)]);
  return personPage(
    c,
    "/min-sida/prov",
    <>
      {centres.length ? (
        <section aria-labelledby="examinator">
          <h2 id="examinator">{t("exam.examiner")}</h2>
          <p>{t("exam.examinerAt")}</p>
          <ul class="link-list">
            {centres.map((centre) => (
              <li>
                <a href={centreUrl(centre.id)}>{centre.name}</a>, {centre.city} <span class={`status ${CENTRE_STATUS[centreStatus(centre)]!.chip}`}>{CENTRE_STATUS[centreStatus(centre)]!.label}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="prov">
        <h2 id="prov">{t("minSida.tab.exams")}</h2>
        <p>
          <Rich text={t("exam.tab.intro")} />
        </p>
        <DataTable prefix="prov" caption={t("minSida.tab.exams")} columns={columns()} rows={registrations} path="/min-sida/prov" query={c.req.query()} empty={t("exam.tab.none")} defaultSort={{ key: "datum", dir: "desc" }} />
      </section>
    </>,
  );
}
