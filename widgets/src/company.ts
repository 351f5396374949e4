import { html, type TemplateResult } from "lit";
import { ApiElement } from "./api-element.ts";
import { separator, statusBadge, validUntilText } from "./status.ts";
import type { Texts } from "./texts.ts";

/** GET /api/v1/companies/{orgNumber}: the fields this widget shows. */
export interface CompanyJson {
  orgNumber: string | null;
  name: string;
  city: string;
  /** The company's page on the public site. */
  pageUrl?: string | null;
  certificates: { number: number; scheme: { area: string; name: string }; status: string; validUntil: string | null; verifyUrl?: string }[];
}

/** 556016-0680, 5560160680 or 16 5560160680 (the API normalises it, we only refuse junk). */
const ORG_NUMBER = /^[\d\s-]{10,14}$/;

/** `<certportal-company orgnr="556016-0680">`: the company, its ort and its company certificates. */
export class CertportalCompany extends ApiElement<CompanyJson> {
  static override properties = { orgnr: { type: String } };

  declare orgnr: string | null;
  protected readonly keys = ["orgnr"];
  protected readonly loadingText = "loadingCompany";
  protected readonly notFoundText = "companyNotFound";

  constructor() {
    super();
    this.orgnr = null;
  }

  protected path(): string | null {
    const raw = (this.orgnr ?? "").trim();
    return ORG_NUMBER.test(raw) ? `/api/v1/companies/${encodeURIComponent(raw.replace(/[\s-]/g, ""))}` : null;
  }

  protected renderData(c: CompanyJson, t: Texts): TemplateResult {
    const org = c.orgNumber ? `${c.orgNumber.slice(0, 6)}-${c.orgNumber.slice(6)}` : null;
    return this.card(html`
      <p class="name" part="name">${c.pageUrl ? html`<a part="link" href=${c.pageUrl}>${c.name}</a>` : c.name}</p>
      <p class="meta" part="details">
        ${c.city ? html`<span part="city">${c.city}</span>` : null}${c.city && org ? separator : null}${org ? html`<span part="org-number">${t.orgNumber} ${org}</span>` : null}
      </p>
      <p class="heading" part="heading">${t.companyCertificates}</p>
      ${c.certificates.length === 0
        ? html`<p class="meta">${t.noCertificates}</p>`
        : html`<ul class="list" part="list">
            ${c.certificates.map(
              (cert) => html`<li part="item">
                <span part="scheme">${cert.scheme.area} – ${cert.scheme.name}</span>
                ${statusBadge(cert.status, t, false)}
                <span class="meta" part="details"
                  ><span part="number">${this.numberLink(cert.number, cert.verifyUrl, t)}</span>${separator}<span part="valid-until">${validUntilText(cert.validUntil, t)}</span></span
                >
              </li>`,
            )}
          </ul>`}
    `);
  }

  /** Each certificate links to its public page, /c/{number}, on the API's site. */
  private numberLink(number: number, verifyUrl: string | undefined, t: Texts): TemplateResult {
    const href = verifyUrl ?? `${this.base.replace(/\/+$/, "")}/c/${number}`;
    return html`<a part="link" href=${href}>${t.number} ${number}</a>`;
  }
}
