import { Options } from "@zxcvbn-ts/core";
import { describe, expect, it } from "vitest";
import {
  CONTAINS_PERSONAL_MESSAGE,
  passwordStrength,
  personalTerms,
  STRENGTH_LABELS,
  STRENGTH_WARNINGS,
  TOO_COMMON_MESSAGE,
  validateNewPassword,
} from "./strength.ts";

const ANNA = ["anna-karin.berg@example.se", "Anna-Karin", "Berg"];

describe("passwordStrength", () => {
  it("labels every score in Swedish", () => {
    expect(STRENGTH_LABELS).toEqual([
      "Mycket svagt lösenord",
      "Svagt lösenord",
      "Medelstarkt lösenord",
      "Starkt lösenord",
      "Mycket starkt lösenord",
    ]);
  });

  it("rates a common password as very weak and common, with Swedish feedback", () => {
    expect(passwordStrength("password1")).toEqual({
      score: 0,
      label: "Mycket svagt lösenord",
      common: true,
      feedback: "Det här är ett vanligt lösenord.",
    });
  });

  it.each(["PASSWORD", "Qwerty123", "123456", "dragon"])("finds %j in the common list regardless of case", (pw) => {
    expect(passwordStrength(pw).common).toBe(true);
  });

  it("treats a common word with a year added as common and weak", () => {
    expect(passwordStrength("Sommar2024")).toEqual({
      score: 1,
      label: "Svagt lösenord",
      common: true,
      feedback: "Ett vanligt ord med siffror eller tecken före eller efter är lätt att gissa.",
    });
  });

  it.each(["Sommar2024!", "2024Sommar", "P@ssw0rd2024", "Hemligt123"])("also %j", (pw) => {
    const strength = passwordStrength(pw);
    expect(strength.common).toBe(true);
    expect(strength.score).toBeLessThanOrEqual(1);
  });

  it("does not let å ä ö hide a word the list spells without them", () => {
    expect(passwordStrength("Losenord1").common).toBe(true);
    expect(passwordStrength("Lösenord1").common).toBe(true);
  });

  it("rates a long random-ish passphrase as very strong, without feedback", () => {
    expect(passwordStrength("blåbärsöl7 kräftskiva")).toEqual({
      score: 4,
      label: "Mycket starkt lösenord",
      common: false,
    });
  });

  it("explains sequences in Swedish", () => {
    expect(passwordStrength("abcdefgh1").feedback).toBe("Följder som ”abc” eller ”123” är lätta att gissa.");
  });

  it("has a Swedish text for every warning zxcvbn-ts can give", () => {
    const warningKeys = Object.keys(new Options().translations.warnings);
    expect(Object.keys(STRENGTH_WARNINGS).sort()).toEqual(warningKeys.sort());
  });

  it("suggests a longer password when there is nothing specific to say", () => {
    expect(passwordStrength("hus7båt9")).toMatchObject({ score: 2, feedback: "Gör lösenordet längre, till exempel med några ord som inte hör ihop." });
  });

  it("counts the user's own name and e-mail as easy to guess", () => {
    const withoutInputs = passwordStrength("Kvarnberg77");
    const withInputs = passwordStrength("Kvarnberg77", ["kvarnberg@example.se"]);
    expect(withInputs.score).toBeLessThan(withoutInputs.score);
    expect(passwordStrength("Berg1980", ANNA).feedback).toBe("Lösenordet liknar ditt namn eller din e-postadress.");
  });

  it("handles the empty password", () => {
    expect(passwordStrength("")).toMatchObject({ score: 0, label: "Mycket svagt lösenord", common: false });
  });

  it("is quick enough to run on every submit, even at the maximum length", () => {
    const started = performance.now();
    passwordStrength("aB3-".repeat(50));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("personalTerms", () => {
  it("splits names and the e-mail local part into the words a password must not contain", () => {
    expect(personalTerms(ANNA).sort()).toEqual(["anna", "anna-karin", "anna-karin.berg", "berg", "karin"]);
  });

  it("ignores the e-mail domain, short parts and empty inputs", () => {
    expect(personalTerms(["bo.li@example.se", "", "  ", "Bo"])).toEqual(["bo.li"]);
  });

  it("lowercases Swedish letters", () => {
    expect(personalTerms(["ÅSA ÖBERG"]).sort()).toEqual(["åsa", "åsa öberg", "öberg"]);
  });
});

describe("validateNewPassword", () => {
  it.each(["password1", "Sommar2024", "qwerty123"])("refuses the common %j", (pw) => {
    expect(validateNewPassword(pw)).toEqual({ ok: false, message: TOO_COMMON_MESSAGE });
  });

  it("uses the agreed message for common passwords", () => {
    expect(TOO_COMMON_MESSAGE).toBe("Lösenordet är för vanligt eller lätt att gissa. Välj ett annat.");
  });

  it.each(["abcdefgh1", "Lösenord2024", "zxcvbnm12", "ABCabc123"])("refuses the guessable %j", (pw) => {
    expect(validateNewPassword(pw)).toEqual({ ok: false, message: TOO_COMMON_MESSAGE });
  });

  it("accepts a long random-ish passphrase", () => {
    expect(validateNewPassword("korrekt häst batteri häftklammer 7")).toEqual({ ok: true });
    expect(validateNewPassword("Eldfast-Kvarn-91")).toEqual({ ok: true });
  });

  it.each(["Älgjakt9Röd", "blåbärsöl7 kräftskiva", "Mjölk7Tält"])("accepts %j, with å ä ö and a digit", (pw) => {
    expect(validateNewPassword(pw, { userInputs: ANNA })).toEqual({ ok: true });
  });

  it("refuses a password that breaks the rule, with the rule's message", () => {
    expect(validateNewPassword("kort1")).toEqual({
      ok: false,
      message: "Lösenordet är för kort: det ska vara minst 8 tecken (nu 5).",
    });
    expect(validateNewPassword("ingasiffror")).toEqual({
      ok: false,
      message: "Lösenordet ska innehålla minst en siffra (0–9).",
    });
    expect(validateNewPassword("1234567890")).toEqual({
      ok: false,
      message: "Lösenordet ska innehålla minst en bokstav (a–ö).",
    });
    expect(validateNewPassword("x".repeat(200) + "1")).toEqual({
      ok: false,
      message: "Lösenordet är för långt: det får vara högst 200 tecken (nu 201).",
    });
  });

  it("lists every rule failure in one message", () => {
    expect(validateNewPassword("!!")).toEqual({
      ok: false,
      message:
        "Lösenordet är för kort: det ska vara minst 8 tecken (nu 2). Lösenordet ska innehålla minst en bokstav (a–ö). Lösenordet ska innehålla minst en siffra (0–9).",
    });
  });

  it("refuses an otherwise strong password that contains the user's name", () => {
    expect(validateNewPassword("Kvarn-Berg-Eld-91", { userInputs: ANNA })).toEqual({
      ok: false,
      message: CONTAINS_PERSONAL_MESSAGE,
    });
    expect(validateNewPassword("Kvarn-Berg-Eld-91")).toEqual({ ok: true });
  });

  it("refuses a password that contains the e-mail local part, in any case", () => {
    expect(validateNewPassword("9x!ANNA-KARIN.BERG", { userInputs: ["anna-karin.berg@example.se"] })).toEqual({
      ok: false,
      message: CONTAINS_PERSONAL_MESSAGE,
    });
  });

  it("matches names with or without å ä ö", () => {
    expect(validateNewPassword("Vinkel-asa-77", { userInputs: ["Åsa"] })).toEqual({ ok: false, message: CONTAINS_PERSONAL_MESSAGE });
    expect(validateNewPassword("Vinkel-Öberg-77", { userInputs: ["Oberg"] })).toEqual({ ok: false, message: CONTAINS_PERSONAL_MESSAGE });
  });

  it("does not refuse because of a very short name", () => {
    expect(validateNewPassword("bokhylla-Tält-91", { userInputs: ["Bo"] })).toEqual({ ok: true });
  });

  it("checks the rule before anything else", () => {
    expect(validateNewPassword("anna", { userInputs: ANNA })).toMatchObject({ message: expect.stringMatching(/^Lösenordet är för kort/) });
  });
});
