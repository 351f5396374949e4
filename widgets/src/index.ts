// The widget bundle's entry: /widgets/certportal.js defines both elements. Loaded twice (two
// script tags, two URLs, two builds) it defines nothing the second time instead of throwing.
import { CertportalCertificate } from "./certificate.ts";
import { CertportalCompany } from "./company.ts";

const ELEMENTS: [string, CustomElementConstructor][] = [
  ["certportal-certificate", CertportalCertificate],
  ["certportal-company", CertportalCompany],
];

for (const [name, element] of ELEMENTS) {
  if (!customElements.get(name)) customElements.define(name, element);
}
