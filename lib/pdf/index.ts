export { renderCertificatePdf, type CertificatePdfInput, type CertificatePdfStatus } from "./certificate.tsx";
export { renderInvoicePdf, type InvoicePdfInput, type InvoicePdfLine } from "./invoice.tsx";
export { formatKronor } from "./swedish-format.ts";
