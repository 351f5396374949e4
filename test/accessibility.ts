// What the accessibility tests share (issue 16, WCAG 2.2 AA shown by tests): axe-core's WCAG A and
// AA rules run on a page as it stands, the page's width against the window's, the widths and the
// languages of the matrix, and the world it runs in: the demo data (made through the real
// operations, as `npm start` shows it) with what the demo lacks so that every page has something
// to show (a refusal and its appeal, a Moment Ej godkänt, a complaint, a filmall, a protocol).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { eq } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { seedDemoData } from "../db/seed/demo.ts";
import { examSessions, persons, requirements, schemes, users } from "../db/schema/index.ts";
import { swedishDate } from "../lib/dates.ts";
import { acceptUpload } from "../lib/uploads/accept-upload.ts";
import { makePdf } from "../lib/uploads/test-files.ts";
import { actorForUser } from "../modules/accounts/find-user.ts";
import { createSession } from "../modules/accounts/index.ts";
import { submitAppeal, submitComplaint } from "../modules/cases/index.ts";
import { listExamParts, uploadTemplate } from "../modules/catalogue/index.ts";
import { loadApplication, startApplication, uploadEvidence } from "../modules/certification/index.ts";
import type { Actor, Deps } from "../modules/deps.ts";
import { registerCompany } from "../modules/employments/index.ts";
import { createSession as createExamSession, recordResults, registerCandidate, uploadProtocol } from "../modules/examinations/index.ts";
import { decideApplication, reviewRequirement } from "../modules/review/index.ts";
import { applicationInFinalReview } from "./applications.ts";
import { newOrgNumber } from "./companies.ts";
import { seedUser } from "./fixtures.ts";

/**
 * axe-core's rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA, and its best practices, which add
 * what those leave to judgement: heading order, one <h1>, content inside landmarks, landmarks with
 * unique names (WCAG 1.3.1 and 2.4.6 as a screen reader's user meets them).
 */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

// axe-core itself, put into every page of a context before the page's own scripts (by the DevTools
// protocol, so the CSP does not stop it). Run this way a check takes about a tenth of
// @axe-core/playwright's AxeBuilder, which sends the 550 kB script into the page at every check:
// that is what lets the whole matrix run in `npm test`.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Puts axe-core into every page the context opens from now on. */
export async function withAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: AXE_SOURCE });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core's WCAG A and AA rules and best practices on the page as it is now: one line per violation. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe
        .run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })
        .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }))),
    AXE_TAGS,
  );
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/**
 * axe needs JavaScript in the page. A page seen without JavaScript is checked as a copy: its HTML
 * at its own address, with the site's styles, in `other` (a page of a context with JavaScript).
 */
export async function axeViolationsOfCopy(page: Page, other: Page): Promise<string[]> {
  const [html, url] = [await page.content(), page.url()];
  await other.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
  await other.goto(url);
  await other.unroute(url);
  return axeViolations(other);
}

/** Null when nothing pans sideways; otherwise how much wider the page is than the window. */
export async function widerThanWindow(page: Page): Promise<string | null> {
  const w = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
  return w.page > w.window ? `the page is ${w.page} px wide in a window of ${w.window} px` : null;
}

/**
 * Table cells whose content does not fit them and runs into the next cell (text over text: 1.4.10
 * Reflow, 1.4.12 Text Spacing; axe does not see overlap). One line per cell, with its text.
 */
export async function overflowingCells(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("td, th")]
      .filter((cell) => cell.scrollWidth > cell.clientWidth + 1 && getComputedStyle(cell).overflowX === "visible")
      .map((cell) => `a table cell is ${cell.scrollWidth} px wide inside ${cell.clientWidth} px: "${(cell.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 60)}"`),
  );
}

/**
 * Every control of the page focused in turn, as the keyboard would (after a key press, so focus
 * counts as the keyboard's, :focus-visible): one line for each that shows no ring (outline or box
 * shadow, on it or on the label that wraps it) or that focus leaves under something else (WCAG
 * 2.4.7, 2.4.11). The keyboard tests walk real Tab orders; this reaches every control of every page.
 */
