// The name an upload is shown and downloaded under. It is the uploader's text, so it is
// cleaned for display and for headers, and its extension is made to tell the truth.
import { EXTENSION, type FileType } from "./file-types.ts";

export const MAX_FILE_NAME_LENGTH = 200;

// Extensions we replace rather than keep: a file type someone may have believed the file
// to be. Anything else ("Protokoll 2024.03") is part of the name and stays.
const FILE_TYPE_EXTENSIONS = new Set([
  "pdf", "jpg", "jpeg", "jpe", "jfif", "png", "webp", "gif", "heic", "heif", "avif", "tif", "tiff",
  "bmp", "svg", "svgz", "htm", "html", "xhtml", "xml", "txt", "rtf", "doc", "docx", "odt", "pages",
  "xls", "xlsx", "zip", "exe", "js", "bin",
]);

/**
 * "C:\\Users\\anna\\Intyg.pdf" that is really a PNG becomes "Intyg.png": the name from
 * tidyFileName, with the extension of the real type (replacing one that named a file type,
 * kept in front of anything else) and at most 200 characters in all.
 */
export function cleanFileName(originalName: string, type: FileType): string {
  const extension = EXTENSION[type];
  const tidy = tidyFileName(originalName);
  const dot = tidy.lastIndexOf(".");
  const stem = dot > 0 && FILE_TYPE_EXTENSIONS.has(tidy.slice(dot + 1).toLowerCase()) ? tidy.slice(0, dot) : tidy;
  // Code points, so an emoji or a letter outside the BMP is never cut in half.
  const room = MAX_FILE_NAME_LENGTH - extension.length - 1;
  const shortStem = [...stem].slice(0, room).join("").replace(/[.\s]+$/, "");
  return `${shortStem || "fil"}.${extension}`;
}

/**
 * The uploader's name made safe to show and to put in a header: path parts go; tabs and
 * line breaks become spaces; control and bidi-override characters (which can make
 * "gpj.exe" look like "exe.jpg") go; Windows' forbidden characters become "_"; macOS'
 * decomposed å ä ö are composed; it never starts with a dot. May be empty; not shortened.
 */
export function tidyFileName(originalName: string): string {
  const base = originalName.split(/[/\\]/).pop() ?? "";
  return base
    // A lone surrogate cannot be encoded as UTF-8 (in a header or the database).
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/^[.\s]+/, "")
    .trimEnd();
}
