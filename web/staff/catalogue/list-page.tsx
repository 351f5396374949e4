// /personal/katalog: every scheme and technical area, each list a DataTable (search, sort,
// "Gruppera på"), and the ways to add new ones.
import type { Context } from "hono";
import { swedishDate } from "../../../lib/dates.ts";
import { isOpenForApplication, listAreas, listSchemes, type AreaRow, type SchemeRow } from "../../../modules/catalogue/index.ts";
import type { AppEnv } from "../../env.ts";
import { page } from "../../render.tsx";
import { DataTable, type Column } from "../../views/data-table.tsx";
import { areaUrl, Breadcrumbs, CATALOGUE_PATH, DoneNotice, NEW_AREA_PATH, NEW_SCHEME_PATH, OpenChip, schemeUrl } from "./frame.tsx";
import { formatPrice, SUBJECT_LABELS, validityText } from "./labels.ts";
import { t } from "../../../lib/i18n/index.ts";

const yesNo = (b: boolean) => (b ? t("common.yes") : t("common.no"));

function schemeColumns(today: string): Column<SchemeRow>[] {
  return [
    { key: "certifikat", label: t("common.certificate"), value: (r) => r.scheme.name, render: (r) => <a href={schemeUrl(r.scheme.id)}>{r.scheme.name}</a> },
    { key: "omrade", label: t("common.area"), value: (r) => r.area.name, groupable: true },
    { key: "soks-av", label: t("catalogue.col.subject"), value: (r) => SUBJECT_LABELS[r.scheme.subject], groupable: true },
    { key: "giltighet", label: t("catalogue.col.validity"), value: (r) => validityText(r.scheme), groupable: true },
    { key: "pris", label: t("catalogue.col.price"), value: (r) => r.scheme.priceOre / 100, render: (r) => formatPrice(r.scheme.priceOre), numeric: true },
    { key: "faktureras", label: t("staff.col.invoiced"), value: (r) => yesNo(r.scheme.invoiced), groupable: true },
    { key: "moment", label: t("common.moments"), value: (r) => r.requirementCount, numeric: true },
    {
      key: "ansokan",
      label: t("staff.col.application"),
      value: (r) => (isOpenForApplication(r.scheme, today) ? t("catalogue.open") : t("catalogue.closed")),
      groupable: true,
      render: (r) => <OpenChip scheme={r.scheme} today={today} />,
    },
  ];
}

const areaColumns = (): Column<AreaRow>[] => [
  { key: "omrade", label: t("common.area"), value: (a) => a.name, render: (a) => <a href={areaUrl(a.id)}>{a.name}</a> },
  { key: "kod", label: t("catalogue.col.code"), value: (a) => a.code },
  { key: "ordning", label: t("catalogue.col.order"), value: (a) => a.sortOrder, numeric: true },
  { key: "antal", label: t("common.certificate"), value: (a) => a.schemeCount, numeric: true },
];

export async function cataloguePage(c: Context<AppEnv>) {
  const { db } = c.var.deps;
  const [schemes, areas] = await Promise.all([listSchemes(db), listAreas(db)]);
  const today = swedishDate(c.var.deps.clock.now());
  return page(
    c,
    { title: t("staff.home.catalogue") },
    <>
      <Breadcrumbs trail={[]} />
      <h1>{t("staff.home.catalogue")}</h1>
      <p class="prose">
        {t("catalogue.intro")}
      </p>
      <DoneNotice c={c} />
      <div class="button-row">
        <a class="button" href={NEW_SCHEME_PATH}>
          {t("catalogue.newScheme")}
        </a>
        <a class="button button--secondary" href={NEW_AREA_PATH}>
          {t("catalogue.newArea")}
        </a>
      </div>
      <section aria-labelledby="certifikat">
        <h2 id="certifikat">{t("common.certificate")}</h2>
        <DataTable prefix="cert" caption={t("common.certificate")} columns={schemeColumns(today)} rows={schemes} path={CATALOGUE_PATH} query={c.req.query()} empty={t("catalogue.noSchemes")} />
      </section>
      <section aria-labelledby="teknikomraden">
        <h2 id="teknikomraden">{t("catalogue.areas")}</h2>
        <DataTable prefix="omr" caption={t("catalogue.areas")} columns={areaColumns()} rows={areas} path={CATALOGUE_PATH} query={c.req.query()} empty={t("catalogue.noAreas")} defaultSort={{ key: "ordning", dir: "asc" }} />
      </section>
    </>,
  );
}