export async function focusProblems(page: Page): Promise<string[]> {
  await page.keyboard.press("Shift");
  const problems = await page.evaluate(() => {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    // What can show focus: the control, the label that wraps it, and a few boxes round it (a card
    // that is one big link rings the card). A ring is what changes when focus comes.
    const chain = (el: HTMLElement) => {
      const label = el.closest("label") ?? (el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null);
      const boxes: Element[] = [el];
      if (label) boxes.push(label);
      for (let p = el.parentElement, i = 0; p && i < 3; p = p.parentElement, i++) boxes.push(p);
      return { label, boxes };
    };
    const look = (boxes: Element[]) =>
      boxes.map((b) => {
        const s = getComputedStyle(b);
        const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : "";
        return `${outline}|${s.boxShadow}|${s.borderColor}|${s.backgroundColor}`;
      });
    const found: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if ((el as HTMLButtonElement).disabled || el.closest("[inert]")) continue;
      (document.activeElement as HTMLElement | null)?.blur();
      const { label, boxes } = chain(el);
      const before = look(boxes);
      el.focus();
      if (document.activeElement !== el) continue; // not focusable as it stands (hidden, in a closed menu)
      const after = look(boxes);
      const name = (el.getAttribute("aria-label") ?? (label?.textContent || el.textContent || "")).replace(/\s+/g, " ").trim().slice(0, 50);
      const what = `<${el.tagName.toLowerCase()}> "${name}"`;
      if (after.every((a, i) => a === before[i])) found.push(`no focus ring on ${what}`);
      // A link that wraps has a box per line; its bounding box's middle may be another link's.
      const first = el.getClientRects()[0];
      const r = first && first.width > 1 ? first : (label?.getBoundingClientRect() ?? el.getBoundingClientRect());
      const x = r.left + r.width / 2;
      const y = r.top + Math.min(r.height / 2, 12);
      if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) continue;
      const top = document.elementFromPoint(x, y);
      if (top && !(el.contains(top) || top.contains(el) || (label?.contains(top) ?? false))) {
        found.push(`${what} is covered by <${top.tagName.toLowerCase()}> "${(top.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40)}"`);
      }
    }
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
    return found;
  });
  return [...new Set(problems)];
}

export interface Width {
  name: string;
  viewport: { width: number; height: number };
}

/** A laptop and a phone (iPhone 12–15: 390 × 844 CSS pixels). */
export const WIDTHS: Width[] = [
  { name: "1280 px", viewport: { width: 1280, height: 900 } },
  { name: "390 px", viewport: { width: 390, height: 844 } },
];

export interface Language {
  /** What `<html lang>` says on every page in this language. */
  code: string;
  name: string;
  /** The browser's language: its Accept-Language, the choice on a first visit (also /c/…). */
  locale: string;
  /** Makes a context see the site in this language as the switch leaves it (before its first page). */
  choose(context: BrowserContext, baseUrl: string): Promise<void>;
}

/**
 * The languages of the site (web/language.ts): a browser that asks for the language, and for
 * English the cookie the switch in the header leaves behind.
 */
export const LANGUAGES: Language[] = [
  { code: "sv", name: "svenska", locale: "sv-SE", choose: async () => {} },
  {
    code: "en",
    name: "English",
    locale: "en-GB",
    async choose(context, baseUrl) {
      await context.addCookies([{ name: "lang", value: "en", url: baseUrl, httpOnly: true, sameSite: "Lax" }]);
    },
  },
];

/** Opens a context's pages as the caller: the session cookie set straight, no login flow. */
export async function enterAs(context: BrowserContext, baseUrl: string, sessionToken: string | null): Promise<void> {
  if (sessionToken) await context.addCookies([{ name: "session", value: sessionToken, url: baseUrl, httpOnly: true, sameSite: "Lax" }]);
}

export interface World {
  /** userId by e-mail, for the demo's people and the world's own staff. */
  users: Map<string, string>;
  /** A new session token for a person, as after a login. */
  sessionFor(email: string): Promise<string>;
}

/** The staff member of the matrix: every staff role, and no part in anything the demo decided. */
export const STAFF_EMAIL = "stina.stab@example.org";

type UserActor = Actor & { userId: string; personId: string };

/**
 * The demo data, and what it lacks for every page to have something on it: Sven's refused
 * application and his appeal with a file, a Moment of his Ej godkänt, a visitor's complaint with a
 * file, a filmall, the protocol of Erik's provtillfälle and one held today with a result, a company registration with its
 * registreringsbevis; and staff with every role.
 */
