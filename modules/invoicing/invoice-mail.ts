import type { Config } from "../../lib/config.ts";
import { composeMail } from "../../lib/mail/compose.ts";
import type { MailMessage } from "../../lib/mail/mailer.ts";
import { formatKronor } from "../../lib/pdf/index.ts";
import { t } from "../../lib/i18n/index.ts";

export interface InvoiceMailFacts {
  number: number;
  totalOre: number;
  dueOn: string;
  ocr: string;
  recipientKind: "company" | "personal" | "alternative";
  recipientName: string;
  recipientReference: string | null;
  /** What the invoice is for: its lines' descriptions. */
  lines: { description: string }[];
}

export const invoiceFileName = (number: number) => `faktura-${number}.pdf`;

/**
 * The mail the PDF travels with. It repeats what is needed to pay, so a recipient who cannot open
 * the attachment can still pay correctly.
 */
export function invoiceMail(config: Config, to: string, f: InvoiceMailFacts): MailMessage {
  const { org } = config;
  const total = formatKronor(f.totalOre);
  return composeMail(
    {
      to,
      subject: t("mail.invoice.subject", f.number, org.name),
      // A company's invoice address is read by whoever handles its invoices, not by the name on it.
      greeting: f.recipientKind === "company" ? t("mail.invoice.hello") : t("mail.greeting", f.recipientName),
      paragraphs: [
        t("mail.invoice.text", f.number, org.name, f.lines.map((l) => l.description).join("; ")),
        t("mail.invoice.number", f.number),
        t("mail.invoice.amount", total),
        t("mail.invoice.due", f.dueOn),
        t("mail.invoice.bankgiro", org.bankgiro),
        t("mail.invoice.ocr", f.ocr),
        ...(f.recipientReference ? [t("mail.invoice.reference", f.recipientReference)] : []),
        t("mail.invoice.pay", total, org.bankgiro, f.dueOn, f.ocr),
      ],
      after: [t("mail.invoice.questions")],
    },
    org,
  );
}
