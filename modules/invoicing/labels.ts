import type { InvoiceStatus } from "../../db/schema/invoices.ts";

export const INVOICE_LABELS: Record<InvoiceStatus, string> = { unpaid: "Obetald", paid: "Betald", credited: "Krediterad" };
