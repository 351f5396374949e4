import { describe, expect, it } from "vitest";
import { normaliseOrgNumber, parseCertificateNumber } from "./certificate-number.ts";
import { prefixQuery, searchWords } from "./search-words.ts";

describe("search words for FTS5", () => {
  it("keeps letters (å ä ö too) and digits, and drops everything FTS5 could read as syntax", () => {
    expect(searchWords('  Kyl & Värme "AB" OR NEAR(x) city:* -ö ')).toEqual(["Kyl", "Värme", "AB", "OR", "NEAR", "x", "city", "ö"]);
    expect(searchWords("K-Tech 2000")).toEqual(["K", "Tech", "2000"]);
    expect(searchWords("   ")).toEqual([]);
    expect(searchWords("a b c d e f g h i j")).toHaveLength(8);
  });

  it("asks for every word as a quoted prefix, in one column if given", () => {
    expect(prefixQuery(["kyl", "norr"])).toBe('"kyl"* AND "norr"*');
    expect(prefixQuery(["väst"], "city")).toBe('city : "väst"*');
    expect(prefixQuery([])).toBeNull();
  });
});

describe("numbers as typed", () => {
  it("reads certificate numbers as positive integers of at most twelve digits", () => {
    expect(parseCertificateNumber("10001")).toBe(10001);
    expect(parseCertificateNumber("0")).toBeNull();
    expect(parseCertificateNumber("12a")).toBeNull();
    expect(parseCertificateNumber("1234567890123")).toBeNull();
    expect(parseCertificateNumber("-5")).toBeNull();
  });

  it("reads an organisationsnummer with or without dash, or with the 16 prefix", () => {
    expect(normaliseOrgNumber("556016-0680")).toBe("5560160680");
    expect(normaliseOrgNumber(" 5560160680 ")).toBe("5560160680");
    expect(normaliseOrgNumber("16 556016-0680")).toBe("5560160680");
    expect(normaliseOrgNumber("55601")).toBeNull();
    expect(normaliseOrgNumber("abc")).toBeNull();
  });
});
