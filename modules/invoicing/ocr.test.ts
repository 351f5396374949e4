import { describe, expect, it } from "vitest";
import { isLuhnValid } from "../../lib/identity/luhn.ts";
import { isValidOcr, ocrReference } from "./ocr.ts";

describe("OCR reference", () => {
  it("is the invoice number with its Luhn check digit", () => {
    // 100001: from the right, doubled 1→2, 0, 0, 0, 0, 1 (not doubled) … sum 3, check digit 7.
    expect(ocrReference(100001)).toBe("1000017");
    expect(ocrReference(100002)).toBe("1000025");
    expect(ocrReference(7992739871)).toBe("79927398713");
  });

  it("verifies with Luhn for every number, and a mistyped digit does not", () => {
    for (let n = 100001; n < 101001; n++) {
      const ocr = ocrReference(n);
      expect(isLuhnValid(ocr)).toBe(true);
      expect(isValidOcr(ocr)).toBe(true);
      const last = Number(ocr.at(-1));
      expect(isValidOcr(ocr.slice(0, -1) + String((last + 1) % 10))).toBe(false);
    }
  });

  it("refuses what is not an invoice number", () => {
    expect(() => ocrReference(0)).toThrow(RangeError);
    expect(() => ocrReference(1.5)).toThrow(RangeError);
    expect(isValidOcr("12a4")).toBe(false);
  });
});
