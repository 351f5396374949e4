// Reading our PDFs back the way a person would: the text poppler extracts and the first page as an
// image. poppler-utils (pdftotext, pdftoppm) is installed by .ci/run; both are fast, native and
// read the embedded fonts, so a missing å ä ö glyph or a broken layout shows up here.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

async function withPdfFile<T>(pdf: Buffer, use: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), "certportal-pdf-"));
  try {
    const file = path.join(dir, "document.pdf");
    await writeFile(file, pdf);
    return await use(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The text of every page in the order it was drawn, white space (no-break spaces too) as one space.
 * `-raw` because poppler's layout mode tears rotated text, such as a status stamp, into letters.
 */
export async function pdfText(pdf: Buffer): Promise<string> {
  const raw = await withPdfFile(pdf, async (file) => (await run("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"])).stdout);
  return raw.replace(/[\s\u00a0]+/g, " ").trim();
}

/** Renders page 1 at `dpi` to a PNG, writes it to `outFile` (for a person to look at) and returns it. */
export async function pdfFirstPagePng(pdf: Buffer, outFile: string, dpi = 60): Promise<Buffer> {
  const png = await withPdfFile(pdf, async (file, dir) => {
    await run("pdftoppm", ["-png", "-r", String(dpi), "-f", "1", "-l", "1", "-singlefile", file, path.join(dir, "page")]);
    return readFile(path.join(dir, "page.png"));
  });
  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, png);
  return png;
}

/** Number of pages, from poppler's own count. */
export async function pdfPageCount(pdf: Buffer): Promise<number> {
  const info = await withPdfFile(pdf, async (file) => (await run("pdfinfo", [file])).stdout);
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}
