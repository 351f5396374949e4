// Limits on every request (issue 15): bodies are bounded before anything reads them, a key named
// by a request finds only our own entries, a malformed body never becomes a 500, the Origin check
// holds whatever the content type, personal answers are never cached, and /readyz tells the truth.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIn, seedUser } from "./fixtures.ts";
import { browserClient, startTestApp, TEST_ORIGIN, textOf, type BrowserClient, type TestApp } from "./harness.ts";
import { schemeByCode } from "./applications.ts";
import { issueInvoiced } from "./invoices.ts";

let t: TestApp;
let anna: BrowserClient; // applicant with a certificate and an invoice
let staff: BrowserClient; // reviewer, decider and admin
let issued: Awaited<ReturnType<typeof issueInvoiced>>;

const MiB = 1024 * 1024;
const url = (path: string) => new URL(path, TEST_ORIGIN).toString();

async function loggedIn(email: string) {
  const client = browserClient(t.app);
  await logIn(t, client, email);
  return client;
}

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-03-15T09:00:00Z") });
  const deps = t.runtime.deps;
  const a = await seedUser(deps, { email: "anna@example.se", givenName: "Anna", familyName: "Andersson" });
  const s = await seedUser(deps, { email: "staff@certorg.example", roles: ["reviewer", "decider", "admin"] });
  const reviewer = await seedUser(deps, { email: "granskare@certorg.example", roles: ["reviewer"] });
  issued = await issueInvoiced(deps, s.userId, { schemeCode: "fgas-person-i", personId: a.personId, byUserId: a.userId, reviewerUserId: reviewer.userId, recipient: { name: "Anna Andersson", email: "anna@example.se" } });
  anna = await loggedIn("anna@example.se");
  staff = await loggedIn("staff@certorg.example");
});
afterAll(() => t.close());

