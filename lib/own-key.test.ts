import { describe, expect, it } from "vitest";
import { ownEntry } from "./own-key.ts";

describe("ownEntry", () => {
  const table: Record<string, string> = { klar: "Klart." };
  it("finds the table's own entries", () => {
    expect(ownEntry(table, "klar")).toBe("Klart.");
  });
  it("finds nothing the table inherits, nor a missing key", () => {
    for (const key of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "", "okänd", undefined, null]) {
      expect(ownEntry(table, key)).toBeUndefined();
    }
  });
});
