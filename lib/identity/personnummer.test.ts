import { describe, expect, it } from "vitest";
import { formatPersonnummer, parsePersonnummer } from "./personnummer.ts";

// Check digits below were computed with an independent Luhn implementation.
const TODAY = new Date("2024-05-01T12:00:00Z");

function message(input: string, today = TODAY): string {
  const result = parsePersonnummer(input, today);
  if (result.ok) throw new Error(`expected ${input} to be refused`);
  return result.message;
}

describe("parsePersonnummer accepts", () => {
  it("YYYYMMDD-NNNN", () => {
    expect(parsePersonnummer("19800101-1231", TODAY)).toEqual({
      ok: true,
      value: "198001011231",
      birthDate: "1980-01-01",
      coordination: false,
    });
  });

  it("YYYYMMDDNNNN", () => {
    expect(parsePersonnummer("198001011231", TODAY)).toMatchObject({ ok: true, value: "198001011231" });
  });

  it("surrounding spaces, tabs and newlines", () => {
    expect(parsePersonnummer("  19800101-1231\t\n", TODAY)).toMatchObject({ ok: true, value: "198001011231" });
  });

  it.each([
    ["19811218-9876", "1981-12-18"], // Skatteverket's published test number
    ["19121212-1212", "1912-12-12"],
    ["20000229-1235", "2000-02-29"], // 2000 is a leap year
  ])("%s (born %s)", (input, birthDate) => {
    expect(parsePersonnummer(input, TODAY)).toMatchObject({ ok: true, birthDate, coordination: false });
  });

  it("a samordningsnummer (day + 60), reporting the real birth date", () => {
    expect(parsePersonnummer("19800161-1238", TODAY)).toEqual({
      ok: true,
      value: "198001611238",
      birthDate: "1980-01-01",
      coordination: true,
    });
  });

  it("someone born today in Sweden while it is still yesterday in UTC", () => {
    const lateEveningUtc = new Date("2024-06-30T22:30:00Z"); // 00:30 on 1 July in Stockholm
    expect(parsePersonnummer("20240701-1234", lateEveningUtc)).toMatchObject({ ok: true, birthDate: "2024-07-01" });
  });
});

describe("parsePersonnummer refuses", () => {
  it.each(["", "   ", "abc", "1980010l-1231", "19800101-123", "1980010112312", "19800101--1231", "1980 0101 1231", "19800101 1231", "1980-01-01-1231"])(
    "wrong length or characters: %j",
    (input) => {
      expect(message(input)).toBe("Personnumret ska ha tolv siffror, t.ex. 19800101-1234.");
    },
  );

  it.each(["800101-1231", "8001011231", "800101+1231", " 800101-1231 "])("ten digits, asking for the century: %j", (input) => {
    expect(message(input)).toBe("Skriv personnumret med århundrade, alltså tolv siffror, t.ex. 19800101-1234.");
  });

  it("a plus sign together with the century", () => {
    expect(message("19800101+1231")).toMatch(/Plustecken används bara med tio siffror/);
  });

  it.each(["19800231-1234", "19801301-1231", "19800001-1231", "19800100-1231", "19000229-1236", "19800192-1231"])(
    "a date that does not exist: %s",
    (input) => {
      expect(message(input)).toBe(
        `Personnumret innehåller inget giltigt datum (${input.slice(0, 8)}). Kontrollera år, månad och dag.`,
      );
    },
  );

  it("a birth date in the future", () => {
    expect(message("20250101-1239")).toBe(
      "Födelsedatumet i personnumret (2025-01-01) ligger i framtiden. Kontrollera att du har skrivit rätt.",
    );
  });

  it("a birth date that is still tomorrow in Sweden", () => {
    const lateEveningSweden = new Date("2024-06-30T21:30:00Z"); // 23:30 on 30 June in Stockholm
    expect(message("20240701-1234", lateEveningSweden)).toMatch(/ligger i framtiden/);
  });

  it("a samordningsnummer whose real birth date is in the future", () => {
    expect(message("20240761-1234")).toMatch(/\(2024-07-01\) ligger i framtiden/);
  });

  it("a century typo that Luhn cannot see (18… for 19…)", () => {
    expect(message("18550101-1232")).toBe(
      "Födelseåret i personnumret (1855) är inte rimligt. Kontrollera århundradet, t.ex. 19800101-1234.",
    );
  });

  it.each(["19800101-1232", "19800101-1230", "19811218-9875", "19800161-1231"])("a wrong check digit: %s", (input) => {
    expect(message(input)).toBe(
      "Personnumret stämmer inte: kontrollsiffran (den sista siffran) är fel. Kontrollera att du har skrivit rätt.",
    );
  });

  it("gives a different message for each kind of mistake", () => {
    const messages = new Set(
      ["1980", "800101-1231", "19800101+1231", "19800231-1234", "20250101-1239", "18550101-1232", "19800101-1232"].map((input) =>
        message(input),
      ),
    );
    expect(messages.size).toBe(7);
  });
});

describe("formatPersonnummer", () => {
  it("puts the hyphen before the last four digits", () => {
    expect(formatPersonnummer("198001011231")).toBe("19800101-1231");
  });

  it("round-trips with parsePersonnummer", () => {
    const parsed = parsePersonnummer("198112189876", TODAY);
    expect(parsed.ok && formatPersonnummer(parsed.value)).toBe("19811218-9876");
  });

  it("refuses anything that is not 12 digits (a programming error, not user input)", () => {
    expect(() => formatPersonnummer("19800101-1231")).toThrow(TypeError);
    expect(() => formatPersonnummer("8001011231")).toThrow(TypeError);
  });
});
