// Issue 16, in Chromium with the keyboard alone: registration, the first login (one-time code, the
// forced new password), a BankID login started, and applying for a certificate from Min Sida to
// "Skicka in ansökan" (a file chosen from the keyboard); each with JavaScript and without it.
// Every Tab stop must show its focus ring and not be hidden under anything (WCAG 2.4.7, 2.4.11);
// "Hoppa till innehållet" is the first stop and leads into the page. Without JavaScript, also with
// the keyboard alone: Registrera företag (with its file), Ny anställning and the admin's
// Bekräfta, a forgotten password and a complaint. The pages only a flow reaches (the code step, BankID,
// a reset link, the complaint's receipt) and the forms' error states are checked by axe at both
// widths here; every other page is checked by the matrix (accessibility.e2e.test.ts).
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { makePdf } from "../../lib/uploads/test-files.ts";
import { actorForUser } from "../../modules/accounts/find-user.ts";
import { loadApplication } from "../../modules/certification/index.ts";
import type { Actor } from "../../modules/deps.ts";
import { decideCompanyRegistration } from "../../modules/employments/index.ts";
import { reviewRequirement } from "../../modules/review/index.ts";
import { axeViolations, axeViolationsOfCopy, widerThanWindow, WIDTHS } from "../accessibility.ts";
import { browserSuite, logInAs, nextMail, screenshot, visibleText } from "../browser.ts";
import { newOrgNumber } from "../companies.ts";
import { GOOD_PASSWORD, seedUser } from "../fixtures.ts";
import { firstLink, loginCode, oneTimePassword } from "../mail-sink.ts";

const suite = browserSuite({ now: new Date("2026-11-22T09:00:00Z") });
const deps = () => suite.site.runtime.deps;
const label = (name: string) => new RegExp(`^${name}( \\*)?$`);

/** Where focus is, and whether a person can see it there. */
interface Stop {
  what: string;
  /** A ring (outline or box shadow) on the element or on the label that wraps it. */
  ring: boolean;
  /** Covered at its centre by something else (a sticky header, a dialog). */
  obscured: boolean;
  /** Inside the window (the browser scrolls a focused element into view). */
  inView: boolean;
}

function focusStop(page: Page): Promise<Stop | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const drawn = (e: Element) => {
      const s = getComputedStyle(e);
      return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";
    };
    const label = el.closest("label") ?? (el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null);
    // A radio or a checkbox draws its ring on its label where the label holds it.
    const ring = drawn(el) || (label !== null && drawn(label));
    const r = el.getBoundingClientRect();
    const box = r.width > 1 && r.height > 1 ? r : (label?.getBoundingClientRect() ?? r);
    const x = box.left + box.width / 2;
    const y = box.top + Math.min(box.height / 2, 12);
    const inView = box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth;
    const top = inView ? document.elementFromPoint(x, y) : null;
    const obscured = inView && !(top && (el.contains(top) || top.contains(el) || (label?.contains(top) ?? false)));
    const name = el.getAttribute("aria-label") ?? (label?.textContent || el.textContent || (el as HTMLInputElement).value || "").replace(/\s+/g, " ").trim();
    return { what: `<${el.tagName.toLowerCase()}${el.getAttribute("type") ? ` type=${el.getAttribute("type")}` : ""}> "${name.slice(0, 60)}"`, ring, obscured, inView };
  });
}

/**
 * The keyboard of one page: Tab (or Shift+Tab, towards the control) until a control has focus,
 * checking every stop on the way: a ring that shows, inside the window, nothing over it. What went
 * wrong is gathered in `problems` for the test to assert.
 */
