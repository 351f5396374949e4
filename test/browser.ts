// Browser tests: the real app over real HTTP, driven by Debian's Chromium through playwright-core.
//
//   const site = await startServedApp();          // TestApp + http://127.0.0.1:<port>
//   const browser = await launchBrowser();         // one per test file
//   const session = await openSession(browser, site.baseUrl);  // one per test
//   ... session.page.goto("/registrera-konto") ...
//   expect(session.problems).toEqual([]);          // console errors, CSP violations, failed assets
//
// No browser is downloaded: CHROMIUM_PATH or /usr/bin/chromium must exist. If it does not, the
// tests fail with a message saying so (CI installs it; skipping would hide a broken setup).
import { access, constants, mkdir } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { serve } from "@hono/node-server";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import { startTestApp, type TestApp } from "./harness.ts";
import { loginCode } from "./mail-sink.ts";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"];

export interface ServedApp extends TestApp {
  /** e.g. http://127.0.0.1:41234; also the app's PUBLIC_URL, so links in mail point here. */
  baseUrl: string;
}

/** A free TCP port on loopback (there is a small window in which another process could take it). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", resolve);
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * The harness app (temp libSQL file, real SMTP sink, BankID simulator) served on 127.0.0.1.
 * PUBLIC_URL is set to the served origin, so the CSRF Origin check passes for the browser and
 * links in mail lead back to this server. The port is chosen first because PUBLIC_URL must be
 * known when the app is built; a lost race for the port is retried.
 */
export async function startServedApp(options: { now?: Date; env?: Record<string, string> } = {}): Promise<ServedApp> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const t = await startTestApp({ ...options, env: { PUBLIC_URL: baseUrl, ...options.env } });
    try {
      const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
        const s = serve({ fetch: t.app.fetch, port, hostname: "127.0.0.1" }, () => resolve(s));
        s.once("error", reject);
      });
      return {
        ...t,
        baseUrl,
        async close() {
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            // Keep-alive connections from the browser would hold close() open.
            if ("closeAllConnections" in server) server.closeAllConnections();
          });
          await t.close();
        },
      };
    } catch (e) {
      lastError = e;
      await t.close();
      if ((e as NodeJS.ErrnoException).code !== "EADDRINUSE") throw e;
    }
  }
  throw lastError;
}

