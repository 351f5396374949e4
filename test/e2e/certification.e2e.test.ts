// The two applicant manuals in a real browser, from "Ansök om nytt certifikat" to final review:
// "Utbildningsintyg Mobil AC" with JavaScript (htmx fills the Certifikat list), and "Externt
// certifikat" without JavaScript. Staff's review goes through the module (its pages are issue 5).
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { companies, employments } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { makeJpegWithGps, makePdf } from "../../lib/uploads/test-files.ts";
import { actorForUser } from "../../modules/accounts/find-user.ts";
import { loadApplication } from "../../modules/certification/index.ts";
import type { Actor } from "../../modules/deps.ts";
import { reviewRequirement } from "../../modules/review/review-requirement.ts";
import { browserSuite, logInAs, nextMail, screenshot, visibleText } from "../browser.ts";
import { GOOD_PASSWORD, seedUser } from "../fixtures.ts";

const suite = browserSuite({ now: new Date("2026-11-22T09:00:00Z") });
const label = (name: string) => new RegExp(`^${name}( \\*)?$`);

async function reviewer(): Promise<Actor & { userId: string }> {
  const { userId } = await seedUser(suite.site.runtime.deps, { email: `granskare-${newId()}@certorg.example`, givenName: "Greta", familyName: "Granskare", roles: ["reviewer"] });
  return (await actorForUser(suite.site.runtime.deps.db, userId)) as Actor & { userId: string };
}

/** Staff approve every Moment of the application on the page (their pages come with issue 5). */
async function approveAll(page: Page) {
  const applicationId = /\/min-sida\/ansokningar\/([^/?#]+)/.exec(page.url())![1]!;
  const staff = await reviewer();
  const app = await loadApplication(suite.site.runtime.deps.db, staff, applicationId);
  for (const m of app.moments) await reviewRequirement(suite.site.runtime.deps, staff, { applicationId, momentId: m.moment.id, approve: true, comment: null });
}

async function tempFile(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), "certportal-e2e-")), name);
  await writeFile(file, bytes);
  return file;
}

