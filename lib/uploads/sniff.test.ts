import { describe, expect, it } from "vitest";
import { makeImage, makePdf } from "./test-files.ts";
import { sniffType } from "./sniff.ts";

const bytes = (text: string) => Buffer.from(text, "latin1");

describe("sniffType", () => {
  it("knows a PDF, JPEG, PNG and WebP by their first bytes", async () => {
    expect(sniffType(makePdf())).toBe("pdf");
    expect(sniffType(await makeImage("jpeg", 10, 10))).toBe("jpeg");
    expect(sniffType(await makeImage("png", 10, 10))).toBe("png");
    expect(sniffType(await makeImage("webp", 10, 10))).toBe("webp");
  });

  it("wants %PDF- at the very start, though readers allow it within 1024 bytes", () => {
    expect(sniffType(bytes("%PDF-1.4\n"))).toBe("pdf");
    expect(sniffType(bytes(" %PDF-1.4\n"))).toBe("unknown");
    expect(sniffType(bytes(`<html><body>hello</body></html>\n%PDF-1.4\n`))).toBe("unknown");
    expect(sniffType(bytes("\xef\xbb\xbf%PDF-1.4\n"))).toBe("unknown");
  });

  it.each([
    ["HTML", "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"],
    ["SVG", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ["GIF", "GIF89a\x01\x00\x01\x00\x00\x00\x00;"],
    ["ZIP / Word", "PK\x03\x04\x14\x00\x06\x00"],
    ["Windows executable", "MZ\x90\x00\x03\x00\x00\x00"],
    ["HEIC", "\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"],
    ["RIFF that is not WebP (WAV)", "RIFF\x24\x00\x00\x00WAVEfmt "],
    ["plain text", "Hej!"],
    ["almost PNG", "\x89PNG\r\n\x1a"],
    ["almost JPEG", "\xff\xd8"],
    ["empty", ""],
  ])("calls %s unknown", (_, text) => {
    expect(sniffType(bytes(text))).toBe("unknown");
  });
});
