import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flatString } from "./flat-string.ts";

describe("flatString", () => {
  it("gives back the same text, however it was built", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme" }), { maxLength: 200 }), (pieces) => {
        let rope = "";
        for (const p of pieces) rope += p;
        expect(flatString(rope)).toBe(pieces.join(""));
      }),
    );
    expect(flatString("<p>Företag i Umeå – “kyl” 🧊</p>")).toBe("<p>Företag i Umeå – “kyl” 🧊</p>");
  });

  it("writes a lone surrogate as U+FFFD, as UTF-8 would send it", () => {
    expect(flatString("a\uD800b")).toBe("a\uFFFDb");
  });
});
