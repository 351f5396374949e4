import { swedishDate } from "../../lib/dates.ts";
import { orgTexts } from "../../lib/config.ts";
import { renderCertificatePdf } from "../../lib/pdf/index.ts";
import { certificateAddress, signedQrText } from "../../lib/signing/qr-sign.ts";
import type { Actor, Deps } from "../deps.ts";
import { getCertificate } from "./queries.ts";
import { publicStatus } from "./status.ts";
import { t } from "../../lib/i18n/index.ts";

/**
 * "Ladda ned certifikat": the certificate as an A4 PDF with today's status, made when asked for so
 * a suspended or withdrawn certificate's PDF says so. For the holder (or company admins) and staff.
 */
export async function certificatePdf(deps: Deps, actor: Actor, certificateId: string): Promise<{ bytes: Buffer; filename: string }> {
  const cert = await getCertificate(deps.db, actor, certificateId);
  const today = swedishDate(deps.clock.now());
  const c = cert.certificate;
  const { org, publicUrl } = deps.config;
  const bytes = await renderCertificatePdf({
    org: { name: org.name, accreditation: orgTexts(org).accreditation },
    kind: cert.scheme.kind,
    holder: { name: cert.holderName, orgNumber: cert.company?.orgNumber ?? null },
    area: cert.area.name,
    schemeName: cert.scheme.name,
    scope: cert.scheme.scope,
    number: c.number,
    version: c.version,
    supersededBy: cert.versions.find((v) => v.version > c.version) ? cert.versions[cert.versions.length - 1]!.version : null,
    issuedOn: c.issuedOn,
    validUntil: c.validUntil,
    latestDecisionOn: cert.latestDecisionOn,
    status: publicStatus(c, today),
    statusOn: today,
    suspendedUntil: c.suspendedUntil,
    verifyUrl: certificateAddress(publicUrl, c.number),
    // The same address, with the printed fields and their signature in the fragment (decision 019).
    qrText: signedQrText(deps.signer, publicUrl, { number: c.number, version: c.version, name: cert.holderName, scheme: cert.scheme.name, validUntil: c.validUntil }),
    issuer: { name: org.signatory.name, title: orgTexts(org).signatoryTitle },
  });
  return { bytes, filename: t("pdf.filename", c.number) };
}
