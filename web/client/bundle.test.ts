import { describe, expect, it } from "vitest";
import { bundlePasswordStrengthScript } from "./bundle.ts";

// The server has the word lists; the browser script must stay small enough
// to load on every password page.
const MAX_BYTES = 60_000;

describe("bundlePasswordStrengthScript", () => {
  it("builds one small, minified script without the word lists", async () => {
    const code = await bundlePasswordStrengthScript();
    const bytes = Buffer.byteLength(code);
    console.log(`password-strength.js: ${bytes} bytes minified`);

    expect(bytes).toBeLessThan(MAX_BYTES);
    expect(code).not.toMatch(/passwords-common|diceware-common/);
    expect(code).toContain("Mycket starkt lösenord");
    expect(code).toContain("(ej uppfyllt)");
  });

  it("is a self-contained classic script a strict CSP allows", async () => {
    const code = await bundlePasswordStrengthScript();
    expect(code).not.toMatch(/\beval\(|new Function\(/);
    expect(code).not.toMatch(/^\s*(import|export)\b/m);
    expect(code).toMatch(/^("use strict";)?\(\(\)=>\{/); // esbuild's IIFE wrapper
  });
});
