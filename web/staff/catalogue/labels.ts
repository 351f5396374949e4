import type { Scheme } from "../../../modules/catalogue/index.ts";

export const SUBJECT_LABELS: Record<Scheme["subject"], string> = { PERSON: "Person", COMPANY: "Företag" };
export const KIND_LABELS: Record<Scheme["kind"], string> = { CERTIFICATE: "Certifikat", ATTESTATION: "Intyg" };

export const TYPE_LABELS: Record<string, string> = { pdf: "PDF", jpeg: "JPEG", png: "PNG", webp: "WebP" };

const price = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** "4 800 kr", "950,50 kr". */
export const formatPrice = (priceOre: number) => `${price.format(priceOre / 100)} kr`;

/** How long a certificate of the scheme is valid, in a few words. */
export function validityText(s: Pick<Scheme, "kind" | "validityYears" | "validUntilFromEvidence" | "annualExtension" | "recertificationYears">): string {
  if (s.kind === "ATTESTATION") return "Utan slutdatum";
  if (s.validUntilFromEvidence) return "Enligt underlaget";
  if (!s.validityYears) return "Utan slutdatum";
  const parts = [`${s.validityYears} år`];
  if (s.annualExtension) parts.push("årlig förlängning");
  if (s.recertificationYears) parts.push(`omcertifiering efter ${s.recertificationYears} år`);
  return parts.join(", ");
}
