// Headers for handing a stored upload back (DESIGN.md §4). The authorized route decides who
// may have the file; these make sure the browser treats it as a file, never as a page.
import { tidyFileName } from "./file-name.ts";
import { isImageMime, type ImageMime, type StoredMime } from "./file-types.ts";

export type DownloadableFile = { mime: StoredMime; originalName: string; size: number };

/** A download: saved, not shown, whatever the browser thinks of the bytes. */
export function downloadHeaders(file: DownloadableFile): Record<string, string> {
  return fileHeaders(file, "attachment");
}

/**
 * For staff to preview an image in the page. Only for image types: a PDF or anything else
 * shown inline would run in our origin's viewer, so those always go through downloadHeaders.
 */
export function inlineImageHeaders(file: DownloadableFile & { mime: ImageMime }): Record<string, string> {
  if (!isImageMime(file.mime)) throw new TypeError(`inlineImageHeaders is for images, not ${file.mime}`);
  return fileHeaders(file, "inline");
}

function fileHeaders(file: DownloadableFile, disposition: "attachment" | "inline"): Record<string, string> {
  return {
    "Content-Type": file.mime,
    "Content-Length": String(file.size),
    "Content-Disposition": contentDisposition(disposition, file.originalName),
    "X-Content-Type-Options": "nosniff",
    // Personal documents: no shared cache keeps them, and the browser does not either.
    "Cache-Control": "private, no-store",
    // Should a browser render the bytes after all, they get no script, no requests, no origin.
    "Content-Security-Policy": "default-src 'none'; sandbox",
    // Other sites cannot embed or fetch the file with a visitor's cookies.
    "Cross-Origin-Resource-Policy": "same-origin",
  };
}

/**
 * RFC 6266: `filename` is an ASCII stand-in for old clients ("Intyg för åkeri.pdf" becomes
 * "Intyg for akeri.pdf"); `filename*` (RFC 5987) carries the real name, å ä ö included.
 */
export function contentDisposition(disposition: "attachment" | "inline", name: string): string {
  // Tidied again: the name comes from the database, and a line break here would split headers.
  const clean = tidyFileName(name) || "fil";
  return `${disposition}; filename="${asciiFallback(clean)}"; filename*=UTF-8''${rfc5987(clean)}`;
}

function asciiFallback(name: string): string {
  return (
    name
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      // Quotes and backslashes would end the quoted string; some clients decode %xx.
      .replace(/[^\x20-\x7e]|["\\%]/g, "_")
  );
}

function rfc5987(name: string): string {
  // encodeURIComponent leaves ' ( ) * as they are, which RFC 5987's attr-char does not allow.
  return encodeURIComponent(name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
