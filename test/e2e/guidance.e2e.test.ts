// Issue 16, in Chromium: a newcomer is never lost. The applicant's next step is in view on Min
// Sida; nothing is sent without "Granska och skicka in"; the step indicator agrees with the status;
// what cannot be undone is confirmed first, with and without JavaScript; actions say what they
// did; a company admin finds her company and its waiting requests; the misleading messages are
// gone; at 390 px no page pans sideways and the header is small. axe-core checks every page these
// tests change (WCAG 2.0–2.2 A and AA rules).
import { AxeBuilder } from "@axe-core/playwright";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { makePdf } from "../../lib/uploads/test-files.ts";
import { actorForUser } from "../../modules/accounts/find-user.ts";
import { loadApplication, startApplication, uploadEvidence } from "../../modules/certification/index.ts";
import type { Actor } from "../../modules/deps.ts";
import { reviewRequirement } from "../../modules/review/index.ts";
import { applicationInFinalReview, employ, insertCompany, schemeByCode } from "../applications.ts";
import { browserSuite, logInAs, screenshot, visibleText } from "../browser.ts";
import { GOOD_PASSWORD, seedUser } from "../fixtures.ts";
import { insertCertificate, insertCertifiedCompany } from "../public-data.ts";

const suite = browserSuite({ now: new Date("2026-11-22T09:00:00Z") });
const deps = () => suite.site.runtime.deps;
const label = (name: string) => new RegExp(`^${name}( \\*)?$`);
type UserActor = Actor & { userId: string; personId: string };
const actor = async (userId: string) => (await actorForUser(deps().db, userId)) as UserActor;

/**
 * axe-core's WCAG A and AA rules (2.0, 2.1, 2.2) on the page as it is now; one line per violation.
 * axe runs in the page, so a page without JavaScript is shown as it is (its HTML, at its address,
 * with the site's styles) in a context with JavaScript and checked there.
 */
