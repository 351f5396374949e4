/** @jsxImportSource react */
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { SANS, registerFonts } from "./fonts.ts";
import { formatKronor, formatPostalCode, isSweden } from "./swedish-format.ts";

export interface InvoicePdfLine {
  description: string;
  quantity: number;
  unitPriceOre: number;
  amountOre: number;
}

export interface InvoicePdfInput {
  org: {
    name: string;
    /** Parts separated by commas are printed as lines: "Exempelgatan 1, 123 45 Exempelstad". */
    address: string;
    orgNumber: string;
    /** Momsregistreringsnummer; derived from a Swedish orgNumber (SE + 10 digits + 01) when absent. */
    vatNumber?: string | null;
    bankgiro: string;
    phone?: string | null;
    email?: string | null;
  };
  number: number | string;
  /** Dates as YYYY-MM-DD. */
  issuedOn: string;
  dueOn: string;
  ocr: string;
  /** The recipient as frozen on the invoice. */
  recipient: {
    name: string;
    addressLine1: string;
    addressLine2?: string | null;
    postalCode: string;
    city: string;
    country: string;
    /** Er referens: the buyer's reference or order number. */
    reference?: string | null;
  };
  lines: InvoicePdfLine[];
  vatPercent: number;
  /** All amounts in öre, as stored; the PDF prints them and checks that they add up. */
  netOre: number;
  vatOre: number;
  totalOre: number;
}

const INK = "#1b2a3a";
const ACCENT = "#1f4e79";
const MUTED = "#5a6672";
const RULE = "#c8d0d8";
const NBSP = "\u00a0";

const s = StyleSheet.create({
  page: { fontFamily: SANS, fontSize: 9.5, color: INK, paddingTop: 44, paddingHorizontal: 50, paddingBottom: 100 },
  header: { flexDirection: "row", justifyContent: "space-between", alignItems: "flex-start" },
  orgName: { fontSize: 14, fontWeight: 700, color: ACCENT, marginBottom: 3 },
  heading: { fontSize: 24, fontWeight: 700, letterSpacing: 1.5, color: ACCENT },
  muted: { color: MUTED },
  meta: { flexDirection: "row", justifyContent: "space-between", marginTop: 34 },
  facts: { width: 250 },
  fact: { flexDirection: "row", paddingVertical: 1.5 },
  factLabel: { width: 105, color: MUTED },
  // Basis 0: the value takes what the label leaves and wraps there instead of pushing past the column.
  factValue: { flex: 1, fontWeight: 700 },
  recipient: { width: 200, paddingTop: 2 },
  recipientCaption: { fontSize: 7.5, color: MUTED, textTransform: "uppercase", letterSpacing: 0.8, marginBottom: 4 },
  recipientName: { fontSize: 11, fontWeight: 700 },
  recipientLine: { fontSize: 11 },
  table: { marginTop: 40 },
  row: { flexDirection: "row", paddingVertical: 6, borderBottom: `0.75pt solid ${RULE}` },
  headRow: { flexDirection: "row", paddingVertical: 5, paddingHorizontal: 4, backgroundColor: "#eef2f6", fontWeight: 700, fontSize: 8.5 },
  description: { flexGrow: 1, flexShrink: 1, paddingRight: 8 },
  quantity: { width: 50, textAlign: "right" },
  money: { width: 95, textAlign: "right" },
  totals: { marginTop: 14, marginLeft: "auto", width: 250 },
  totalRow: { flexDirection: "row", justifyContent: "space-between", paddingVertical: 2.5, paddingHorizontal: 4 },
  grandTotal: { flexDirection: "row", justifyContent: "space-between", marginTop: 4, paddingVertical: 6, paddingHorizontal: 4, borderTop: `1.5pt solid ${INK}`, fontSize: 12, fontWeight: 700 },
  payment: { marginTop: 36, border: `1pt solid ${ACCENT}`, padding: 12 },
  paymentTitle: { fontSize: 10.5, fontWeight: 700, color: ACCENT, marginBottom: 8 },
  paymentFields: { flexDirection: "row", justifyContent: "space-between", marginBottom: 8 },
  paymentLabel: { fontSize: 7.5, color: MUTED, textTransform: "uppercase", letterSpacing: 0.8 },
  paymentValue: { fontSize: 12, fontWeight: 700 },
  footer: { position: "absolute", left: 50, right: 50, bottom: 34, flexDirection: "row", justifyContent: "space-between", borderTop: `0.75pt solid ${RULE}`, paddingTop: 8, fontSize: 7.5, color: MUTED },
  footerColumn: { width: "24%" },
  footerLabel: { fontWeight: 700, color: INK },
  // Filled in after layout. react-pdf 4.9 draws such text nowhere when a lineHeight is inherited
  // from the page, so line heights are set on the blocks that need them, never on the page.
  pageNumber: { position: "absolute", left: 50, right: 50, bottom: 20, fontSize: 7.5, color: MUTED, textAlign: "right" },
});