describe("the manual 'Utbildningsintyg Mobil AC' (with JavaScript)", () => {
  it("applies, uploads the diploma, intygar, picks the employer as recipient and is in final review", async () => {
    const deps = suite.site.runtime.deps;
    const sven = await seedUser(deps, { email: "sven@example.se", givenName: "Sven", familyName: "Svensson" });
    const companyId = newId();
    await deps.db.insert(companies).values({ id: companyId, orgNumber: "5560160680", name: "Exempel Kyl AB", addressLine1: "Kylvägen 1", postalCode: "111 11", city: "Solna", country: "Sverige", status: "approved", registeredByPersonId: sven.personId, createdAt: new Date() });
    await deps.db.insert(employments).values({ id: newId(), personId: sven.personId, companyId, startDate: "2025-01-01", status: "active", requestedAt: new Date(), decidedAt: new Date() });

    const { page } = await suite.open();
    await logInAs(suite.site, page, "sven@example.se", GOOD_PASSWORD);
    await page.goto("/min-sida");
    await page.getByRole("link", { name: "Ansök om nytt certifikat" }).click();
    await page.waitForURL("**/min-sida/ansok");
    // The Certifikat list waits for the area, then follows it (htmx, no reload).
    await expect.poll(() => page.getByLabel(label("Certifikat")).isDisabled()).toBe(true);
    await page.getByLabel(label("Teknikområde")).selectOption({ label: "F-gaser" });
    await expect.poll(() => page.getByLabel(label("Certifikat")).isEnabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Visa certifikat" }).count()).toBe(0);
    await page.getByLabel(label("Certifikat")).selectOption({ label: "Utbildningsintyg Mobil AC" });
    await screenshot(page, "certification-01-ansok");
    await page.getByRole("button", { name: "Spara" }).click();
    await page.waitForURL("**/min-sida/ansokningar/**");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Sven Svensson: F-gaser - Utbildningsintyg Mobil AC");
    expect(await page.locator('.steps [aria-current="step"]').innerText()).toContain("Genomför momenten");

    // Back on Min Sida the application is listed; the eye opens it again.
    await page.goto("/min-sida");
    expect(await visibleText(page)).toMatch(/1 träff[\s\S]*F-gaser - Utbildningsintyg Mobil AC\s+Pågående/);
    await page.getByRole("link", { name: "Visa certifieringsprocess: F-gaser - Utbildningsintyg Mobil AC" }).click();
    await page.waitForURL("**/min-sida/ansokningar/**");

    await page.getByRole("link", { name: "Ladda upp fil: Diplom/ Intyg" }).click();
    await page.getByLabel(label("Fil")).setInputFiles(await tempFile("diplom.jpg", await makeJpegWithGps()));
    await page.getByRole("button", { name: "Ladda upp fil" }).click();
    await page.waitForURL("**?klart=uppladdad");
    const uploaded = await visibleText(page);
    expect(uploaded).toContain("Filen är uppladdad.");
    expect(uploaded).toMatch(/Diplom\/ Intyg\s+Inväntar granskning/);
    await screenshot(page, "certification-02-uppladdad");

    await approveAll(page);
    await page.reload();
    expect(await visibleText(page)).toContain("Du måste nu intyga din certifikatsansökan.");
    await page.getByRole("link", { name: "Klicka här för att intyga din certifikatsansökan" }).click();
    expect(await visibleText(page)).toContain("Förbindelsetext version 1");
    await page.getByRole("button", { name: "Ja", exact: true }).click();
    await page.waitForURL("**?klart=intygad");
    expect(await page.locator('.steps [aria-current="step"]').innerText()).toContain("Ange fakturamottagare");

    await page.getByRole("link", { name: "Ange fakturamottagare" }).first().click();
    await page.waitForURL("**/fakturamottagare");
    // Företag is recommended and chosen; only its part of the form shows.
    expect(await page.getByRole("radio", { name: /Företag/ }).isChecked()).toBe(true);
    expect(await page.getByText("Rekommenderad").isVisible()).toBe(true);
    expect(await page.getByLabel(label("Adressrad 1")).isVisible()).toBe(false);
    await page.getByRole("radio", { name: "Alternativ fakturaadress" }).check();
    expect(await page.getByLabel(label("Adressrad 1")).isVisible()).toBe(true);
    await page.getByRole("radio", { name: /Företag/ }).check();
    await page.getByLabel("Fakturareferens/Ordernr").fill("PO-4711");
    await screenshot(page, "certification-03-fakturamottagare");
    await page.getByRole("button", { name: "Spara" }).click();
    // Spara sends nothing yet: the last look shows what goes in, and the button says what it does.
    await page.waitForURL("**/skicka-in");
    const summary = await visibleText(page);
    for (const w of ["Granska och skicka in", "Diplom/ Intyg", "diplom.jpg", "Förbindelse", "Exempel Kyl AB", "PO-4711"]) expect(summary).toContain(w);
    await screenshot(page, "certification-03b-granska-och-skicka-in");
    const since = suite.site.mail.messages.length;
    await page.getByRole("button", { name: "Skicka in ansökan" }).click();
    await page.waitForURL("**?klart=granskas");
    const done = await visibleText(page);
    expect(done).toContain("Tack! Ansökan granskas nu.");
    expect(done).toMatch(/Status\s+Ansökan granskas/);
    expect(done).toContain("Exempel Kyl AB");
    await nextMail(suite.site, "sven@example.se", "granskas", since);
    await screenshot(page, "certification-04-granskas");
    expect(suite.problems()).toEqual([]);
  });
});

describe("the manual 'Externt certifikat' (without JavaScript)", () => {
  it("applies with the Visa certifikat button, uploads the copy, intygar, and skips the recipient", async () => {
    await seedUser(suite.site.runtime.deps, { email: "maria@example.se", givenName: "Maria", familyName: "García" });
    const { page } = await suite.open({ javaScriptEnabled: false });
    await logInAs(suite.site, page, "maria@example.se", GOOD_PASSWORD);
    await page.goto("/min-sida");
    await page.getByRole("link", { name: "Ansök om nytt certifikat" }).click();
    await page.getByLabel(label("Teknikområde")).selectOption({ label: "Externt certifikat" });
    await page.getByRole("button", { name: "Visa certifikat" }).click();
    await page.getByLabel(label("Certifikat")).selectOption({ label: "Personcertifikat f-gas kat V - Externt" });
    await page.getByRole("button", { name: "Spara" }).click();
    await page.waitForURL("**/min-sida/ansokningar/**");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Maria García: Externt certifikat - Personcertifikat f-gas kat V - Externt");
    expect(await visibleText(page)).toContain("Kopia av aktivt extern certifikat");

    await page.getByRole("link", { name: "Ladda upp fil: Kopia av aktivt extern certifikat" }).click();
    // A wrong file first: the message is on the form.
    await page.getByLabel(label("Fil")).setInputFiles(await tempFile("certifikat.pdf", Buffer.from("<html><body>inte en pdf</body></html>")));
    await page.getByRole("button", { name: "Ladda upp fil" }).click();
    expect(await page.locator(".error-summary").innerText()).toContain("PDF");
    await page.getByLabel(label("Fil")).setInputFiles(await tempFile("certifikat-kat5.pdf", makePdf({ text: "Certifikat kategori V" })));
    await page.getByRole("button", { name: "Ladda upp fil" }).click();
    await page.waitForURL("**?klart=uppladdad");
    expect(await visibleText(page)).toMatch(/Kopia av aktivt extern certifikat\s+Inväntar granskning\s+certifikat-kat5\.pdf/);

    await approveAll(page);
    await page.reload();
    await page.getByRole("link", { name: "Klicka här för att intyga din certifikatsansökan" }).click();
    await page.getByRole("button", { name: "Ja", exact: true }).click();
    await page.waitForURL("**/skicka-in");
    expect(await visibleText(page)).toContain("Ingen faktura skickas för det här certifikatet.");
    const since = suite.site.mail.messages.length;
    await page.getByRole("button", { name: "Skicka in ansökan" }).click();
    await page.waitForURL("**?klart=granskas");
    const text = await visibleText(page);
    expect(text).toContain("Ansökan granskas");
    // Step 5 is not "current" while the status is Ansökan granskas: it says what the status says.
    expect(await page.locator('.steps [aria-current="step"]').count()).toBe(0);
    expect(await page.locator(".steps li").last().innerText()).toMatch(/Certifikat utfärdat[\s\S]*Ansökan granskas/);
    await nextMail(suite.site, "maria@example.se", "granskas", since);
    await screenshot(page, "certification-05-extern-granskas");
    expect(suite.problems()).toEqual([]);
  });
});
