// /badge/{number}.svg: the live status as a small image, for e-mail signatures and web pages that
// run no JavaScript. Like a shields.io badge, "certifikat 10001 | Aktivt": the status is a word,
// the colour only backs it up. Everything in it is escaped, although it holds only digits and
// our own labels.
import { Hono, type Context } from "hono";
import type { CertificateStatus } from "../db/schema/certificates.ts";
import { swedishDate } from "../lib/dates.ts";
import { CERTIFICATE_LABELS } from "../modules/certificates/index.ts";
import { findCertificateByNumber, parseCertificateNumber } from "../modules/verification/index.ts";
import type { AppEnv } from "../web/env.ts";
import { openToOtherSites } from "./cross-origin.ts";
import { etagOf } from "../lib/etag.ts";
import { tagged } from "../web/http-cache.ts";
import { securityHeaders } from "../web/security-headers.ts";

const COLOURS: Record<CertificateStatus | "unknown", string> = {
  active: "#1b6a35",
  suspended: "#8a4b00",
  withdrawn: "#b42318",
  expired: "#4f5966",
  ended: "#4f5966",
  unknown: "#6c7683",
};

export function badgeRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use("*", openToOtherSites());
  app.get("/:file", badgeAnswer);
  return app;
}

/** GET /badge/{number}.svg: also answered on the hot path (web/hot-reads.ts). */
export async function badgeAnswer(c: Context<AppEnv>): Promise<Response> {
  const m = /^(\d{1,12})\.svg$/.exec(c.req.param("file") ?? "");
  const number = m ? parseCertificateNumber(m[1]!) : null;
  const deps = c.get("deps");
  const cert = number === null ? null : await findCertificateByNumber(deps.reads, number, swedishDate(deps.clock.now()), { name: deps.config.org.name });
  const left = number === null ? "certifikat" : `certifikat ${number}`;
  // The badge shows the number and the status, nothing else: the tag is made from those, so a
  // 304 draws nothing.
  const etag = `"b${TEMPLATE}-${number ?? "x"}-${cert?.status ?? "unknown"}"`;
  const svg = () => (cert ? badgeSvg(left, cert.statusLabel, COLOURS[cert.status], `${left}: ${cert.statusLabel}`) : badgeSvg(left, "okänt", COLOURS.unknown, `${left}: okänt certifikat`));
  return tagged(c, etag, svg, { contentType: "image/svg+xml", cacheControl: cert ? "public, max-age=300" : "public, max-age=60", status: cert ? 200 : 404, base: securityHeaders(deps.config).publicData });
}

/** The template's own version: a release that draws badges differently changes every tag. */
const TEMPLATE = etagOf(badgeSvg("certifikat 10001", "Aktivt", COLOURS.active, "t") + JSON.stringify([COLOURS, CERTIFICATE_LABELS])).slice(1, 9);

/** Verdana 11px, as shields.io: about 7 px a character is enough to size the two halves. */
function textWidth(text: string): number {
  return Math.round([...text].reduce((w, ch) => w + (ch === " " ? 3.9 : /[il1.,:;|']/.test(ch) ? 3.6 : /[mwMW]/.test(ch) ? 10 : /[A-ZÅÄÖ]/.test(ch) ? 7.6 : 6.9), 0));
}

export function badgeSvg(left: string, right: string, colour: string, title: string): string {
  // The status is bold, about a tenth wider. textLength makes any fallback font fit the box.
  const lt = textWidth(left);
  const rt = Math.round(textWidth(right) * 1.1);
  const lw = lt + 12;
  const rw = rt + 12;
  const w = lw + rw;
  const t = escapeXml(title);
  // Ids differ per size and colour, so badges inlined into one page do not share a clip path.
  const id = `cp${w}${colour.replace(/\W/g, "")}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" viewBox="0 0 ${w} 20" role="img" aria-label="${t}"><title>${t}</title><linearGradient id="${id}s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="${id}r"><rect width="${w}" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#${id}r)"><rect width="${lw}" height="20" fill="#3b4452"/><rect x="${lw}" width="${rw}" height="20" fill="${colour}"/><rect width="${w}" height="20" fill="url(#${id}s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11"><text x="${lw / 2}" y="14" textLength="${lt}" lengthAdjust="spacingAndGlyphs">${escapeXml(left)}</text><text x="${lw + rw / 2}" y="14" font-weight="bold" textLength="${rt}" lengthAdjust="spacingAndGlyphs">${escapeXml(right)}</text></g></svg>`;
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[ch]!);
}
