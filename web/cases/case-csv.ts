// A year's cases for the body's annual review, as a spreadsheet opens it (BOM, semicolons,
// formula-safe text, a decimal comma): one row per case with its handling time, then the median.
import { swedishDate } from "../../lib/dates.ts";
import { APPEALED_LABELS, CASE_KIND_LABELS, CASE_STATUS_LABELS, caseStatistics, handlingDays, OUTCOME_LABELS, type CaseListRow } from "../../modules/cases/index.ts";
import { csvText } from "../staff/invoice-csv.ts";
import { inLanguage } from "../../lib/i18n/index.ts";

const BOM = "\uFEFF";
const HEADERS = ["Ärende", "Typ", "Överklagat beslut", "Mottaget", "Status", "Utfall", "Avslutat", "Handläggningstid (dagar)", "Handläggare", "Gäller", "Certifikat nr", "Certifikat"];

/** 3.5 → "3,5": a number to a Swedish spreadsheet. */
const days = (d: number | null) => (d === null ? "" : String(d).replace(".", ","));

function casesCsvInSwedish(rows: readonly CaseListRow[]): string {
  const lines = rows.map((r) =>
    [
      String(r.number),
      CASE_KIND_LABELS[r.kind],
      r.appealedKind ? APPEALED_LABELS[r.appealedKind] : "",
      swedishDate(r.receivedAt),
      CASE_STATUS_LABELS[r.status],
      r.outcome ? OUTCOME_LABELS[r.outcome] : "",
      r.closedAt ? swedishDate(r.closedAt) : "",
      days(handlingDays(r)),
      csvText(r.handlerName),
      csvText(r.concerns),
      r.certificateNumber === null ? "" : String(r.certificateNumber),
      csvText(r.title),
    ].join(";"),
  );
  const f = caseStatistics(rows);
  const summary = ["", `Antal ärenden;${f.received}`, `Avslutade;${f.decided + f.dismissed}`, `Median handläggningstid (dagar);${days(f.medianDays)}`];
  return `${BOM}${[HEADERS.join(";"), ...lines, ...summary].join("\r\n")}\r\n`;
}

/** The format is a contract (column names, status words): Swedish whatever the page's language. */
export function casesCsv(rows: readonly CaseListRow[]): string {
  return inLanguage("sv", () => casesCsvInSwedish(rows));
}
