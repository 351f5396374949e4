// Issue 16, WCAG 2.2 AA shown by tests: axe-core's WCAG 2.0–2.2 A and AA rules (and its best
// practices: heading order, landmarks) on every page the route table serves, for a visitor, an
// applicant, a certifikatsadministratör, an examinator and staff, at 1280 px and 390 px, in Swedish
// and English: zero violations, no page wider than its window, no table cell whose content runs
// into the next, every control with a focus ring that shows and is not covered, `lang` the
// language asked for. The pages are read from `app.routes`, with real
// addresses found by following the app's own links as each caller (test/site-pages.ts), so a page
// added tomorrow is checked tomorrow; the world is the demo data and what it lacks
// (test/accessibility.ts). One browser context per caller, width and language; its pages in turn.
//
// The whole matrix runs in `npm test` (about 200 pages × 2 widths × 2 languages, some 3 minutes
// on two cores): axe-core is put into the pages once per context rather than sent at every check.
// A11Y_ONLY=sv (or en) runs one language, for a quicker look while fixing a page; A11Y_REPORT=<file>
// writes every finding to that file.
import { appendFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { axeViolations, buildWorld, enterAs, focusProblems, LANGUAGES, overflowingCells, STAFF_EMAIL, widerThanWindow, WIDTHS, withAxe } from "../accessibility.ts";
import { browserSuite } from "../browser.ts";
import { discoverSite, getRoutes, unreachedIn, type Caller, type SitePages } from "../site-pages.ts";

const suite = browserSuite({ now: new Date("2026-11-22T09:00:00Z") });

interface MatrixCaller extends Caller {
  email: string | null;
  /** Addresses beyond one per route: states of a page worth their own check, and error pages. */
  extra: string[];
}

const CALLERS: MatrixCaller[] = [
  {
    name: "utloggad",
    email: null,
    starts: ["/", "/logga-in", "/registrera-konto", "/registrera-foretag"],
    extra: ["/sok-certifierade-foretag?q=kyl", "/kontrollera-certifikat?nummer=10001", "/sidan-finns-inte"],
    cookie: null,
  },
  { name: "sökande", email: "sven.svensson@example.se", starts: ["/min-sida"], extra: ["/personal"], cookie: null },
  { name: "certifikatsadministratör", email: "karin.lindqvist@example.se", starts: ["/min-sida"], extra: [], cookie: null },
  { name: "examinator", email: "erik.examinator@example.org", starts: ["/min-sida", "/min-sida/prov"], extra: [], cookie: null },
  { name: "personal", email: STAFF_EMAIL, starts: ["/personal"], extra: [], cookie: null },
];

/**
 * Pages no link leads to and no id opens: a flow must be under way. Each is checked by axe in the
 * test named here, and this test fails when a route joins them without a line here.
 */
const IN_FLOWS: Record<string, string> = {
  "GET /logga-in/kod": "keyboard.e2e.test.ts: logs in with the keyboard alone",
  "GET /bankid": "keyboard.e2e.test.ts: starts a BankID login from the keyboard",
  "GET /bankid/status": "a fragment the BankID page polls (it redirects when no BankID order is under way)",
  "GET /aterstall-losenord": "keyboard.e2e.test.ts: resets a forgotten password without JavaScript",
  "GET /lamna-klagomal/tack": "keyboard.e2e.test.ts: sends a complaint without JavaScript",
};

const languages = LANGUAGES.filter((l) => !process.env.A11Y_ONLY || l.code === process.env.A11Y_ONLY);
const site = new Map<MatrixCaller, SitePages>();
const tokens = new Map<MatrixCaller, string | null>();

beforeAll(async () => {
  const world = await buildWorld(suite.site.runtime.deps);
  for (const caller of CALLERS) {
    const token = caller.email ? await world.sessionFor(caller.email) : null;
    tokens.set(caller, token);
    caller.cookie = token ? `session=${token}` : null;
  }
  for (const [caller, pages] of await discoverSite(suite.site, CALLERS)) site.set(caller as MatrixCaller, pages);
}, 120_000);

/** What a caller visits: one address of every page it reaches, then its extra addresses. */
function visitsOf(caller: MatrixCaller): { what: string; address: string }[] {
  const pages = [...site.get(caller)!.pages.entries()].sort(([a], [b]) => a.localeCompare(b));
  return [...pages.map(([route, address]) => ({ what: route, address })), ...caller.extra.map((address) => ({ what: address, address }))];
}

describe("every page the route table serves", () => {
  it("is reached by a caller with a real address, or named with the flow test that checks it", () => {
    expect(unreachedIn(getRoutes(suite.site.app), [...site.values()]).map((r) => r.key).sort()).toEqual(Object.keys(IN_FLOWS).sort());
    expect(new Set([...site.values()].flatMap((s) => [...s.pages.keys()])).size).toBeGreaterThan(75);
  });

  for (const language of languages) {
    it(`has no axe violation with the header's menu open: Meny at 390 px, Online at 1280 px, ${language.name}`, async () => {
      const findings: string[] = [];
      for (const width of WIDTHS) {
        const { context, page } = await suite.open({ viewport: width.viewport, locale: language.locale });
        await withAxe(context);
        await language.choose(context, suite.site.baseUrl);
        await page.goto("/");
        // The one menu of the header that shows at this width, opened as a person would.
        const summary = page.locator(".site-header details.menu > summary").filter({ visible: true });
        expect(await summary.count(), width.name).toBe(1);
        await summary.click();
        expect(await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open)).toBe(true);
        const wide = await widerThanWindow(page);
        if (wide) findings.push(`${width.name}: ${wide}`);
        for (const v of await axeViolations(page)) findings.push(`${width.name}: ${v}`);
        for (const f of await focusProblems(page)) findings.push(`${width.name}: ${f}`);
      }
      expect(findings, findings.join("\n")).toEqual([]);
      expect(suite.problems()).toEqual([]);
    });

    for (const caller of CALLERS) {
      for (const width of WIDTHS) {
        it(`has no axe violation and fits the window: ${caller.name}, ${width.name}, ${language.name}`, async () => {
          const { context, page } = await suite.open({ viewport: width.viewport, locale: language.locale });
          await withAxe(context);
          await language.choose(context, suite.site.baseUrl);
          await enterAs(context, suite.site.baseUrl, tokens.get(caller)!);
          const findings: string[] = [];
          const visits = visitsOf(caller);
          for (const { what, address } of visits) {
            const where = what === address ? address : `${what} (${address})`;
            const res = await page.goto(address);
            // The extra addresses include error pages (404, 403): those are checked as they come.
            if (res?.status() !== 200 && !caller.extra.includes(address)) {
              findings.push(`${where}: HTTP ${res?.status()}`);
              continue;
            }
            const lang = await page.evaluate(() => document.documentElement.lang);
            if (lang !== language.code) findings.push(`${where}: <html lang="${lang}">`);
            const wide = await widerThanWindow(page);
            if (wide) findings.push(`${where}: ${wide}`);
            for (const cell of await overflowingCells(page)) findings.push(`${where}: ${cell}`);
            for (const focus of await focusProblems(page)) findings.push(`${where}: ${focus}`);
            for (const v of await axeViolations(page)) findings.push(`${where}: ${v}`);
          }
          // A11Y_REPORT=<file>: every finding of the run in one file, a line each, to work through.
          if (process.env.A11Y_REPORT) await appendFile(process.env.A11Y_REPORT, findings.map((f) => `${caller.name}, ${width.name}, ${language.name}: ${f}\n`).join(""));
          expect(visits.length).toBeGreaterThan(0);
          expect(findings, findings.join("\n")).toEqual([]);
          expect(suite.problems()).toEqual([]);
        }, 300_000);
      }
    }
  }
});
