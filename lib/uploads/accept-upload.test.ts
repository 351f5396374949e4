import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Invalid } from "../errors.ts";
import { localFileStorage } from "../storage/storage.ts";
import { acceptUpload, type UploadInput } from "./accept-upload.ts";
import { exifGpsLatitude, makeImage, makeJpegWithGps, makePdf } from "./test-files.ts";

const MB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The Swedish message acceptUpload refused the input with. */
async function refusal(input: UploadInput, options?: Parameters<typeof acceptUpload>[1]): Promise<string> {
  const error = await acceptUpload(input, options).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(Invalid);
  return (error as Invalid).fields.file;
}

async function pixel(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + 3)];
}

const isReddish = ([r, g, b]: number[]) => r > 150 && g < 60 && b < 60;
const isBluish = ([r, g, b]: number[]) => b > 150 && r < 60 && g < 60;

describe("acceptUpload: what it takes", () => {
  it("stores a valid PDF byte for byte", async () => {
    const pdf = makePdf();
    const file = await acceptUpload({ bytes: pdf, originalName: "Registreringsbevis.pdf", declaredType: "application/pdf" });
    expect(file.bytes.equals(pdf)).toBe(true);
    expect(file).toMatchObject({
      mime: "application/pdf",
      extension: "pdf",
      size: pdf.length,
      sha256: sha256(pdf),
      originalName: "Registreringsbevis.pdf",
    });
    expect(file.width).toBeUndefined();
  });

  it.runIf(existsSync("/usr/bin/pdfinfo"))("uses a hand-made PDF that a real reader opens", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pdf-"));
    try {
      writeFileSync(path.join(dir, "a.pdf"), makePdf());
      const info = execFileSync("pdfinfo", [path.join(dir, "a.pdf")], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      expect(info).toMatch(/Pages:\s+1/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("strips EXIF GPS data from a phone photo and turns it upright", async () => {
    const photo = await makeJpegWithGps();
    const before = await sharp(photo).metadata();
    // The test file really carries what we promise to remove.
    expect(exifGpsLatitude(before.exif)).toEqual({ ref: "N", degrees: [59, 19, 45] });
    expect(before.exif!.includes("Testkamera")).toBe(true);
    expect(before.orientation).toBe(6);
    expect([before.width, before.height]).toEqual([800, 600]);

    const file = await acceptUpload({ bytes: photo, originalName: "IMG_0001.JPG", declaredType: "image/jpeg" });
    const after = await sharp(file.bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(file.bytes.includes("Testkamera")).toBe(false);

    // Orientation 6 applied: 600 wide, 800 tall, and the left (red) half is now on top.
    expect([after.width, after.height]).toEqual([600, 800]);
    expect([file.width, file.height]).toEqual([600, 800]);
    expect(isReddish(await pixel(file.bytes, 300, 100))).toBe(true);
    expect(isBluish(await pixel(file.bytes, 300, 700))).toBe(true);

    expect(file).toMatchObject({ mime: "image/jpeg", extension: "jpg", originalName: "IMG_0001.jpg", size: file.bytes.length });
    expect(file.sha256).toBe(sha256(file.bytes));
    expect(file.sha256).not.toBe(sha256(photo));
  });

  it("drops whatever was appended after the end of a JPEG", async () => {
    const jpeg = await makeImage("jpeg", 640, 480);
    const payload = Buffer.from("PK\x03\x04<script>alert('hemligt')</script>", "latin1");
    const file = await acceptUpload({ bytes: Buffer.concat([jpeg, payload]), originalName: "kvitto.jpg" });
    expect(file.bytes.includes("<script>")).toBe(false);
    expect(file.bytes.includes("PK\x03\x04", 0, "latin1")).toBe(false);
    expect([...file.bytes.subarray(-2)]).toEqual([0xff, 0xd9]);
  });

  it("takes a PNG named .pdf as the PNG it is, and renames it", async () => {
    // DESIGN.md §4: the type comes from the bytes. A real image is accepted as one.
    const png = await makeImage("png", 400, 400);
    const file = await acceptUpload({ bytes: png, originalName: "bild.pdf", declaredType: "application/pdf" });
    expect(file).toMatchObject({ mime: "image/png", extension: "png", originalName: "bild.png", width: 400, height: 400 });
    expect((await sharp(file.bytes).metadata()).format).toBe("png");
  });

  it("re-encodes a WebP as WebP", async () => {
    const webp = await makeImage("webp", 500, 320);
    const file = await acceptUpload({ bytes: webp, originalName: "skärmbild.webp" });
    expect(file).toMatchObject({ mime: "image/webp", extension: "webp", originalName: "skärmbild.webp", width: 500, height: 320 });
    expect((await sharp(file.bytes).metadata()).format).toBe("webp");
  });

  it("takes an image exactly at the smallest size", async () => {
    const file = await acceptUpload({ bytes: await makeImage("png", 300, 1000), originalName: "smal.png" });
    expect([file.width, file.height]).toEqual([300, 1000]);
  });
});

describe("acceptUpload: what it refuses", () => {
  it("an empty file", async () => {
    expect(await refusal({ bytes: new Uint8Array(0), originalName: "tom.pdf" })).toBe("Filen är tom. Välj filen igen och ladda upp den.");
  });

  it("a 21 MB file, before looking inside it", async () => {
    // PNG magic and then garbage: were it decoded, the message would be about a broken image.
    const big = Buffer.alloc(21 * MB);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(big);
    expect(await refusal({ bytes: big, originalName: "stor.png" })).toBe("Filen är för stor: högst 20 MB. Den här filen är 21 MB.");
  });

  it("a file over a smaller limit, naming that limit", async () => {
    const message = await refusal({ bytes: Buffer.alloc(1.5 * MB), originalName: "a.pdf" }, { maxBytes: 1 * MB });
    expect(message).toBe("Filen är för stor: högst 1 MB. Den här filen är 1,5 MB.");
  });

  it("a .pdf that is really an HTML page", async () => {
    const html = Buffer.from("<!DOCTYPE html><html><body><script>fetch('/api')</script>%PDF-1.4</body></html>");
    const message = await refusal({ bytes: html, originalName: "Registreringsbevis.pdf", declaredType: "application/pdf" });
    expect(message).toBe(
      "”Registreringsbevis.pdf” är inte en PDF, fast namnet eller typen säger det. Spara dokumentet som PDF, eller skanna eller fotografera det, och ladda upp den filen.",
    );
  });

  it("a file the browser calls a PDF, whatever its name", async () => {
    const message = await refusal({ bytes: Buffer.from("<html></html>"), originalName: "dokument", declaredType: "application/pdf" });
    expect(message).toMatch(/^”dokument” är inte en PDF/);
  });

  it("a file whose name claims nothing we know", async () => {
    const message = await refusal({ bytes: Buffer.from("<html></html>"), originalName: "x.constructor" });
    expect(message).toMatch(/^Filen är inte en PDF, JPEG, PNG eller WebP\./);
  });

  it("an SVG", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><script>alert(1)</script></svg>');
    const message = await refusal({ bytes: svg, originalName: "logga.svg", declaredType: "image/svg+xml" });
    expect(message).toBe(
      "Filen är inte en PDF, JPEG, PNG eller WebP. Spara dokumentet som PDF, eller skanna eller fotografera det, och ladda upp den filen.",
    );
  });

  it("a truncated PDF", async () => {
    const pdf = makePdf();
    const message = await refusal({ bytes: pdf.subarray(0, pdf.length - 30), originalName: "avklippt.pdf" });
    expect(message).toMatch(/^Filen verkar vara trasig eller avklippt/);
  });

  it("a PDF that runs JavaScript when opened", async () => {
    const pdf = makePdf({ catalogExtra: "/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> " });
    expect(await refusal({ bytes: pdf, originalName: "intyg.pdf" })).toMatch(/^PDF-filen innehåller skript/);
  });

  it("a 50 × 50 image, as too small to read", async () => {
    const message = await refusal({ bytes: await makeImage("jpeg", 50, 50), originalName: "liten.jpg" });
    expect(message).toMatch(/^Bilden är för liten för att kunna läsas: 50 × 50 pixlar, minst 300 pixlar/);
  });

  it("a smaller image when the caller asks for more", async () => {
    const message = await refusal({ bytes: await makeImage("png", 400, 400), originalName: "a.png" }, { minImageSide: 600 });
    expect(message).toMatch(/minst 600 pixlar/);
  });

  it("a JPEG cut off half way", async () => {
    const jpeg = await makeImage("jpeg", 800, 600);
    const message = await refusal({ bytes: jpeg.subarray(0, Math.floor(jpeg.length / 2)), originalName: "halv.jpg" });
    expect(message).toMatch(/^Bilden går inte att läsa/);
  });

  it("a file with JPEG magic and nothing behind it", async () => {
    const message = await refusal({ bytes: Buffer.from("\xff\xd8\xff<html>hej</html>", "latin1"), originalName: "x.jpg" });
    expect(message).toMatch(/^Bilden går inte att läsa/);
  });

  it("a type the caller did not allow, saying what is allowed", async () => {
    const message = await refusal({ bytes: await makeImage("png", 400, 400), originalName: "a.png" }, { allowed: ["pdf"] });
    expect(message).toBe("Filen är en PNG, men här tas bara PDF emot.");
  });
});

describe("acceptUpload before storage", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), "uploads-"));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("lets nothing refused reach the disk", async () => {
    const storage = localFileStorage(root);
    const pdf = makePdf();
    const bad: UploadInput[] = [
      { bytes: new Uint8Array(0), originalName: "tom.pdf" },
      { bytes: Buffer.alloc(21 * MB), originalName: "stor.pdf" },
      { bytes: Buffer.from("<html></html>"), originalName: "a.pdf" },
      { bytes: pdf.subarray(0, 200), originalName: "avklippt.pdf" },
      { bytes: await makeImage("png", 50, 50), originalName: "liten.png" },
    ];
    // The order every upload route follows: accept, then put, then write the row.
    for (const input of bad) {
      await expect(acceptUpload(input).then((file) => storage.put(file.bytes))).rejects.toBeInstanceOf(Invalid);
    }
    expect(readdirSync(root)).toEqual([]);

    const { key } = await acceptUpload({ bytes: pdf, originalName: "ok.pdf" }).then((file) => storage.put(file.bytes));
    expect((await storage.get(key)).equals(pdf)).toBe(true);
  });
});