/** Chromium from the system; a clear failure when it is not installed. */
export async function launchBrowser(): Promise<Browser> {
  try {
    await access(CHROMIUM_PATH, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. The browser tests need it: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH to a Chromium/Chrome executable.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface Session {
  context: BrowserContext;
  /** The first page; open more with context.newPage(). */
  page: Page;
  /**
   * Everything that went wrong in any page of the context: console errors, uncaught exceptions,
   * CSP violations, assets that failed to load, and any 5xx. Expected 4xx answers to documents
   * and htmx requests (422 forms, a 403 page) are not problems.
   */
  problems: string[];
  close(): Promise<void>;
}

// Reported again, with details, by the response listener; the console line alone has no URL.
const RESOURCE_LOAD_MESSAGE = /^Failed to load resource: the server responded with a status of/;

export interface SessionOptions {
  javaScriptEnabled?: boolean;
  /** The browser's language (its Accept-Language); Swedish unless given, e.g. "en-GB". */
  locale?: string;
  viewport?: { width: number; height: number };
}

/** A fresh browser context (no cookies) at baseUrl, watched for problems. */
export async function openSession(browser: Browser, baseUrl: string, options: SessionOptions = {}): Promise<Session> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: options.locale ?? "sv-SE",
    timezoneId: "Europe/Stockholm",
    viewport: options.viewport ?? { width: 1280, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const problems: string[] = [];

  // securitypolicyviolation events, reported through a binding (init scripts and bindings are
  // injected by the DevTools protocol, so the page's CSP does not stop them).
  await context.exposeBinding("__reportCspViolation", ({ page }, v: { directive: string; blocked: string; source: string; line: number; sample: string }) => {
    problems.push(`CSP violation on ${page.url()}: ${v.directive} blocked ${v.blocked || "(inline)"} at ${v.source}:${v.line} ${v.sample}`.trim());
  });
  await context.addInitScript(() => {
    document.addEventListener(
      "securitypolicyviolation",
      (e) => {
        const report = (window as unknown as { __reportCspViolation?: (v: unknown) => void }).__reportCspViolation;
        report?.({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample });
      },
      true,
    );
  });

  context.on("console", (msg) => {
    if (msg.type() !== "error") return;
    if (RESOURCE_LOAD_MESSAGE.test(msg.text())) return;
    const where = msg.location();
    problems.push(`console error on ${msg.page()?.url() ?? "?"}: ${msg.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ""}`);
  });
  context.on("weberror", (err) => {
    problems.push(`uncaught exception on ${err.page()?.url() ?? "?"}: ${err.error().message}`);
  });
  context.on("response", (res) => {
    const status = res.status();
    if (status < 400) return;
    const type = res.request().resourceType();
    const expectedAnswer = status < 500 && (type === "document" || type === "fetch" || type === "xhr");
    if (!expectedAnswer) problems.push(`HTTP ${status} for ${type} ${res.url()}`);
  });
  context.on("requestfailed", (req) => {
    const failure = req.failure()?.errorText ?? "failed";
    // A navigation that replaces a page aborts that page's pending requests (e.g. an htmx poll).
    if (failure === "net::ERR_ABORTED") return;
    problems.push(`request failed: ${req.resourceType()} ${req.url()}: ${failure}`);
  });

  const page = await context.newPage();
  return { context, page, problems, close: () => context.close() };
}

/** A full-page screenshot in test-results/e2e/ (gitignored), for a human to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.resolve("test-results", "e2e");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w.-]+/g, "-")}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** What a person sees: the rendered text of the page (hidden elements excluded). */
export async function visibleText(page: Page): Promise<string> {
  return (await page.locator("body").innerText()).replace(/[ \t]+/g, " ").trim();
}

/** Waits for the next mail to `email` whose subject contains `subject`, arriving after `since`. */
export function nextMail(site: ServedApp, email: string, subject: string, since: number) {
  return site.mail.waitFor((m) => m.to.includes(email) && m.subject.includes(subject) && site.mail.messages.indexOf(m) >= since);
}

/** E-post + Lösenord, then the e-mailed Engångskod. Ends wherever the site sends the person. */
export async function logInAs(site: ServedApp, page: Page, email: string, password: string): Promise<void> {
  await page.goto("/logga-in");
  await page.getByLabel("E-post").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  const since = site.mail.messages.length;
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await page.waitForURL("**/logga-in/kod");
  await page.getByLabel("Engångskod").fill(loginCode(await nextMail(site, email, "Engångskod", since)));
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/logga-in"));
}

/**
 * The set-up every browser test file shares: one served app and one Chromium for the file, a fresh
 * context per `open()`, all closed after each test. `problems()` gathers what went wrong in them.
 */
export function browserSuite(options: { now?: Date; env?: Record<string, string> } = {}) {
  let site: ServedApp | undefined;
  let browser: Browser | undefined;
  const sessions: Session[] = [];
  beforeAll(async () => {
    const [served, launched] = await Promise.allSettled([startServedApp(options), launchBrowser()]);
    if (served.status === "fulfilled") site = served.value;
    if (launched.status === "fulfilled") browser = launched.value;
    for (const r of [launched, served]) if (r.status === "rejected") throw r.reason;
  });
  afterEach(async () => {
    for (const s of sessions.splice(0)) await s.close();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    get site(): ServedApp {
      return site!;
    },
    /** A fresh context; `{ javaScriptEnabled: false }` for a visitor without JavaScript. */
    async open(options: SessionOptions = {}): Promise<Session> {
      const s = await openSession(browser!, site!.baseUrl, options);
      sessions.push(s);
      return s;
    },
    problems: () => sessions.flatMap((s) => s.problems),
  };
}
