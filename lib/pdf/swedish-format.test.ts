import { describe, expect, it } from "vitest";
import { formatKronor, formatPostalCode, isSweden } from "./swedish-format.ts";

const nb = (s: string) => s.replace(/ /g, "\u00a0");

describe("Swedish formats", () => {
  it("writes öre as kronor with a decimal comma and grouped thousands that never wrap", () => {
    expect(formatKronor(125000)).toBe(nb("1 250,00 kr"));
    expect(formatKronor(0)).toBe(nb("0,00 kr"));
    expect(formatKronor(5)).toBe(nb("0,05 kr"));
    expect(formatKronor(99999)).toBe(nb("999,99 kr"));
    expect(formatKronor(123456789)).toBe(nb("1 234 567,89 kr"));
    expect(formatKronor(-12345)).toBe(nb("−123,45 kr"));
    expect(() => formatKronor(12.5)).toThrow(RangeError);
  });

  it("groups a Swedish postal code and leaves others alone", () => {
    expect(formatPostalCode("41104")).toBe("411 04");
    expect(formatPostalCode("411 04")).toBe("411 04");
    expect(formatPostalCode("SW1A 1AA")).toBe("SW1A 1AA");
  });

  it("knows Sweden by name or code", () => {
    expect(["Sverige", "SE", "sweden", ""].every(isSweden)).toBe(true);
    expect(isSweden("Norge")).toBe(false);
  });
});
