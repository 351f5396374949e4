// The widgets where they live: on another organisation's site. A tiny host server on another
// origin (localhost:<port>, while the app is 127.0.0.1:<port>) sends a strict Content-Security-
// Policy and loads /widgets/certportal.js from the app; Chromium renders the elements from the
// public API. Certificates are issued and suspended through the modules, as staff would.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import type { Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { companies } from "../../db/schema/index.ts";
import { actorForUser } from "../../modules/accounts/find-user.ts";
import type { Actor } from "../../modules/deps.ts";
import { runDailySweep } from "../../modules/lifecycle/sweep.ts";
import { decideApplication, suspendCertificate } from "../../modules/review/index.ts";
import { applicationInFinalReview, insertCompany, insertPerson } from "../applications.ts";
import { browserSuite, screenshot, type Session } from "../browser.ts";
import { seedUser } from "../fixtures.ts";

const suite = browserSuite({ now: new Date("2026-03-15T09:00:00Z") });

type Staff = Actor & { userId: string };
let clerk: Staff;
let greta: Staff;
let dag: Staff;
let active: { number: number };
let suspended: { number: number };
let companyCert: { number: number };
let orgNumber: string;
let host: HostSite;
const UNKNOWN = 999999;

beforeAll(async () => {
  const deps = suite.site.runtime.deps;
  const staff = async (email: string, roles: ("applicant" | "reviewer" | "decider")[]) => (await actorForUser(deps.db, (await seedUser(deps, { email, roles })).userId)) as Staff;
  clerk = await staff("clerk@example.se", ["applicant"]);
  greta = await staff("greta@certorg.example", ["reviewer"]);
  dag = await staff("dag@certorg.example", ["decider"]);
  const issue = async (holder: { personId?: string; companyId?: string }, schemeCode: string) => {
    const applicationId = await applicationInFinalReview(deps, { schemeCode, ...holder, byUserId: clerk.userId, reviewerUserId: greta.userId });
    return (await decideApplication(deps, dag, { applicationId, decision: "grant" })).certificate!;
  };

  const anna = await insertPerson(deps, { givenName: "Anna", familyName: "Aktiv" });
  active = await issue({ personId: anna.personId }, "fgas-person-i");
  const vera = await insertPerson(deps, { givenName: "Vera", familyName: "Vilande" });
  const veras = await issue({ personId: vera.personId }, "fgas-person-i");
  await suspendCertificate(deps, dag, { certificateId: veras.id, reason: "Klagomål utreds", until: "2026-06-30" });
  suspended = veras;

  const companyId = await insertCompany(deps, { name: "Kylteknik i Norr AB", adminPersonIds: [anna.personId], employeePersonIds: [anna.personId] });
  companyCert = await issue({ companyId }, "fgas-foretag");
  orgNumber = (await deps.db.select({ orgNumber: companies.orgNumber }).from(companies).where(eq(companies.id, companyId)).get())!.orgNumber;

  host = await startHostSite(suite.site.baseUrl);
});

afterAll(async () => {
  await host?.close();
});

/** Everything the page asked of the API: URL and the headers actually sent (cookies included). */
function watchApi(page: Page, apiOrigin: string) {
  const calls: { url: string; headers: Promise<Record<string, string>> }[] = [];
  page.on("request", (r: Request) => {
    if (r.url().startsWith(apiOrigin)) calls.push({ url: r.url(), headers: r.allHeaders() });
  });
  return calls;
}

async function openHost(): Promise<Session> {
  const session = await suite.open();
  // A cookie the browser holds for the API's host: it must not travel with any widget request.
  await session.context.addCookies([{ name: "certportal_probe", value: "1", domain: "127.0.0.1", path: "/" }]);
  // Counts what the bundle asks of the custom element registry (injected by the DevTools
  // protocol, so the host's CSP does not stop it), to see a second load define nothing.
  await session.context.addInitScript(() => {
    const w = window as unknown as { registry: string[] };
    w.registry = [];
    const { define, get } = customElements;
    customElements.define = function (name, ctor, options) {
      w.registry.push(`define ${name}`);
      return define.call(this, name, ctor, options);
    };
    customElements.get = function (name) {
      if (name.startsWith("certportal-")) w.registry.push(`get ${name}`);
      return get.call(this, name);
    };
  });
  return session;
}

