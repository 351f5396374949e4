import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { invoiceLines, invoiceRecipients, invoices } from "../../db/schema/index.ts";
import { nextNumber } from "../../db/sequences.ts";
import { addDays } from "../../lib/dates.ts";
import { Conflict } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor } from "../deps.ts";
import { ocrReference } from "./ocr.ts";
import { invoiceTotals, PAYMENT_DAYS } from "./totals.ts";
import { t } from "../../lib/i18n/index.ts";

export interface InvoiceInput {
  applicationId: string;
  certificateId: string;
  /** Whose Händelselogg shows the invoice: the applicant. */
  personId: string | null;
  companyId: string | null;
  issuedOn: string;
  /** One line per fee of the scheme. */
  fees: { description: string; priceOre: number }[];
}

/**
 * Creates the invoice for an issued certificate, inside the issuing transaction: the next invoice
 * number, the recipient chosen in step 4 copied as it is, VAT, totals and the OCR reference. The
 * PDF and the mail come after the commit.
 */
export async function createInvoice(tx: Tx, actor: Actor, now: Date, input: InvoiceInput) {
  const recipient = await tx.select().from(invoiceRecipients).where(eq(invoiceRecipients.applicationId, input.applicationId)).get();
  if (!recipient) throw new Conflict(t("invoicing.noRecipient"));
  const totals = invoiceTotals(input.fees.map((f) => ({ description: f.description, quantity: 1, unitPriceOre: f.priceOre })));
  const id = newId();
  const number = await nextNumber(tx, "invoice");
  const ocr = ocrReference(number);
  const dueOn = addDays(input.issuedOn, PAYMENT_DAYS);
  await tx.insert(invoices).values({
    id,
    number,
    applicationId: input.applicationId,
    certificateId: input.certificateId,
    issuedOn: input.issuedOn,
    dueOn,
    recipientKind: recipient.kind,
    recipientCompanyId: recipient.companyId,
    recipientName: recipient.name,
    recipientAddressLine1: recipient.addressLine1,
    recipientAddressLine2: recipient.addressLine2,
    recipientPostalCode: recipient.postalCode,
    recipientCity: recipient.city,
    recipientCountry: recipient.country,
    recipientPhone: recipient.phone,
    recipientEmail: recipient.email,
    recipientReference: recipient.reference,
    ocr,
    vatPercent: totals.vatPercent,
    netOre: totals.netOre,
    vatOre: totals.vatOre,
    totalOre: totals.totalOre,
    status: "unpaid",
    pdfDocumentId: null,
    createdAt: now,
  });
  for (const line of totals.lines) await tx.insert(invoiceLines).values({ id: newId(), invoiceId: id, ...line });
  await recordEvent(tx, actor, now, {
    action: "invoice.created",
    subjectType: "invoice",
    subjectId: id,
    personId: input.personId,
    companyId: input.companyId,
    details: { number, totalOre: totals.totalOre, recipient: recipient.name },
  });
  return { id, number, ocr, dueOn, netOre: totals.netOre, vatOre: totals.vatOre, totalOre: totals.totalOre, recipientEmail: recipient.email };
}
