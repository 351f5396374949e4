import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFragment, parseQrText, qrMessage, qrText, type QrFields } from "./qr-format.ts";

const signature = Uint8Array.from({ length: 64 }, (_, i) => (i * 37) % 256);
const fields: QrFields = { number: 10001, version: 3, name: "Anna Åkesson", scheme: "Personcertifikat kategori I", validUntil: "2029-03-14" };

describe("the signed QR code's text", () => {
  it("is the public address with the fields and the signature in its fragment, plain ASCII", () => {
    const text = qrText("https://online.example.org/c/10001", "AbCdEfGh-and-the-rest", fields, signature);
    expect(text).toMatch(/^https:\/\/online\.example\.org\/c\/10001#s1,AbCdEfGh,3,20290314,Anna\+%C3%85kesson,Personcertifikat\+kategori\+I,[A-Za-z0-9_-]{86}$/);
    expect(parseQrText(text)).toEqual({ address: "https://online.example.org/c/10001", kidPrefix: "AbCdEfGh", fields, signature });
  });

  it("reads back any name and scheme, commas, plus signs and percent signs too", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 60 });
    fc.assert(
      fc.property(text, text, fc.option(fc.constantFrom("2026-12-31", "2031-01-01")), fc.integer({ min: 1, max: 99 }), (name, scheme, validUntil, version) => {
        const f = { number: 42, version, name, scheme, validUntil };
        const parsed = parseQrText(qrText("http://127.0.0.1:3100/c/42", "12345678", f, signature));
        expect(parsed?.fields).toEqual(f);
      }),
    );
  });

  it("signs the address and every field: changing any changes the message", () => {
    const base = qrMessage("https://online.example.org/c/10001", fields);
    const other = [
      qrMessage("https://online.example.org/c/10002", fields),
      qrMessage("https://evil.example.org/c/10001", fields),
      qrMessage("https://online.example.org/c/10001", { ...fields, version: 4 }),
      qrMessage("https://online.example.org/c/10001", { ...fields, name: "Anna Akesson" }),
      qrMessage("https://online.example.org/c/10001", { ...fields, scheme: "Personcertifikat kategori II" }),
      qrMessage("https://online.example.org/c/10001", { ...fields, validUntil: "2030-03-14" }),
      qrMessage("https://online.example.org/c/10001", { ...fields, validUntil: null }),
    ];
    for (const m of other) expect(Buffer.from(m).equals(Buffer.from(base))).toBe(false);
  });

  it("refuses what is not one of these, without throwing", () => {
    const good = qrText("https://online.example.org/c/10001", "AbCdEfGh", fields, signature);
    for (const bad of [
      "",
      "https://online.example.org/c/10001",
      "https://online.example.org/c/0#s1,AbCdEfGh,3,20290314,A,B,x",
      good.replace("#s1,", "#s2,"),
      good.replace(",3,", ",0,"),
      good.replace("20290314", "2029031"),
      good.replace("AbCdEfGh", "AbCd"),
      good.slice(0, -2),
      good.replace("Anna", "%E0%A4%A"),
      `${good},extra`,
      "javascript:alert(1)#s1,AbCdEfGh,3,-,A,B,AAAA",
      "x".repeat(5000),
    ]) {
      expect(parseQrText(bad), bad.slice(0, 80)).toBeNull();
    }
    fc.assert(fc.property(fc.string(), (s) => parseFragment("https://x.example", 1, s) === null || typeof s === "string"));
  });
});