async function axe(page: Page): Promise<string[]> {
  if (withoutJavaScript.has(page)) return axeOfSnapshot(page);
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return result.violations.map((v) => `${page.url()} ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const withoutJavaScript = new WeakSet<Page>();

async function axeOfSnapshot(page: Page): Promise<string[]> {
  const [html, url] = [await page.content(), page.url()];
  const { page: copy } = await suite.open();
  await copy.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
  await copy.goto(url);
  return axe(copy);
}

/** A session without JavaScript (its pages are checked by axe through a copy). */
async function openWithoutJavaScript(): Promise<Page> {
  const { page } = await suite.open({ javaScriptEnabled: false });
  withoutJavaScript.add(page);
  return page;
}

/** The page is no wider than the window: nothing to pan sideways. */
const pageWidth = (page: Page) => page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));

async function expectFits(page: Page) {
  const w = await pageWidth(page);
  expect(w.page, page.url()).toBeLessThanOrEqual(w.window);
}

let serial = 0;
async function person(givenName: string, familyName: string, roles?: ("applicant" | "reviewer" | "decider" | "admin")[]) {
  serial += 1;
  const email = `${givenName.toLowerCase()}${serial}@example.se`;
  const { personId, userId } = await seedUser(deps(), { email, givenName, familyName, roles });
  return { email, personId, userId };
}

async function diplomaFile(): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), "certportal-e2e-")), "diplom.pdf");
  await writeFile(file, makePdf({ text: "Diplom" }));
  return file;
}

describe("an applicant's next step is always in view, and nothing is sent without Granska och skicka in", () => {
  it("says on Min Sida what each step waits for and who acts, leads back from Ändra uppgifter, and shows the last look", async () => {
    const sven = await person("Sven", "Stegvis");
    const karin = await person("Karin", "Kyladmin");
    const greta = await person("Greta", "Granskare", ["reviewer"]);
    const companyId = await insertCompany(deps(), { name: "Stegvis Kyl AB", adminPersonIds: [karin.personId], employeePersonIds: [karin.personId] });
    await employ(deps(), sven.personId, companyId, { status: "requested" });
    const scheme = await schemeByCode(deps(), "fgas-utbildningsintyg-mac");
    const { applicationId } = await startApplication(deps(), await actor(sven.userId), { schemeId: scheme.id });

    const { page } = await suite.open();
    await logInAs(suite.site, page, sven.email, GOOD_PASSWORD);
    await page.goto("/min-sida");
    const next = page.locator("section", { has: page.getByRole("heading", { name: "Nästa steg" }) });
    expect(await next.innerText()).toMatch(/F-gaser - Utbildningsintyg Mobil AC: Ladda upp en fil för Diplom\/ Intyg\.\s+Väntar på: dig/);
    expect(await next.innerText()).toMatch(/Anställning på Stegvis Kyl AB: din förfrågan väntar på att företagets certifikatsadministratör bekräftar den\.\s+Väntar på: företagets certifikatsadministratör/);
    // Min Sida shows Personuppgifter; the form pages under it do not repeat them.
    expect(await visibleText(page)).toContain("Personuppgifter");
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "guidance-01-min-sida-nasta-steg");

    // At 1280 px the Moment table's nine columns fit (no "Senast ändrad av" cut off), and the
    // upload says so in words.
    await page.goto(`/min-sida/ansokningar/${applicationId}`);
    const table = page.locator(".moment-table .table-wrap");
    expect(await table.evaluate((w) => w.scrollWidth <= w.clientWidth)).toBe(true);
    expect(await page.locator(".moment-table thead").innerText()).toMatch(/Ladda upp[\s\S]*Senast ändrad av/);
    expect(await page.getByRole("link", { name: "Ladda upp fil: Diplom/ Intyg" }).innerText()).toContain("Ladda upp fil");
    expect(await axe(page)).toEqual([]);
    await page.goto("/min-sida");

    // The link does it: straight to the upload.
    await next.getByRole("link", { name: "Ladda upp fil (F-gaser - Utbildningsintyg Mobil AC)" }).click();
    await page.waitForURL(`**/min-sida/ansokningar/${applicationId}/moment/**`);
    await page.getByLabel(label("Fil")).setInputFiles(await diplomaFile());
    await page.getByRole("button", { name: "Ladda upp fil" }).click();
    await page.waitForURL("**?klart=uppladdad");
    await page.goto("/min-sida");
    expect(await next.innerText()).toMatch(/Momentet Diplom\/ Intyg granskas\. Du får ett mejl när det är klart\.\s+Väntar på: granskaren/);

    const app = await loadApplication(deps().db, await actor(greta.userId), applicationId);
    await reviewRequirement(deps(), await actor(greta.userId), { applicationId, momentId: app.moments[0]!.moment.id, approve: true, comment: null });
    await page.reload();
    expect(await next.innerText()).toMatch(/Alla moment är godkända\. Intyga ansökan\.\s+Väntar på: dig/);
    await next.getByRole("link", { name: "Intyga certifikatansökan (F-gaser - Utbildningsintyg Mobil AC)" }).click();
    await page.getByRole("button", { name: "Ja", exact: true }).click();
    await page.waitForURL("**?klart=intygad");

    // The recipient step names the pending employment, and Ändra uppgifter leads back to it.
    await page.getByRole("link", { name: "Ange fakturamottagare" }).first().click();
    await page.waitForURL("**/fakturamottagare");
    await page.getByRole("radio", { name: /Företag/ }).check();
    expect(await visibleText(page)).toContain("Din anställning på Stegvis Kyl AB");
    expect(await visibleText(page)).toContain("väntar på att företagets certifikatsadministratör bekräftar den");
    expect(await axe(page)).toEqual([]);
    await page.getByRole("radio", { name: "Mig personligen" }).check();
    await page.getByRole("link", { name: "Ändra uppgifter" }).click();
    await page.waitForURL("**/min-sida/andra-uppgifter?tillbaka=**");
    expect(await visibleText(page)).toContain("När du har sparat kommer du tillbaka till Ange fakturamottagare.");
    await page.getByLabel(label("Adressrad 1")).fill("Storgatan 1");
    await page.getByLabel(label("Postnummer")).fill("903 25");
    await page.getByLabel(label("Ort")).fill("Umeå");
    await page.getByRole("button", { name: "Spara" }).click();
    await page.waitForURL(`**/min-sida/ansokningar/${applicationId}/fakturamottagare`);
    await page.getByRole("radio", { name: "Mig personligen" }).check();
    expect(await visibleText(page)).toContain("Storgatan 1");
    await page.getByRole("button", { name: "Spara" }).click();

    // Spara sends nothing: the last look, with a button that says what it does.
    await page.waitForURL("**/skicka-in");
    const summary = await visibleText(page);
    for (const w of ["Granska och skicka in", "Diplom/ Intyg", "Godkänt", "diplom.pdf", "Förbindelse", "förbindelsetext version 1", "Fakturamottagare", "Sven Stegvis", "Storgatan 1", "903 25 Umeå", "Avgift: 950 kr exkl. moms"]) expect(summary).toContain(w);
    expect(await page.getByRole("button", { name: "Skicka in ansökan" }).isVisible()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "guidance-02-granska-och-skicka-in");
    await page.goto("/min-sida");
    expect(await next.innerText()).toMatch(/Allt är klart, men ansökan är inte inskickad ännu\.\s+Väntar på: dig/);
    await next.getByRole("link", { name: "Granska och skicka in (F-gaser - Utbildningsintyg Mobil AC)" }).click();
    await page.getByRole("button", { name: "Skicka in ansökan" }).click();
    await page.waitForURL("**?klart=granskas");

    // The step indicator agrees with the status: step 5 is not "current" while it is in review.
    const text = await visibleText(page);
    expect(text).toContain("Tack! Ansökan granskas nu.");
    expect(text).toMatch(/Status\s+Ansökan granskas/);
    expect(await page.locator('.steps [aria-current="step"]').count()).toBe(0);
    expect(await page.locator(".steps li").last().innerText()).toMatch(/Certifikat utfärdat[\s\S]*Ansökan granskas/);
    expect(await axe(page)).toEqual([]);
    await page.goto("/min-sida");
    expect(await next.innerText()).toMatch(/Ansökan är inskickad och granskas en sista gång innan beslut\.\s+Väntar på: beslutsfattaren/);

    // At 390 px: Nästa steg first, a small header, nothing to pan.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/min-sida");
    await expectFits(page);
    expect(await page.locator(".site-header").evaluate((h) => h.getBoundingClientRect().height)).toBeLessThanOrEqual(100);
    expect(await next.evaluate((s) => s.getBoundingClientRect().top)).toBeLessThan(844);
    await screenshot(page, "guidance-03-min-sida-390");
    await page.goto("/min-sida/ansok");
    expect(await visibleText(page)).not.toContain("Personuppgifter");
    expect(await axe(page)).toEqual([]);
    expect(suite.problems()).toEqual([]);
  }, 90_000);
});

