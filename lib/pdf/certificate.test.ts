import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { pdfFirstPagePng, pdfPageCount, pdfText } from "../../test/pdf.ts";
import { inLanguage } from "../i18n/index.ts";
import { renderCertificatePdf, type CertificatePdfInput } from "./certificate.tsx";

const OUT = path.resolve("test-results/pdf");

const certificate: CertificatePdfInput = {
  org: { name: "Exempel Certifiering AB", accreditation: "Ackrediterat av Swedac för certifiering av personer och företag, ackrediteringsnummer 0000." },
  kind: "CERTIFICATE",
  holder: { name: "Åsa Ängström-Öberg" },
  area: "F-gaser",
  schemeName: "Personcertifikat kategori I",
  scope:
    "Innehavaren får installera, underhålla, reparera och avveckla stationära kyl- och luftkonditioneringsutrustningar och värmepumpar som innehåller fluorerade växthusgaser, samt utföra läckagekontroll.",
  number: 100427,
  issuedOn: "2026-03-02",
  validUntil: "2031-03-01",
  latestDecisionOn: "2026-03-02",
  status: "active",
  statusOn: "2026-05-04",
  verifyUrl: "https://online.example.org/c/100427",
  issuer: { name: "Karin Ek", title: "Certifieringschef" },
};

/** Pixels that are clearly red: the status stamp and warning are the only red on the page. */
async function redPixels(png: Buffer): Promise<number> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let red = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    if (data[i] - data[i + 1] > 50 && data[i] - data[i + 2] > 40) red++;
  }
  return red;
}

