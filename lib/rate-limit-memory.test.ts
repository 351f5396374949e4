import { describe, expect, it } from "vitest";
import { TooManyRequests } from "./errors.ts";
import { MemoryRateLimiter } from "./rate-limit-memory.ts";

describe("MemoryRateLimiter", () => {
  it("allows max hits a window per key, says how long to wait, and starts over in the next window", () => {
    const l = new MemoryRateLimiter();
    for (let i = 0; i < 3; i++) expect(l.hit("a", 3, 60_000, 1_000).allowed).toBe(true);
    expect(l.hit("a", 3, 60_000, 31_000)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(l.hit("b", 3, 60_000, 31_000).allowed).toBe(true);
    expect(l.hit("a", 3, 60_000, 61_000).allowed).toBe(true);
    expect(() => l.enforce("c", 0, 60_000, 0, "Vänta")).toThrow(TooManyRequests);
  });

  it("stays bounded when flooded with addresses", () => {
    const l = new MemoryRateLimiter(1_000);
    for (let i = 0; i < 5_000; i++) l.hit(`ip${i}`, 10, 60_000, 1_000);
    expect((l as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(1_000);
  });
});