describe("a certifikatsadministratör", () => {
  it("sees her company and the requests waiting for her on Min Sida, is told what Bekräfta did, and confirms Avsluta and Ta bort (without JavaScript too)", async () => {
    const karin = await person("Karin", "Admin");
    const olof = await person("Olof", "Medadmin");
    const sara = await person("Sara", "Sökande");
    const companyId = await insertCompany(deps(), { name: "Admin Kyl AB", adminPersonIds: [karin.personId, olof.personId], employeePersonIds: [karin.personId, olof.personId] });
    await employ(deps(), sara.personId, companyId, { status: "requested", startDate: "2026-09-01" });
    await insertCertificate(deps(), { companyId }, { schemeCode: "fgas-foretag", validUntil: "2026-12-31" });

    const { page } = await suite.open();
    await logInAs(suite.site, page, karin.email, GOOD_PASSWORD);
    await page.goto("/min-sida");
    const mine = page.locator("section", { has: page.getByRole("heading", { name: "Dina företag" }) });
    const text = await mine.innerText();
    expect(text).toContain("Admin Kyl AB");
    expect(text).toMatch(/1 anställningsförfrågan väntar på att du bekräftar eller avböjer: Sara Sökande\.\s+Väntar på: dig/);
    expect(text).toMatch(/F-gaser - Företagscertifikat F-gas \(nr \d+\): Går ut 2026-12-31, om 39 dagar\./);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "guidance-04-min-sida-foretag");

    await mine.getByRole("link", { name: "Bekräfta eller avböj (förfrågningar till Admin Kyl AB)" }).click();
    await page.waitForURL(`**/min-sida/foretag/${companyId}#forfragningar`);
    const contents = page.getByRole("navigation", { name: "På sidan" });
    expect(await contents.innerText()).toMatch(/Anställningsförfrågningar \(1\)[\s\S]*Anställda \(2\)[\s\S]*Administratörer \(2\)[\s\S]*Händelselogg/);
    expect(await axe(page)).toEqual([]);
    await page.getByRole("button", { name: "Bekräfta anställningen för Sara Sökande" }).click();
    await expect.poll(() => visibleText(page)).toContain("Anställningen för Sara Sökande är bekräftad. Sara Sökande finns nu under Anställda och har fått ett mejl.");
    expect(await contents.innerText()).toContain("Anställningsförfrågningar (0)");
    // Sara's row now has "Gör till administratör", whose name starts with what it shows.
    expect(await page.getByRole("button", { name: "Gör till administratör (Sara Sökande)" }).isVisible()).toBe(true);
    expect(await axe(page)).toEqual([]);

    // Without JavaScript: Avsluta and Ta bort each ask first, naming what follows.
    const plain = await openWithoutJavaScript();
    await logInAs(suite.site, plain, karin.email, GOOD_PASSWORD);
    await plain.goto(`/min-sida/foretag/${companyId}`);
    await plain.getByRole("button", { name: "Avsluta anställningen för Sara Sökande" }).click();
    expect(await plain.getByRole("heading", { level: 1 }).innerText()).toBe("Avsluta anställningen för Sara Sökande?");
    expect(await visibleText(plain)).toContain("Sara Sökandes anställning på Admin Kyl AB avslutas med slutdatum 2026-11-22.");
    expect(await axe(plain)).toEqual([]);
    await screenshot(plain, "guidance-05-bekrafta-avsluta");
    await plain.getByRole("button", { name: "Avsluta" }).click();
    await plain.waitForURL(`**/min-sida/foretag/${companyId}?klart=avslutad**`);
    expect(await visibleText(plain)).toContain("Anställningen är avslutad.");

    await plain.getByRole("button", { name: "Ta bort Olof Medadmin som administratör" }).click();
    expect(await plain.getByRole("heading", { level: 1 }).innerText()).toBe("Ta bort Olof Medadmin som administratör?");
    expect(await visibleText(plain)).toContain("Olof Medadmin slutar vara certifikatsadministratör för Admin Kyl AB");
    await plain.getByRole("link", { name: "Avbryt" }).click();
    await plain.waitForURL(`**/min-sida/foretag/${companyId}#administratorer`);
    expect(await visibleText(plain)).toMatch(/Administratörer \(2\)/);
    await plain.getByRole("button", { name: "Ta bort Olof Medadmin som administratör" }).click();
    await plain.getByRole("button", { name: "Ta bort" }).click();
    await plain.waitForURL(`**/min-sida/foretag/${companyId}?klart=administrator-borttagen**`);
    expect(await visibleText(plain)).toContain("Olof Medadmin är inte längre certifikatsadministratör.");
    expect(suite.problems()).toEqual([]);
  }, 90_000);
});

