// The cases as staff list them: the queue, a year's cases, and the cases on a person's or a
// company's staff page. One table, the house's DataTable.
import { CASE_KIND_LABELS, caseStatusText, type CaseListRow } from "../../modules/cases/index.ts";
import { DataTable, type Column } from "../views/data-table.tsx";
import { staffCaseUrl } from "./paths.ts";
import { t } from "../../lib/i18n/index.ts";

const DAY_MS = 86_400_000;

export function caseColumns(now: Date, options: { waited?: boolean } = {}): Column<CaseListRow>[] {
  return [
    { key: "arende", label: t("staff.case.col.case"), value: (r) => r.number, render: (r) => <a href={staffCaseUrl(r.id)}>{t("case.title", r.number)}</a> },
    { key: "typ", label: t("staff.invoice.kind"), value: (r) => CASE_KIND_LABELS[r.kind], groupable: true },
    { key: "mottaget", label: t("ownCase.received"), value: (r) => r.receivedAt },
    ...(options.waited ? [{ key: "vantat", label: t("staff.case.col.waited"), value: (r: CaseListRow) => Math.floor((now.getTime() - r.receivedAt.getTime()) / DAY_MS), numeric: true }] : []),
    { key: "status", label: t("cert.status"), value: (r) => caseStatusText(r), groupable: true },
    { key: "handlaggare", label: t("staff.case.handler"), value: (r) => r.handlerName ?? t("staff.case.noHandler"), groupable: true },
    {
      key: "galler",
      label: t("staff.case.concerns"),
      value: (r) => [r.concerns, r.certificateNumber ? t("staff.case.certificateN", r.certificateNumber) : null, r.title].filter(Boolean).join(", ") || "–",
    },
  ];
}

/** A section listing a person's or a company's cases (their staff pages). */
export const CasesSection = ({ rows, path, query, now }: { rows: CaseListRow[]; path: string; query: Record<string, string>; now: Date }) => (
  <section aria-labelledby="arenden">
    <h2 id="arenden">{t("staff.overview.cases")}</h2>
    <DataTable prefix="arenden" caption={t("staff.overview.cases")} columns={caseColumns(now)} rows={rows} path={path} query={query} empty={t("staff.case.none")} defaultSort={{ key: "mottaget", dir: "desc" }} />
  </section>
);