/** A printed invoice whose sums do not add up is worse than no invoice: refuse to draw one. */
function checkSums(input: InvoicePdfInput): void {
  const integers = [input.netOre, input.vatOre, input.totalOre, ...input.lines.flatMap((l) => [l.quantity, l.unitPriceOre, l.amountOre])];
  if (!integers.every(Number.isSafeInteger)) throw new RangeError("invoice amounts and quantities must be integers (öre)");
  for (const l of input.lines) {
    if (l.amountOre !== l.quantity * l.unitPriceOre) throw new RangeError(`line "${l.description}": ${l.quantity} × ${l.unitPriceOre} ≠ ${l.amountOre}`);
  }
  const net = input.lines.reduce((sum, l) => sum + l.amountOre, 0);
  if (net !== input.netOre) throw new RangeError(`lines sum to ${net} öre, netOre is ${input.netOre}`);
  if (input.netOre + input.vatOre !== input.totalOre) throw new RangeError("netOre + vatOre must equal totalOre");
}

function vatNumber(org: InvoicePdfInput["org"]): string | null {
  if (org.vatNumber) return org.vatNumber;
  const digits = org.orgNumber.replace(/\D/g, "");
  return digits.length === 10 ? `SE${digits}01` : null;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View style={s.fact}>
      <Text style={s.factLabel}>{label}</Text>
      <Text style={s.factValue}>{value}</Text>
    </View>
  );
}

function PaymentField({ label, value, align }: { label: string; value: string; align?: "right" }) {
  return (
    <View style={align ? { alignItems: "flex-end" } : {}}>
      <Text style={s.paymentLabel}>{label}</Text>
      <Text style={s.paymentValue}>{value}</Text>
    </View>
  );
}

