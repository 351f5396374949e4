// Static answers cost nothing (issue 14): the stylesheets and scripts, the widget bundle and the
// OpenAPI document carry an ETag computed once, answer 304 to it, and are kept a year by caches
// when the address names their version, which our own pages do. The badge's tag comes from what
// it shows, so its 304 needs no drawing, and a status change changes the tag.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { suspendCertificate } from "../modules/review/index.ts";
import { eq } from "drizzle-orm";
import { certificates } from "../db/schema/index.ts";
import { logIn, seedUser } from "../test/fixtures.ts";
import { browserClient, startTestApp, TEST_ORIGIN, type TestApp } from "../test/harness.ts";
import { buildVerificationWorld, type VerificationWorld } from "../test/verification-world.ts";

let t: TestApp;
let w: VerificationWorld;
beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-03-15T09:00:00Z"), env: { PUBLIC_RATE_LIMIT: "0" } });
  w = await buildVerificationWorld(t.runtime.deps);
});
afterAll(() => t.close());

const get = (path: string, headers: Record<string, string> = {}) => t.app.request(`${TEST_ORIGIN}${path}`, { headers });

async function versionedHrefs(): Promise<string[]> {
  // The first page may be made before the assets are read; by the second they are.
  await get("/");
  await new Promise((r) => setTimeout(r, 50));
  const html = await (await get("/")).text();
  return [...html.matchAll(/(?:href|src)="(\/static\/[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
}

describe("stylesheets and scripts", () => {
  it("are linked from the pages with their version, kept a year there and five minutes at the plain address", async () => {
    const hrefs = await versionedHrefs();
    expect(hrefs).toEqual([expect.stringMatching(/^\/static\/app\.css\?v=[\w-]{12}$/), expect.stringMatching(/^\/static\/htmx\.min\.js\?v=[\w-]{12}$/)]);
    for (const href of hrefs) {
      const versioned = await get(href);
      expect(versioned.status).toBe(200);
      expect(versioned.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
      const plain = await get(href.split("?")[0]!);
      expect(plain.headers.get("Cache-Control")).toBe("public, max-age=300");
      // The same tag every time, and a 304 without a body for it.
      const etag = plain.headers.get("ETag")!;
      expect(etag).toMatch(/^"[\w-]{32}"$/);
      expect(versioned.headers.get("ETag")).toBe(etag);
      const again = await get(href.split("?")[0]!, { "If-None-Match": etag });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
      // A version that is not the current one is no promise: five minutes only.
      expect((await get(`${href.split("?")[0]}?v=gammal`)).headers.get("Cache-Control")).toBe("public, max-age=300");
    }
  });

  it("links the password strength script by version too", async () => {
    await seedUser(t.runtime.deps, { email: "lisa@example.se" });
    const client = browserClient(t.app);
    await logIn(t, client, "lisa@example.se");
    await get("/static/password-strength.js");
    const html = await (await client.get("/min-sida/andra-losenord")).text();
    expect(html).toMatch(/<script src="\/static\/password-strength\.js\?v=[\w-]{12}"/);
  });
});

describe("the widget bundle and the OpenAPI document", () => {
  it("answer 304 to their one ETag and keep it across requests", async () => {
    for (const path of ["/widgets/certportal.js", "/api/v1/openapi.json"]) {
      const first = await get(path);
      expect(first.status).toBe(200);
      const etag = first.headers.get("ETag")!;
      expect((await get(path)).headers.get("ETag")).toBe(etag);
      const cached = await get(path, { "If-None-Match": etag });
      expect(cached.status, path).toBe(304);
      expect(cached.headers.get("Access-Control-Allow-Origin")).toBe("*");
    }
  });

  it("serves the widget bundle for a year at its versioned address, which Bädda in uses", async () => {
    await get("/widgets/certportal.js");
    const page = await (await get("/badda-in")).text();
    const src = /<script type="module" src="(\/widgets\/certportal\.js\?v=[\w-]{12})"/.exec(page)?.[1];
    expect(src).toBeDefined();
    const res = await get(src!);
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    // Other sites are told the plain address: they cannot follow our releases.
    expect(page).toContain("/widgets/certportal.js&quot;&gt;&lt;/script&gt;");
  });
});

describe("compressed once", () => {
  it("sends brotli or gzip to a client that takes it, with a tag of its own, and the same bytes inside", async () => {
    const { brotliDecompressSync, gunzipSync } = await import("node:zlib");
    for (const path of ["/widgets/certportal.js", "/static/app.css", "/api/v1/openapi.json"]) {
      const plain = await get(path);
      const text = await plain.text();
      expect(plain.headers.get("Vary")).toBe("Accept-Encoding");
      const br = await get(path, { "Accept-Encoding": "gzip, deflate, br" });
      expect(br.headers.get("Content-Encoding"), path).toBe("br");
      expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(text);
      const gz = await get(path, { "Accept-Encoding": "gzip;q=1, br;q=0" });
      expect(gz.headers.get("Content-Encoding")).toBe("gzip");
      const gzBytes = Buffer.from(await gz.arrayBuffer());
      expect(gunzipSync(gzBytes).toString()).toBe(text);
      expect(gzBytes.length).toBeLessThan(Buffer.byteLength(text));
      const tags = new Set([plain.headers.get("ETag"), br.headers.get("ETag"), gz.headers.get("ETag")]);
      expect(tags.size).toBe(3);
      const cached = await get(path, { "Accept-Encoding": "br", "If-None-Match": br.headers.get("ETag")! });
      expect(cached.status).toBe(304);
      // The plain tag does not stand for the compressed answer.
      expect((await get(path, { "Accept-Encoding": "br", "If-None-Match": plain.headers.get("ETag")! })).status).toBe(200);
    }
  });
});

describe("the badge", () => {
  it("answers 304 while the status stands, and a new tag when it changes", async () => {
    const number = w.numbers.mac;
    const path = `/badge/${number}.svg`;
    const first = await get(path);
    const etag = first.headers.get("ETag")!;
    expect((await get(path, { "If-None-Match": etag })).status).toBe(304);
    const cert = (await t.runtime.deps.db.select({ id: certificates.id }).from(certificates).where(eq(certificates.number, number)).get())!;
    await suspendCertificate(t.runtime.deps, w.dag, { certificateId: cert.id, reason: "Utreds", until: "2026-06-30" });
    const after = await get(path, { "If-None-Match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.get("ETag")).not.toBe(etag);
    expect(await after.text()).toContain("Vilande");
  });
});
