export { createInvoice, type InvoiceInput } from "./create-invoice.ts";
export { ocrReference, isValidOcr } from "./ocr.ts";
export { invoiceTotals, VAT_PERCENT, PAYMENT_DAYS } from "./totals.ts";
export { listInvoices, listInvoicesForPerson, listInvoicesForCompany, getInvoice, type InvoiceFilter, type InvoiceListRow } from "./queries.ts";
export { INVOICE_LABELS } from "./labels.ts";
export { invoicePdf, sendInvoice, deliverInvoice, type SendResult } from "./invoice-pdf.ts";
export { markInvoicePaid } from "./mark-invoice-paid.ts";
export { canListInvoices, canManageInvoice } from "./policy.ts";
