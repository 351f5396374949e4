export { CERTIFICATE_LABELS, publicStatus, certificateTransition, CERTIFICATE_TRANSITIONS, type CertificateAction } from "./status.ts";
export { certificateDates, type ValidityRules } from "./validity.ts";
export { createCertificate, applyCertificateDecision, type NewCertificate } from "./record-status.ts";
export {
  listCertificatesForPerson,
  listCertificatesForCompany,
  getCertificate,
  canSeeCertificate,
  wasActiveOn,
  hasActiveCertificate,
  heldCertificate,
  certificateOfApplication,
  listCertificatesForPersons,
  type EmployeeCertificateRow,
  activePersonCertificatesInCategory,
  type CertificateListRow,
  type LoadedCertificate,
  type Holder,
} from "./queries.ts";
export { certificatePdf } from "./certificate-pdf.ts";
