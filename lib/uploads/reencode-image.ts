// Images are never stored as uploaded: decoding and encoding them again with sharp keeps the
// pixels and drops everything else, EXIF (GPS position, camera serial), XMP, ICC and any
// payload hidden after the image data (STACK-NOTES: sharp).
import sharp, { type Sharp } from "sharp";
import { Invalid } from "../errors.ts";
import type { ImageType } from "./file-types.ts";
import { t } from "../i18n/index.ts";

/** 50 megapixels: a phone photo is 12–48; more is a decompression bomb or a poster. */
export const MAX_IMAGE_PIXELS = 50_000_000;

export type ReencodedImage = { bytes: Buffer; width: number; height: number };

/**
 * Decodes an image the sniffer called `type`, turns it upright by its EXIF orientation, and
 * encodes it again in the same format. Refuses, with Invalid({ file }), an image sharp
 * cannot decode, one whose shorter side is under `minSide` pixels (a reviewer cannot read
 * it) and one over MAX_IMAGE_PIXELS.
 */
export async function reencodeImage(bytes: Uint8Array, type: ImageType, minSide: number): Promise<ReencodedImage> {
  // metadata() reads only the header, so it may skip sharp's pixel limit and leave the check
  // to us, where the refusal can say why. Decoding below keeps the limit as a backstop.
  const metadata = await sharp(bytes, { limitInputPixels: false, failOn: "error" })
    .metadata()
    .catch(() => {
      throw unreadable();
    });
  // sharp detects the format again by itself; it must agree, so no other decoder ever runs.
  if (metadata.format !== type) throw unreadable();
  if (metadata.width * metadata.height > MAX_IMAGE_PIXELS) {
    throw new Invalid({
      file: t("upload.image.tooManyPixels", MAX_IMAGE_PIXELS / 1_000_000),
    });
  }
  const { width, height } = metadata.autoOrient;
  if (Math.min(width, height) < minSide) {
    throw new Invalid({
      file: t("upload.image.tooSmall", width, height, minSide),
    });
  }

  // rotate() applies the EXIF orientation and removes the tag; without withMetadata() and
  // friends sharp writes no EXIF, XMP or ICC, and converts the pixels to sRGB.
  const decoded = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "error" }).rotate().timeout({ seconds: 30 });
  const pipeline = encodeAs(decoded, type);
  const output = await pipeline.toBuffer({ resolveWithObject: true }).catch(() => {
    throw unreadable();
  });
  return { bytes: output.data, width: output.info.width, height: output.info.height };
}

function encodeAs(image: Sharp, type: ImageType): Sharp {
  switch (type) {
    case "jpeg":
      return image.jpeg({ quality: 85, mozjpeg: true });
    case "png":
      return image.png();
    case "webp":
      return image.webp({ quality: 85 });
  }
}

function unreadable(): Invalid {
  return new Invalid({
    file: t("upload.image.unreadable"),
  });
}
