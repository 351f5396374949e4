// The site's texts in Swedish and English (docs/decisions/022). One catalogue per language
// (lib/i18n/sv.ts, lib/i18n/en.ts); the Swedish one defines the keys, and the English one is typed
// to have exactly the same keys with the same arguments.
//
// The language of what is being made is ambient: a request runs in the language chosen for it
// (web/language.ts), a mail is composed in its recipient's language (inLanguage), and anything
// else (the API, the CLI, the nightly jobs, a test calling a module) is in Swedish, the default.
import { AsyncLocalStorage } from "node:async_hooks";
import { en } from "./en.ts";
import { sv } from "./sv.ts";

export const LANGUAGES = ["sv", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "sv";

export type Catalogue = typeof sv;
export type MessageKey = keyof Catalogue;
type ArgsOf<K extends MessageKey> = Catalogue[K] extends (...args: infer A) => string ? A : [];

const CATALOGUES: Record<Language, Catalogue> = { sv, en };

export function isLanguage(value: unknown): value is Language {
  return value === "sv" || value === "en";
}

// A mutable box per request: the session, read after the language was first chosen, may change it
// (an account's own setting wins over the cookie).
interface Box {
  lang: Language;
}
const current = new AsyncLocalStorage<Box>();

/** The language of what is being made now. */
export function language(): Language {
  return current.getStore()?.lang ?? DEFAULT_LANGUAGE;
}

/** Whether a string names a text (a schema's message kept as its key, said when it is shown). */
export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(sv, value);
}

/** The text of `key` in the current language; a key whose text takes arguments is given them. */
export function t<K extends MessageKey>(key: K, ...args: ArgsOf<K>): string {
  const entry = CATALOGUES[current.getStore()?.lang ?? DEFAULT_LANGUAGE][key] as string | ((...a: unknown[]) => string);
  return typeof entry === "string" ? entry : entry(...args);
}

/** Runs `fn` (and everything it awaits) in `lang`: a request, or a mail to someone else. */
export function inLanguage<T>(lang: Language, fn: () => T): T {
  return current.run({ lang }, fn);
}

/** Changes the language of the request being answered (an account's setting, read later). */
export function switchLanguage(lang: Language): void {
  const box = current.getStore();
  if (box) box.lang = lang;
}

/**
 * An object of labels whose values are read in the current language each time: a module's
 * `Record<Status, string>` keeps its shape and its callers, and says its words in both languages.
 */
export function labels<K extends string | number>(keys: Record<K, MessageKey>): Readonly<Record<K, string>> {
  const out = {} as Record<K, string>;
  for (const [name, key] of Object.entries(keys) as [string, MessageKey][]) {
    Object.defineProperty(out, name, { enumerable: true, get: () => t(key as never) });
  }
  return Object.freeze(out);
}

// Languages close enough to Swedish that a reader is better served by it than by English.
const NORDIC = new Set(["sv", "no", "nb", "nn", "da"]);

/**
 * The language an Accept-Language header asks for: Swedish or English, whichever comes first by
 * weight; a header naming neither gives Swedish to Nordic readers and English to everyone else.
 * No header (a script, a test) gives Swedish.
 */
export function fromAcceptLanguage(header: string | undefined): Language {
  if (!header) return DEFAULT_LANGUAGE;
  let best: Language | null = null;
  let bestQ = 0;
  let firstOther: string | null = null;
  for (const part of header.split(",")) {
    const [range = "", ...params] = part.trim().toLowerCase().split(";");
    const primary = range.split("-")[0]!;
    let q = 1;
    for (const p of params) {
      const [name, value] = p.trim().split("=");
      if (name === "q") q = Number.parseFloat(value ?? "");
    }
    if (!(q > 0) || primary === "" || primary === "*") continue;
    if (primary === "sv" || primary === "en") {
      if (q > bestQ) {
        best = primary;
        bestQ = q;
      }
    } else if (firstOther === null) firstOther = primary;
  }
  if (best) return best;
  if (firstOther === null) return DEFAULT_LANGUAGE;
  return NORDIC.has(firstOther) ? "sv" : "en";
}

const DECIMALS = {
  sv: new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 }),
} as const;

/** A number with at most one decimal, in the reader's language: "1,5" in Swedish, "1.5" in English. */
export function formatDecimal(n: number): string {
  return DECIMALS[language()].format(n);
}
