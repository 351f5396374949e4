import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, TEST_ORIGIN, type TestApp } from "../test/harness.ts";
import { buildVerificationWorld, type VerificationWorld } from "../test/verification-world.ts";
import { badgeSvg } from "./badge.ts";

let t: TestApp;
let w: VerificationWorld;
const get = (path: string, headers: Record<string, string> = {}) => t.app.request(`${TEST_ORIGIN}${path}`, { headers });

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-03-15T09:00:00Z") });
  w = await buildVerificationWorld(t.runtime.deps);
});
afterAll(() => t.close());

describe("/badge/{number}.svg", () => {
  it("is an SVG with the number and the live status in words, for any site to show", async () => {
    const res = await get(`/badge/${w.numbers.company}.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/svg+xml");
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=300");
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("Cross-Origin-Resource-Policy")).toBe("cross-origin");
    expect(res.headers.get("Set-Cookie")).toBeNull();
    const svg = await res.text();
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain(`>certifikat ${w.numbers.company}</text>`);
    expect(svg).toContain(">Aktivt</text>");
    expect(svg).toContain(`aria-label="certifikat ${w.numbers.company}: Aktivt"`);
    expect(svg).toContain("<title>");
    expect(svg).toContain('fill="#1b6a35"');
    expect((await get(`/badge/${w.numbers.company}.svg`, { "If-None-Match": res.headers.get("ETag")! })).status).toBe(304);
  });

  it("shows Vilande and Utgånget as words too", async () => {
    expect(await (await get(`/badge/${w.numbers.suspended}.svg`)).text()).toContain(">Vilande</text>");
    expect(await (await get(`/badge/${w.numbers.expired}.svg`)).text()).toContain(">Utgånget</text>");
  });

  it("is a grey 'okänt certifikat' badge with 404 for a number nobody has", async () => {
    for (const path of ["/badge/99999.svg", "/badge/abc.svg", "/badge/12345.png"]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("Content-Type")).toBe("image/svg+xml");
      expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
      const svg = await res.text();
      expect(svg).toContain(">okänt</text>");
      expect(svg).toContain("okänt certifikat");
      expect(svg).toContain('fill="#6c7683"');
    }
  });

  it("escapes its text", () => {
    const svg = badgeSvg('<script>alert("x")</script>', "A & B", "#000", "t'<");
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(svg).toContain(">A &amp; B</text>");
    expect(svg).toContain("t&apos;&lt;");
  });
});
