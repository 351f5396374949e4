// The cases as staff list them: the queue, a year's cases, and the cases on a person's or a
// company's staff page. One table, the house's DataTable.
import { CASE_KIND_LABELS, caseStatusText, type CaseListRow } from "../../modules/cases/index.ts";
import { DataTable, type Column } from "../views/data-table.tsx";
import { staffCaseUrl } from "./paths.ts";

const DAY_MS = 86_400_000;

export function caseColumns(now: Date, options: { waited?: boolean } = {}): Column<CaseListRow>[] {
  return [
    { key: "arende", label: "Ärende", value: (r) => r.number, render: (r) => <a href={staffCaseUrl(r.id)}>Ärende {r.number}</a> },
    { key: "typ", label: "Typ", value: (r) => CASE_KIND_LABELS[r.kind], groupable: true },
    { key: "mottaget", label: "Mottaget", value: (r) => r.receivedAt },
    ...(options.waited ? [{ key: "vantat", label: "Väntat (dagar)", value: (r: CaseListRow) => Math.floor((now.getTime() - r.receivedAt.getTime()) / DAY_MS), numeric: true }] : []),
    { key: "status", label: "Status", value: (r) => caseStatusText(r), groupable: true },
    { key: "handlaggare", label: "Handläggare", value: (r) => r.handlerName ?? "Ingen ännu", groupable: true },
    {
      key: "galler",
      label: "Gäller",
      value: (r) => [r.concerns, r.certificateNumber ? `certifikat ${r.certificateNumber}` : null, r.title].filter(Boolean).join(", ") || "–",
    },
  ];
}

/** A section listing a person's or a company's cases (their staff pages). */
export const CasesSection = ({ rows, path, query, now }: { rows: CaseListRow[]; path: string; query: Record<string, string>; now: Date }) => (
  <section aria-labelledby="arenden">
    <h2 id="arenden">Överklaganden och klagomål</h2>
    <DataTable prefix="arenden" caption="Överklaganden och klagomål" columns={caseColumns(now)} rows={rows} path={path} query={query} empty="Inga överklaganden eller klagomål." defaultSort={{ key: "mottaget", dir: "desc" }} />
  </section>
);