describe("staff", () => {
  it("reviews through the queue with Nästa i kön and the way back it came, ticks a manual identity check, and confirms Bevilja och utfärda, Avslå and Dra in (without JavaScript)", async () => {
    const greta = await person("Greta", "Köläsare", ["reviewer"]);
    const bo = await person("Bo", "Beslut", ["decider"]);
    const anna = await person("Anna", "Först");
    const bertil = await person("Bertil", "Sedan");
    const scheme = await schemeByCode(deps(), "fgas-utbildningsintyg-mac");
    for (const who of [anna, bertil]) {
      const applicant = await actor(who.userId);
      const { applicationId } = await startApplication(deps(), applicant, { schemeId: scheme.id });
      const app = await loadApplication(deps().db, applicant, applicationId);
      await uploadEvidence(deps(), applicant, { applicationId, momentId: app.moments[0]!.moment.id, file: { bytes: makePdf(), originalName: `${who.personId}.pdf` } });
      suite.site.clock!.advance(60_000);
    }

    const reviewer = await openWithoutJavaScript();
    await logInAs(suite.site, reviewer, greta.email, GOOD_PASSWORD);
    await reviewer.goto("/personal/moment");
    await reviewer.getByRole("link", { name: "Diplom/ Intyg" }).first().click();
    expect(await reviewer.locator(".breadcrumbs").innerText()).toMatch(/^Personal › Moment att granska › Anna Först/);
    expect(await axe(reviewer)).toEqual([]);
    await reviewer.getByRole("button", { name: "Godkänn" }).click();
    await reviewer.waitForURL("**?klart=godkant&fran=moment");
    expect(await reviewer.locator(".breadcrumbs").innerText()).toMatch(/^Personal › Moment att granska › Anna Först/);
    const done = reviewer.locator(".notice--success");
    expect(await done.innerText()).toMatch(/Momentet är godkänt\.[\s\S]*Nästa i kön: Diplom\/ Intyg, Bertil Sedan/);
    await screenshot(reviewer, "guidance-06-nasta-i-kon");
    await done.getByRole("link", { name: "Diplom/ Intyg, Bertil Sedan" }).click();
    await reviewer.getByRole("button", { name: "Godkänn" }).click();
    await reviewer.waitForURL("**?klart=godkant&fran=moment");
    expect(await done.innerText()).toContain("Kön är tom: inga fler moment väntar på granskning.");

    // The final review: identity without BankID is a to-do, ticked with the grant, then confirmed.
    const manual = await person("Mona", "Manuell");
    const grantId = await applicationInFinalReview(deps(), { schemeCode: "fgas-utbildningsintyg-mac", personId: manual.personId, byUserId: manual.userId, reviewerUserId: greta.userId });
    const decider = await openWithoutJavaScript();
    await logInAs(suite.site, decider, bo.email, GOOD_PASSWORD);
    await decider.goto(`/personal/ansokningar/${grantId}`);
    const checklist = await decider.locator(".checklist").innerText();
    expect(checklist).toMatch(/☐ Identitet:\s*(att kontrollera\.\s*)?Registrerad utan BankID/);
    expect(checklist).not.toMatch(/✓ Identitet/);
    expect(await axe(decider)).toEqual([]);
    await decider.getByRole("button", { name: "Bevilja och utfärda" }).click();
    expect(await decider.locator(".error-summary").innerText()).toContain("Kryssa i det du har kontrollerat innan du beviljar");
    await decider.getByLabel("Jag har kontrollerat identiteten mot legitimationen i underlagen.").check();
    await decider.getByRole("button", { name: "Bevilja och utfärda" }).click();
    expect(await decider.getByRole("heading", { level: 1 }).innerText()).toBe("Bevilja och utfärda?");
    const consequence = await visibleText(decider);
    for (const w of ["utfärdas till Mona Manuell", "En faktura på 950 kr exkl. moms skickas till Faktura Mottagare.", "Det går inte att ångra."]) expect(consequence).toContain(w);
    expect(await axe(decider)).toEqual([]);
    await screenshot(decider, "guidance-07-bevilja-bekrafta");
    await decider.getByRole("button", { name: "Bevilja och utfärda" }).click();
    await decider.waitForURL("**?klart=beviljad");
    expect(await visibleText(decider)).toMatch(/Beviljad och utfärdad[\s\S]*Identiteten kontrollerad mot legitimationen i underlagen\./);

    // Dra in: confirmed, then Indraget.
    await decider.getByRole("link", { name: /^Certifikat nr \d+$/ }).click();
    await decider.getByLabel(label("Motivering")).last().fill("Fusk vid provet.");
    await decider.getByRole("button", { name: "Dra in" }).click();
    expect(await decider.getByRole("heading", { level: 1 }).innerText()).toMatch(/^Dra in certifikat nr \d+\?$/);
    expect(await visibleText(decider)).toContain("blir Indraget för alltid");
    await decider.getByRole("button", { name: "Dra in" }).click();
    await decider.waitForURL("**?klart=indraget");
    expect(await visibleText(decider)).toMatch(/Status\s+Indraget/);

    // Avslå: the consequence first; Avbryt changes nothing.
    const rolf = await person("Rolf", "Avslag");
    const refuseId = await applicationInFinalReview(deps(), { schemeCode: "fgas-utbildningsintyg-mac", personId: rolf.personId, byUserId: rolf.userId, reviewerUserId: greta.userId });
    await decider.goto(`/personal/ansokningar/${refuseId}`);
    await decider.locator("#motivering-avsla").fill("Diplomet gäller en annan kurs.");
    await decider.getByRole("button", { name: "Avslå" }).click();
    expect(await decider.getByRole("heading", { level: 1 }).innerText()).toBe("Avslå ansökan?");
    expect(await visibleText(decider)).toContain("”Diplomet gäller en annan kurs.”");
    await decider.getByRole("link", { name: "Avbryt" }).click();
    expect(await visibleText(decider)).toMatch(/Status\s+Ansökan granskas/);
    expect(suite.problems()).toEqual([]);
  }, 90_000);
});

