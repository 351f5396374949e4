// What every invoice list shares, for staff, Min Sida and the company page: the status chip, the
// amount, the holder's table and the PDF download.
import type { Context } from "hono";
import type { InvoiceStatus } from "../../db/schema/invoices.ts";
import { formatKronor } from "../../lib/pdf/index.ts";
import { downloadHeaders } from "../../lib/uploads/download-headers.ts";
import { INVOICE_LABELS, invoicePdf, type InvoiceListRow } from "../../modules/invoicing/index.ts";
import type { AppEnv } from "../env.ts";
import { DataTable, type Column } from "../views/data-table.tsx";
import { t } from "../../lib/i18n/index.ts";

export const INVOICE_CHIPS: Record<InvoiceStatus, string> = { unpaid: "status--pending", paid: "status--approved", credited: "status--muted" };

/** Where the holder (and a company's admins) download an invoice. */
export const ownInvoicePdfUrl = (id: string) => `/min-sida/fakturor/${id}/pdf`;

/** An unpaid invoice past its due date says so, in words and not by colour alone. */
export const InvoiceStatusChip = ({ status, dueOn, today }: { status: InvoiceStatus; dueOn: string; today: string }) =>
  status === "unpaid" && dueOn < today ? <span class="status status--rejected">{t("invoice.overdue")}</span> : <span class={`status ${INVOICE_CHIPS[status]}`}>{INVOICE_LABELS[status]}</span>;

export const Amount = ({ ore }: { ore: number }) => <>{formatKronor(ore)}</>;

/** The invoices of a holder: their own on Min Sida, a company's on its page. */
export function holderInvoiceColumns(today: string, links: { pdf: (id: string) => string; page?: (id: string) => string }): Column<InvoiceListRow>[] {
  return [
    { key: "nummer", label: t("invoice.number"), value: (r) => r.invoice.number, render: (r) => (links.page ? <a href={links.page(r.invoice.id)}>{r.invoice.number}</a> : r.invoice.number) },
    { key: "datum", label: t("invoice.date"), value: (r) => r.invoice.issuedOn },
    { key: "forfaller", label: t("invoice.dueDate"), value: (r) => r.invoice.dueOn },
    { key: "certifikat", label: t("invoice.certificateNumber"), value: (r) => r.certificateNumber },
    { key: "belopp", label: t("invoice.toPay"), value: (r) => r.invoice.totalOre, render: (r) => <Amount ore={r.invoice.totalOre} />, numeric: true },
    { key: "status", label: t("cert.status"), value: (r) => INVOICE_LABELS[r.invoice.status], groupable: true, render: (r) => <InvoiceStatusChip status={r.invoice.status} dueOn={r.invoice.dueOn} today={today} /> },
    {
      key: "pdf",
      label: "PDF",
      value: () => null,
      sortable: false,
      render: (r) => (
        <a href={links.pdf(r.invoice.id)} download>
          <span aria-hidden="true">{t("invoice.downloadPdf")}</span>
          <span class="visually-hidden">{t("invoice.downloadPdfFor", r.invoice.number)}</span>
        </a>
      ),
    },
  ];
}

export const HolderInvoicesTable = (p: { rows: InvoiceListRow[]; today: string; path: string; query?: Record<string, string>; empty: string; links: Parameters<typeof holderInvoiceColumns>[1] }) => (
  <DataTable prefix="faktura" caption={t("minSida.tab.invoices")} columns={holderInvoiceColumns(p.today, p.links)} rows={p.rows} path={p.path} query={p.query} empty={p.empty} defaultSort={{ key: "datum", dir: "desc" }} />
);

/** The PDF as a download, for whoever may see the invoice; anyone else gets 404 from getInvoice. */
export async function invoicePdfResponse(c: Context<AppEnv>, invoiceId: string): Promise<Response> {
  const { bytes, filename } = await invoicePdf(c.var.deps, c.var.user!, invoiceId);
  return c.body(new Uint8Array(bytes), 200, downloadHeaders({ mime: "application/pdf", originalName: filename, size: bytes.length }));
}

/** The company page's section: its own invoices and those its employees had sent to it. */
export const CompanyInvoices = ({ rows, mode, today, path, query }: { rows: InvoiceListRow[]; mode: "admin" | "staff"; today: string; path: string; query?: Record<string, string> }) => (
  <section aria-labelledby="fakturor">
    <h2 id="fakturor">{t("minSida.tab.invoices")}</h2>
    <HolderInvoicesTable
      rows={rows}
      today={today}
      path={path}
      query={query}
      empty={t("invoice.companyNone")}
      links={mode === "admin" ? { pdf: ownInvoicePdfUrl } : { pdf: (id) => `/personal/fakturor/${id}/pdf`, page: (id) => `/personal/fakturor/${id}` }}
    />
  </section>
);