// The first request builds the bundle; on a busy machine that takes more than poll's default second.
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 10_000 });
const widget = (page: Page, id: string) => page.locator(`#${id}`);
const loaded = (page: Page, id: string) => poll(() => widget(page, id).locator("[part~=container]").getAttribute("aria-busy")).toBe("false");
const text = async (page: Page, id: string) => (await widget(page, id).locator("[part~=container]").innerText()).replace(/\s+/g, " ").trim();

describe("the widgets on another site with a strict CSP", () => {
  it("show the holder, the certificate, Aktivt or Vilande, Giltigt till and a link to /c/{number}", async () => {
    const session = await openHost();
    const { page } = session;
    const api = suite.site.baseUrl;
    const calls = watchApi(page, api);
    const scripts: string[] = [];
    page.on("response", (r) => {
      if (r.url().startsWith(`${api}/widgets/certportal.js`)) scripts.push(`${r.status()} ${r.url()}`);
    });
    const response = await page.goto(`${host.origin}/`);
    expect(response!.headers()["content-security-policy"]).toContain("default-src 'none'");
    for (const id of ["active", "suspended", "unknown", "company", "english"]) await loaded(page, id);

    // Aktivt: name, certificate, status as icon and word in a role="status", Giltigt till, link.
    expect(await text(page, "active")).toBe(`Anna Aktiv Aktivt F-gaser – Personcertifikat kategori I Certifikatnr ${active.number} · Giltigt till 2027-03-14 Kontrollera hos Testcert AB`);
    const status = widget(page, "active").getByRole("status");
    expect(await status.innerText()).toBe("Aktivt");
    expect(await status.locator("svg").getAttribute("aria-hidden")).toBe("true");
    // Styled by constructed style sheets, which the host's style-src 'self' does not block.
    expect(await widget(page, "active").evaluate((el) => el.shadowRoot!.adoptedStyleSheets.length)).toBeGreaterThan(0);
    expect(await widget(page, "active").evaluate((el) => el.shadowRoot!.querySelectorAll("style").length)).toBe(0);
    expect(await status.evaluate((el) => getComputedStyle(el).color)).toBe("rgb(27, 106, 53)");
    expect(await widget(page, "active").getByRole("link").getAttribute("href")).toBe(`${api}/c/${active.number}`);

    // Vilande, in words, not just in colour.
    expect(await widget(page, "suspended").getByRole("status").innerText()).toBe("Vilande");
    expect(await text(page, "suspended")).toContain("Vera Vilande");
    expect(await widget(page, "suspended").locator("[part~=status]").getAttribute("part")).toBe("status status-suspended");

    // An unknown number says so.
    expect(await text(page, "unknown")).toBe("Inget certifikat med det numret");

    // The company and its company certificate, each linking to its public page.
    const company = await text(page, "company");
    expect(company).toContain("Kylteknik i Norr AB");
    expect(company).toContain("Västerås");
    expect(company).toContain(`Org.nr ${orgNumber.slice(0, 6)}-${orgNumber.slice(6)}`);
    expect(company).toContain("F-gaser – Företagscertifikat F-gas");
    expect(company).toContain("Aktivt");
    expect(company).toContain("Giltigt till 2027-03-14");
    expect(await widget(page, "company").getByRole("link", { name: `Certifikatnr ${companyCert.number}` }).getAttribute("href")).toBe(`${api}/c/${companyCert.number}`);

    // lang="en": every word in English, status included.
    expect(await text(page, "english")).toBe(`Anna Aktiv Active F-gaser – Personcertifikat kategori I Certificate no. ${active.number} · Valid until 2027-03-14 Verify at Testcert AB`);
    expect(await widget(page, "english").locator("[part~=container]").getAttribute("lang")).toBe("en");

    // Theming from the host's own stylesheet: a custom property and a ::part rule.
    const accent = await widget(page, "company").locator("[part~=container]").evaluate((el) => getComputedStyle(el).borderTopColor);
    expect(accent).toBe("rgb(128, 0, 128)");
    expect(await widget(page, "company").locator("[part~=name]").evaluate((el) => getComputedStyle(el).fontStyle)).toBe("italic");

    // Loaded twice (two URLs, so it really ran twice), yet nothing broke.
    expect(scripts.sort()).toEqual([`200 ${api}/widgets/certportal.js`, `200 ${api}/widgets/certportal.js?again=1`]);
    const registry = await page.evaluate(() => (window as unknown as { registry: string[] }).registry);
    expect(registry.filter((r) => r.startsWith("define")).sort()).toEqual(["define certportal-certificate", "define certportal-company"]);
    expect(registry.filter((r) => r.startsWith("get"))).toHaveLength(4);

    // No cookies went with the API calls; one request per distinct thing asked.
    const apiCalls = calls.filter((c) => c.url.includes("/api/v1/"));
    expect(apiCalls.map((c) => new URL(c.url).pathname).sort()).toEqual(
      [`/api/v1/certificates/${UNKNOWN}`, `/api/v1/certificates/${active.number}`, `/api/v1/certificates/${suspended.number}`, `/api/v1/companies/${orgNumber}`].sort(),
    );
    for (const c of calls) expect((await c.headers).cookie, c.url).toBeUndefined();
    expect(await page.context().cookies(api)).toHaveLength(1); // the probe: the API set none

    await screenshot(page, "widgets-01-host-sv");
    expect(session.problems).toEqual([]);
  });

  it("refetch when number or lang change, and show a network error with a retry that works", async () => {
    const session = await openHost();
    const { page } = session;
    await page.goto(`${host.origin}/offline`);

    // The API is down (nothing listens on that port): the widget says so and offers a retry.
    await loaded(page, "offline");
    expect(await text(page, "offline")).toBe("Uppgifterna kunde inte hämtas just nu. Försök igen");
    const retry = widget(page, "offline").getByRole("button", { name: "Försök igen" });
    expect(await retry.isVisible()).toBe(true);
    await screenshot(page, "widgets-02-offline");

    // It comes back: the retry asks again and shows the certificate.
    const api = suite.site.baseUrl;
    await page.route(`${host.deadOrigin}/**`, async (route) => route.fulfill({ response: await route.fetch({ url: route.request().url().replace(host.deadOrigin, api) }) }));
    await retry.click();
    await poll(() => text(page, "offline")).toContain("Anna Aktiv");

    // Attributes are live: another number, then English.
    await widget(page, "changing").evaluate((el, n) => el.setAttribute("number", String(n)), suspended.number);
    await poll(() => text(page, "changing")).toContain("Vera Vilande");
    expect(await widget(page, "changing").getByRole("status").innerText()).toBe("Vilande");
    await widget(page, "changing").evaluate((el) => el.setAttribute("lang", "en"));
    await poll(() => widget(page, "changing").getByRole("status").innerText()).toBe("Suspended");

    // The only problems are the refused connections to the dead port.
    const unexpected = session.problems.filter((p) => !p.includes(host.deadOrigin) && !p.includes("ERR_CONNECTION_REFUSED"));
    expect(unexpected).toEqual([]);
  });
});

