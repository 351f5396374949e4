import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { pdfHasActiveContent, pdfLooksComplete } from "./pdf-checks.ts";
import { makePdf } from "./test-files.ts";

describe("pdfLooksComplete", () => {
  it("accepts a whole PDF, also with padding after %%EOF", () => {
    const pdf = makePdf();
    expect(pdfLooksComplete(pdf)).toBe(true);
    expect(pdfLooksComplete(Buffer.concat([pdf, Buffer.alloc(500)]))).toBe(true);
  });

  it("refuses one cut off before the end", () => {
    const pdf = makePdf();
    expect(pdfLooksComplete(pdf.subarray(0, pdf.length - 20))).toBe(false);
    expect(pdfLooksComplete(pdf.subarray(0, 100))).toBe(false);
  });

  it("does not count an %%EOF far from the end", () => {
    expect(pdfLooksComplete(Buffer.concat([makePdf(), Buffer.alloc(2000)]))).toBe(false);
  });
});

describe("pdfHasActiveContent", () => {
  it("finds nothing in a plain document", () => {
    expect(pdfHasActiveContent(makePdf())).toBe(false);
  });

  it.each([
    ["an /OpenAction with /JavaScript", "/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>"],
    ["a document-level /JavaScript name tree", "/Names << /JavaScript 6 0 R >>"],
    ["/JS spelled with #-escapes", "/OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>"],
    ["a /Launch action", "/OpenAction << /S /Launch /F (cmd.exe) >>"],
  ])("finds %s", (_, catalogExtra) => {
    expect(pdfHasActiveContent(makePdf({ catalogExtra }))).toBe(true);
  });

  it("does not mistake longer names or page text for active content", () => {
    expect(pdfHasActiveContent(makePdf({ catalogExtra: "/JSON true /Launcher 1 " }))).toBe(false);
    expect(pdfHasActiveContent(makePdf({ text: "Se /JavaScript och /JS" }))).toBe(false);
  });

  it("skips compressed stream bodies, whose bytes can spell /JS by chance", () => {
    const compressed = Buffer.concat([deflateSync(Buffer.from("BT ET")), Buffer.from("/JS ", "latin1")]);
    const pdf = makePdf({ contentStream: compressed.toString("latin1") });
    expect(pdf.includes("/JS ")).toBe(true);
    expect(pdfHasActiveContent(pdf)).toBe(false);
  });

  it("is linear on a file full of unfinished streams", () => {
    const hostile = Buffer.from(`%PDF-1.7\n${"stream\n".repeat(200_000)}`, "latin1");
    const started = performance.now();
    expect(pdfHasActiveContent(hostile)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
