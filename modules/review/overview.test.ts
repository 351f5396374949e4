import { describe, expect, it } from "vitest";
import { addDays } from "../../lib/dates.ts";
import { isoWeek, median, mondayOf, queueFigures, startOfSwedishDay } from "./overview.ts";

describe("the staff overview's arithmetic", () => {
  it("knows ISO weeks across year ends and Mondays", () => {
    expect(isoWeek("2026-12-04")).toBe(49);
    expect(isoWeek("2021-01-01")).toBe(53);
    expect(isoWeek("2024-12-30")).toBe(1);
    expect(isoWeek("2026-01-01")).toBe(1);
    expect(isoWeek("2027-01-03")).toBe(53);
    expect(mondayOf("2026-12-06")).toBe("2026-11-30");
    expect(mondayOf("2026-11-30")).toBe("2026-11-30");
    // Monday by Monday over ten years: one more each week, and 1 again in the week of 4 January.
    let monday = "2020-01-06";
    let expected = 1; // the week before 2020-01-06 (week 2)
    for (let i = 0; i < 520; i++) {
      const [, m, d] = monday.split("-").map(Number) as [number, number, number];
      const holdsJan4 = (m === 12 && d >= 29) || (m === 1 && d <= 4);
      expected = holdsJan4 ? 1 : expected + 1;
      if (!holdsJan4) expect(isoWeek(monday)).toBe(expected);
      else expect(isoWeek(monday)).toBe(1);
      for (let k = 1; k < 7; k++) expect(isoWeek(addDays(monday, k))).toBe(expected);
      monday = addDays(monday, 7);
    }
  });

  it("counts how long a queue waits, in whole days", () => {
    const now = new Date("2026-12-04T12:00:00Z");
    const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
    expect(queueFigures([], now)).toEqual({ count: 0, oldestDays: null, medianDays: null });
    expect(queueFigures([ago(0.5), ago(3.2), ago(10)], now)).toEqual({ count: 3, oldestDays: 10, medianDays: 3 });
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("starts a Swedish day at midnight in Stockholm, summer and winter", () => {
    expect(startOfSwedishDay("2026-07-01").toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(startOfSwedishDay("2026-12-01").toISOString()).toBe("2026-11-30T23:00:00.000Z");
  });
});
