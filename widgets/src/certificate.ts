import { html, type TemplateResult } from "lit";
import { ApiElement } from "./api-element.ts";
import { separator, statusBadge, validUntilText } from "./status.ts";
import type { Texts } from "./texts.ts";

/** GET /api/v1/certificates/{number}: the fields this widget shows. */
export interface CertificateJson {
  number: number;
  holder: { name: string };
  scheme: { area: string; name: string };
  status: string;
  validUntil: string | null;
  issuer: { name: string };
  verifyUrl: string;
}

const NUMBER = /^\d{1,12}$/;

/** `<certportal-certificate number="10001">`: holder, certificate, status, Giltigt till, link. */
export class CertportalCertificate extends ApiElement<CertificateJson> {
  static override properties = { number: { type: String } };

  declare number: string | null;
  protected readonly keys = ["number"];
  protected readonly loadingText = "loadingCertificate";
  protected readonly notFoundText = "certificateNotFound";

  constructor() {
    super();
    this.number = null;
  }

  protected path(): string | null {
    const n = (this.number ?? "").replace(/\s+/g, "");
    return NUMBER.test(n) ? `/api/v1/certificates/${n}` : null;
  }

  protected renderData(c: CertificateJson, t: Texts): TemplateResult {
    return this.card(html`
      <div class="top">
        <p class="name" part="name">${c.holder.name}</p>
        ${statusBadge(c.status, t, true)}
      </div>
      <p class="scheme" part="scheme">${c.scheme.area} – ${c.scheme.name}</p>
      <p class="meta" part="details">
        <span part="number">${t.number} ${c.number}</span>${separator}<span part="valid-until">${validUntilText(c.validUntil, t)}</span>
      </p>
      <a class="link" part="link" href=${c.verifyUrl}>${t.verify} ${c.issuer.name}</a>
    `);
  }
}
