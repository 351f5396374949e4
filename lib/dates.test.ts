import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonths, addYears, isIsoDate, swedishDate, swedishLongDate } from "./dates.ts";

describe("dates", () => {
  it("takes today's date in Sweden, not in UTC", () => {
    expect(swedishDate(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(swedishDate(new Date("2026-01-31T22:59:00Z"))).toBe("2026-01-31");
  });

  it("keeps the date for a minute yet always answers what Intl says, in any order of instants", () => {
    const intl = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" });
    // Around midnight and the clock changes, and anywhere: seconds apart and years apart.
    const edges = [Date.parse("2026-03-28T22:59:59.999Z"), Date.parse("2026-03-29T00:59:00Z"), Date.parse("2026-10-24T21:59:30Z"), Date.parse("2026-10-25T00:00:00Z")];
    const instant = fc.oneof(
      fc.integer({ min: Date.parse("1990-01-01"), max: Date.parse("2090-01-01") }),
      fc.tuple(fc.constantFrom(...edges), fc.integer({ min: -120_000, max: 120_000 })).map(([e, d]) => e + d),
    );
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 50 }), (list) => {
        for (const ms of list) expect(swedishDate(new Date(ms))).toBe(intl.format(new Date(ms)));
      }),
    );
  });

  it("knows real dates", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-2-28")).toBe(false);
    expect(isIsoDate("")).toBe(false);
  });

  it("adds days and years across month ends and leap days", () => {
    expect(addDays("2026-01-31", 30)).toBe("2026-03-02");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addYears("2026-03-15", 1)).toBe("2027-03-15");
    expect(addDays(addYears("2024-02-29", 1), -1)).toBe("2025-02-28");
  });

  it("says a date in Swedish words, as a deadline two months after a decision reads", () => {
    expect(swedishLongDate(addMonths("2026-12-03", 2))).toBe("3 februari 2027");
    expect(swedishLongDate("2026-05-31")).toBe("31 maj 2026");
    expect(swedishLongDate(addMonths("2026-12-31", 2))).toBe("28 februari 2027");
  });
});
