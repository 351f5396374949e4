// The four kinds of file we take (DESIGN.md §4), and what each is called in a header, in a
// file name and in a Swedish sentence.
import { t } from "../i18n/index.ts";

export type FileType = "pdf" | "jpeg" | "png" | "webp";
export type ImageType = Exclude<FileType, "pdf">;

export const FILE_TYPES: readonly FileType[] = ["pdf", "jpeg", "png", "webp"];

export const MIME = {
  pdf: "application/pdf",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
} as const satisfies Record<FileType, string>;

export type StoredMime = (typeof MIME)[FileType];
export type ImageMime = (typeof MIME)[ImageType];

/** The extension we give a stored file's name; also what the download is called. */
export const EXTENSION = {
  pdf: "pdf",
  jpeg: "jpg",
  png: "png",
  webp: "webp",
} as const satisfies Record<FileType, string>;

export type StoredExtension = (typeof EXTENSION)[FileType];

export const LABEL: Record<FileType, string> = {
  pdf: "PDF",
  jpeg: "JPEG",
  png: "PNG",
  webp: "WebP",
};

/** For a mime read back from the database (a text column) before it goes into a header. */
export function isStoredMime(mime: string): mime is StoredMime {
  return (Object.values(MIME) as string[]).includes(mime);
}

export function isImageMime(mime: string): mime is ImageMime {
  return mime === MIME.jpeg || mime === MIME.png || mime === MIME.webp;
}

/** "PDF, JPEG, PNG eller WebP", for messages that list what we take. */
export function listInSwedish(types: readonly FileType[]): string {
  const labels = types.map((type) => LABEL[type]);
  if (labels.length <= 1) return labels.join("");
  return t("common.or", labels.slice(0, -1).join(", "), labels[labels.length - 1]!);
}
