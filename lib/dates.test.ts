import { describe, expect, it } from "vitest";
import { addDays, addYears, isIsoDate, swedishDate } from "./dates.ts";

describe("dates", () => {
  it("takes today's date in Sweden, not in UTC", () => {
    expect(swedishDate(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(swedishDate(new Date("2026-01-31T22:59:00Z"))).toBe("2026-01-31");
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
});
