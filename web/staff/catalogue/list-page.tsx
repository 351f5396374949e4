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

const yesNo = (b: boolean) => (b ? "Ja" : "Nej");

function schemeColumns(today: string): Column<SchemeRow>[] {
  return [
    { key: "certifikat", label: "Certifikat", value: (r) => r.scheme.name, render: (r) => <a href={schemeUrl(r.scheme.id)}>{r.scheme.name}</a> },
    { key: "omrade", label: "Teknikområde", value: (r) => r.area.name, groupable: true },
    { key: "soks-av", label: "Söks av", value: (r) => SUBJECT_LABELS[r.scheme.subject], groupable: true },
    { key: "giltighet", label: "Giltighet", value: (r) => validityText(r.scheme), groupable: true },
    { key: "pris", label: "Pris (exkl. moms)", value: (r) => r.scheme.priceOre / 100, render: (r) => formatPrice(r.scheme.priceOre), numeric: true },
    { key: "faktureras", label: "Faktureras", value: (r) => yesNo(r.scheme.invoiced), groupable: true },
    { key: "moment", label: "Moment", value: (r) => r.requirementCount, numeric: true },
    {
      key: "ansokan",
      label: "Ansökan",
      value: (r) => (isOpenForApplication(r.scheme, today) ? "Öppen för ansökan" : "Stängd för ansökan"),
      groupable: true,
      render: (r) => <OpenChip scheme={r.scheme} today={today} />,
    },
  ];
}

const AREA_COLUMNS: Column<AreaRow>[] = [
  { key: "omrade", label: "Teknikområde", value: (a) => a.name, render: (a) => <a href={areaUrl(a.id)}>{a.name}</a> },
  { key: "kod", label: "Kod", value: (a) => a.code },
  { key: "ordning", label: "Ordning", value: (a) => a.sortOrder, numeric: true },
  { key: "antal", label: "Certifikat", value: (a) => a.schemeCount, numeric: true },
];

export async function cataloguePage(c: Context<AppEnv>) {
  const { db } = c.var.deps;
  const [schemes, areas] = await Promise.all([listSchemes(db), listAreas(db)]);
  const today = swedishDate(c.var.deps.clock.now());
  return page(
    c,
    { title: "Katalog" },
    <>
      <Breadcrumbs trail={[]} />
      <h1>Katalog</h1>
      <p class="prose">
        Teknikområden, certifikat och de moment som ingår. En ändring gäller från och med nu: en pågående ansökan behåller sina moment, och den som redan har intygat behåller sin
        version av förbindelsetexten.
      </p>
      <DoneNotice c={c} />
      <div class="button-row">
        <a class="button" href={NEW_SCHEME_PATH}>
          Nytt certifikat
        </a>
        <a class="button button--secondary" href={NEW_AREA_PATH}>
          Nytt teknikområde
        </a>
      </div>
      <section aria-labelledby="certifikat">
        <h2 id="certifikat">Certifikat</h2>
        <DataTable prefix="cert" caption="Certifikat" columns={schemeColumns(today)} rows={schemes} path={CATALOGUE_PATH} query={c.req.query()} empty="Katalogen har inga certifikat ännu." />
      </section>
      <section aria-labelledby="teknikomraden">
        <h2 id="teknikomraden">Teknikområden</h2>
        <DataTable prefix="omr" caption="Teknikområden" columns={AREA_COLUMNS} rows={areas} path={CATALOGUE_PATH} query={c.req.query()} empty="Inga teknikområden ännu." defaultSort={{ key: "ordning", dir: "asc" }} />
      </section>
    </>,
  );
}