describe("messages that no longer mislead", () => {
  it("drops the personnummer error after a switch to Annat medborgarskap, marks only the failed password rule, and puts an empty E-post's error at the field", async () => {
    const { page } = await suite.open();
    await page.goto("/registrera-konto");
    await page.getByLabel(label("Personnummer")).fill("123");
    await page.getByRole("button", { name: "Fortsätt" }).click();
    const summary = page.locator(".error-summary");
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await summary.innerText()).toContain("Personnumret");
    await page.getByRole("radio", { name: /Annat medborgarskap/ }).check();
    expect(await summary.isVisible()).toBe(false);
    expect(await page.getByText(/Personnumret/).first().isVisible()).toBe(false);
    expect(await axe(page)).toEqual([]);

    await page.goto("/logga-in");
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    await expect.poll(() => page.locator("#f-epost-error").isVisible()).toBe(true);
    expect(await page.locator("#f-epost-error").innerText()).toContain("Ange din e-postadress.");
    expect(await page.getByLabel("E-post").getAttribute("aria-invalid")).toBe("true");
    expect(await axe(page)).toEqual([]);

    const user = await person("Pia", "Lösen");
    await logInAs(suite.site, page, user.email, GOOD_PASSWORD);
    await page.goto("/min-sida/andra-losenord");
    await page.getByLabel(label("Nuvarande lösenord")).fill(GOOD_PASSWORD);
    await page.getByLabel(label("Nytt lösenord")).fill("password1");
    await page.getByLabel(label("Nytt lösenord \\(igen\\)")).fill("password1");
    await page.getByRole("button", { name: "Spara" }).click();
    await page.waitForLoadState("load");
    const rules = await page.locator("ul.requirements li").evaluateAll((items) => items.map((li) => li.textContent!.replace(/\s+/g, " ").trim()));
    expect(rules).toEqual([
      "Minst 8 och högst 200 tecken långt. (uppfyllt)",
      "Innehåller minst en bokstav (a - ö). (uppfyllt)",
      "Innehåller minst en siffra. (uppfyllt)",
      "Får inte vara ett vanligt eller lättgissat lösenord. (ej uppfyllt)",
    ]);
    expect(await axe(page)).toEqual([]);
    expect(suite.problems()).toEqual([]);
  });
});

