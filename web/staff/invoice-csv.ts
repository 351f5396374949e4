// The CSV that staff open in Excel or hand to the bookkeeping: Swedish Excel reads a semicolon
// as the separator and a comma as the decimal sign, and needs the BOM to read UTF-8 (å ä ö).
import { INVOICE_LABELS, type InvoiceListRow } from "../../modules/invoicing/index.ts";
import { inLanguage } from "../../lib/i18n/index.ts";

const BOM = "\uFEFF";
const HEADERS = ["Fakturanummer", "Fakturadatum", "Förfallodatum", "Mottagare", "Er referens", "Certifikat nr", "OCR-nummer", "Netto", "Moms", "Att betala", "Status"];

/** 600000 öre → "6000,00": no thousands separator, so a spreadsheet takes it as a number. */
export function csvKronor(ore: number): string {
  const sign = ore < 0 ? "-" : "";
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
}

/**
 * A text cell. Names and references are typed by applicants: one starting with = + - @ would be
 * run as a formula by a spreadsheet, so it is made plain text with a leading apostrophe.
 */
export function csvText(value: string | null): string {
  const v = value ?? "";
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function invoicesCsvInSwedish(rows: InvoiceListRow[]): string {
  const lines = rows.map(({ invoice: i, certificateNumber }) =>
    [String(i.number), i.issuedOn, i.dueOn, csvText(i.recipientName), csvText(i.recipientReference), String(certificateNumber), i.ocr, csvKronor(i.netOre), csvKronor(i.vatOre), csvKronor(i.totalOre), INVOICE_LABELS[i.status]].join(";"),
  );
  return `${BOM}${[HEADERS.join(";"), ...lines].join("\r\n")}\r\n`;
}

/** The format is a contract (column names, status words): Swedish whatever the page's language. */
export function invoicesCsv(rows: InvoiceListRow[]): string {
  return inLanguage("sv", () => invoicesCsvInSwedish(rows));
}
