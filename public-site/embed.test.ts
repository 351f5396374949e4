import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserClient, startTestApp, textOf, type TestApp } from "../test/harness.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe("GET /widgets/certportal.js", () => {
  it("is one JavaScript module any site may load and cache, revalidated by its ETag", async () => {
    const res = await t.app.request("/widgets/certportal.js", { headers: { Origin: "https://kylteknik.example.se", Cookie: "certportal_session=stale.token" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=300");
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("Cross-Origin-Resource-Policy")).toBe("cross-origin");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.getSetCookie()).toEqual([]);
    const etag = res.headers.get("ETag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    const code = await res.text();
    expect(code).toContain("certportal-certificate");

    const again = await t.app.request("/widgets/certportal.js", { headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("ETag")).toBe(etag);
    expect(again.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });
});

describe("GET /badda-in", () => {
  it("shows the script tag, the elements, the CSP a host needs and the badge, with our public URL", async () => {
    const res = await browserClient(t.app).get("/badda-in");
    expect(res.status).toBe(200);
    const html = await res.text();
    // Loaded as a module from our own origin, which our CSP (script-src 'self') allows.
    // (At its versioned address once the bundle is built, which starts with the app.)
    expect(html).toMatch(/<script type="module" src="\/widgets\/certportal\.js(\?v=[\w-]{12})?"><\/script>/);
    expect(res.headers.get("Content-Security-Policy")).toContain("script-src 'self'");
    const text = textOf(html);
    expect(text).toContain('<script type="module" src="http://localhost:3000/widgets/certportal.js"></script>');
    expect(text).toContain('<certportal-certificate number="10001"></certportal-certificate>');
    expect(text).toContain('<certportal-company orgnr="556016-0680"></certportal-company>');
    expect(text).toContain("script-src 'self' http://localhost:3000; connect-src 'self' http://localhost:3000;");
    expect(text).toContain('<img src="http://localhost:3000/badge/10001.svg"');
    for (const word of ["--certportal-accent", "--certportal-font", "--certportal-radius", "::part()", "status-suspended", "lang", "api"]) expect(text).toContain(word);
    // No certified company yet: no previews, the form invites the visitor's own numbers.
    expect(html).not.toContain("<certportal-certificate number=");
    expect(text).toContain("Ange ert certifikatnummer eller organisationsnummer");
  });

  it("previews the numbers a visitor types, and says which one is wrong", async () => {
    const ok = await (await t.app.request("/badda-in?nummer=10002&orgnr=556016-0680")).text();
    expect(ok).toContain('<certportal-certificate number="10002"></certportal-certificate>');
    expect(ok).toContain('<certportal-certificate number="10002" lang="en"></certportal-certificate>');
    expect(ok).toContain('<certportal-company orgnr="5560160680"></certportal-company>');

    const bad = await (await t.app.request("/badda-in?nummer=abc&orgnr=12")).text();
    expect(textOf(bad)).toContain("Ange certifikatnumret med siffror, till exempel 10001.");
    expect(textOf(bad)).toContain("Ange organisationsnumret med tio siffror, till exempel 556016-0680.");
    expect(bad).not.toContain("<certportal-certificate number=");
  });
});
