import { describe, expect, it } from "vitest";
import { checkFormToken, issueFormToken } from "./form-token.ts";

const key = new Uint8Array(64).fill(7);
const rules = { minAgeMs: 3_000, maxAgeMs: 86_400_000 };
const shown = new Date("2026-12-04T10:00:00Z");
const after = (ms: number) => new Date(shown.getTime() + ms);

describe("form token", () => {
  it("takes a genuine token posted after a few seconds and before a day has passed", () => {
    const token = issueFormToken(key, "klagomal", shown);
    expect(checkFormToken(key, "klagomal", token, after(3_000), rules)).toEqual({ ok: true });
    expect(checkFormToken(key, "klagomal", token, after(86_400_000), rules)).toEqual({ ok: true });
  });

  it("refuses a post at once, a stale token, another form's token, another key's and a made-up one", () => {
    const token = issueFormToken(key, "klagomal", shown);
    expect(checkFormToken(key, "klagomal", token, after(500), rules)).toEqual({ ok: false, reason: "too_fast" });
    expect(checkFormToken(key, "klagomal", token, after(86_400_001), rules)).toEqual({ ok: false, reason: "expired" });
    expect(checkFormToken(key, "annat", token, after(5_000), rules)).toEqual({ ok: false, reason: "forged" });
    expect(checkFormToken(new Uint8Array(64).fill(8), "klagomal", token, after(5_000), rules)).toEqual({ ok: false, reason: "forged" });
    // An earlier time with the same signature: the time is signed too.
    const [, sig] = token.split(".");
    expect(checkFormToken(key, "klagomal", `${shown.getTime() - 60_000}.${sig}`, after(5_000), rules)).toEqual({ ok: false, reason: "forged" });
    for (const junk of [undefined, "", "x", "1.2", `${shown.getTime()}.${"a".repeat(43)}`, "__proto__"]) expect(checkFormToken(key, "klagomal", junk, after(5_000), rules).ok).toBe(false);
  });
});
