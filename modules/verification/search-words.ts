// What someone typed in a search box, made safe for FTS5: only its words (letters and digits)
// survive, each quoted, so no character typed can be FTS5 syntax (AND, NEAR, ", *, column:).

const MAX_WORDS = 8;
const MAX_WORD_LENGTH = 40;

/** The words of a text, at most eight, each at most 40 characters. */
export function searchWords(text: string): string[] {
  return text
    .normalize("NFC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_WORDS)
    .map((w) => w.slice(0, MAX_WORD_LENGTH));
}

/**
 * Every word as a prefix ("kyl" finds Kylteknik), all of them required; in one column if given.
 * Null when there is nothing to search for.
 */
export function prefixQuery(words: string[], column?: "name" | "city"): string | null {
  if (words.length === 0) return null;
  return words.map((w) => `${column ? `${column} : ` : ""}"${w}"*`).join(" AND ");
}