describe("a phone, 390 px wide", () => {
  it("never pans sideways and keeps the header small, on the public pages and the company search results", async () => {
    await insertCertifiedCompany(deps(), { name: "Kylmontage i Norrland med ett mycket långt namn AB", city: "Skellefteå", certificates: [{ schemeCode: "fgas-foretag" }, { schemeCode: "fgas-foretag", validUntil: null }] });
    const { page } = await suite.open();
    await page.setViewportSize({ width: 390, height: 844 });
    for (const url of ["/", "/kontrollera-certifikat", "/sok-certifierade-foretag", "/sok-certifierade-foretag?q=kyl", "/registrera-konto", "/registrera-foretag", "/logga-in"]) {
      await page.goto(url);
      await expectFits(page);
      expect(await page.locator(".site-header").evaluate((h) => h.getBoundingClientRect().height), url).toBeLessThanOrEqual(100);
    }
    await page.goto("/sok-certifierade-foretag?q=kyl");
    expect(await visibleText(page)).toContain("Kylmontage i Norrland");
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "guidance-08-sok-390");
    // The site's pages are one tap away in Meny.
    await page.getByText("Meny", { exact: true }).click();
    await page.getByRole("link", { name: "Kontrollera certifikat" }).click();
    await page.waitForURL("**/kontrollera-certifikat");
    expect(suite.problems()).toEqual([]);
  });
});