function InvoiceDocument({ input }: { input: InvoicePdfInput }) {
  const { org, recipient } = input;
  const addressLines = org.address.split(",").map((l) => l.trim()).filter(Boolean);
  const vat = vatNumber(org);
  const total = formatKronor(input.totalOre);
  return (
    <Document title={`Faktura ${input.number}`} author={org.name} creator={org.name} producer={org.name} language="sv">
      <Page size="A4" style={s.page}>
        <View style={s.header}>
          <View>
            <Text style={s.orgName}>{org.name}</Text>
            {addressLines.map((line) => (
              <Text key={line} style={s.muted}>
                {line}
              </Text>
            ))}
          </View>
          <Text style={s.heading}>FAKTURA</Text>
        </View>

        <View style={s.meta}>
          <View style={s.facts}>
            <Fact label="Fakturanummer" value={String(input.number)} />
            <Fact label="Fakturadatum" value={input.issuedOn} />
            <Fact label="Förfallodatum" value={input.dueOn} />
            <Fact label="OCR-nummer" value={input.ocr} />
            <Fact label="Betalningsvillkor" value={`${daysBetween(input.issuedOn, input.dueOn)} dagar netto`} />
            {recipient.reference ? <Fact label="Er referens" value={recipient.reference} /> : null}
          </View>
          <View style={s.recipient}>
            <Text style={s.recipientCaption}>Fakturamottagare</Text>
            <Text style={s.recipientName}>{recipient.name}</Text>
            <Text style={s.recipientLine}>{recipient.addressLine1}</Text>
            {recipient.addressLine2 ? <Text style={s.recipientLine}>{recipient.addressLine2}</Text> : null}
            <Text style={s.recipientLine}>
              {formatPostalCode(recipient.postalCode)} {recipient.city.toUpperCase()}
            </Text>
            {isSweden(recipient.country) ? null : <Text style={s.recipientLine}>{recipient.country.toUpperCase()}</Text>}
          </View>
        </View>

        <View style={s.table}>
          <View style={s.headRow} fixed>
            <Text style={s.description}>Beskrivning</Text>
            <Text style={s.quantity}>Antal</Text>
            <Text style={s.money}>À-pris</Text>
            <Text style={s.money}>Belopp</Text>
          </View>
          {input.lines.map((line, i) => (
            <View key={i} style={[s.row, { paddingHorizontal: 4 }]} wrap={false}>
              <Text style={s.description}>{line.description}</Text>
              <Text style={s.quantity}>{line.quantity}</Text>
              <Text style={s.money}>{formatKronor(line.unitPriceOre)}</Text>
              <Text style={s.money}>{formatKronor(line.amountOre)}</Text>
            </View>
          ))}
        </View>

        <View style={s.totals} wrap={false}>
          <View style={s.totalRow}>
            <Text>Netto</Text>
            <Text>{formatKronor(input.netOre)}</Text>
          </View>
          <View style={s.totalRow}>
            <Text>
              Moms {input.vatPercent}
              {NBSP}%
            </Text>
            <Text>{formatKronor(input.vatOre)}</Text>
          </View>
          <View style={s.grandTotal}>
            <Text>Att betala</Text>
            <Text>{total}</Text>
          </View>
        </View>

        <View style={s.payment} wrap={false}>
          <Text style={s.paymentTitle}>Betalning</Text>
          <View style={s.paymentFields}>
            <PaymentField label="Bankgiro" value={org.bankgiro} />
            <PaymentField label="OCR-nummer" value={input.ocr} />
            <PaymentField label="Förfallodatum" value={input.dueOn} />
            <PaymentField label="Att betala" value={total} align="right" />
          </View>
          <Text>
            Betala till bankgiro {org.bankgiro} och ange OCR-nummer {input.ocr} som referens, så kopplas betalningen till fakturan. Ange inget meddelande utöver OCR-numret.
          </Text>
        </View>

        <View style={s.footer} fixed>
          <View style={s.footerColumn}>
            <Text style={s.footerLabel}>{org.name}</Text>
            {addressLines.map((line) => (
              <Text key={line}>{line}</Text>
            ))}
          </View>
          <View style={s.footerColumn}>
            <Text style={s.footerLabel}>Kontakt</Text>
            {org.phone ? <Text>{org.phone}</Text> : null}
            {org.email ? <Text>{org.email}</Text> : null}
          </View>
          <View style={s.footerColumn}>
            <Text style={s.footerLabel}>Organisationsnummer</Text>
            <Text>{org.orgNumber}</Text>
            {vat ? <Text style={[s.footerLabel, { marginTop: 2 }]}>Momsreg.nr</Text> : null}
            {vat ? <Text>{vat}</Text> : null}
          </View>
          <View style={[s.footerColumn, { width: "16%" }]}>
            <Text style={s.footerLabel}>Bankgiro</Text>
            <Text>{org.bankgiro}</Text>
          </View>
        </View>
        <Text style={s.pageNumber} fixed render={({ pageNumber, totalPages }) => (totalPages > 1 ? `Sida ${pageNumber} av ${totalPages}` : "")} />
      </Page>
    </Document>
  );
}

/** The invoice as sent: A4, Swedish conventions, payable by bankgiro with an OCR reference. */
export async function renderInvoicePdf(input: InvoicePdfInput): Promise<Buffer> {
  checkSums(input);
  registerFonts();
  return renderToBuffer(<InvoiceDocument input={input} />);
}
