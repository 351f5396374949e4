import type { CertificatePdfInput } from "./certificate.tsx";
import type { InvoicePdfInput } from "./invoice.tsx";

export type { CertificatePdfInput, CertificatePdfStatus } from "./certificate.tsx";
export type { InvoicePdfInput, InvoicePdfLine } from "./invoice.tsx";
export { formatKronor } from "./swedish-format.ts";

// @react-pdf/renderer and React cost about 160 ms and 40 MiB to load, and most processes and
// requests never make a PDF: they load with the first one (docs/decisions/016-production-build.md).

export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Buffer> {
  const { renderCertificatePdf } = await import("./certificate.tsx");
  return renderCertificatePdf(input);
}

export async function renderInvoicePdf(input: InvoicePdfInput): Promise<Buffer> {
  const { renderInvoicePdf } = await import("./invoice.tsx");
  return renderInvoicePdf(input);
}
