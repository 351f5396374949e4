// The two catalogues say the same things: every key in both, with the same arguments; every key
// some code uses; every key code asks for exists; and fromAcceptLanguage's rule for a first visit.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { formatDecimal, fromAcceptLanguage, inLanguage, labels, language, t } from "./index.ts";
import { sv } from "./sv.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCE_DIRS = ["web", "public-site", "modules", "lib", "db", "widgets"];
const CATALOGUES = new Set([path.join(ROOT, "lib/i18n/sv.ts"), path.join(ROOT, "lib/i18n/en.ts")]);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !CATALOGUES.has(full)) out.push(full);
  }
  return out;
}

const sources = [...SOURCE_DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d))), path.join(ROOT, "cli.ts"), path.join(ROOT, "hono.config.ts")].map((file) => ({
  file: path.relative(ROOT, file),
  text: readFileSync(file, "utf8"),
}));

describe("the catalogues", () => {
  it("have the same keys in Swedish and English", () => {
    const svKeys = Object.keys(sv).sort();
    const enKeys = Object.keys(en).sort();
    expect(enKeys.filter((k) => !(k in sv)), "in English only").toEqual([]);
    expect(svKeys.filter((k) => !(k in en)), "missing in English").toEqual([]);
  });

  it("give each key the same kind of text in both, taking the same arguments", () => {
    const differ = Object.keys(sv).filter((k) => {
      const a = sv[k as keyof typeof sv] as unknown;
      const b = en[k as keyof typeof en] as unknown;
      return typeof a !== typeof b || (typeof a === "function" && (a as () => string).length !== (b as () => string).length);
    });
    expect(differ).toEqual([]);
  });

  it("have no empty English text where the Swedish has one", () => {
    const empty = Object.keys(sv).filter((k) => sv[k as keyof typeof sv] !== "" && en[k as keyof typeof en] === "");
    expect(empty).toEqual([]);
  });

  it("hold no key that no code uses", () => {
    const all = sources.map((s) => s.text).join("\n");
    const unused = Object.keys(sv).filter((k) => !all.includes(`"${k}"`) && !all.includes(`'${k}'`));
    expect(unused).toEqual([]);
  });

  it("hold every key the code asks for", () => {
    const missing: string[] = [];
    for (const { file, text } of sources) {
      for (const m of text.matchAll(/\bt\(\s*["']([\w.-]+)["']/g)) if (!(m[1]! in sv)) missing.push(`${file}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
});

describe("t", () => {
  it("says a text in the language of what is being made; Swedish when nothing chose one", () => {
    expect(language()).toBe("sv");
    expect(t("nav.logIn")).toBe("Logga in");
    expect(inLanguage("en", () => t("nav.logIn"))).toBe("Log in");
    expect(inLanguage("en", () => inLanguage("sv", () => t("nav.logIn")))).toBe("Logga in");
  });

  it("keeps the language across awaits, and a label object reads it each time", async () => {
    const names = labels({ in: "nav.logIn", out: "nav.logOut" });
    const said = await inLanguage("en", async () => {
      await new Promise((r) => setTimeout(r, 1));
      return [names.in, names.out, t("nav.logIn")];
    });
    expect(said).toEqual(["Log in", "Log out", "Log in"]);
    expect(names.in).toBe("Logga in");
    expect(Object.keys(names)).toEqual(["in", "out"]);
  });
});

describe("a first visit's language from Accept-Language", () => {
  it.each([
    [undefined, "sv"],
    ["", "sv"],
    ["*", "sv"],
    ["sv-SE,sv;q=0.9,en-US;q=0.8,en;q=0.7", "sv"],
    ["en-US,en;q=0.9", "en"],
    ["en-GB,sv;q=0.8", "en"],
    ["de-DE,de;q=0.9,en;q=0.5", "en"],
    ["sv;q=0.4,en;q=0.6", "en"],
    ["de-DE,de;q=0.9", "en"],
    ["nb-NO,nb;q=0.9", "sv"],
    ["da", "sv"],
    ["en;q=0,sv", "sv"],
  ] as const)("%s → %s", (header, expected) => {
    expect(fromAcceptLanguage(header)).toBe(expected);
  });
});

describe("formatDecimal", () => {
  it("writes a decimal comma in Swedish and a point in English, with at most one decimal", () => {
    expect(formatDecimal(1.5)).toBe("1,5");
    expect(inLanguage("sv", () => formatDecimal(2.25))).toBe("2,3");
    expect(inLanguage("en", () => formatDecimal(1.5))).toBe("1.5");
    expect(inLanguage("en", () => formatDecimal(12))).toBe("12");
  });
});
