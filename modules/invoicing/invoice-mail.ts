import type { Config } from "../../lib/config.ts";
import { composeMail } from "../../lib/mail/compose.ts";
import type { MailMessage } from "../../lib/mail/mailer.ts";
import { formatKronor } from "../../lib/pdf/index.ts";

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
      subject: `Faktura ${f.number} från ${org.name}`,
      // A company's invoice address is read by whoever handles its invoices, not by the name on it.
      greeting: f.recipientKind === "company" ? "Hej," : `Hej ${f.recipientName},`,
      paragraphs: [
        `Här kommer faktura ${f.number} från ${org.name} för ${f.lines.map((l) => l.description).join("; ")}. Fakturan finns som PDF i det här mejlet.`,
        `Fakturanummer: ${f.number}`,
        `Belopp att betala: ${total}`,
        `Förfallodatum: ${f.dueOn}`,
        `Bankgiro: ${org.bankgiro}`,
        `OCR-nummer: ${f.ocr}`,
        ...(f.recipientReference ? [`Er referens: ${f.recipientReference}`] : []),
        `Betala ${total} till bankgiro ${org.bankgiro} senast ${f.dueOn} och ange OCR-nummer ${f.ocr} som referens, så kopplas betalningen till fakturan.`,
      ],
      after: ["Har du frågor om fakturan är du välkommen att kontakta oss."],
    },
    org,
  );
}
