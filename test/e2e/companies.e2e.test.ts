// Companies in a real browser: the manuals' "Koppla dig till ett företag" with the company's
// side of it. One Chromium and one served app for the file.
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { makePdf } from "../../lib/uploads/test-files.ts";
import { browserSuite, logInAs, nextMail as nextMailOf, screenshot, visibleText } from "../browser.ts";
import { GOOD_PASSWORD, seedUser } from "../fixtures.ts";

const suite = browserSuite();

async function open(): Promise<Page> {
  return (await suite.open()).page;
}

function nextMail(email: string, subject: string, since: number) {
  return nextMailOf(suite.site, email, subject, since);
}

function logIn(page: Page, email: string) {
  return logInAs(suite.site, page, email, GOOD_PASSWORD);
}

const label = (name: string) => new RegExp(`^${name}( \\*)?$`);

describe("a company and its employees", () => {
  it("is registered, approved by staff, joined by exact organisationsnummer and confirmed from the e-mail", async () => {
    await seedUser(suite.site.runtime.deps, { email: "karin@example.se", givenName: "Karin", familyName: "Lindqvist" });
    await seedUser(suite.site.runtime.deps, { email: "sven@example.se", givenName: "Sven", familyName: "Svensson" });
    await seedUser(suite.site.runtime.deps, { email: "greta@example.org", givenName: "Greta", familyName: "Granskare", roles: ["reviewer"] });
    const pdfPath = path.join(tmpdir(), `registreringsbevis-${process.pid}.pdf`);
    await writeFile(pdfPath, makePdf({ text: "Registreringsbevis Norrkyla AB" }));

    // Karin registers the company.
    const karin = await open();
    await logIn(karin, "karin@example.se");
    await karin.goto("/registrera-foretag");
    await karin.getByLabel(label("Organisationsnummer")).fill("556016-0680");
    await karin.getByLabel(label("Företagsnamn")).fill("Norrkyla AB");
    await karin.getByLabel(label("Adressrad 1")).fill("Kylvägen 3");
    await karin.getByLabel(label("Postnummer")).fill("901 30");
    await karin.getByLabel(label("Ort")).fill("Umeå");
    await karin.getByLabel(label("Telefonnummer")).fill("090-12 34 56");
    await karin.getByLabel(label("E-postadress")).fill("info@norrkyla.example.se");
    await karin.getByLabel(label("Registreringsbevis")).setInputFiles(pdfPath);
    await karin.getByRole("button", { name: "Registrera företag" }).click();
    await karin.waitForURL("**/registrera-foretag/tack/**");
    expect(await visibleText(karin)).toContain("Norrkyla AB väntar på granskning");

    // Greta, staff, approves it from the queue.
    const greta = await open();
    await logIn(greta, "greta@example.org");
    await greta.goto("/personal/foretagsregistreringar");
    await greta.getByRole("link", { name: "Norrkyla AB" }).first().click();
    await greta.waitForURL("**/personal/foretag/**");
    expect(await visibleText(greta)).toContain("556016-0680");
    const approvedSince = suite.site.mail.messages.length;
    await greta.getByRole("button", { name: "Godkänn", exact: true }).click();
    await expect.poll(() => visibleText(greta)).not.toContain("Godkänn inte");
    await nextMail("karin@example.se", "Norrkyla AB är registrerat", approvedSince);
    await screenshot(greta, "companies-01-staff-approved");

    // Sven asks to be employed: a partial number finds nothing, the full one finds the company.
    const sven = await open();
    await logIn(sven, "sven@example.se");
    await sven.goto("/min-sida/anstallningar");
    await sven.getByRole("link", { name: "Ny anställning" }).click();
    await sven.waitForURL("**/min-sida/anstallningar/ny");
    const company = sven.getByLabel(label("Företag"));
    await company.fill("556016");
    await expect.poll(() => sven.locator("#foretag-traff").textContent()).toContain("Inget företag med exakt det organisationsnumret");
    expect(await visibleText(sven)).not.toContain("Norrkyla AB");
    await company.fill("5560160680");
    await expect.poll(() => sven.locator("#foretag-traff").textContent()).toContain("Norrkyla AB");
    await sven.getByLabel(label("Startdatum")).fill("2024-03-01");
    const requestSince = suite.site.mail.messages.length;
    await sven.getByRole("button", { name: "Spara" }).click();
    await sven.waitForURL("**/min-sida/anstallningar");
    expect(await visibleText(sven)).toContain("Väntar på bekräftelse");

    // Karin follows the link in the mail and confirms.
    const mail = await nextMail("karin@example.se", "Anställningsförfrågan", requestSince);
    const link = /(http\S+#forfragningar)/.exec(mail.text)![1]!;
    expect(new URL(link).origin).toBe(suite.site.baseUrl);
    await karin.goto(link);
    expect(await visibleText(karin)).toContain("Sven Svensson");
    const confirmSince = suite.site.mail.messages.length;
    await karin.getByRole("button", { name: "Bekräfta anställningen för Sven Svensson" }).click();
    await expect.poll(() => karin.getByRole("button", { name: "Bekräfta anställningen för Sven Svensson" }).count()).toBe(0);
    await nextMail("sven@example.se", "bekräftad", confirmSince);
    await screenshot(karin, "companies-02-company-page");

    // Both logs show it.
    const companyLog = await visibleText(karin);
    expect(companyLog).toContain("Anställning bekräftad");
    await sven.goto("/min-sida/anstallningar");
    expect(await visibleText(sven)).toContain("Aktiv");
    await sven.goto("/min-sida/handelselogg");
    const personLog = await visibleText(sven);
    expect(personLog).toContain("Anställning begärd");
    expect(personLog).toContain("Anställning bekräftad");

    // An ordinary employee does not see the company page.
    const companyUrl = new URL(link);
    const res = await sven.goto(companyUrl.pathname);
    expect(res!.status()).toBe(404);

    expect(suite.problems(), "console errors, CSP violations or failed loads").toEqual([]);
  });
});
