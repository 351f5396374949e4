// For tests only: real files made on the spot, so no fixture has to be trusted or downloaded.
import sharp from "sharp";
import type { ImageType } from "./file-types.ts";

/**
 * A one-page PDF written by hand: catalog, pages, page, content stream, font, a cross-reference
 * table with the real byte offsets, trailer and `%%EOF`. `catalogExtra` goes into the catalog
 * dictionary, e.g. an /OpenAction.
 */
export function makePdf(options: { text?: string; catalogExtra?: string; contentStream?: string } = {}): Buffer {
  const content = options.contentStream ?? `BT /F1 24 Tf 72 760 Td (${options.text ?? "Registreringsbevis"}) Tj ET`;
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R ${options.catalogExtra ?? ""}>>`,
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  // The binary comment on line 2 tells transfer tools the file is binary, as producers do.
  let pdf = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
  const offsets = objects.map((body, i) => {
    const offset = Buffer.byteLength(pdf, "latin1");
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(pdf, "latin1");
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}

/**
 * An image in two colours, red on the left half and blue on the right, so a test can see
 * which way up it came out.
 */
export async function makeImage(type: ImageType, width: number, height: number): Promise<Buffer> {
  const left = Math.floor(width / 2);
  const image = sharp({ create: { width, height, channels: 3, background: "#cc0000" } }).composite([
    { input: { create: { width: width - left, height, channels: 3, background: "#0000cc" } }, left, top: 0 },
  ]);
  return type === "jpeg" ? image.jpeg().toBuffer() : type === "png" ? image.png().toBuffer() : image.webp().toBuffer();
}

/**
 * A phone photo as it leaves the phone: 800 × 600 pixels stored sideways with EXIF
 * Orientation 6 (turn 90° clockwise to view), the camera's make, and where it was taken
 * (GPS 59° 19′ 45″ N, 18° 4′ 7″ E, Stockholm).
 */
export async function makeJpegWithGps(): Promise<Buffer> {
  return sharp(await makeImage("png", 800, 600))
    .jpeg()
    .withExif({
      IFD0: { Make: "Testkamera", Model: "T-1" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "59/1 19/1 45/1", GPSLongitudeRef: "E", GPSLongitude: "18/1 4/1 7/1" },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/**
 * The GPS latitude in an EXIF block as sharp's metadata() returns it ("Exif\0\0" + TIFF),
 * or undefined: reads IFD0, follows the GPSInfo pointer (tag 0x8825), and reads
 * GPSLatitudeRef (1) and GPSLatitude (2, three rationals).
 */
export function exifGpsLatitude(exif: Buffer | undefined): { ref: string; degrees: number[] } | undefined {
  if (!exif || exif.toString("latin1", 0, 6) !== "Exif\0\0") return undefined;
  const tiff = exif.subarray(6);
  const little = tiff.toString("latin1", 0, 2) === "II";
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const entries = (ifd: number) =>
    Array.from({ length: u16(ifd) }, (_, i) => {
      const at = ifd + 2 + i * 12;
      return { tag: u16(at), count: u32(at + 4), valueAt: at + 8 };
    });

  const gpsPointer = entries(u32(4)).find((entry) => entry.tag === 0x8825);
  if (!gpsPointer) return undefined;
  const gps = entries(u32(gpsPointer.valueAt));
  const ref = gps.find((entry) => entry.tag === 1);
  const latitude = gps.find((entry) => entry.tag === 2);
  if (!ref || !latitude) return undefined;
  const rationals = u32(latitude.valueAt);
  const degrees = [0, 1, 2].map((i) => u32(rationals + i * 8) / u32(rationals + i * 8 + 4));
  return { ref: tiff.toString("latin1", ref.valueAt, ref.valueAt + 1), degrees };
}
