import type { Scheme } from "../../../modules/catalogue/index.ts";
import { t, labels } from "../../../lib/i18n/index.ts";

export const SUBJECT_LABELS: Readonly<Record<Scheme["subject"], string>> = labels({ PERSON: "catalogue.subject.person", COMPANY: "common.company" });
export const KIND_LABELS: Readonly<Record<Scheme["kind"], string>> = labels({ CERTIFICATE: "catalogue.kind.certificate", ATTESTATION: "catalogue.kind.attestation" });

export const TYPE_LABELS: Record<string, string> = { pdf: "PDF", jpeg: "JPEG", png: "PNG", webp: "WebP" };

const price = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** "4 800 kr", "950,50 kr". */
export const formatPrice = (priceOre: number) => `${price.format(priceOre / 100)} kr`;

/** How long a certificate of the scheme is valid, in a few words. */
export function validityText(s: Pick<Scheme, "kind" | "validityYears" | "validUntilFromEvidence" | "annualExtension" | "recertificationYears">): string {
  if (s.kind === "ATTESTATION") return t("catalogue.validity.noEnd");
  if (s.validUntilFromEvidence) return t("catalogue.validity.evidence");
  if (!s.validityYears) return t("catalogue.validity.noEnd");
  const parts = [t("catalogue.validity.years", s.validityYears)];
  if (s.annualExtension) parts.push(t("catalogue.validity.annual"));
  if (s.recertificationYears) parts.push(t("catalogue.validity.recert", s.recertificationYears));
  return parts.join(", ");
}
