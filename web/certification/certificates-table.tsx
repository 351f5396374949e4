// "Sök certifikat": a person's (or a company's) certificates and the applications on their way to
// one, in the one table component. A row opens its Certifieringsprocess (the eye, or the name).
import { APPLICATION_LABELS, type ApplicationListRow } from "../../modules/certification/index.ts";
import { DataTable, type Column } from "../views/data-table.tsx";
import { Icon } from "../views/icons.tsx";
import { processUrl } from "./paths.ts";

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
    linkLabel: "Visa certifieringsprocess",
    nr: null,
    name: `${a.areaName} - ${a.schemeName}${a.kind === "extension" ? " (årlig förlängning)" : a.kind === "recertification" ? " (omcertifiering)" : ""}`,
    status: APPLICATION_LABELS[a.status],
    renewal: null,
    recertification: null,
  };
}

const COLUMNS: Column<CertificateRow>[] = [
  {
    key: "visa",
    label: "Visa",
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
  { key: "nr", label: "Nr", value: (r) => r.nr },
  { key: "certifikat", label: "Certifikat", value: (r) => r.name, groupable: true, render: (r) => <a href={r.href}>{r.name}</a> },
  { key: "status", label: "Status", value: (r) => r.status, groupable: true },
  { key: "arlig-forlangning", label: "Årlig förlängning", value: (r) => r.renewal },
  { key: "omcertifiering", label: "Omcertifiering", value: (r) => r.recertification },
];

const byName = new Intl.Collator("sv-SE", { numeric: true });

/** Ordered by Certifikat, as the manual's table is, until the reader sorts it otherwise. */
export const CertificatesTable = ({ rows, path, query, empty }: { rows: CertificateRow[]; path: string; query: Record<string, string>; empty: string }) => (
  <DataTable prefix="cert" caption="Certifikat" columns={COLUMNS} rows={[...rows].sort((a, b) => byName.compare(a.name, b.name))} path={path} query={query} empty={empty} defaultSort={{ key: "certifikat", dir: "asc" }} />
);
