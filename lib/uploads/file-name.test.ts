import { describe, expect, it } from "vitest";
import { cleanFileName, MAX_FILE_NAME_LENGTH, tidyFileName } from "./file-name.ts";

describe("cleanFileName", () => {
  it.each([
    ["Registreringsbevis.pdf", "pdf", "Registreringsbevis.pdf"],
    ["bild.pdf", "png", "bild.png"],
    ["IMG_1234.JPG", "jpeg", "IMG_1234.jpg"],
    ["foto.jpeg", "jpeg", "foto.jpg"],
    ["foto.heic", "jpeg", "foto.jpg"],
    ["skanning", "pdf", "skanning.pdf"],
    ["Protokoll 2024.03", "pdf", "Protokoll 2024.03.pdf"],
    ["C:\\Users\\anna\\Intyg.pdf", "pdf", "Intyg.pdf"],
    ["../../etc/passwd", "pdf", "passwd.pdf"],
    ["..", "pdf", "fil.pdf"],
    [".htaccess", "png", "htaccess.png"],
    ["", "webp", "fil.webp"],
    ["   ", "pdf", "fil.pdf"],
    ["rapport\r\nSet-Cookie: x=1.pdf", "pdf", "rapport Set-Cookie_ x=1.pdf"],
    ["a\u0000b\u0007c.pdf", "pdf", "abc.pdf"],
    ["faktura\u202Egpj.exe", "png", "fakturagpj.png"],
    ['vad "är" <det>?.png', "png", "vad _är_ _det__.png"],
    ["Intyg   för\tåkeri .pdf", "pdf", "Intyg för åkeri.pdf"],
  ] as const)("%j as %s becomes %j", (name, type, expected) => {
    expect(cleanFileName(name, type)).toBe(expected);
  });

  it("composes macOS' decomposed å ä ö", () => {
    const decomposed = "Ga\u030arda\u0308ng o\u0308vning.pdf";
    expect(cleanFileName(decomposed, "pdf")).toBe("Gårdäng övning.pdf");
  });

  it("keeps names to 200 characters, keeping the extension and whole code points", () => {
    const long = `${"å".repeat(150)}${"😀".repeat(100)}.pdf`;
    const cleaned = cleanFileName(long, "pdf");
    expect([...cleaned].length).toBe(MAX_FILE_NAME_LENGTH);
    expect(cleaned.endsWith("😀.pdf")).toBe(true);
    // Survives a UTF-8 round trip: no surrogate pair was split.
    expect(Buffer.from(cleaned).toString()).toBe(cleaned);
  });

  it("replaces lone surrogates, which cannot be written as UTF-8", () => {
    expect(tidyFileName("a\uD800b.pdf")).toBe("a\uFFFDb.pdf");
  });
});
