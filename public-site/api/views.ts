// The JSON the API answers with: DESIGN.md §3's shapes, plus the links a widget needs.
import type { PublicCertificate, PublicCompany, CompanySearchResult } from "../../modules/verification/index.ts";

export const certificateUrl = (publicUrl: string, number: number) => `${publicUrl}/c/${number}`;
export const companyUrl = (publicUrl: string, orgNumber: string) => `${publicUrl}/sok-certifierade-foretag/${orgNumber}`;

export function certificateJson(cert: PublicCertificate, publicUrl: string) {
  return {
    number: cert.number,
    holder: { name: cert.holder.name },
    scheme: { area: cert.scheme.area, name: cert.scheme.name },
    status: cert.status,
    statusLabel: cert.statusLabel,
    issuedOn: cert.issuedOn,
    validUntil: cert.validUntil,
    lastDecisionOn: cert.lastDecisionOn,
    issuer: { name: cert.issuer.name },
    verifyUrl: certificateUrl(publicUrl, cert.number),
  };
}

export function companyJson(company: PublicCompany, publicUrl: string) {
  return {
    orgNumber: company.orgNumber,
    name: company.name,
    city: company.city,
    pageUrl: company.orgNumber ? companyUrl(publicUrl, company.orgNumber) : null,
    certificates: company.certificates.map((cert) => ({
      number: cert.number,
      scheme: { area: cert.scheme.area, name: cert.scheme.name },
      status: cert.status,
      statusLabel: cert.statusLabel,
      validUntil: cert.validUntil,
      verifyUrl: certificateUrl(publicUrl, cert.number),
    })),
  };
}

export function companySearchJson(result: CompanySearchResult, publicUrl: string) {
  return {
    companies: result.companies.map((company) => companyJson(company, publicUrl)),
    total: result.total,
    totalIsLowerBound: result.totalCapped,
    page: result.page,
    pageSize: result.pageSize,
    pageCount: result.pageCount,
  };
}
