export { findCertificateByNumber, type PublicCertificate } from "./find-certificate.ts";
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, TOTAL_CAP, type CompanySearch, type CompanySearchResult } from "./search-companies.ts";
export { searchCertifiedCompanies } from "./recent-searches.ts";
export { getPublicCompany } from "./get-company.ts";
export { listCompanyAreas } from "./company-areas.ts";
export { publicOrgNumber, type PublicCompany, type PublicCompanyCertificate } from "./public-company.ts";
export { parseCertificateNumber, normaliseOrgNumber } from "./certificate-number.ts";
export { searchWords, prefixQuery } from "./search-words.ts";
export { statusOnDate, listVersions, type StatusOnDate, type CertificateVersion } from "./status-on.ts";
