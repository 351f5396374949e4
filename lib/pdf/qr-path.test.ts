import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { qrPath } from "./qr-path.ts";

describe("QR code as a path", () => {
  it("covers exactly the dark modules of the symbol", () => {
    const url = "https://online.example.org/c/100427";
    const { size, d } = qrPath(url);
    const drawn = new Uint8Array(size * size);
    for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
      for (let i = 0; i < Number(w); i++) drawn[Number(y) * size + Number(x) + i] = 1;
    }
    const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
    expect(size).toBe(modules.size);
    expect(Array.from(drawn)).toEqual(Array.from(modules.data, (bit) => (bit ? 1 : 0)));
  });
});
