import QRCode from "qrcode";

/**
 * The QR code as one SVG path in module units (a square of `size`), so the PDF draws it as
 * vectors: sharp at any print resolution and a few hundred bytes instead of an image.
 */
export function qrPath(text: string): { size: number; d: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const { size, data } = modules;
  const parts: string[] = [];
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!data[y * size + x]) {
        x++;
        continue;
      }
      // Join a run of dark modules into one rectangle: fewer path segments, no hairline seams.
      const start = x;
      while (x < size && data[y * size + x]) x++;
      parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
    }
  }
  return { size, d: parts.join("") };
}
