import type { OrgConfig } from "../config.ts";
import type { MailMessage } from "./mailer.ts";
import { language } from "../i18n/index.ts";

export interface MailContent {
  to: string;
  subject: string;
  greeting?: string;
  paragraphs: string[];
  /** A code shown large, e.g. the one-time login code or a one-time password. */
  code?: { label: string; value: string };
  action?: { label: string; url: string };
  after?: string[];
}

/** Every mail in the same plain shape, as plain text and simple HTML, signed by the organisation. */
export function composeMail(content: MailContent, org: OrgConfig): MailMessage {
  const signature = [org.name, org.address, org.phone, org.email];
  const text = [
    content.greeting,
    ...content.paragraphs,
    content.code ? `${content.code.label} ${content.code.value}` : undefined,
    content.action ? `${content.action.label}: ${content.action.url}` : undefined,
    ...(content.after ?? []),
    signature.join("\n"),
  ]
    .filter((p) => p !== undefined)
    .join("\n\n");
  const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const html = `<!doctype html><html lang="${language()}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="font-family: Arial, sans-serif; color: #1b1b1b; line-height: 1.5">
${content.greeting ? p(content.greeting) : ""}
${content.paragraphs.map(p).join("\n")}
${content.code ? `<p>${escapeHtml(content.code.label)}</p><p style="font-size: 28px; font-weight: bold; letter-spacing: 4px">${escapeHtml(content.code.value)}</p>` : ""}
${content.action ? `<p><a href="${escapeHtml(content.action.url)}">${escapeHtml(content.action.label)}</a></p>` : ""}
${(content.after ?? []).map(p).join("\n")}
<hr><p style="font-size: 12px; color: #555">${signature.map(escapeHtml).join("<br>")}</p>
</body></html>`;
  return { to: content.to, subject: content.subject, text, html };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