function keyboardOf(page: Page) {
  const problems: string[] = [];
  async function checkStop(): Promise<Stop | null> {
    const stop = await focusStop(page);
    // No stop: focus went on to the browser's own controls, past the page's last one (Tab wraps).
    if (stop) {
      if (!stop.ring) problems.push(`${page.url()}: no focus ring on ${stop.what}`);
      if (!stop.inView) problems.push(`${page.url()}: ${stop.what} has focus outside the window`);
      if (stop.obscured) problems.push(`${page.url()}: ${stop.what} has focus under something else`);
    }
    return stop;
  }
  return {
    problems,
    /** Tab towards `target` until it has focus; fails after `max` stops. */
    async tabTo(target: Locator, max = 60): Promise<void> {
      const backwards = await target.evaluate((el) => {
        const from = document.activeElement;
        return from !== null && from !== document.body && (from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
      });
      for (let i = 0; i < max; i++) {
        await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
        await checkStop();
        if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
      }
      throw new Error(`${max} presses of ${backwards ? "Shift+Tab" : "Tab"} on ${page.url()} did not reach ${target}`);
    },
    /**
     * Type into the field the page gives focus to (autofocus): once it has it. The browser may
     * focus it a moment after the load event, and keys typed before that would go nowhere.
     */
    async typeInAutofocused(target: Locator, text: string): Promise<void> {
      await expect.poll(() => target.evaluate((el) => el === document.activeElement).catch(() => false)).toBe(true);
      await page.keyboard.type(text);
    },
    /** Tab to a field and type into it. */
    async fill(target: Locator, text: string): Promise<void> {
      await this.tabTo(target);
      await page.keyboard.type(text);
    },
    /** Tab to a link or button and press Enter (the caller waits for what follows). */
    async press(target: Locator, key = "Enter"): Promise<void> {
      await this.tabTo(target);
      await page.keyboard.press(key);
    },
    /** From the top of the page: the first stop is "Hoppa till innehållet", which leads into <main>. */
    async skipToContent(): Promise<void> {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press("Tab");
      const stop = await checkStop();
      expect(stop?.what, page.url()).toBe('<a> "Hoppa till innehållet"');
      await page.keyboard.press("Enter");
      await page.keyboard.press("Tab");
      await checkStop();
      expect(await page.evaluate(() => document.activeElement?.closest("main") !== null), `${page.url()}: the Tab after the skip link is in <main>`).toBe(true);
    },
    /** Where focus is now, e.g. after a form was answered: it must not be lost on the page. */
    focused: () => page.evaluate(() => (document.activeElement === document.body ? null : (document.activeElement?.className ?? null))),
  };
}

/** axe (WCAG A/AA) at both widths and the page fits each; for a page without JavaScript, through a copy. */
async function checkPage(page: Page, javaScript: boolean): Promise<string[]> {
  const found: string[] = [];
  const checker = javaScript ? null : (await suite.open()).page;
  const original = page.viewportSize()!;
  for (const width of WIDTHS) {
    await page.setViewportSize(width.viewport);
    const at = `${page.url()} at ${width.name}`;
    const wide = await widerThanWindow(page);
    if (wide) found.push(`${at}: ${wide}`);
    if (checker) await checker.setViewportSize(width.viewport);
    for (const v of checker ? await axeViolationsOfCopy(page, checker) : await axeViolations(page)) found.push(`${at}: ${v}`);
  }
  await page.setViewportSize(original);
  return found;
}

/**
 * The keys that type a date into a date field: its digits in the order the browser lays the field
 * out, which follows the browser's own language (en-US: mm/dd/åååå; sv: åååå-mm-dd). Found by
 * typing into a field on a page of the browser's own, not by the site.
 */
async function dateKeys(page: Page, iso: string): Promise<string> {
  const [y, m, d] = iso.split("-") as [string, string, string];
  const probe = await page.context().newPage();
  try {
    for (const keys of [`${m}${d}${y}`, `${y}${m}${d}`, `${d}${m}${y}`]) {
      await probe.setContent('<input type="date" id="d">');
      await probe.focus("#d");
      await probe.keyboard.type(keys);
      if ((await probe.inputValue("#d")) === iso) return keys;
    }
  } finally {
    await probe.close();
    // The page typed into next must have the focus of the window again (else nothing matches :focus).
    await page.bringToFront();
  }
  throw new Error("no order of digits types a date here");
}

async function tempFile(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), "certportal-kb-")), name);
  await writeFile(file, bytes);
  return file;
}

