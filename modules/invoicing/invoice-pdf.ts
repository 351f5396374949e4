import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
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
 * Sends the invoice: the PDF is mailed to the frozen recipient's e-mail (for a company, the
 * company's), then stored and pointed at by the invoice, with its Event, in one transaction. The
 * mail goes first so that a stored PDF means a sent invoice: if the mail fails nothing is
 * recorded and "Skicka igen" stays possible. Without an e-mail address the PDF is stored for
 * printing and the invoice goes by post. A resend mails the stored copy again.
 */
export async function sendInvoice(deps: Deps, actor: Actor & { userId: string }, invoiceId: string): Promise<SendResult> {
  const allowed = canManageInvoice(actor);
  if (!allowed.ok) throw new Forbidden(allowed.reason);
  const found = await getInvoice(deps.db, actor, invoiceId);
  const inv = found.invoice;
  const filename = invoiceFileName(inv.number);
  const stored = inv.pdfDocumentId;
  const bytes = stored ? (await readDocument(deps, stored)).bytes : await renderInvoicePdf(pdfInput(deps.config.org, found));
  const to = inv.recipientEmail?.trim() || null;
  if (to) await deps.mail.send({ ...invoiceMail(deps.config, to, { ...inv, lines: found.lines }), attachments: [{ filename, content: bytes, contentType: "application/pdf" }] });

  const now = deps.clock.now();
  const record = (tx: DbOrTx) =>
    recordEvent(tx, actor, now, {
      action: to ? "invoice.sent" : "invoice.to_post",
      subjectType: "invoice",
      subjectId: inv.id,
      personId: found.applicantPersonId,
      companyId: found.applicantCompanyId,
      details: { number: inv.number, recipient: inv.recipientName, to: to ?? "post" },
    });
  if (stored) {
    await deps.db.transaction((tx) => record(tx), { behavior: "immediate" });
    return { sentTo: to, documentId: stored };
  }
  return storeDocumentWith(deps, pdfUpload(bytes, filename), actor.userId, async (tx, documentId) => {
    await tx.update(invoices).set({ pdfDocumentId: documentId }).where(eq(invoices.id, inv.id));
    await record(tx);
    return { sentTo: to, documentId };
  });
}

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
