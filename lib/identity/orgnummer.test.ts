import { describe, expect, it } from "vitest";
import { formatOrgNumber, parseOrgNumber } from "./orgnummer.ts";

function message(input: string): string {
  const result = parseOrgNumber(input);
  if (result.ok) throw new Error(`expected ${input} to be refused`);
  return result.message;
}

const WRONG_CHARACTERS = "Organisationsnumret får bara innehålla siffror och ett bindestreck, t.ex. 556016-0680.";
const WRONG_LENGTH = "Organisationsnumret ska ha tio siffror, t.ex. 556016-0680.";
const WRONG_CHECK_DIGIT =
  "Organisationsnumret stämmer inte: kontrollsiffran (den sista siffran) är fel. Kontrollera att du har skrivit rätt.";

describe("parseOrgNumber accepts", () => {
  it.each(["556016-0680", "5560160680", "16556016-0680", "165560160680", "  556016-0680 \n"])("%j as a legal entity", (input) => {
    expect(parseOrgNumber(input)).toEqual({ ok: true, value: "5560160680", kind: "legal" });
  });

  it.each([
    ["202100-5489", "2021005489"], // a municipality (first digit 2)
    ["556703-7485", "5567037485"], // an aktiebolag (first digit 5)
    ["212000-0142", "2120000142"],
  ])("%s as a legal entity", (input, value) => {
    expect(parseOrgNumber(input)).toEqual({ ok: true, value, kind: "legal" });
  });

  it("a sole trader's number, which is the owner's personnummer without the century", () => {
    expect(parseOrgNumber("800101-1231")).toEqual({ ok: true, value: "8001011231", kind: "sole-trader" });
    expect(parseOrgNumber("8112189876")).toEqual({ ok: true, value: "8112189876", kind: "sole-trader" });
  });
});

describe("parseOrgNumber refuses", () => {
  it.each(["556016 0680", "556016–0680", "556O16-0680", "abc", "556016-0680 AB", "+5560160680"])(
    "characters other than digits and a hyphen: %j",
    (input) => {
      expect(message(input)).toBe(WRONG_CHARACTERS);
    },
  );

  it.each(["", "   ", "556016-068", "55601606800", "556016-06800", "175560160680", "1655601606800", "-"])(
    "the wrong number of digits: %j",
    (input) => {
      expect(message(input)).toBe(WRONG_LENGTH);
    },
  );

  it("a personnummer with the century, explaining what a sole trader should write", () => {
    expect(message("19800101-1231")).toMatch(/personnummer med tio siffror, utan 19 eller 20 först/);
    expect(message("200001011234")).toMatch(/utan 19 eller 20 först/);
  });

  it.each(["5560-160680", "55601606-80", "556016--0680", "-5560160680", "5560160680-", "165560-160680"])(
    "a hyphen in the wrong place: %j",
    (input) => {
      expect(message(input)).toMatch(/^Skriv organisationsnumret som 556016-0680 eller 5560160680/);
    },
  );

  it.each(["556016-0681", "5560160689", "16556016-0681", "202100-5488", "800101-1232"])("a wrong check digit: %s", (input) => {
    expect(message(input)).toBe(WRONG_CHECK_DIGIT);
  });
});

describe("formatOrgNumber", () => {
  it("puts the hyphen before the last four digits", () => {
    expect(formatOrgNumber("5560160680")).toBe("556016-0680");
  });

  it("round-trips with parseOrgNumber, also from the 16 form", () => {
    const parsed = parseOrgNumber("165560160680");
    expect(parsed.ok && formatOrgNumber(parsed.value)).toBe("556016-0680");
  });

  it("refuses anything that is not 10 digits (a programming error, not user input)", () => {
    expect(() => formatOrgNumber("556016-0680")).toThrow(TypeError);
    expect(() => formatOrgNumber("165560160680")).toThrow(TypeError);
  });
});