let serial = 0;

for (const javaScript of [true, false]) {
  const how = javaScript ? "with JavaScript" : "without JavaScript";

  describe(`the keyboard alone, ${how}`, () => {
    it("registers an account (Annat medborgarskap), logs in with the e-mailed code and sets a new password", async () => {
      serial += 1;
      const email = `tangent${serial}@example.fi`;
      const { page } = await suite.open({ javaScriptEnabled: javaScript });
      const kb = keyboardOf(page);
      const axe: string[] = [];

      await page.goto("/registrera-konto");
      await kb.skipToContent();
      // Medborgarskap: the arrow keys move within the group.
      await kb.tabTo(page.getByRole("radio", { name: /Svenskt medborgarskap/ }));
      await page.keyboard.press("ArrowDown");
      expect(await page.getByRole("radio", { name: /Annat medborgarskap/ }).isChecked()).toBe(true);
      // Fortsätt with nothing typed: the error is said, and the form is accessible with it.
      await kb.press(page.getByRole("button", { name: "Fortsätt" }));
      await expect.poll(() => page.locator(".error-summary").isVisible()).toBe(true);
      // The errors take focus (the button pressed is gone with the old form), with their ring.
      await expect.poll(kb.focused).toBe("error-summary");
      expect((await focusStop(page))?.ring).toBe(true);
      axe.push(...(await checkPage(page, javaScript)));
      await kb.fill(page.getByLabel(label("E-post")), email);
      await page.keyboard.press("Enter");

      await expect.poll(() => page.getByRole("button", { name: "Skapa användare" }).isVisible()).toBe(true);
      // Födelsedatum has focus (autofocus): a date is typed as its digits, field by field.
      await page.keyboard.type(await dateKeys(page, "1985-06-15"));
      expect(await page.getByLabel(label("Födelsedatum")).inputValue()).toBe("1985-06-15");
      await kb.fill(page.getByLabel(label("Förnamn")), "Tove");
      await kb.fill(page.getByLabel(label("Efternamn")), "Tangentsson");
      const since = suite.site.mail.messages.length;
      await kb.press(page.getByRole("button", { name: "Skapa användare" }));
      await expect.poll(() => page.getByRole("heading", { name: "Kontrollera din e-post" }).isVisible()).toBe(true);
      await expect.poll(kb.focused).toBe("notice notice--success");
      const password = oneTimePassword(await nextMail(suite.site, email, "Välkommen", since));

      // Logga in: E-post has focus; Tab to Lösenord; Enter sends.
      await kb.press(page.getByRole("main").getByRole("link", { name: "Logga in" }));
      await page.waitForURL("**/logga-in");
      await kb.typeInAutofocused(page.getByLabel(label("E-post")), email);
      await kb.fill(page.getByLabel(label("Lösenord")), password);
      const codeSince = suite.site.mail.messages.length;
      await page.keyboard.press("Enter");
      await page.waitForURL("**/logga-in/kod");
      axe.push(...(await checkPage(page, javaScript)));
      await kb.typeInAutofocused(page.getByLabel(label("Engångskod")), loginCode(await nextMail(suite.site, email, "Engångskod", codeSince)));
      await page.keyboard.press("Enter");

      // The one-time password must be changed first.
      await page.waitForURL("**/min-sida/andra-losenord");
      await kb.fill(page.getByLabel(label("Nuvarande lösenord")), password);
      await kb.fill(page.getByLabel(label("Nytt lösenord")), "Ljus-Kompass-Vinter-26");
      await kb.fill(page.getByLabel(label("Nytt lösenord \\(igen\\)")), "Ljus-Kompass-Vinter-26");
      await kb.press(page.getByRole("button", { name: "Spara" }));
      await expect.poll(() => page.getByRole("heading", { name: "Ditt lösenord har ändrats!" }).isVisible()).toBe(true);
      await kb.press(page.getByRole("main").getByRole("link", { name: /Min Sida/ }));
      await page.waitForURL("**/min-sida");
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toMatch(/Tove\s+Tangentsson/);

      expect(kb.problems).toEqual([]);
      expect(axe).toEqual([]);
      expect(suite.problems()).toEqual([]);
    }, 90_000);

    it("starts a BankID login from the login page", async () => {
      const { page } = await suite.open({ javaScriptEnabled: javaScript });
      const kb = keyboardOf(page);
      await page.goto("/logga-in");
      await kb.press(page.getByRole("button", { name: /annan enhet/i }));
      await page.waitForURL("**/bankid**");
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toMatch(/BankID/);
      const axe = await checkPage(page, javaScript);
      expect(kb.problems).toEqual([]);
      expect(axe).toEqual([]);
      expect(suite.problems()).toEqual([]);
    });

    it("applies for a certificate from Min Sida to Skicka in ansökan, choosing the file from the keyboard", async () => {
      serial += 1;
      const email = `ansokan${serial}@example.se`;
      await seedUser(deps(), { email, givenName: "Anton", familyName: "Tangent" });
      const { page } = await suite.open({ javaScriptEnabled: javaScript });
      // Playwright takes the file chooser from now on (a listener makes it intercept), so the one
      // that Space opens below is never a window of the desktop.
      page.on("filechooser", () => {});
      const kb = keyboardOf(page);
      await logInAs(suite.site, page, email, GOOD_PASSWORD);
      await page.goto("/min-sida");

      await kb.press(page.getByRole("link", { name: "Ansök om nytt certifikat" }));
      await page.waitForURL("**/min-sida/ansok");
      // Teknikområde: typing picks the option; without JavaScript "Visa certifikat" fills the next list.
      await kb.tabTo(page.getByLabel(label("Teknikområde")));
      await page.keyboard.type("F-gaser");
      if (!javaScript) {
        await kb.press(page.getByRole("button", { name: "Visa certifikat" }));
        await page.waitForURL("**/min-sida/ansok?**");
      }
      const scheme = page.getByLabel(label("Certifikat"));
      await expect.poll(() => scheme.isEnabled()).toBe(true);
      await kb.tabTo(scheme);
      await page.keyboard.type("Utbildningsintyg Mobil AC");
      await kb.press(page.getByRole("button", { name: "Spara" }));
      await page.waitForURL("**/min-sida/ansokningar/**?klart=startad");

      // Ladda upp fil: the file input opens the file chooser on Space.
      await kb.press(page.getByRole("link", { name: "Ladda upp fil: Diplom/ Intyg" }));
      await page.waitForURL("**/moment/**");
      await kb.tabTo(page.getByLabel(label("Fil")));
      const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Space")]);
      await chooser.setFiles(await tempFile("diplom.pdf", makePdf({ text: "Diplom" })));
      await kb.press(page.getByRole("button", { name: "Ladda upp fil" }));
      await page.waitForURL("**?klart=uppladdad");

      // The reviewer approves; then intyga, fakturamottagare and the last look.
      const greta = await seedUser(deps(), { email: `granskare${serial}@certorg.example`, roles: ["reviewer"] });
      const reviewer = (await actorForUser(deps().db, greta.userId)) as Actor & { userId: string };
      const applicationId = /ansokningar\/([^/?#]+)/.exec(page.url())![1]!;
      const app = await loadApplication(deps().db, reviewer, applicationId);
      await reviewRequirement(deps(), reviewer, { applicationId, momentId: app.moments[0]!.moment.id, approve: true, comment: null });
      await page.goto(`/min-sida/ansokningar/${applicationId}`);
      await kb.press(page.getByRole("link", { name: "Klicka här för att intyga din certifikatsansökan" }));
      await page.waitForURL("**/intyga");
      await kb.press(page.getByRole("button", { name: "Ja", exact: true }));
      await page.waitForURL("**?klart=intygad");
      await kb.press(page.getByRole("link", { name: "Ange fakturamottagare" }).first());
      await page.waitForURL("**/fakturamottagare");
      // Nothing to choose from but an address: Alternativ fakturaadress is chosen already.
      expect(await page.getByRole("radio", { name: "Alternativ fakturaadress" }).isChecked()).toBe(true);
      await kb.fill(page.getByLabel(label("Adressrad 1")), "Tangentgatan 1");
      await kb.fill(page.getByLabel(label("Ort")), "Umeå");
      await kb.fill(page.getByLabel(label("Postnummer")), "903 25");
      await kb.press(page.getByRole("button", { name: "Spara" }));
      await page.waitForURL("**/skicka-in");
      expect(await visibleText(page)).toContain("Tangentgatan 1");
      await kb.press(page.getByRole("button", { name: "Skicka in ansökan" }));
      await page.waitForURL("**?klart=granskas");
      expect(await visibleText(page)).toContain("Tack! Ansökan granskas nu.");
      await screenshot(page, `keyboard-ansokan-${javaScript ? "js" : "utan-js"}`);

      expect(kb.problems).toEqual([]);
      expect(suite.problems()).toEqual([]);
    }, 90_000);
  });
}

describe("a company's flows with the keyboard alone, without JavaScript", () => {
  it("registers a company with its registreringsbevis; once approved, a colleague asks to be employed and its admin confirms", async () => {
    const deps_ = deps();
    await seedUser(deps_, { email: "karin.tangent@example.se", givenName: "Karin", familyName: "Tangent" });
    await seedUser(deps_, { email: "olle.tangent@example.se", givenName: "Olle", familyName: "Ordning" });
    const orgnr = newOrgNumber();

    // Registrera företag: every field from the keyboard, the file chosen with Space.
    const { page } = await suite.open({ javaScriptEnabled: false });
    page.on("filechooser", () => {});
    const kb = keyboardOf(page);
    await logInAs(suite.site, page, "karin.tangent@example.se", GOOD_PASSWORD);
    await page.goto("/registrera-foretag");
    await kb.fill(page.getByLabel(label("Organisationsnummer")), orgnr);
    await kb.fill(page.getByLabel(label("Företagsnamn")), "Tangent Kyl AB");
    await kb.fill(page.getByLabel(label("Adressrad 1")), "Tangentvägen 2");
    await kb.fill(page.getByLabel(label("Postnummer")), "903 26");
    await kb.fill(page.getByLabel(label("Ort")), "Umeå");
    await kb.fill(page.getByLabel(label("Telefonnummer")), "090-12 34 56");
    await kb.fill(page.getByLabel(label("E-postadress")), "info@tangentkyl.example.se");
    await kb.tabTo(page.getByLabel(label("Registreringsbevis")));
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Space")]);
    await chooser.setFiles(await tempFile("registreringsbevis.pdf", makePdf({ text: "Registreringsbevis" })));
    await kb.press(page.getByRole("button", { name: "Registrera företag" }));
    await page.waitForURL("**/registrera-foretag/tack/**");
    const companyId = /tack\/([^/?#]+)/.exec(page.url())![1]!;
    const staff = await seedUser(deps_, { email: "stab.tangent@certorg.example", roles: ["admin"] });
    await decideCompanyRegistration(deps_, (await actorForUser(deps_.db, staff.userId)) as Actor & { userId: string }, { companyId, approve: true, reason: null });

    // Ny anställning: the exact organisationsnummer and a start date, typed.
    const colleague = (await suite.open({ javaScriptEnabled: false })).page;
    const kb2 = keyboardOf(colleague);
    await logInAs(suite.site, colleague, "olle.tangent@example.se", GOOD_PASSWORD);
    await colleague.goto("/min-sida/anstallningar");
    await kb2.press(colleague.getByRole("link", { name: "Ny anställning" }));
    await colleague.waitForURL("**/min-sida/anstallningar/ny");
    await kb2.fill(colleague.getByLabel(label("Företag")), orgnr);
    await kb2.tabTo(colleague.getByLabel(label("Startdatum")));
    await colleague.keyboard.type(await dateKeys(colleague, "2026-11-01"));
    await kb2.press(colleague.getByRole("button", { name: "Spara" }));
    await colleague.waitForURL("**/min-sida/anstallningar");
    expect(await visibleText(colleague)).toMatch(/Tangent Kyl AB[\s\S]*Väntar på bekräftelse/);

    // Karin, now its certifikatsadministratör, confirms from the company page.
    await page.goto(`/min-sida/foretag/${companyId}`);
    await kb.press(page.getByRole("button", { name: "Bekräfta anställningen för Olle Ordning" }));
    await expect.poll(() => visibleText(page)).toContain("Anställningen för Olle Ordning är bekräftad.");
    const axe = await checkPage(page, false);

    expect([...kb.problems, ...kb2.problems]).toEqual([]);
    expect(axe).toEqual([]);
    expect(suite.problems()).toEqual([]);
  }, 90_000);
});

describe("flows without JavaScript that only a flow reaches", () => {
  it("resets a forgotten password from the e-mailed link", async () => {
    const email = "glomsk@example.se";
    await seedUser(deps(), { email, givenName: "Gun", familyName: "Glömsk" });
    const { page } = await suite.open({ javaScriptEnabled: false });
    const kb = keyboardOf(page);
    await page.goto("/logga-in");
    await kb.press(page.getByRole("link", { name: "Glömt lösenord?" }));
    await page.waitForURL("**/glomt-losenord");
    await kb.typeInAutofocused(page.getByLabel(label("E-post")), email);
    const since = suite.site.mail.messages.length;
    await page.keyboard.press("Enter");
    await expect.poll(() => visibleText(page)).toContain("har vi skickat en länk dit");
    const link = firstLink(await nextMail(suite.site, email, "Välj nytt lösenord", since), "/aterstall-losenord");
    await page.goto(link);
    const axe = await checkPage(page, false);
    await kb.fill(page.getByLabel(label("Nytt lösenord")), "Minnes-Tavla-Sommar-27");
    await kb.fill(page.getByLabel(label("Nytt lösenord \\(igen\\)")), "Minnes-Tavla-Sommar-27");
    await kb.press(page.getByRole("button", { name: "Spara" }));
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Ditt lösenord har ändrats!");
    // The link is used: opening it again says so, on an accessible page.
    await page.goto(link);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Länken fungerar inte");
    axe.push(...(await checkPage(page, false)));
    await logInAs(suite.site, page, email, "Minnes-Tavla-Sommar-27");
    expect(new URL(page.url()).pathname).toBe("/min-sida");
    expect(kb.problems).toEqual([]);
    expect(axe).toEqual([]);
    expect(suite.problems()).toEqual([]);
  }, 60_000);

  it("sends a complaint and gets its receipt", async () => {
    const { page } = await suite.open({ javaScriptEnabled: false });
    const kb = keyboardOf(page);
    await page.goto("/lamna-klagomal");
    await kb.fill(page.getByLabel(label("Beskriv vad som har hänt")), "Ingen läckagekontroll efter servicen.");
    // The form's token wants a few seconds of a person's time.
    suite.site.clock!.advance(10_000);
    await kb.press(page.getByRole("button", { name: "Skicka klagomålet" }));
    await page.waitForURL("**/lamna-klagomal/tack**");
    const axe = await checkPage(page, false);
    expect(kb.problems).toEqual([]);
    expect(axe).toEqual([]);
    expect(suite.problems()).toEqual([]);
  });
});
