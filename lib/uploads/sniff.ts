// The type of an upload comes from its first bytes, never from its name or the browser's
// Content-Type, both of which the uploader chooses (DESIGN.md §4).
import type { FileType } from "./file-types.ts";

const PDF = ascii("%PDF-");
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");

/**
 * PDF, JPEG, PNG or WebP by magic bytes; "unknown" for everything else (HTML, SVG, GIF,
 * HEIC, ZIP, Word, executables…).
 *
 * PDF readers accept `%PDF-` anywhere in the first 1024 bytes, but we require it at offset 0.
 * Every producer and scanner writes it there, and the leeway is exactly what lets one file be
 * an HTML page (or a ZIP) and a PDF at once.
 */
export function sniffType(bytes: Uint8Array): FileType | "unknown" {
  if (startsWith(bytes, PDF)) return "pdf";
  if (startsWith(bytes, JPEG)) return "jpeg";
  if (startsWith(bytes, PNG)) return "png";
  if (bytes.length >= 12 && startsWith(bytes, RIFF) && startsWith(bytes.subarray(8), WEBP)) return "webp";
  return "unknown";
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((char) => char.charCodeAt(0));
}
