import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { pdfFirstPagePng, pdfPageCount, pdfText } from "../../test/pdf.ts";
import { renderInvoicePdf, type InvoicePdfInput } from "./invoice.tsx";

const OUT = path.resolve("test-results/pdf");

const invoice: InvoicePdfInput = {
  org: {
    name: "Exempel Certifiering AB",
    address: "Exempelgatan 1, 123 45 Exempelstad",
    orgNumber: "556677-8899",
    bankgiro: "5050-1055",
    phone: "08-000 00 00",
    email: "faktura@example.org",
  },
  number: 1042,
  issuedOn: "2026-05-04",
  dueOn: "2026-06-03",
  ocr: "10426",
  recipient: {
    name: "Exempel Kyl AB",
    addressLine1: "Box 123",
    addressLine2: "Att: Ekonomiavdelningen",
    postalCode: "41104",
    city: "Göteborg",
    country: "Sverige",
    reference: "Åsa Ängström-Öberg / PO-7781",
  },
  lines: [
    { description: "Certifieringsavgift Utbildningsintyg Mobil AC", quantity: 1, unitPriceOre: 125000, amountOre: 125000 },
    { description: "Registeravgift, årlig förlängning", quantity: 2, unitPriceOre: 45050, amountOre: 90100 },
  ],
  vatPercent: 25,
  netOre: 215100,
  vatOre: 53775,
  totalOre: 268875,
};

describe("invoice PDF", () => {
  it("carries everything a Swedish invoice needs, with amounts written the Swedish way", async () => {
    const pdf = await renderInvoicePdf(invoice);
    expect(await pdfPageCount(pdf)).toBe(1);
    const text = await pdfText(pdf);
    for (const expected of [
      "Exempel Certifiering AB Exempelgatan 1 123 45 Exempelstad",
      "FAKTURA",
      "Fakturanummer 1042",
      "Fakturadatum 2026-05-04",
      "Förfallodatum 2026-06-03",
      "OCR-nummer 10426",
      "Betalningsvillkor 30 dagar netto",
      "Er referens Åsa Ängström-Öberg / PO-7781",
      "Exempel Kyl AB Box 123 Att: Ekonomiavdelningen 411 04 GÖTEBORG",
      "Beskrivning Antal À-pris Belopp",
      "Certifieringsavgift Utbildningsintyg Mobil AC 1 1 250,00 kr 1 250,00 kr",
      "Registeravgift, årlig förlängning 2 450,50 kr 901,00 kr",
      "Netto 2 151,00 kr",
      "Moms 25 % 537,75 kr",
      "Att betala 2 688,75 kr",
      "Betala till bankgiro 5050-1055 och ange OCR-nummer 10426",
      "Organisationsnummer 556677-8899",
      "Momsreg.nr SE556677889901",
      "faktura@example.org",
    ]) {
      expect(text).toContain(expected);
    }
    // Domestic post leaves the country out.
    expect(text).not.toContain("SVERIGE");
  });

  it("addresses a recipient abroad with the country and leaves out an empty reference", async () => {
    const text = await pdfText(
      await renderInvoicePdf({ ...invoice, recipient: { name: "Nordkyl AS", addressLine1: "Storgata 5", postalCode: "0155", city: "Oslo", country: "Norge", reference: null } }),
    );
    expect(text).toContain("Nordkyl AS Storgata 5 0155 OSLO NORGE");
    expect(text).not.toContain("Er referens");
  });

  it("refuses to print sums that do not add up", async () => {
    await expect(renderInvoicePdf({ ...invoice, totalOre: invoice.totalOre + 1 })).rejects.toThrow(RangeError);
    await expect(renderInvoicePdf({ ...invoice, netOre: 215000, totalOre: 268775 })).rejects.toThrow(RangeError);
    await expect(renderInvoicePdf({ ...invoice, lines: [{ ...invoice.lines[0], amountOre: 1 }, invoice.lines[1]] })).rejects.toThrow(RangeError);
  });

  it("continues a long invoice on more pages with the table head and page numbers", async () => {
    const lines = Array.from({ length: 40 }, (_, i) => ({ description: `Certifieringsavgift, certifikat ${100400 + i}`, quantity: 1, unitPriceOre: 100000, amountOre: 100000 }));
    const pdf = await renderInvoicePdf({ ...invoice, lines, netOre: 4_000_000, vatOre: 1_000_000, totalOre: 5_000_000 });
    const pages = await pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const text = await pdfText(pdf);
    expect(text).toContain(`Sida 1 av ${pages}`);
    expect(text).toContain(`Sida ${pages} av ${pages}`);
    expect(text.split("Beskrivning Antal À-pris Belopp").length).toBeGreaterThanOrEqual(3);
    expect(text).toContain("Certifieringsavgift, certifikat 100439 1 1 000,00 kr 1 000,00 kr");
    expect(text).toContain("Att betala 50 000,00 kr");
  });

  it("draws a readable A4 page", async () => {
    const png = await pdfFirstPagePng(await renderInvoicePdf(invoice), path.join(OUT, "invoice.png"));
    const { width, height } = await sharp(png).metadata();
    expect(width).toBeGreaterThan(400);
    expect((height ?? 0) / (width ?? 1)).toBeCloseTo(297 / 210, 2);
    const { channels } = await sharp(png).stats();
    expect(Math.min(...channels.slice(0, 3).map((c) => c.min))).toBeLessThan(100);
    // Mostly paper, but not blank: a few percent of the page is ink.
    expect(channels[0].mean).toBeLessThan(250);
    expect(channels[0].mean).toBeGreaterThan(200);
  });
});
