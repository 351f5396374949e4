/**
 * SQLite's LIKE folds case for ASCII only, so "åkeri" would miss "Åkeri AB". A GLOB with both
 * cases of every letter in brackets folds å ä ö too; GLOB's own wildcards are bracketed literals.
 */
export function caseInsensitiveGlob(text: string): string {
  return [...text]
    .map((ch) => {
      const lower = ch.toLocaleLowerCase("sv-SE");
      const upper = ch.toLocaleUpperCase("sv-SE");
      if (lower !== upper && lower.length === 1 && upper.length === 1) return `[${lower}${upper}]`;
      return /[*?[\]]/.test(ch) ? `[${ch}]` : ch;
    })
    .join("");
}
