// Every upload passes through here before it is stored (DESIGN.md §4): size first, then the
// type from the bytes, then per type checks; images are re-encoded, PDFs kept as they are.
// What comes out is safe to hand to FileStorage.put; what is refused never gets that far.
import { createHash } from "node:crypto";
import { Invalid } from "../errors.ts";
import { cleanFileName, tidyFileName } from "./file-name.ts";
import { EXTENSION, FILE_TYPES, LABEL, MIME, listInSwedish, type FileType, type StoredExtension, type StoredMime } from "./file-types.ts";
import { pdfHasActiveContent, pdfLooksComplete } from "./pdf-checks.ts";
import { sniffType } from "./sniff.ts";
import { t, language } from "../i18n/index.ts";

export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MIN_IMAGE_SIDE = 300;

export type UploadInput = {
  bytes: Uint8Array;
  /** As the browser sent it; only cleaned and used for the name, never to decide the type. */
  originalName: string;
  /** The browser's Content-Type; only used to word a refusal, never to decide the type. */
  declaredType?: string;
};

export type UploadOptions = {
  /** Default 20 MiB. */
  maxBytes?: number;
  /** The shorter side of an image, after orientation, in pixels. Default 300. */
  minImageSide?: number;
  /** Default all four. */
  allowed?: readonly FileType[];
};

export type AcceptedUpload = {
  /** What to store: the re-encoded image, or the PDF unchanged. */
  bytes: Buffer;
  mime: StoredMime;
  extension: StoredExtension;
  /** SHA-256 of `bytes`, hex. */
  sha256: string;
  size: number;
  /** Cleaned, at most 200 characters, with the extension of the real type. */
  originalName: string;
  width?: number;
  height?: number;
};

/**
 * Checks an upload by its content and returns what to store, or throws
 * Invalid({ file: <a Swedish message saying what is wrong and what to do> }).
 *
 * A file whose name lies about an accepted type is taken as what it is and renamed:
 * "bild.pdf" that is a PNG is stored as the PNG "bild.png". The type comes from the bytes
 * (DESIGN.md §4) and refusing a good scan over its name would only bounce the applicant.
 */
export async function acceptUpload(input: UploadInput, options: UploadOptions = {}): Promise<AcceptedUpload> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const allowed = options.allowed ?? FILE_TYPES;
  const { bytes } = input;

  if (bytes.length === 0) throw refuse(t("upload.empty"));
  // Before looking inside: a huge file is refused without being decoded.
  if (bytes.length > maxBytes) {
    throw refuse(t("upload.tooLarge", megabytes(maxBytes), megabytes(bytes.length)));
  }

  const type = sniffType(bytes);
  if (type === "unknown") throw refuse(notOurType(input, allowed));
  if (!allowed.includes(type)) {
    throw refuse(t("upload.wrongType", LABEL[type], listInSwedish(allowed)));
  }

  const originalName = cleanFileName(input.originalName, type);
  if (type === "pdf") {
    checkPdf(bytes);
    const stored = Buffer.from(bytes);
    return { ...describe(stored, type), originalName };
  }
  // sharp (and libvips) load with the first image, not at start: most processes never see one.
  const { reencodeImage } = await import("./reencode-image.ts");
  const image = await reencodeImage(bytes, type, options.minImageSide ?? DEFAULT_MIN_IMAGE_SIDE);
  return { ...describe(image.bytes, type), originalName, width: image.width, height: image.height };
}

function checkPdf(bytes: Uint8Array): void {
  if (!pdfLooksComplete(bytes)) {
    throw refuse(t("upload.pdfTruncated"));
  }
  if (pdfHasActiveContent(bytes)) {
    throw refuse(t("upload.pdfActive"));
  }
}

function describe(bytes: Buffer, type: FileType) {
  return {
    bytes,
    mime: MIME[type],
    extension: EXTENSION[type],
    sha256: createHash("sha256").update(bytes).digest("hex"),
    size: bytes.length,
  };
}

/** When the name or the browser claims one of our types, say plainly that the file is not it. */
function notOurType(input: UploadInput, allowed: readonly FileType[]): string {
  const advice = t("upload.advice");
  const claimed = claimedType(input);
  if (!claimed) return `${t("upload.notA", listInSwedish(allowed))} ${advice}`;
  return `${t("upload.claimed", quotedName(input.originalName), LABEL[claimed])} ${advice}`;
}

const TYPE_BY_NAME = new Map<string, FileType>([["pdf", "pdf"], ["jpg", "jpeg"], ["jpeg", "jpeg"], ["png", "png"], ["webp", "webp"]]);

function claimedType(input: UploadInput): FileType | undefined {
  const extension = /\.(\w+)$/.exec(input.originalName.trim())?.[1].toLowerCase() ?? "";
  const declared = input.declaredType?.split(";")[0].trim().toLowerCase();
  return TYPE_BY_NAME.get(extension) ?? FILE_TYPES.find((type) => MIME[type] === declared);
}

/** ”Intyg.pdf”, shortened to 80 characters; "Filen" when there is no name to show. */
function quotedName(originalName: string): string {
  const name = [...tidyFileName(originalName)];
  if (name.length === 0) return t("upload.theFile");
  return `”${name.length > 80 ? `${name.slice(0, 79).join("")}…` : name.join("")}”`;
}

/** "20 MB", "1,5 MB": MiB as people say MB, with a Swedish decimal comma. */
function megabytes(bytes: number): string {
  const value = Math.round((bytes / (1024 * 1024)) * 10) / 10;
  return `${value.toLocaleString(language() === "en" ? "en-GB" : "sv-SE")} MB`;
}

function refuse(message: string): Invalid {
  return new Invalid({ file: message });
}