describe("certificate PDF", () => {
  it("shows the holder, the scheme and what it allows, the dates, the status, the QR's address and the issuer", async () => {
    const pdf = await renderCertificatePdf(certificate);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await pdfPageCount(pdf)).toBe(1);
    const text = await pdfText(pdf);
    for (const expected of [
      "Exempel Certifiering AB",
      "Ackrediterat av Swedac för certifiering av personer och företag",
      "CERTIFIKAT",
      "Härmed certifieras Åsa Ängström-Öberg inom F-gaser Personcertifikat kategori I",
      "stationära kyl- och luftkonditioneringsutrustningar",
      "Certifikatnummer 100427",
      "Utfärdandedatum 2026-03-02",
      "Giltigt till 2031-03-01",
      "Senaste beslut 2026-03-02",
      "Status Aktivt per 2026-05-04",
      "Karin Ek Certifieringschef",
      "https://online.example.org/c/100427",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("GÄLLER INTE");
  });

  it("can be had in English: every printed word but the holder's, the scheme's and the body's own (docs/decisions/022)", async () => {
    const english = { ...certificate, org: { ...certificate.org, accreditation: "Accredited by Swedac for the certification of persons and companies." }, issuer: { name: "Karin Ek", title: "Head of Certification" } };
    const pdf = await inLanguage("en", () => renderCertificatePdf(english));
    const text = await pdfText(pdf);
    for (const expected of [
      "CERTIFICATE",
      "This is to certify Åsa Ängström-Öberg in F-gaser Personcertifikat kategori I",
      "Certificate number 100427",
      "Date of issue 2026-03-02",
      "Valid until 2031-03-01",
      "Latest decision 2026-03-02",
      "Status Active as of 2026-05-04",
      "Karin Ek Head of Certification",
      "Check the certificate:",
      "The current status is always shown at https://online.example.org/c/100427",
    ]) {
      expect(text).toContain(expected);
    }
    for (const swedish of ["Härmed", "Certifikatnummer", "Utfärdandedatum", "Giltigt till", "Aktivt", "Kontrollera"]) expect(text).not.toContain(swedish);
    const attestation = await pdfText(await inLanguage("en", () => renderCertificatePdf({ ...english, kind: "ATTESTATION" })));
    // (Not its heading: @react-pdf's text layer loses an "O" drawn after an "Ö" in an earlier
    // document of the process, here the holder's name; the page itself shows it.)
    expect(attestation).toContain("This is to attest that Åsa Ängström-Öberg has completed training in F-gaser");
    const suspended = await pdfText(await inLanguage("en", () => renderCertificatePdf({ ...english, status: "suspended", suspendedUntil: "2026-09-30" })));
    expect(suspended).toContain("Suspended as of 2026-05-04 (up to and including 2026-09-30)");
    expect(suspended).toContain("SUSPENDED – NOT VALID");
    expect(suspended).toContain("The certificate is suspended and not valid.");
    await pdfFirstPagePng(pdf, path.join(OUT, "certificate-english.png"));
    await pdfFirstPagePng(await inLanguage("en", () => renderCertificatePdf({ ...english, kind: "ATTESTATION" })), path.join(OUT, "attestation-english.png"));
  });

  it("leaves out Giltigt till where the scheme has none, and calls an attestation Utbildningsintyg", async () => {
    const text = await pdfText(
      await renderCertificatePdf({ ...certificate, kind: "ATTESTATION", area: "Mobila kylsystem", schemeName: "Utbildningsintyg Mobil AC", validUntil: null, latestDecisionOn: null }),
    );
    expect(text).toContain("UTBILDNINGSINTYG");
    expect(text).toContain("Härmed intygas att Åsa Ängström-Öberg har genomgått utbildning inom Mobila kylsystem Utbildningsintyg Mobil AC");
    expect(text).not.toContain("Giltigt till");
    expect(text).not.toContain("Senaste beslut");
  });

  it("names a company holder with its organisationsnummer", async () => {
    const text = await pdfText(await renderCertificatePdf({ ...certificate, holder: { name: "Exempel Kyl AB", orgNumber: "556677-8899" }, schemeName: "Företagscertifikat" }));
    expect(text).toContain("Härmed certifieras Exempel Kyl AB Organisationsnummer 556677-8899 inom F-gaser Företagscertifikat");
  });

  it.each([
    ["suspended", "VILANDE – GÄLLER INTE", "Status Vilande per 2026-05-04 (till och med 2026-09-30)", "Certifikatet är vilande och gäller inte."],
    ["withdrawn", "INDRAGET – GÄLLER INTE", "Status Indraget per 2026-05-04", "Certifikatet är indraget och gäller inte."],
    ["expired", "UTGÅNGET – GÄLLER INTE", "Status Utgånget per 2026-05-04", "Certifikatet är utgånget och gäller inte."],
  ] as const)("says across the page when it is %s", async (status, stamp, line, banner) => {
    const text = await pdfText(await renderCertificatePdf({ ...certificate, status, suspendedUntil: "2026-09-30" }));
    expect(text).toContain(stamp);
    expect(text).toContain(line);
    expect(text).toContain(banner);
  });

  it("draws a readable A4 page, with the stamp only on a certificate that does not hold", async () => {
    const active = await pdfFirstPagePng(await renderCertificatePdf(certificate), path.join(OUT, "certificate-active.png"));
    const suspended = await pdfFirstPagePng(await renderCertificatePdf({ ...certificate, status: "suspended", suspendedUntil: "2026-09-30" }), path.join(OUT, "certificate-suspended.png"));
    await pdfFirstPagePng(
      await renderCertificatePdf({ ...certificate, kind: "ATTESTATION", area: "Mobila kylsystem", schemeName: "Utbildningsintyg Mobil AC", validUntil: null, status: "withdrawn" }),
      path.join(OUT, "attestation-withdrawn.png"),
    );

    const { width, height } = await sharp(active).metadata();
    expect(width).toBeGreaterThan(400);
    expect((height ?? 0) / (width ?? 1)).toBeCloseTo(297 / 210, 2);
    const { channels } = await sharp(active).stats();
    expect(Math.min(...channels.slice(0, 3).map((c) => c.min))).toBeLessThan(100);

    expect(await redPixels(active)).toBe(0);
    expect(await redPixels(suspended)).toBeGreaterThan(2000);
  });
});
