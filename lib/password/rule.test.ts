import { describe, expect, it } from "vitest";
import { checkPasswordRule, PASSWORD_REQUIREMENTS } from "./rule.ts";

describe("PASSWORD_REQUIREMENTS", () => {
  it("lists the manual's texts in the manual's order", () => {
    expect(PASSWORD_REQUIREMENTS).toEqual([
      { id: "length", text: "Minst 8 och högst 200 tecken långt." },
      { id: "letter", text: "Innehåller minst en bokstav (a - ö)." },
      { id: "digit", text: "Innehåller minst en siffra." },
    ]);
  });
});

describe("checkPasswordRule", () => {
  it.each(["abcdefg1", "1234567a", "ÅÄÖåäö12", "Sommar2024", "a".repeat(199) + "1"])("accepts %j", (pw) => {
    expect(checkPasswordRule(pw)).toEqual({ ok: true, failures: [], unmet: [] });
  });

  it("refuses 7 characters and accepts 8", () => {
    expect(checkPasswordRule("abcdef1")).toEqual({
      ok: false,
      failures: ["Lösenordet är för kort: det ska vara minst 8 tecken (nu 7)."],
      unmet: ["length"],
    });
    expect(checkPasswordRule("abcdefg1").ok).toBe(true);
  });

  it("accepts 200 characters and refuses 201", () => {
    expect(checkPasswordRule("a".repeat(199) + "1").ok).toBe(true);
    expect(checkPasswordRule("a".repeat(200) + "1")).toEqual({
      ok: false,
      failures: ["Lösenordet är för långt: det får vara högst 200 tecken (nu 201)."],
      unmet: ["length"],
    });
  });

  it("counts Unicode code points, not UTF-16 units", () => {
    // Each 🔑 is one code point but two UTF-16 units: 5 + "a1" = 7 characters.
    expect(checkPasswordRule("🔑🔑🔑🔑🔑a1").unmet).toEqual(["length"]);
    expect(checkPasswordRule("🔑🔑🔑🔑🔑🔑a1").ok).toBe(true);
    // 199 code points but 398 UTF-16 units: still within 200.
    expect(checkPasswordRule("🔑".repeat(197) + "a1").ok).toBe(true);
  });

  it("refuses a password without a letter a–ö", () => {
    expect(checkPasswordRule("12345678")).toEqual({
      ok: false,
      failures: ["Lösenordet ska innehålla minst en bokstav (a–ö)."],
      unmet: ["letter"],
    });
  });

  it.each(["å", "ä", "ö", "Å", "Ä", "Ö", "z", "Z"])("counts %s as a letter", (letter) => {
    expect(checkPasswordRule(`1234567${letter}`).ok).toBe(true);
  });

  it.each(["é", "ü", "ß", "ø", "æ", "я", "ñ"])("does not count %s as a letter a–ö", (letter) => {
    expect(checkPasswordRule(`1234567${letter}`).unmet).toEqual(["letter"]);
  });

  it("refuses a password without a digit", () => {
    expect(checkPasswordRule("abcdefgh")).toEqual({
      ok: false,
      failures: ["Lösenordet ska innehålla minst en siffra (0–9)."],
      unmet: ["digit"],
    });
  });

  it("does not count other numerals (e.g. Arabic-Indic) as a digit", () => {
    expect(checkPasswordRule("abcdefg٣").unmet).toEqual(["digit"]);
  });

  it("reports every unmet requirement at once, in list order", () => {
    expect(checkPasswordRule("")).toEqual({
      ok: false,
      failures: [
        "Lösenordet är för kort: det ska vara minst 8 tecken (nu 0).",
        "Lösenordet ska innehålla minst en bokstav (a–ö).",
        "Lösenordet ska innehålla minst en siffra (0–9).",
      ],
      unmet: ["length", "letter", "digit"],
    });
    expect(checkPasswordRule("!!!").unmet).toEqual(["length", "letter", "digit"]);
  });
});