describe("Bädda in", () => {
  it("explains the script, the elements, theming and CSP, with live previews under our own CSP", async () => {
    const session = await suite.open();
    const { page } = session;
    await page.goto("/");
    await page.getByText("Online", { exact: true }).click();
    await page.getByRole("link", { name: "Bädda in" }).click();
    await page.waitForURL("**/badda-in");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Bädda in certifikat på er webbplats");
    const body = await page.locator("main").innerText();
    expect(body).toContain(`<script type="module" src="${suite.site.baseUrl}/widgets/certportal.js"></script>`);
    expect(body).toContain(`script-src 'self' ${suite.site.baseUrl}`);
    expect(body).toContain("--certportal-accent");
    expect(body).toContain(`/badge/${companyCert.number}.svg`);

    // The example previews: the certified company and its certificate, live from the API.
    const previews = page.locator(".embed-previews");
    await poll(() => previews.locator("certportal-company").getByText("Kylteknik i Norr AB").isVisible()).toBe(true);
    await poll(() => previews.locator("certportal-certificate").first().getByRole("status").innerText()).toBe("Aktivt");
    expect(await previews.locator("certportal-certificate[lang=en]").getByRole("status").innerText()).toBe("Active");
    // The badge, live, for sites without JavaScript.
    await poll(() => page.getByRole("img", { name: `Certifikat ${companyCert.number} hos Testcert AB: kontrollera status` }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await screenshot(page, "widgets-03-badda-in");
    await previews.screenshot({ path: "test-results/e2e/widgets-03b-badda-in-previews.png" });

    // A visitor previews their own number.
    await page.getByLabel("Certifikatnummer").fill(String(suspended.number));
    await page.getByLabel("Organisationsnummer").fill("");
    await page.getByRole("button", { name: "Visa förhandsgranskning" }).click();
    await page.waitForURL(`**/badda-in?nummer=${suspended.number}**`);
    await poll(() => previews.locator("certportal-certificate").first().getByRole("status").innerText()).toBe("Vilande");
    expect(await previews.locator("certportal-company").count()).toBe(0);
    await screenshot(page, "widgets-04-badda-in-eget-nummer");
    expect(session.problems).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The host site: another origin, its own strict CSP, the widget script from the app.

// Last in the file: it moves the clock past every certificate's Giltigt till.
describe("a missed Årlig förlängning", () => {
  it("shows Utgånget in the widgets the day after Giltigt till, once the daily sweep has run", async () => {
    const site = suite.site;
    site.clock!.set(new Date("2027-03-15T01:00:00Z"));
    const sweep = await runDailySweep(site.runtime.deps);
    expect(sweep.expired).toBeGreaterThanOrEqual(2);
    // A new browser context: nothing of the earlier answers is in its cache.
    const { page } = await openHost();
    await page.goto(`${host.origin}/`);
    for (const id of ["active", "company", "english"]) await loaded(page, id);
    expect(await widget(page, "active").getByRole("status").innerText()).toBe("Utgånget");
    expect(await widget(page, "active").locator("[part~=status]").getAttribute("part")).toBe("status status-expired");
    expect(await widget(page, "english").getByRole("status").innerText()).toBe("Expired");
    expect(await text(page, "company")).toContain("Utgånget");
    expect(await text(page, "company")).not.toContain("Aktivt");
    await screenshot(page, "widgets-04-expired");
  });
});

interface HostSite {
  origin: string;
  /** An origin where nothing listens, for the network-error state. */
  deadOrigin: string;
  close(): Promise<void>;
}

async function startHostSite(apiOrigin: string): Promise<HostSite> {
  const deadPort = await closedPort();
  const deadOrigin = `http://127.0.0.1:${deadPort}`;
  const script = (query = "") => `<script type="module" src="${apiOrigin}/widgets/certportal.js${query}"></script>`;
  const csp = (connect: string) => `default-src 'none'; script-src ${apiOrigin}; connect-src ${connect}; style-src 'self'; img-src ${apiOrigin}; base-uri 'none'; form-action 'none'`;
  const pages: Record<string, { csp: string; body: string }> = {
    "/": {
      csp: csp(apiOrigin),
      body: `${script()}${script("?again=1")}
        <h1>Kylteknik i Norr AB</h1>
        <p>Our certificates, live from the certification body:</p>
        <div class="grid">
          <certportal-certificate id="active" number="${active.number}"></certportal-certificate>
          <certportal-certificate id="suspended" number="${suspended.number}"></certportal-certificate>
          <certportal-certificate id="unknown" number="${UNKNOWN}"></certportal-certificate>
          <certportal-certificate id="english" number="${active.number}" lang="en"></certportal-certificate>
          <certportal-company id="company" orgnr="${orgNumber}" class="themed"></certportal-company>
        </div>`,
    },
    "/offline": {
      csp: csp(`${apiOrigin} ${deadOrigin}`),
      body: `${script()}
        <div class="grid">
          <certportal-certificate id="offline" number="${active.number}" api="${deadOrigin}"></certportal-certificate>
          <certportal-certificate id="changing" number="${active.number}"></certportal-certificate>
        </div>`,
    },
  };
  // The host's own stylesheet (style-src 'self') themes one widget through a custom property and
  // a ::part rule.
  const css = `body { font: 16px/1.5 Georgia, serif; margin: 2rem; background: #fafafa; }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: 1rem; align-items: start; }
    certportal-company.themed { --certportal-accent: purple; --certportal-radius: 0; }
    certportal-company.themed::part(name) { font-style: italic; }`;
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    if (path === "/host.css") {
      res.writeHead(200, { "Content-Type": "text/css; charset=utf-8" });
      return res.end(css);
    }
    const p = pages[path];
    if (!p) {
      res.writeHead(204);
      return res.end();
    }
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": p.csp });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="stylesheet" href="/host.css"></head><body>${p.body}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    deadOrigin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A port that was free a moment ago and that nobody listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
