import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserClient, startTestApp, textOf, type TestApp } from "../test/harness.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe("public site", () => {
  it("has the manual's navigation on the start page", async () => {
    const res = await browserClient(t.app).get("/");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith("<!doctype html>")).toBe(true);
    const text = textOf(html);
    for (const w of ["Om oss", "Nyheter", "Teknikområden", "Examinationscentra", "Filer & länkar", "Prislista", "Online", "Sök certifierade företag", "Kontrollera certifikat", "Registrera konto", "Registrera företag", "Logga in"]) {
      expect(text).toContain(w);
    }
    expect(text).toContain("Testcert AB");
  });

  it("links to no page that is missing", async () => {
    const client = browserClient(t.app);
    const seen = new Set<string>();
    const queue = ["/"];
    while (queue.length) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const res = await client.get(path);
      expect(res.status, path).toBeLessThan(400);
      if (!(res.headers.get("Content-Type") ?? "").includes("text/html")) continue;
      const html = await res.text();
      for (const m of html.matchAll(/href="(\/[^"#]*)"/g)) {
        const href = m[1]!.replace(/&amp;/g, "&");
        if (!href.startsWith("//") && !seen.has(href)) queue.push(href);
      }
    }
    expect(seen.size).toBeGreaterThan(12);
  });

  it("answers /healthz with ok", async () => {
    const res = await t.app.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok");
  });

  it("has a 404 page in Swedish", async () => {
    const res = await t.app.request("/finns-inte");
    expect(res.status).toBe(404);
    expect(textOf(await res.text())).toContain("Sidan finns inte");
  });
});
