// Every word the widgets show, in Swedish (the default) and English. Status words are ours, from
// the status code, so the API's Swedish statusLabel never leaks into an English widget.

export type Lang = "sv" | "en";
export type Status = "active" | "suspended" | "withdrawn" | "expired" | "ended";

const sv = {
  status: { active: "Aktivt", suspended: "Vilande", withdrawn: "Indraget", expired: "Utgånget", ended: "Avslutat" } as Record<Status, string>,
  statusPrefix: "Status:",
  validUntil: "Giltigt till",
  noEndDate: "inget slutdatum",
  number: "Certifikatnr",
  verify: "Kontrollera hos",
  loadingCertificate: "Hämtar certifikatet …",
  loadingCompany: "Hämtar företaget …",
  certificateNotFound: "Inget certifikat med det numret",
  companyNotFound: "Inget certifierat företag med det organisationsnumret",
  error: "Uppgifterna kunde inte hämtas just nu.",
  retry: "Försök igen",
  orgNumber: "Org.nr",
  companyCertificates: "Företagscertifikat",
  noCertificates: "Inga företagscertifikat",
};

const en: typeof sv = {
  status: { active: "Active", suspended: "Suspended", withdrawn: "Withdrawn", expired: "Expired", ended: "Ended" },
  statusPrefix: "Status:",
  validUntil: "Valid until",
  noEndDate: "no end date",
  number: "Certificate no.",
  verify: "Verify at",
  loadingCertificate: "Loading the certificate …",
  loadingCompany: "Loading the company …",
  certificateNotFound: "No certificate with that number",
  companyNotFound: "No certified company with that organisation number",
  error: "The details could not be loaded right now.",
  retry: "Try again",
  orgNumber: "Org. no.",
  companyCertificates: "Company certificates",
  noCertificates: "No company certificates",
};

export type Texts = typeof sv;

export function texts(lang: Lang): Texts {
  return lang === "en" ? en : sv;
}

/** The `lang` attribute as one of ours: English when asked for, Swedish otherwise. */
export function langOf(value: string | null | undefined): Lang {
  return value?.trim().toLowerCase().startsWith("en") ? "en" : "sv";
}
