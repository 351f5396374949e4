// "Sök certifikat": a person's (or a company's) certificates and the applications on their way to
// one, in the one table component. A row opens its Certifieringsprocess (the eye, or the name).
import { APPLICATION_LABELS, type ApplicationListRow } from "../../modules/certification/index.ts";
import { DataTable, type Column } from "../views/data-table.tsx";
import { Icon } from "../views/icons.tsx";
import { processUrl } from "./paths.ts";
import { t } from "../../lib/i18n/index.ts";

export interface CertificateRow {
  href: string;
  linkLabel: string;
  nr: string | null;
  name: string;
  status: string;
  renewal: string | null;
  recertification: string | null;
}

/** An application that has not (yet) become a certificate: no number, its process status. */
export function applicationRow(a: ApplicationListRow): CertificateRow {
  return {
    href: processUrl(a.id),
    linkLabel: t("process.show"),
    nr: null,
    name: `${a.areaName} - ${a.schemeName}${a.kind === "extension" ? t("next.kind.extension") : a.kind === "recertification" ? t("next.kind.recertification") : ""}`,
    status: APPLICATION_LABELS[a.status],
    renewal: null,
    recertification: null,
  };
}

// Labels are read when the table is drawn: in the page's language.
const COLUMNS: Column<CertificateRow>[] = [
  {
    key: "visa",
    get label() {
      return t("table.show");
    },
    value: () => null,
    sortable: false,
    render: (r) => (
      <a class="icon-link" href={r.href} title={r.linkLabel}>
        <Icon name="eye" />
        <span class="visually-hidden">
          {r.linkLabel}: {r.name}
        </span>
      </a>
    ),
  },
  {
    key: "nr",
    get label() {
      return t("certTable.nr");
    },
    value: (r) => r.nr,
  },
  {
    key: "certifikat",
    get label() {
      return t("common.certificate");
    },
    value: (r) => r.name,
    groupable: true,
    render: (r) => <a href={r.href}>{r.name}</a>,
  },
  {
    key: "status",
    get label() {
      return t("cert.status");
    },
    value: (r) => r.status,
    groupable: true,
  },
  {
    key: "arlig-forlangning",
    get label() {
      return t("renewal.extension");
    },
    value: (r) => r.renewal,
  },
  {
    key: "omcertifiering",
    get label() {
      return t("renewal.recertification");
    },
    value: (r) => r.recertification,
  },
];

const byName = new Intl.Collator("sv-SE", { numeric: true });

/** Ordered by Certifikat, as the manual's table is, until the reader sorts it otherwise. */
export const CertificatesTable = ({ rows, path, query, empty }: { rows: CertificateRow[]; path: string; query: Record<string, string>; empty: string }) => (
  <DataTable prefix="cert" caption={t("minSida.tab.certificates")} columns={COLUMNS} rows={[...rows].sort((a, b) => byName.compare(a.name, b.name))} path={path} query={query} empty={empty} defaultSort={{ key: "certifikat", dir: "asc" }} />
);
