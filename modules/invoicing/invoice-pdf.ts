import { personLanguage } from "../accounts/index.ts";
import { inLanguage } from "../../lib/i18n/index.ts";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { invoices } from "../../db/schema/index.ts";
import type { OrgConfig } from "../../lib/config.ts";
import { Forbidden } from "../../lib/errors.ts";
import { renderInvoicePdf, type InvoicePdfInput } from "../../lib/pdf/index.ts";
import type { AcceptedUpload } from "../../lib/uploads/accept-upload.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { readDocument, storeDocumentWith } from "../documents/index.ts";
import { invoiceFileName, invoiceMail } from "./invoice-mail.ts";
import { canManageInvoice } from "./policy.ts";
import { enqueueMail } from "../outbox/outbox.ts";
import { getInvoice } from "./queries.ts";

type LoadedInvoice = Awaited<ReturnType<typeof getInvoice>>;

/**
 * "Ladda ned PDF" for whoever may see the invoice (staff, the applicant, the company's admins).
 * Once sent, the stored copy is handed out: it is what the recipient got, even if the
 * organisation's address or bankgiro has changed since. Before that it is drawn from the rows.
 */
export async function invoicePdf(deps: Deps, actor: Actor, invoiceId: string): Promise<{ bytes: Buffer; filename: string }> {
  const found = await getInvoice(deps.db, actor, invoiceId);
  const filename = invoiceFileName(found.invoice.number);
  if (found.invoice.pdfDocumentId) return { bytes: (await readDocument(deps, found.invoice.pdfDocumentId)).bytes, filename };
  return { bytes: await renderInvoicePdf(pdfInput(deps.config.org, found)), filename };
}

export interface SendResult {
  /** The address the PDF was mailed to; null when the invoice goes by post. */
  sentTo: string | null;
  documentId: string;
}

/**
 * Sends the invoice ("Skicka igen" for staff): the PDF is stored and pointed at by the invoice, and
 * its mail to the frozen recipient's e-mail (for a company, the company's) is queued in the
 * utkorg, with its Event, in one transaction; the utkorg delivers it with retries. Without an
 * e-mail address the PDF is stored for printing and the invoice goes by post. A resend queues the
 * stored copy again.
 */
export async function sendInvoice(deps: Deps, actor: Actor & { userId: string }, invoiceId: string): Promise<SendResult> {
  const allowed = canManageInvoice(actor);
  if (!allowed.ok) throw new Forbidden(allowed.reason);
  return deliverInvoice(deps, actor, invoiceId, { resend: true });
}

/**
 * The follow-up after issuance (`invoice.send`): safe to run again after a crash halfway, since a
 * stored PDF means its mail was queued in the same transaction, so nothing is sent twice.
 */
export async function deliverInvoice(deps: Deps, actor: Actor & { userId: string }, invoiceId: string, options: { resend: boolean }): Promise<SendResult> {
  const found = await getInvoice(deps.db, actor, invoiceId);
  const inv = found.invoice;
  const filename = invoiceFileName(inv.number);
  const stored = inv.pdfDocumentId;
  const to = inv.recipientEmail?.trim() || null;
  if (stored && !options.resend) return { sentTo: to, documentId: stored };
  const now = deps.clock.now();
  const queue = async (tx: Tx, documentId: string) => {
    await recordEvent(tx, actor, now, {
      action: to ? "invoice.sent" : "invoice.to_post",
      subjectType: "invoice",
      subjectId: inv.id,
      personId: found.applicantPersonId,
      companyId: found.applicantCompanyId,
      details: { number: inv.number, recipient: inv.recipientName, to: to ?? "post" },
    });
    // A person's own invoice in their language; a company's in Swedish (the invoice itself is Swedish).
    const lang = found.applicantPersonId ? await personLanguage(tx, found.applicantPersonId) : "sv";
    if (to) await enqueueMail(tx, now, "invoice", inLanguage(lang, () => invoiceMail(deps.config, to, { ...inv, lines: found.lines })), [{ documentId, filename, contentType: "application/pdf" }]);
  };
  let result: SendResult;
  if (stored) {
    await deps.db.transaction((tx) => queue(tx, stored), { behavior: "immediate" });
    result = { sentTo: to, documentId: stored };
  } else {
    const bytes = await renderInvoicePdf(pdfInput(deps.config.org, found));
    result = await storeDocumentWith(deps, pdfUpload(bytes, filename), actor.userId, async (tx, documentId) => {
      // Another process may have stored it a moment ago: then this copy is not used.
      const fresh = await tx.select({ pdf: invoices.pdfDocumentId }).from(invoices).where(eq(invoices.id, inv.id)).get();
      if (fresh?.pdf) throw new AlreadyStored();
      await tx.update(invoices).set({ pdfDocumentId: documentId }).where(eq(invoices.id, inv.id));
      await queue(tx, documentId);
      return { sentTo: to, documentId };
    }).catch(async (error: unknown) => {
      if (!(error instanceof AlreadyStored)) throw error;
      const again = await deps.db.select({ pdf: invoices.pdfDocumentId }).from(invoices).where(eq(invoices.id, inv.id)).get();
      return { sentTo: to, documentId: again!.pdf! };
    });
  }
  deps.mailQueue.kick();
  return result;
}

class AlreadyStored extends Error {}

/** Our own rendering, so the upload checks for strangers' files (type sniffing, size) do not apply. */
function pdfUpload(bytes: Buffer, originalName: string): AcceptedUpload {
  return { bytes, mime: "application/pdf", extension: "pdf", sha256: createHash("sha256").update(bytes).digest("hex"), size: bytes.length, originalName };
}

function pdfInput(org: OrgConfig, { invoice: i, lines }: LoadedInvoice): InvoicePdfInput {
  return {
    org: { name: org.name, address: org.address, orgNumber: org.orgNumber, vatNumber: org.vatNumber, bankgiro: org.bankgiro, phone: org.phone, email: org.email },
    number: i.number,
    issuedOn: i.issuedOn,
    dueOn: i.dueOn,
    ocr: i.ocr,
    recipient: { name: i.recipientName, addressLine1: i.recipientAddressLine1, addressLine2: i.recipientAddressLine2, postalCode: i.recipientPostalCode, city: i.recipientCity, country: i.recipientCountry, reference: i.recipientReference },
    lines: lines.map((l) => ({ description: l.description, quantity: l.quantity, unitPriceOre: l.unitPriceOre, amountOre: l.amountOre })),
    vatPercent: i.vatPercent,
    netOre: i.netOre,
    vatOre: i.vatOre,
    totalOre: i.totalOre,
  };
}