describe("the body limit", () => {
  it("refuses a 1 MiB form to /logga-in unread, with a Swedish 413", async () => {
    const started = Date.now();
    const res = await browserClient(t.app).post("/logga-in", { epost: "anna@example.se", losenord: "x".repeat(MiB) });
    expect(res.status).toBe(413);
    expect(Date.now() - started).toBeLessThan(2000);
    const page = textOf(await res.text());
    expect(page).toContain("Formuläret är för stort");
    expect(page).toContain("128 kB");
  });

  it("refuses by Content-Length alone, before the session, the Origin check or the route", async () => {
    // A foreign Origin would be a 403 and an unknown path a 404: the limit answers first.
    const res = await t.app.request(url("/finns-inte"), {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": String(10 * MiB), Origin: "https://evil.example" },
      body: "{}",
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("Connection")).toBe("close");
  });

  it("answers an htmx post with a fragment and the API with problem+json", async () => {
    const fragment = await browserClient(t.app).post("/glomt-losenord", { epost: "a".repeat(200 * 1024) }, { htmx: true });
    expect(fragment.status).toBe(413);
    const html = await fragment.text();
    expect(html).not.toContain("<html");
    expect(textOf(html)).toContain("Formuläret är för stort");

    const api = await t.app.request(url(`/api/v1/certificates/${issued.certificate.number}`), { method: "POST", headers: { Origin: TEST_ORIGIN }, body: "x".repeat(200 * 1024) });
    expect(api.status).toBe(413);
    expect(api.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
    expect((await api.json()) as unknown).toMatchObject({ status: 413, detail: expect.stringContaining("för stort") });
  });

  it("lets the longest form there is through: a förbindelsetext of 20 000 characters, each one encoded", async () => {
    const scheme = await schemeByCode(t.runtime.deps, "fgas-person-ii");
    const res = await staff.post(`/personal/katalog/certifikat/${scheme.id}/forbindelsetext`, { text: "ö".repeat(20_000) });
    expect(res.status).toBe(303);
  });

  it("gives the upload routes the upload limit, and their own 413 page above it", async () => {
    const upload = `/min-sida/ansokningar/${issued.applicationId}/moment/x`;
    const form = new FormData();
    form.set("fil", new Blob([Buffer.alloc(2 * MiB, 1)], { type: "application/pdf" }), "stor.pdf");
    // 2 MiB is past the form limit but within the upload limit: the route answers, not the limit.
    const within = await anna.request(upload, { method: "POST", body: form });
    expect(within.status).not.toBe(413);
    expect(within.status).toBeLessThan(500);
    const elsewhere = await anna.request("/min-sida/andra-uppgifter", { method: "POST", body: form });
    expect(elsewhere.status).toBe(413);

    const big = new FormData();
    big.set("fil", new Blob([Buffer.alloc(21 * MiB, 1)], { type: "application/pdf" }), "stor.pdf");
    const tooBig = await anna.request("/registrera-foretag", { method: "POST", body: big });
    expect(tooBig.status).toBe(413);
    // The route's own answer: the form again, with the message at the file field.
    expect(textOf(await tooBig.text())).toContain("registreringsbeviset får vara högst 20 MB");
  });
});

describe("keys named by a request", () => {
  it("finds no inherited static asset", async () => {
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      const res = await t.app.request(url(`/static/${name}`));
      expect(res.status, name).toBe(404);
    }
    expect((await t.app.request(url("/static/app.css"))).status).toBe(200);
  });

  it("shows no message for an inherited ?klart=", async () => {
    const pages: [BrowserClient, string][] = [
      [anna, "/min-sida"],
      [anna, `/min-sida/ansokningar/${issued.applicationId}`],
      [staff, `/personal/ansokningar/${issued.applicationId}`],
      [staff, `/personal/certifikat/${issued.certificate.id}`],
      [staff, `/personal/fakturor/${issued.invoice.id}`],
      [staff, "/personal/katalog"],
    ];
    const successNotices = async (res: Response) => (await res.text()).split("notice--success").length - 1;
    for (const [client, path] of pages) {
      // A "done" message is shown only for the names the page itself knows.
      const unknown = await successNotices(await client.get(`${path}?klart=okand`));
      for (const name of ["__proto__", "constructor", "toString"]) {
        const res = await client.get(`${path}?klart=${name}`);
        expect(res.status, `${path} ${name}`).toBe(200);
        expect(await successNotices(res), `${path} ${name}`).toBe(unknown);
      }
    }
  });

  it("takes an inherited beslut for no decision", async () => {
    const res = await staff.post(`/personal/ansokningar/${issued.applicationId}/beslut`, { beslut: "constructor" });
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toContain("Välj ett beslut.");
  });
});

describe("malformed bodies", () => {
  const truncatedMultipart = () => ({
    headers: { "Content-Type": "multipart/form-data; boundary=----gräns" },
    body: '------gräns\r\nContent-Disposition: form-data; name="back"\r\n\r\nlist\r\n------gräns\r\nContent-Disposition: form-data; name="personalNumber"\r\n\r\n1990',
  });
  const BODIES: [string, () => { headers: Record<string, string>; body: BodyInit }][] = [
    ["truncated multipart", truncatedMultipart],
    ["multipart without a boundary", () => ({ headers: { "Content-Type": "multipart/form-data" }, body: "a=1" })],
    ["bad percent-encoding", () => ({ headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "epost=%zz%E0%A4%A&losenord=%" })],
    ["inherited names", () => ({ headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "__proto__=x&constructor=y&toString=z&hasOwnProperty=1" })],
    ["cut-off JSON", () => ({ headers: { "Content-Type": "application/json" }, body: '{"epost":' })],
    ["binary", () => ({ headers: { "Content-Type": "application/octet-stream" }, body: new Blob([new Uint8Array([0, 255, 13, 10, 45, 45, 0])]) })],
  ];

  it("the BankID simulator answers a truncated multipart body with a Swedish 400", async () => {
    for (const path of ["/dev/bankid/qr", "/dev/bankid/order/x/approve", "/dev/bankid/order/x/refuse"]) {
      const res = await browserClient(t.app).request(path, { method: "POST", ...truncatedMultipart() });
      expect(res.status, path).toBe(400);
      expect(textOf(await res.text()), path).toContain("Formuläret gick inte att läsa");
    }
  });

  it("gets a 4xx, never a 500, on every route that takes a post", async () => {
    const posts = [...new Set(t.app.routes.filter((r) => r.method === "POST" || r.method === "ALL").map((r) => r.path))]
      .filter((p) => !p.includes("*") && p !== "/logga-ut")
      .map((p) => p.replace(/:[A-Za-z]+/g, (name) => (name === ":id" ? issued.applicationId : "x")));
    expect(posts.length).toBeGreaterThan(30);
    const anonymous = browserClient(t.app);
    const failures: string[] = [];
    // (POST /logga-ut reads no body; it is left out so the clients stay logged in.)
    for (const path of posts) {
      for (const [kind, make] of BODIES) {
        for (const [who, client] of [["anonymous", anonymous], ["anna", anna], ["staff", staff]] as const) {
          const res = await client.request(path, { method: "POST", ...make() });
          if (res.status >= 500) failures.push(`${who} ${kind} ${path}: ${res.status}`);
          else await res.body?.cancel();
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("the Origin check", () => {
  it("refuses a JSON post to /logga-ut from another site and keeps the session", async () => {
    const client = await loggedIn("anna@example.se");
    for (const type of ["application/json", "text/plain", "application/octet-stream", undefined]) {
      const headers: Record<string, string> = { Origin: "https://evil.example", Cookie: [...client.jar].map(([k, v]) => `${k}=${v}`).join("; ") };
      if (type) headers["Content-Type"] = type;
      const res = await t.app.request(url("/logga-ut"), { method: "POST", headers, body: "{}" });
      expect(res.status, type).toBe(403);
      expect(textOf(await res.text())).toContain("Förfrågan kom inte från den här webbplatsen");
    }
    // Nor with no Origin at all (no browser posts without one).
    const bare = await t.app.request(url("/logga-ut"), { method: "POST", headers: { "Content-Type": "application/json", Cookie: [...client.jar].map(([k, v]) => `${k}=${v}`).join("; ") }, body: "{}" });
    expect(bare.status).toBe(403);
    expect((await client.get("/min-sida")).status).toBe(200);

    // From the site itself the same post logs out.
    const own = await client.request("/logga-ut", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(own.status).toBe(303);
    expect((await client.get("/min-sida")).status).toBe(303);
  });

  it("lets a browser's same-origin post through on Sec-Fetch-Site", async () => {
    const res = await t.app.request(url("/glomt-losenord"), { method: "POST", headers: { "Sec-Fetch-Site": "same-origin", "Content-Type": "application/x-www-form-urlencoded" }, body: "epost=" });
    expect(res.status).toBe(422);
  });
});

describe("caching of personal answers", () => {
  it("marks every page of the portal, the staff pages and the account pages no-store, private", async () => {
    const answers = [
      await anna.get("/min-sida"),
      await anna.get("/min-sida/fakturor"),
      await anna.get(`/min-sida/ansokningar/${issued.applicationId}`),
      await staff.get("/personal"),
      await browserClient(t.app).get("/logga-in"),
      await browserClient(t.app).get("/registrera-konto"),
      await browserClient(t.app).get("/min-sida"),
      // Any page seen logged in names who is logged in.
      await anna.get("/"),
    ];
    for (const res of answers) expect(res.headers.get("Cache-Control"), res.url).toBe("no-store, private");
  });

  it("marks the personal downloads no-store, private", async () => {
    const certificate = await anna.get(`/min-sida/certifikat/${issued.certificate.id}/pdf`);
    expect(certificate.status).toBe(200);
    expect(certificate.headers.get("Content-Type")).toBe("application/pdf");
    expect(certificate.headers.get("Cache-Control")).toBe("no-store, private");
    const invoice = await anna.get(`/min-sida/fakturor/${issued.invoice.id}/pdf`);
    expect(invoice.status).toBe(200);
    expect(invoice.headers.get("Cache-Control")).toBe("no-store, private");
  });

  it("leaves the public answers their own caching", async () => {
    const number = issued.certificate.number;
    expect((await anna.get(`/c/${number}`)).headers.get("Cache-Control")).toBe("public, max-age=60");
    expect((await anna.get(`/api/v1/certificates/${number}`)).headers.get("Cache-Control")).toBe("public, max-age=60");
    expect((await anna.get("/static/app.css")).headers.get("Cache-Control")).toBe("public, max-age=300");
    expect((await browserClient(t.app).get("/")).headers.get("Cache-Control")).toBeNull();
  });
});

describe("/readyz", () => {
  it("is ok when the database answers with every migration applied, 503 when one is missing", async () => {
    const ok = await t.app.request(url("/readyz"));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("ok");

    const client = t.runtime.database.client;
    const last = (await client.execute("SELECT hash, created_at FROM __drizzle_migrations ORDER BY created_at DESC LIMIT 1")).rows[0]!;
    await client.execute({ sql: "DELETE FROM __drizzle_migrations WHERE created_at = ?", args: [last.created_at!] });
    try {
      const missing = await t.app.request(url("/readyz"));
      expect(missing.status).toBe(503);
      expect(await missing.text()).toContain("Inte redo");
    } finally {
      await client.execute({ sql: "INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)", args: [last.hash!, last.created_at!] });
    }
    expect((await t.app.request(url("/readyz"))).status).toBe(200);
  });
});
