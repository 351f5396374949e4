import { crc32, deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { Invalid } from "../errors.ts";
import { reencodeImage } from "./reencode-image.ts";
import { makeImage } from "./test-files.ts";

/** A PNG whose header claims width × height and whose data is a few bytes: a decompression bomb's shape. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.alloc(0))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (error: unknown) => error);
  expect(error).toBeInstanceOf(Invalid);
  return (error as Invalid).fields.file;
}

describe("reencodeImage", () => {
  it.each([
    [20_000, 20_000], // beyond sharp's own default limit too
    [10_000, 6_000], // within sharp's default, beyond ours
  ])("refuses an image claiming %i × %i pixels without decoding it", async (width, height) => {
    const started = performance.now();
    const message = await failure(reencodeImage(pngClaiming(width, height), "png", 300));
    expect(message).toMatch(/^Bilden har för hög upplösning: högst 50 megapixlar/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("says a header-only fake with a sane size is unreadable", async () => {
    expect(await failure(reencodeImage(pngClaiming(1000, 1000), "png", 300))).toMatch(/^Bilden går inte att läsa/);
  });

  it("refuses bytes whose format is not the one sniffed", async () => {
    const webp = await makeImage("webp", 400, 400);
    expect(await failure(reencodeImage(webp, "png", 300))).toMatch(/^Bilden går inte att läsa/);
  });

  it("measures the smallest side after orientation", async () => {
    const { width, height } = await reencodeImage(await makeImage("png", 301, 900), "png", 300);
    expect([width, height]).toEqual([301, 900]);
  });
});
