// The whole manual "Utbildningsintyg Mobil AC" in Chromium with real staff: the applicant applies
// and uploads, a reviewer approves from the queue, the applicant intygar and chooses who pays, a
// decider issues from "Ansökningar för beslut", and the holder sees "Aktivt" with a number.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeImage } from "../../lib/uploads/test-files.ts";
import { browserSuite, logInAs, nextMail, screenshot, visibleText } from "../browser.ts";
import { GOOD_PASSWORD, seedUser } from "../fixtures.ts";

const suite = browserSuite({ now: new Date("2026-11-22T09:00:00Z") });
const label = (name: string) => new RegExp(`^${name}( \\*)?$`);

describe("the manual 'Utbildningsintyg Mobil AC' with a real reviewer and decider", () => {
  it("goes from Ansök om nytt certifikat to an Aktivt certificate with a number", async () => {
    const deps = suite.site.runtime.deps;
    await seedUser(deps, { email: "sven@example.se", givenName: "Sven", familyName: "Svensson" });
    await seedUser(deps, { email: "greta@certorg.example", givenName: "Greta", familyName: "Granskare", roles: ["reviewer"] });
    await seedUser(deps, { email: "bo@certorg.example", givenName: "Bo", familyName: "Beslutsfattare", roles: ["decider"] });
    const diploma = path.join(await mkdtemp(path.join(tmpdir(), "certportal-e2e-")), "diplom.png");
    await writeFile(diploma, await makeImage("png", 1200, 850));

    // Sven applies and uploads his diploma.
    const sven = (await suite.open()).page;
    await logInAs(suite.site, sven, "sven@example.se", GOOD_PASSWORD);
    await sven.getByRole("link", { name: "Ansök om nytt certifikat" }).click();
    await sven.getByLabel(label("Teknikområde")).selectOption({ label: "F-gaser" });
    await expect.poll(() => sven.getByLabel(label("Certifikat")).isEnabled()).toBe(true);
    await sven.getByLabel(label("Certifikat")).selectOption({ label: "Utbildningsintyg Mobil AC" });
    await sven.getByRole("button", { name: "Spara" }).click();
    await sven.waitForURL("**/min-sida/ansokningar/**");
    const processUrl = sven.url().replace(/\?.*$/, "");
    await sven.getByRole("link", { name: "Ladda upp fil: Diplom/ Intyg" }).click();
    await sven.getByLabel(label("Fil")).setInputFiles(diploma);
    await sven.getByRole("button", { name: "Ladda upp fil" }).click();
    await sven.waitForURL("**?klart=uppladdad");

    // Greta reviews it from her queue, seeing the image.
    const greta = (await suite.open()).page;
    await logInAs(suite.site, greta, "greta@certorg.example", GOOD_PASSWORD);
    expect(await visibleText(greta)).toContain("1 moment väntar på granskning.");
    await greta.getByRole("link", { name: "Moment att granska" }).click();
    await greta.getByRole("link", { name: "Diplom/ Intyg" }).click();
    await expect.poll(() => greta.getByRole("img", { name: "Uppladdad bild: diplom.png" }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await screenshot(greta, "staff-01-granska");
    const approvedSince = suite.site.mail.messages.length;
    await greta.getByRole("button", { name: "Godkänn" }).click();
    await greta.waitForURL("**?klart=godkant&fran=moment");
    // The way back is the queue she came from, and the next Moment in it is offered.
    expect(await greta.locator(".breadcrumbs").innerText()).toMatch(/Personal › Moment att granska › Sven Svensson/);
    expect(await visibleText(greta)).toContain("Kön är tom: inga fler moment väntar på granskning.");
    await nextMail(suite.site, "sven@example.se", "är godkänt", approvedSince);

    // Sven intygar and chooses to pay himself through an alternative address.
    await sven.goto(processUrl);
    await sven.getByRole("link", { name: "Klicka här för att intyga din certifikatsansökan" }).click();
    await sven.getByRole("button", { name: "Ja", exact: true }).click();
    await sven.waitForURL("**?klart=intygad");
    await sven.getByRole("link", { name: "Ange fakturamottagare" }).first().click();
    await sven.getByRole("radio", { name: "Alternativ fakturaadress" }).check();
    await sven.getByLabel(label("Adressrad 1")).fill("Storgatan 1");
    await sven.getByLabel(label("Ort")).fill("Umeå");
    await sven.getByLabel(label("Postnummer")).fill("903 25");
    await sven.getByRole("button", { name: "Spara" }).click();
    await sven.waitForURL("**/skicka-in");
    await sven.getByRole("button", { name: "Skicka in ansökan" }).click();
    await sven.waitForURL("**?klart=granskas");

    // Bo decides from Ansökningar för beslut.
    const bo = (await suite.open()).page;
    await logInAs(suite.site, bo, "bo@certorg.example", GOOD_PASSWORD);
    await bo.getByRole("link", { name: "Ansökningar för beslut" }).click();
    await bo.getByRole("link", { name: "Sven Svensson" }).click();
    const checklist = await bo.locator(".checklist").innerText();
    for (const w of ["Alla moment godkända", "Ansökan intygad", "Fakturamottagare"]) expect(checklist).toContain(w);
    await screenshot(bo, "staff-02-sista-granskning");
    const issuedSince = suite.site.mail.messages.length;
    // Registered without BankID: the decider ticks the identity check, then confirms the consequence.
    await bo.getByLabel("Jag har kontrollerat identiteten mot legitimationen i underlagen.").check();
    await bo.getByRole("button", { name: "Bevilja och utfärda" }).click();
    await bo.waitForURL("**/beslut");
    expect(await bo.getByRole("heading", { level: 1 }).innerText()).toBe("Bevilja och utfärda?");
    await bo.getByRole("button", { name: "Bevilja och utfärda" }).click();
    await bo.waitForURL("**?klart=beviljad");
    const mail = await nextMail(suite.site, "sven@example.se", "utfärdat", issuedSince);
    const number = /\b(\d{5,})\b/.exec(mail.text)![1]!;

    // Sven sees it Aktivt, with its number, and opens it.
    await sven.goto("/min-sida");
    expect(await visibleText(sven)).toMatch(new RegExp(`${number}\\s+F-gaser - Utbildningsintyg Mobil AC\\s+Aktivt`));
    await sven.getByRole("link", { name: "Visa certifikat: F-gaser - Utbildningsintyg Mobil AC" }).click();
    await sven.waitForURL("**/min-sida/certifikat/**");
    expect(await visibleText(sven)).toMatch(new RegExp(`Certifikatnummer\\s+${number}\\s+Status\\s+Aktivt`));
    expect(await sven.getByRole("img", { name: `QR-kod till kontrollen av certifikat ${number}` }).isVisible()).toBe(true);
    await screenshot(sven, "staff-03-certifikat");
    const download = sven.waitForEvent("download");
    await sven.getByRole("link", { name: "Ladda ned certifikat" }).click();
    expect((await download).suggestedFilename()).toBe(`certifikat-${number}.pdf`);
    expect(suite.problems()).toEqual([]);
  });
});
