import type { InvoiceStatus } from "../../db/schema/invoices.ts";
import { labels } from "../../lib/i18n/index.ts";

export const INVOICE_LABELS: Record<InvoiceStatus, string> = labels({ unpaid: "invoiceStatus.unpaid", paid: "invoiceStatus.paid", credited: "invoiceStatus.credited" });
