import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildWidgets, describeSize, GZIP_BUDGET_BYTES } from "./build.ts";

describe("the widget bundle", () => {
  it("builds one ES module under the 12 kB gzip budget", async () => {
    const bundle = await buildWidgets();
    console.log(describeSize(bundle));
    expect(GZIP_BUDGET_BYTES).toBe(12 * 1024);
    expect(bundle.gzipBytes).toBeLessThanOrEqual(GZIP_BUDGET_BYTES);
    expect(bundle.bytes).toBeGreaterThan(1000);
    // The same source gives the same bytes, so the ETag stays put between restarts.
    expect((await buildWidgets()).hash).toBe(bundle.hash);
  });

  it("defines both elements, each only if not defined yet", async () => {
    const { code } = await buildWidgets();
    expect(code).toContain('"certportal-certificate"');
    expect(code).toContain('"certportal-company"');
    expect(code).toContain("customElements.get(");
    expect(code).toContain("customElements.define(");
  });

  it("is self-contained, sends no cookies and needs nothing a strict CSP forbids", async () => {
    const { code } = await buildWidgets();
    // No static or dynamic import left: one file is the whole widget.
    expect(code).not.toMatch(/(^|[;}\s])import\s*[{*"'\w]/);
    expect(code).not.toMatch(/\bimport\(/);
    expect(code).not.toMatch(/^export\b|[;}]export\s*\{/m);
    expect(code).not.toContain("document.cookie");
    expect(code).toContain('credentials:"omit"');
    expect(code).not.toMatch(/credentials:"include"|credentials:"same-origin"/);
    expect(code).not.toMatch(/\beval\(|new Function\(/);
    // Lit's development build warns in the console; the production one does not.
    expect(code).not.toContain("Lit is in dev mode");
  });

  it("has every word in Swedish and English, status words included", async () => {
    const { code } = await buildWidgets();
    for (const word of ["Aktivt", "Vilande", "Indraget", "Utgånget", "Avslutat", "Giltigt till", "Inget certifikat med det numret", "Försök igen"]) expect(code).toContain(word);
    for (const word of ["Active", "Suspended", "Withdrawn", "Expired", "Ended", "Valid until", "No certificate with that number", "Try again"]) expect(code).toContain(word);
  });
});

describe("widgets/src", () => {
  it("imports nothing from the server: only Lit and its own files (HOUSE.md)", async () => {
    const dir = fileURLToPath(new URL("./src/", import.meta.url));
    const files = (await readdir(dir)).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const source = await readFile(dir + file, "utf8");
      const specifiers = [...source.matchAll(/\bfrom\s+"([^"]+)"/g)].map((m) => m[1]!);
      for (const s of specifiers) expect(s, `${file} imports ${s}`).toMatch(/^(lit|\.\/[\w-]+\.ts)$/);
    }
  });
});
