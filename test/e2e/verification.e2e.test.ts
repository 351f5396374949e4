// Kontrollera certifikat and Sök certifierade företag in Chromium: typing updates the results in
// place (htmx), the address follows, and the same pages work with JavaScript switched off.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { browserSuite, screenshot, visibleText } from "../browser.ts";
import { insertCertifiedCompany } from "../public-data.ts";
import { buildVerificationWorld, type VerificationWorld } from "../verification-world.ts";

const suite = browserSuite({ now: new Date("2026-03-15T09:00:00Z"), env: { PUBLIC_RATE_LIMIT: "0" } });
let w: VerificationWorld;

beforeAll(async () => {
  const { deps } = suite.site.runtime;
  w = await buildVerificationWorld(deps);
  await insertCertifiedCompany(deps, { name: "Mälardalens Kyl & Värme AB", city: "Västerås" });
  await insertCertifiedCompany(deps, { name: "Örebro Kylmontage AB", city: "Örebro", certificates: [{ status: "suspended" }] });
  for (let i = 1; i <= 24; i++) await insertCertifiedCompany(deps, { name: `Kylservice ${String(i).padStart(2, "0")} i Norden AB`, city: i % 2 ? "Göteborg" : "Malmö" });
});

const markStay = (page: Page) => page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
const stayed = (page: Page) => page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed === true);

describe("Public verification in a browser", () => {
  it("checks a certificate by number and searches companies as one types", async () => {
    const session = await suite.open();
    const { page } = session;

    await page.goto("/kontrollera-certifikat");
    await page.getByLabel("Certifikatnummer").fill(String(w.numbers.suspended));
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.waitForURL(`**/kontrollera-certifikat?nummer=${w.numbers.suspended}`);
    const status = page.getByRole("status").filter({ hasText: "Vilande" });
    expect(await status.innerText()).toMatch(/Vilande\s+Certifikatet är vilande och gäller inte just nu\./);
    expect(await visibleText(page)).toContain("Anna Åkesson");
    await screenshot(page, "verification-01-kontrollera-vilande");

    await page.goto(`/c/${w.numbers.external}`);
    expect(await page.getByRole("status").innerText()).toContain("Aktivt");
    await screenshot(page, "verification-02-c-aktivt");
    await page.goto(`/c/${w.numbers.expired}`);
    expect(await page.getByRole("status").innerText()).toContain("Utgånget");
    await screenshot(page, "verification-03-c-utganget");

    await page.goto("/sok-certifierade-foretag");
    const hits = page.locator("#foretag-resultat .hits");
    expect(await hits.innerText()).toBe("26 företag med aktivt företagscertifikat");
    await markStay(page);
    const name = page.getByLabel("Företagsnamn");
    await name.pressSequentially("kyl", { delay: 40 });
    await expect.poll(() => hits.innerText()).toBe("26 företag med aktivt företagscertifikat");
    await name.pressSequentially("servi", { delay: 40 });
    await expect.poll(() => hits.innerText()).toBe("24 företag med aktivt företagscertifikat");
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("kylservi");
    expect(await name.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await name.inputValue()).toBe("kylservi");

    await page.getByLabel("Ort").pressSequentially("malm", { delay: 40 });
    await expect.poll(() => hits.innerText()).toBe("12 företag med aktivt företagscertifikat");
    await page.getByLabel("Ort").fill("");
    await expect.poll(() => hits.innerText()).toBe("24 företag med aktivt företagscertifikat");

    await page.getByRole("link", { name: "Nästa" }).click();
    await expect.poll(() => page.locator(".pagination__where").innerText()).toBe("Sida 2 av 2");
    expect(new URL(page.url()).searchParams.get("sida")).toBe("2");
    expect(await page.locator(".company-card__name").allInnerTexts()).toEqual(["Kylservice 21 i Norden AB", "Kylservice 22 i Norden AB", "Kylservice 23 i Norden AB", "Kylservice 24 i Norden AB"]);

    await name.fill("örebro");
    await expect.poll(() => hits.innerText()).toBe("0 företag med aktivt företagscertifikat");
    await page.getByLabel("Visa även företag utan aktivt företagscertifikat").check();
    await expect.poll(() => hits.innerText()).toBe("1 företag");
    expect(await page.locator("#foretag-resultat").innerText()).toContain("Vilande");
    await page.getByLabel("Teknikområde").selectOption({ label: "F-gaser" });
    await expect.poll(() => new URL(page.url()).searchParams.get("omrade")).toBe("fgas");
    expect(await stayed(page)).toBe(true);
    await screenshot(page, "verification-04-sok-vilande");

    await name.fill("kylteknik");
    await page.getByLabel("Visa även företag utan aktivt företagscertifikat").uncheck();
    await expect.poll(() => hits.innerText()).toBe("1 företag med aktivt företagscertifikat");
    await screenshot(page, "verification-05-sok-kylteknik");
    await page.getByRole("link", { name: "Kylteknik i Norr AB" }).click();
    await page.waitForURL(`**/sok-certifierade-foretag/${w.company.orgNumber}`);
    const text = await visibleText(page);
    expect(text).toContain("Företagscertifikat F-gas");
    expect(text).not.toContain("Sven");
    await screenshot(page, "verification-06-foretag");

    // Back restores the search as it was.
    await page.goBack();
    await expect.poll(() => name.inputValue()).toBe("kylteknik");
    expect(session.problems, "console errors, CSP violations or failed loads").toEqual([]);
  });

  it("works without JavaScript: the forms are plain GET forms and the pages are links", async () => {
    const session = await suite.open({ javaScriptEnabled: false });
    const { page } = session;

    await page.goto("/sok-certifierade-foretag");
    await page.getByLabel("Företagsnamn").fill("kylservice");
    await page.getByLabel("Ort").fill("göteborg");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.waitForURL(/q=kylservice/);
    expect(await page.locator("#foretag-resultat .hits").innerText()).toBe("12 företag med aktivt företagscertifikat");
    await page.getByLabel("Visa även företag utan aktivt företagscertifikat").check();
    await page.getByLabel("Företagsnamn").fill("kyl");
    await page.getByLabel("Ort").fill("");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.waitForURL(/alla=1/);
    expect(await page.locator("#foretag-resultat .hits").innerText()).toBe("27 företag");
    await page.getByRole("link", { name: "Nästa" }).click();
    await page.waitForURL(/sida=2/);
    expect(await page.locator(".pagination__where").innerText()).toBe("Sida 2 av 2");
    await screenshot(page, "verification-07-utan-js-sida-2");

    await page.goto("/kontrollera-certifikat");
    await page.getByLabel("Certifikatnummer").fill("99999");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.waitForURL(/nummer=99999/);
    expect(await visibleText(page)).toContain("Inget certifikat med det numret");
    await page.getByLabel("Certifikatnummer").fill(String(w.numbers.company));
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.waitForURL(new RegExp(`nummer=${w.numbers.company}`));
    expect(await page.getByRole("status").innerText()).toContain("Aktivt");
    expect(await visibleText(page)).toContain("Kylteknik i Norr AB");
    await screenshot(page, "verification-08-utan-js-kontrollera");
    expect(session.problems).toEqual([]);
  });
});
