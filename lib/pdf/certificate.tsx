/** @jsxImportSource react */
import { Document, Page, Path, StyleSheet, Svg, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { SANS, SERIF, registerFonts } from "./fonts.ts";
import { qrPath } from "./qr-path.ts";
import { t, language } from "../i18n/index.ts";

export type CertificatePdfStatus = "active" | "suspended" | "withdrawn" | "expired" | "ended";

export interface CertificatePdfInput {
  org: { name: string; accreditation: string };
  /** The scheme's kind: a certificate or a training attestation (Utbildningsintyg). */
  kind: "CERTIFICATE" | "ATTESTATION";
  /** A person's full name, or a company's name with its organisationsnummer. */
  holder: { name: string; orgNumber?: string | null };
  area: string;
  schemeName: string;
  /** What the certificate allows its holder to do. */
  scope: string;
  number: number | string;
  /** The version (a renewal keeps the number), and the newer version that replaced it, if any. */
  version?: number;
  supersededBy?: number | null;
  /** Dates as YYYY-MM-DD. */
  issuedOn: string;
  validUntil?: string | null;
  latestDecisionOn?: string | null;
  /** The status shown to the public (expiry already applied), and the day it was read. */
  status: CertificatePdfStatus;
  statusOn: string;
  /** Last day of a suspension, where the decision gave one. */
  suspendedUntil?: string | null;
  /** $PUBLIC_URL/c/{number}: printed under the QR code and in the footer. */
  verifyUrl: string;
  /**
   * What the QR code encodes: verifyUrl, with the signed fields in its fragment where the
   * certificate is signed (lib/signing/qr-format.ts); verifyUrl itself when not given.
   */
  qrText?: string;
  issuer: { name: string; title: string };
}

// lib/ may not import modules/: the status words come from the catalogue's certStatus keys.
const statusLabel = (status: CertificatePdfStatus): string =>
  ({ active: t("certStatus.active"), suspended: t("certStatus.suspended"), withdrawn: t("certStatus.withdrawn"), expired: t("certStatus.expired"), ended: t("certStatus.ended") })[status];

const INK = "#1b2a3a";
const ACCENT = "#1f4e79";
const MUTED = "#5a6672";
const WARNING = "#b00020";

const s = StyleSheet.create({
  page: { fontFamily: SANS, fontSize: 10, color: INK, padding: 28 },
  frame: { flexGrow: 1, border: `2pt solid ${ACCENT}`, padding: 5 },
  inner: { flexGrow: 1, border: `0.75pt solid ${ACCENT}`, paddingVertical: 36, paddingHorizontal: 44, alignItems: "center" },
  org: { fontSize: 15, fontWeight: 700, color: ACCENT, textAlign: "center" },
  accreditation: { fontSize: 8.5, color: MUTED, textAlign: "center", marginTop: 4, maxWidth: 430, lineHeight: 1.35 },
  title: { fontFamily: SERIF, fontWeight: 700, fontSize: 36, letterSpacing: 3, color: ACCENT, marginTop: 48 },
  rule: { width: 90, borderBottom: `1.5pt solid ${ACCENT}`, marginTop: 12, marginBottom: 30 },
  lead: { fontSize: 11, color: MUTED },
  holder: { fontFamily: SERIF, fontWeight: 700, fontSize: 28, marginTop: 12, textAlign: "center" },
  holderOrg: { fontSize: 10, color: MUTED, marginTop: 3 },
  scheme: { fontSize: 16, fontWeight: 700, marginTop: 6, textAlign: "center" },
  scope: { fontSize: 10.5, lineHeight: 1.5, textAlign: "center", marginTop: 14, maxWidth: 400 },
  facts: { marginTop: 36, width: 360, borderTop: `0.75pt solid #c8d0d8` },
  fact: { flexDirection: "row", paddingVertical: 5, borderBottom: `0.75pt solid #c8d0d8` },
  factLabel: { width: 120, color: MUTED },
  // Basis 0: the value takes what the label leaves and wraps there instead of pushing past the column.
  factValue: { flex: 1, fontWeight: 700 },
  bottom: { marginTop: "auto", width: "100%", flexDirection: "row", justifyContent: "space-between", alignItems: "flex-end" },
  signature: { width: 220 },
  signatureLine: { borderBottom: `0.75pt solid ${INK}`, height: 36, marginBottom: 5 },
  signatureName: { fontWeight: 700 },
  small: { fontSize: 8.5, color: MUTED, lineHeight: 1.35 },
  qrBox: { alignItems: "center", width: 170 },
  footer: { fontSize: 7.5, color: MUTED, textAlign: "center", marginTop: 18 },
  // Wider than the page so the rotated line never wraps; rotated about the page centre.
  stamp: { position: "absolute", left: -200, right: -200, top: 390, alignItems: "center", transform: "rotate(-35deg)" },
  stampText: { fontSize: 40, fontWeight: 700, color: WARNING, opacity: 0.4, border: `4pt solid ${WARNING}`, paddingHorizontal: 16, paddingVertical: 6 },
  warningBanner: { marginTop: 14, border: `1.5pt solid ${WARNING}`, color: WARNING, fontWeight: 700, paddingVertical: 5, paddingHorizontal: 10, textAlign: "center" },
});

function title(kind: CertificatePdfInput["kind"]): string {
  return kind === "ATTESTATION" ? t("pdf.attestation") : t("pdf.certificate");
}

/** The sentence around the holder's name: before it, and between it and the scheme. */
function wording(kind: CertificatePdfInput["kind"], area: string): [string, string] {
  return kind === "ATTESTATION" ? [t("pdf.attestation.before"), t("pdf.attestation.after", area)] : [t("pdf.certificate.before"), t("pdf.certificate.after", area)];
}

/** Said across the page, so a printout of a certificate that no longer holds cannot be misread. */
function stamp(status: CertificatePdfStatus): string | null {
  return status === "active" ? null : t("pdf.stamp", statusLabel(status).toUpperCase());
}

function statusLine(input: CertificatePdfInput): string {
  const until = input.status === "suspended" && input.suspendedUntil ? t("pdf.until", input.suspendedUntil) : "";
  return t("pdf.statusOn", statusLabel(input.status), input.statusOn) + until;
}

/**
 * Every word of the page, said before the document is laid out: the layout runs later, outside
 * the request's language (docs/decisions/022).
 */
function textsOf(input: CertificatePdfInput) {
  const [before, after] = wording(input.kind, input.area);
  const facts: { label: string; value: string; status?: boolean }[] = [
    { label: t("cert.number"), value: String(input.number) },
    ...(input.version ? [{ label: t("cert.version"), value: input.supersededBy ? t("pdf.versionSuperseded", input.version, input.supersededBy) : String(input.version) }] : []),
    { label: t("cert.issuedOn"), value: input.issuedOn },
    ...(input.validUntil ? [{ label: t("cert.validUntil"), value: input.validUntil }] : []),
    ...(input.latestDecisionOn ? [{ label: t("cert.lastDecision"), value: input.latestDecisionOn }] : []),
    { label: t("cert.status"), value: statusLine(input), status: true },
  ];
  return {
    language: language(),
    title: title(input.kind),
    before,
    after,
    facts,
    stamp: stamp(input.status),
    notValid: t("pdf.notValid", statusLabel(input.status).toLowerCase()),
    orgNumber: input.holder.orgNumber ? t("pdf.orgNumber", input.holder.orgNumber) : null,
    check: t("pdf.check"),
    footer: t("pdf.footer", input.statusOn, input.verifyUrl),
  };
}

function Qr({ text, size }: { text: string; size: number }) {
  const qr = qrPath(text);
  // Four modules of quiet zone, as the QR standard asks, or phone cameras miss it on busy paper.
  const quiet = 4;
  const box = qr.size + quiet * 2;
  return (
    <Svg width={size} height={size} viewBox={`${-quiet} ${-quiet} ${box} ${box}`}>
      <Path d={qr.d} fill="#000000" />
    </Svg>
  );
}

function CertificateDocument({ input, texts }: { input: CertificatePdfInput; texts: ReturnType<typeof textsOf> }) {
  const warning = texts.stamp;
  const { before, after, facts } = texts;
  // "UTBILDNINGSINTYG" at full size would run into the frame, "TRAINING ATTESTATION" even at 28 pt.
  const heading = texts.title.toUpperCase();
  return (
    <Document title={`${texts.title} ${input.number} – ${input.holder.name}`} author={input.org.name} creator={input.org.name} producer={input.org.name} language={texts.language}>
      <Page size="A4" style={s.page}>
        <View style={s.frame}>
          <View style={s.inner}>
            <Text style={s.org}>{input.org.name}</Text>
            <Text style={s.accreditation}>{input.org.accreditation}</Text>
            <Text style={[s.title, heading.length > 16 ? { fontSize: 22, letterSpacing: 1.5 } : heading.length > 12 ? { fontSize: 28, letterSpacing: 2 } : {}]}>{heading}</Text>
            <View style={s.rule} />
            <Text style={s.lead}>{before}</Text>
            <Text style={s.holder}>{input.holder.name}</Text>
            {texts.orgNumber ? <Text style={s.holderOrg}>{texts.orgNumber}</Text> : null}
            <Text style={[s.lead, { marginTop: 16 }]}>{after}</Text>
            <Text style={s.scheme}>{input.schemeName}</Text>
            <Text style={s.scope}>{input.scope}</Text>
            <View style={s.facts}>
              {facts.map(({ label, value, status }) => (
                <View key={label} style={s.fact}>
                  <Text style={s.factLabel}>{label}</Text>
                  <Text style={[s.factValue, status && warning ? { color: WARNING } : {}]}>{value}</Text>
                </View>
              ))}
            </View>
            {warning ? <Text style={s.warningBanner}>{texts.notValid}</Text> : null}
            <View style={s.bottom}>
              <View style={s.signature}>
                <View style={s.signatureLine} />
                {input.issuer.name ? <Text style={s.signatureName}>{input.issuer.name}</Text> : null}
                <Text>{input.issuer.title}</Text>
                <Text style={s.small}>{input.org.name}</Text>
              </View>
              <View style={s.qrBox}>
                <Qr text={input.qrText ?? input.verifyUrl} size={104} />
                <Text style={[s.small, { marginTop: 2 }]}>{texts.check}</Text>
                <Text style={s.small}>{input.verifyUrl}</Text>
              </View>
            </View>
            <Text style={s.footer}>{texts.footer}</Text>
          </View>
        </View>
        {warning ? (
          <View style={s.stamp} fixed>
            <Text style={s.stampText}>{warning}</Text>
          </View>
        ) : null}
      </Page>
    </Document>
  );
}

/**
 * The A4 certificate for printing and download, in the language of what is being made (Swedish or
 * English); it always carries the status it was made with.
 */
export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Buffer> {
  registerFonts();
  return renderToBuffer(<CertificateDocument input={input} texts={textsOf(input)} />);
}
