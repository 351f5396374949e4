// English beside Swedish in Chromium (docs/decisions/022): a browser that asks for English gets
// English on its first visit; the switch in the header changes the page it is on and is remembered
// (a cookie for a visitor, with or without JavaScript; a setting for an account, which follows the
// person to a Swedish browser); /c/{number} follows the browser's language and the address.
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { persons, users } from "../../db/schema/index.ts";
import { insertPerson } from "../applications.ts";
import { browserSuite, logInAs, visibleText } from "../browser.ts";
import { GOOD_PASSWORD, seedUser } from "../fixtures.ts";
import { insertCertificate } from "../public-data.ts";

const suite = browserSuite({ now: new Date("2026-03-15T09:00:00Z"), env: { PUBLIC_RATE_LIMIT: "0" } });
let number: number;

beforeAll(async () => {
  const { deps } = suite.site.runtime;
  const { personId } = await insertPerson(deps, { givenName: "Vera", familyName: "Värme" });
  number = await insertCertificate(deps, { personId });
  await seedUser(deps, { email: "emma@example.com", givenName: "Emma", familyName: "Engelsk" });
});

const langOf = (page: Page) => page.locator("html").getAttribute("lang");
const langCookie = async (page: Page) => (await page.context().cookies()).find((c) => c.name === "lang")?.value;

describe("the language of the site in a browser", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`is English on a first visit from an English browser, and the switch to Svenska stays (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const { page } = await suite.open({ locale: "en-GB", javaScriptEnabled });
      await page.goto("/sok-certifierade-foretag?q=kyl");
      expect(await langOf(page)).toBe("en");
      expect(await visibleText(page)).toContain("Log in");
      expect(await langCookie(page)).toBeUndefined();

      await page.getByRole("button", { name: "Svenska", exact: true }).click();
      // Back on the same page, with its query, now in Swedish.
      await page.waitForURL((url) => url.pathname === "/sok-certifierade-foretag" && url.search === "?q=kyl");
      await expect.poll(() => langOf(page)).toBe("sv");
      expect(await visibleText(page)).toContain("Logga in");
      expect(await langCookie(page)).toBe("sv");
      // The cookie wins over the browser's English from now on.
      await page.goto("/om-oss");
      expect(await langOf(page)).toBe("sv");
      await page.getByRole("button", { name: "English", exact: true }).click();
      await page.waitForURL("**/om-oss");
      await expect.poll(() => langOf(page)).toBe("en");
      expect(await langCookie(page)).toBe("en");
    });
  }

  it("keeps an account's choice, which follows the person to a Swedish browser", async () => {
    const first = await suite.open();
    await logInAs(suite.site, first.page, "emma@example.com", GOOD_PASSWORD);
    await first.page.goto("/min-sida");
    expect(await langOf(first.page)).toBe("sv");
    await first.page.getByRole("button", { name: "English", exact: true }).click();
    await first.page.waitForURL("**/min-sida");
    await expect.poll(() => langOf(first.page)).toBe("en");
    expect(await visibleText(first.page)).toContain("My page");
    const account = await suite.site.runtime.deps.db.select({ language: users.language }).from(users).innerJoin(persons, eq(persons.id, users.personId)).where(eq(persons.email, "emma@example.com")).get();
    expect(account?.language).toBe("en");

    // Another browser, Swedish, no cookie: Swedish until the person is known, then English.
    const second = await suite.open({ locale: "sv-SE" });
    await logInAs(suite.site, second.page, "emma@example.com", GOOD_PASSWORD);
    await second.page.goto("/min-sida");
    expect(await langOf(second.page)).toBe("en");
    expect(await langCookie(second.page)).toBe("en");
  });

  it("shows /c/{number} in the browser's language or the address's, never by the cookie", async () => {
    const english = await suite.open({ locale: "en-GB" });
    await english.page.goto(`/c/${number}`);
    expect(await langOf(english.page)).toBe("en");
    expect(await visibleText(english.page)).toContain("The certificate is valid up to and including 2027-01-14.");
    // A cookie from the switch elsewhere does not change it: the page is cached by address and Accept-Language.
    await english.page.goto("/om-oss");
    await english.page.getByRole("button", { name: "Svenska", exact: true }).click();
    await english.page.waitForURL("**/om-oss");
    await expect.poll(() => langOf(english.page)).toBe("sv");
    await english.page.goto(`/c/${number}`);
    expect(await langOf(english.page)).toBe("en");
    const swedish = await suite.open({ locale: "sv-SE" });
    await swedish.page.goto(`/c/${number}`);
    expect(await langOf(swedish.page)).toBe("sv");
    expect(await visibleText(swedish.page)).toContain("Certifikatet är giltigt till och med 2027-01-14.");
    // The switch on /c/ puts the language in the address (the page is cached by address).
    await swedish.page.getByRole("button", { name: "English", exact: true }).click();
    await swedish.page.waitForURL(`**/c/${number}?lang=en`);
    expect(await langOf(swedish.page)).toBe("en");
  });

  it("raises no problem on the way (CSP, console, failed requests)", () => {
    expect(suite.problems()).toEqual([]);
  });
});