export async function buildWorld(deps: Deps): Promise<World> {
  await seedDemoData(deps);
  await seedUser(deps, { email: STAFF_EMAIL, givenName: "Stina", familyName: "Stab", roles: ["reviewer", "decider", "admin"] });
  const rows = await deps.db.select({ userId: users.id, email: persons.email }).from(users).innerJoin(persons, eq(persons.id, users.personId));
  const byEmail = new Map(rows.map((r) => [r.email, r.userId]));
  const actor = async (email: string) => (await actorForUser(deps.db, byEmail.get(email)!)) as UserActor;
  const [sven, greta, bo, erik, stina] = await Promise.all(["sven.svensson@example.se", "greta.granskare@example.org", "bo.beslut@example.org", "erik.examinator@example.org", STAFF_EMAIL].map(actor));
  const pdf = (name: string) => ({ bytes: makePdf({ text: name }), originalName: `${name}.pdf`, declaredType: "application/pdf" });

  // Refused, and appealed with a file.
  const refused = await applicationInFinalReview(deps, { schemeCode: "fgas-person-iii", personId: sven!.personId, byUserId: sven!.userId, reviewerUserId: greta!.userId });
  const { decisionId } = await decideApplication(deps, bo!, { applicationId: refused, decision: "refuse", reason: "Intyget om praktisk erfarenhet saknar underskrift." });
  await submitAppeal(deps, sven!, { target: { decisionId }, grounds: "Intyget är underskrivet på baksidan; se bifogad kopia.", files: [pdf("intyg-baksida")] });

  // A Moment Ej godkänt (not appealed: the page to appeal it is open).
  const externalScheme = await deps.db.select({ id: schemes.id }).from(schemes).where(eq(schemes.code, "extern-fgas-i")).get();
  const { applicationId } = await startApplication(deps, sven!, { schemeId: externalScheme!.id });
  const [moment] = (await loadApplication(deps.db, sven!, applicationId)).moments;
  await uploadEvidence(deps, sven!, { applicationId, momentId: moment!.moment.id, file: pdf("externt-certifikat") });
  await reviewRequirement(deps, greta!, { applicationId, momentId: moment!.moment.id, approve: false, comment: "Kopian är oläslig. Ladda upp en skarpare kopia." });

  // A visitor's complaint with a file, naming Sven's certificate.
  await submitComplaint(deps, null, { description: "Installatören lämnade ingen läckagekontroll efter service av vår anläggning.", certificateNumber: "10002", name: "Klara Kund", email: "klara.kund@example.se", files: [pdf("servicerapport")] });

  // A filmall for a Moment applicants meet, and the protocol of the provtillfälle.
  const moments = await deps.db.select({ id: requirements.id, code: requirements.code }).from(requirements).innerJoin(schemes, eq(schemes.id, requirements.schemeId)).where(eq(schemes.code, "fgas-person-ii"));
  const idCopy = moments.find((m) => m.code === "id") ?? moments[0]!;
  await uploadTemplate(deps, stina!, { requirementId: idCopy.id, file: pdf("filmall-legitimation") });
  const [session] = await deps.db.select({ id: examSessions.id, centreId: examSessions.centreId, schemeId: examSessions.schemeId }).from(examSessions);
  await uploadProtocol(deps, erik!, { sessionId: session!.id, file: pdf("protokoll") });
  // A provtillfälle held today with Maria's result, so that Rätta resultat has a result to open.
  const parts = await listExamParts(deps.db, session!.schemeId);
  const { sessionId: held } = await createExamSession(deps, erik!, { centreId: session!.centreId, schemeId: session!.schemeId, date: swedishDate(deps.clock.now()), startTime: "08:00", place: "Provhallen", seats: 4, partIds: parts.map((p) => p.id) });
  const { registrationId } = await registerCandidate(deps, erik!, { sessionId: held, candidate: "maria.nowak@example.com" });
  await uploadProtocol(deps, erik!, { sessionId: held, file: pdf("protokoll-idag") });
  const entries = Object.fromEntries(parts.map((p) => [p.id, { passed: true, points: p.maxPoints === null ? null : p.maxPoints }]));
  await recordResults(deps, erik!, { sessionId: held, rows: [{ registrationId, entries }] });

  // A company registration waiting for staff, with its registreringsbevis.
  const maria = await actor("maria.nowak@example.com");
  const company = { name: "Kyl och Värme i Väst AB", addressLine1: "Hamngatan 3", addressLine2: null, postalCode: "451 30", city: "Uddevalla", country: "Sverige", phone: null, email: null };
  await registerCompany(deps, maria, { ...company, orgNumber: newOrgNumber(), registrationCertificate: await acceptUpload(pdf("registreringsbevis")) });

  return {
    users: byEmail,
    async sessionFor(email: string) {
      return (await createSession(deps.db, byEmail.get(email)!, "password", deps.clock.now())).token;
    },
  };
}
