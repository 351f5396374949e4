import { describe, expect, it } from "vitest";
import { isLuhnValid, luhnCheckDigit } from "./luhn.ts";

describe("isLuhnValid", () => {
  it.each([
    "5560160680", // Volvo's well-known organisationsnummer
    "2021005489", // Stockholms stad
    "8112189876", // Skatteverket's test personnummer 811218-9876
    "1212121212",
    "79927398713", // the textbook example
    "00",
  ])("accepts %s", (digits) => {
    expect(isLuhnValid(digits)).toBe(true);
  });

  it.each(["5560160681", "8112189875", "79927398710", "1212121213"])("rejects %s", (digits) => {
    expect(isLuhnValid(digits)).toBe(false);
  });

  it("rejects anything that is not at least two digits", () => {
    expect(isLuhnValid("")).toBe(false);
    expect(isLuhnValid("0")).toBe(false);
    expect(isLuhnValid("556016-0680")).toBe(false);
    expect(isLuhnValid(" 5560160680")).toBe(false);
  });

  it("catches every single-digit typo in a valid number", () => {
    const valid = "5560160680";
    for (let pos = 0; pos < valid.length; pos++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[pos]) continue;
        const typo = valid.slice(0, pos) + d + valid.slice(pos + 1);
        expect(isLuhnValid(typo), typo).toBe(false);
      }
    }
  });
});

describe("luhnCheckDigit", () => {
  it.each([
    ["556016068", 0],
    ["800101123", 1],
    ["811218987", 6],
    ["7992739871", 3],
    ["000000000", 0],
  ])("%s → %i", (payload, digit) => {
    expect(luhnCheckDigit(payload)).toBe(digit);
  });

  it("produces numbers that isLuhnValid accepts", () => {
    for (const payload of ["1", "12", "123456789", "9999999999999"]) {
      expect(isLuhnValid(payload + luhnCheckDigit(payload))).toBe(true);
    }
  });

  it("refuses non-digits", () => {
    expect(() => luhnCheckDigit("12a")).toThrow(TypeError);
    expect(() => luhnCheckDigit("")).toThrow(TypeError);
  });
});
