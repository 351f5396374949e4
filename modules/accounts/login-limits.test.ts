import { describe, expect, it } from "vitest";
import { lockEnd } from "./code-login-lock.ts";
import { CODE_SPACE, WRONG_CODES_MAX, WRONG_CODES_WINDOW_MS } from "./login-limits.ts";

const DAY = 86_400_000;
const YEAR = 366 * DAY;

describe("the bound on wrong one-time codes per account", () => {
  it("keeps the chance of guessing a code within a year below 1 in 10 000", () => {
    // Any year is covered by ⌈year / window⌉ windows, each taking at most WRONG_CODES_MAX guesses.
    const guessesPerYear = WRONG_CODES_MAX * Math.ceil(YEAR / WRONG_CODES_WINDOW_MS);
    const chance = guessesPerYear / CODE_SPACE;
    expect(guessesPerYear).toBe(91);
    expect(chance).toBeLessThan(1e-4);
  });

  it("holds for an attacker who guesses the moment a guess is taken, for a year", () => {
    // The lock rule itself, driven by a guesser who never sleeps: one wrong code a second while
    // code login is open, waiting out each lock to the millisecond.
    const start = Date.UTC(2026, 0, 1);
    let now = start;
    let lockedUntil = 0;
    const wrong: number[] = [];
    while (now < start + YEAR) {
      if (now < lockedUntil) {
        now = lockedUntil;
        continue;
      }
      wrong.push(now);
      const inWindow = wrong.filter((t) => t > now - WRONG_CODES_WINDOW_MS).reverse().slice(0, WRONG_CODES_MAX);
      lockedUntil = lockEnd(inWindow.map((t) => new Date(t)))?.getTime() ?? 0;
      now += 1000;
    }
    const checked = wrong.filter((t) => t < start + YEAR).length;
    expect(checked).toBeLessThanOrEqual(WRONG_CODES_MAX * Math.ceil(YEAR / WRONG_CODES_WINDOW_MS));
    expect(checked / CODE_SPACE).toBeLessThan(1e-4);
    // And no rolling window ever took more than the bound.
    for (const t of wrong) expect(wrong.filter((u) => u > t - WRONG_CODES_WINDOW_MS && u <= t).length).toBeLessThanOrEqual(WRONG_CODES_MAX);
  });

  it("locks at the bound, until the oldest wrong code has left the window", () => {
    const t0 = Date.UTC(2026, 10, 22, 9, 0, 0);
    const times = Array.from({ length: WRONG_CODES_MAX }, (_, i) => new Date(t0 + (WRONG_CODES_MAX - 1 - i) * 60_000));
    expect(lockEnd(times.slice(0, WRONG_CODES_MAX - 1))).toBeNull();
    expect(lockEnd(times)!.getTime()).toBe(t0 + WRONG_CODES_WINDOW_MS);
  });
});
