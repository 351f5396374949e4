// Issue 17 in Chromium: Överklaganden och klagomål. An applicant appeals a refusal (bad input first:
// no grounds, a file of the wrong type, 1 MB of text, the deadline passing while the form is open),
// the decider who refused it is kept from handling it, a different decider investigates and grants
// it, reopening the application. A visitor who is not logged in complains from /c/{number}, and the
// complaint ends in a suspension the public check shows at once, while the holder learns nothing of
// who complained. axe checks the new pages.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { count, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { applications, cases, documents } from "../../db/schema/index.ts";
import { makeImage, makePdf } from "../../lib/uploads/test-files.ts";
import { actorForUser } from "../../modules/accounts/find-user.ts";
import type { Actor } from "../../modules/deps.ts";
import { decideApplication } from "../../modules/review/index.ts";
import { applicationInFinalReview } from "../applications.ts";
import { browserSuite, logInAs, nextMail, screenshot, visibleText } from "../browser.ts";
import { GOOD_PASSWORD, seedUser } from "../fixtures.ts";

const START = new Date("2026-11-22T09:00:00Z");
const suite = browserSuite({ now: START });
const label = (name: string) => new RegExp(`^${name}( \\*)?$`);
const deps = () => suite.site.runtime.deps;
const clock = () => suite.site.clock!;
const later = (seconds: number) => clock().set(new Date(clock().now().getTime() + seconds * 1000));

async function tempFile(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), "certportal-e2e-")), name);
  await writeFile(file, bytes);
  return file;
}

/** No serious or critical accessibility violation on the page as it stands. */
async function accessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, what).toEqual([]);
}

/** The form under the heading Avgör (Avskriv beside it has a Motivering too). */
const decideForm = (page: Page) => page.locator("form", { has: page.getByRole("heading", { name: "Avgör", exact: true }) });

const saved = async () => ({
  cases: (await deps().db.select({ n: count() }).from(cases).get())!.n,
  documents: (await deps().db.select({ n: count() }).from(documents).get())!.n,
});

describe("Överklaganden och klagomål in the browser", () => {
  it("an appeal against a refusal, from the applicant through a different decider's decision that reopens the application", async () => {
    clock().set(START);
    const sven = await seedUser(deps(), { email: "sven@example.se", givenName: "Sven", familyName: "Svensson" });
    const greta = await seedUser(deps(), { email: "greta@certorg.example", givenName: "Greta", familyName: "Granskare", roles: ["reviewer"] });
    const boUser = await seedUser(deps(), { email: "bo@certorg.example", givenName: "Bo", familyName: "Beslut", roles: ["decider"] });
    await seedUser(deps(), { email: "dag@certorg.example", givenName: "Dag", familyName: "Domare", roles: ["decider"] });
    const applicationId = await applicationInFinalReview(deps(), { schemeCode: "fgas-person-i", personId: sven.personId, byUserId: sven.userId, reviewerUserId: greta.userId });
    // A second refusal the same day, whose appeal period Sven lets run out (below).
    const other = await applicationInFinalReview(deps(), { schemeCode: "fgas-person-iii", personId: sven.personId, byUserId: sven.userId, reviewerUserId: greta.userId });
    const boActor = (await actorForUser(deps().db, boUser.userId)) as Actor & { userId: string };
    await decideApplication(deps(), boActor, { applicationId: other, decision: "refuse", reason: "Provet är inte godkänt." });

    // Bo refuses the application from his queue.
    const bo = (await suite.open()).page;
    await logInAs(suite.site, bo, "bo@certorg.example", GOOD_PASSWORD);
    await bo.getByRole("link", { name: "Ansökningar för beslut" }).first().click();
    await bo.getByRole("link", { name: "Sven Svensson" }).click();
    await bo.getByLabel(label("Motivering")).fill("Intyget om praktisk erfarenhet saknar underskrift.");
    await bo.getByRole("button", { name: "Avslå" }).click();
    await bo.getByRole("button", { name: "Avslå" }).click();
    await bo.waitForURL("**?klart=avslagen");

    // Sven sees the refusal and, below it, Överklaga beslutet with its deadline.
    const page = (await suite.open()).page;
    await logInAs(suite.site, page, "sven@example.se", GOOD_PASSWORD);
    await page.getByRole("link", { name: "Visa certifieringsprocess: F-gaser - Personcertifikat kategori I", exact: true }).click();
    const appeals = page.getByRole("region", { name: "Överklaga beslut" });
    expect(await appeals.innerText()).toMatch(/Avslag, beslutat 22 november 2026\.\s+Överklaga beslutet[\s\S]*senast 22 januari 2027/);
    await screenshot(page, "cases-01-process-avslagen");
    await accessible(page, "process page with the appeal offer");
    await appeals.getByRole("link", { name: "Överklaga beslutet: Avslag" }).click();
    await page.waitForURL("**/min-sida/overklaga/beslut/**");
    const appealPage = page.url();
    expect(await visibleText(page)).toMatch(/Motivering\s+Intyget om praktisk erfarenhet saknar underskrift\.\s+Sista dag att överklaga\s+22 januari 2027/);
    await accessible(page, "appeal form");
    const before = await saved();

    // No grounds.
    await page.getByRole("button", { name: "Skicka överklagandet" }).click();
    await expect.poll(() => page.locator(".error-summary").innerText()).toContain("Skriv varför du överklagar: vad i beslutet du anser är fel, och vad du vill ska ändras.");
    expect(await page.getByLabel(label("Grunder för överklagandet")).getAttribute("aria-invalid")).toBe("true");
    // A file of the wrong type, with the grounds kept after the error.
    await page.getByLabel(label("Grunder för överklagandet")).fill("Intyget är underskrivet på sidan två.");
    await page.getByLabel("Bifoga filer").setInputFiles([await tempFile("intyg.pdf", makePdf()), await tempFile("program.exe", Buffer.from("MZ\x90\x00 inte en pdf"))]);
    await page.getByRole("button", { name: "Skicka överklagandet" }).click();
    await expect.poll(() => page.locator(".error-summary").innerText()).toMatch(/”program\.exe”: Filen är inte en PDF, JPEG, PNG eller WebP\..*inget har sparats\./);
    expect(await page.getByLabel(label("Grunder för överklagandet")).inputValue()).toBe("Intyget är underskrivet på sidan två.");
    // 1 MB of text (a script, or a browser that ignores maxlength).
    await page.getByLabel(label("Grunder för överklagandet")).evaluate((el: HTMLTextAreaElement) => {
      el.removeAttribute("maxlength");
      el.value = "x".repeat(1024 * 1024);
    });
    await page.getByRole("button", { name: "Skicka överklagandet" }).click();
    await expect.poll(() => page.locator(".error-summary").innerText()).toMatch(/Texten är för lång: högst 10\s000 tecken tas emot, och din är 1\s048\s576 tecken\./);
    await screenshot(page, "cases-02-overklaga-fel");
    expect(await saved()).toEqual(before);

    // In time, with the grounds and a scan: received at once, on the page and by mail.
    later(600);
    await page.goto(appealPage);
    await page.getByLabel(label("Grunder för överklagandet")).fill("Intyget är underskrivet på sidan två. Jag bifogar en skanning av den sidan.");
    await page.getByLabel("Bifoga filer").setInputFiles([await tempFile("intyg-sida-2.png", await makeImage("png", 900, 1200))]);
    const since = suite.site.mail.messages.length;
    await page.getByRole("button", { name: "Skicka överklagandet" }).click();
    await page.waitForURL("**/min-sida/arenden/**?klart=mottaget");
    expect(await visibleText(page)).toContain("Ditt överklagande är mottaget.");
    expect(await visibleText(page)).toMatch(/Status\s+Mottagen/);
    const number = /Ärende (\d+)/.exec(await page.getByRole("heading", { level: 1 }).innerText())![1]!;
    const receipt = await nextMail(suite.site, "sven@example.se", `Ditt överklagande är mottaget (ärende ${number})`, since);
    expect(receipt.text).toContain("beslutet 22 november 2026 att avslå ansökan om F-gaser - Personcertifikat kategori I");
    await screenshot(page, "cases-03-arende-mottaget");
    await accessible(page, "the appellant's case page");

    // Bo, who refused, sees the case in the queue but may not handle it.
    await bo.goto("/personal");
    expect(await visibleText(bo)).toContain("1 ärende väntar på handläggning.");
    await bo.getByRole("link", { name: "Överklaganden och klagomål" }).first().click();
    await bo.getByRole("link", { name: `Ärende ${number}` }).first().click();
    expect(await bo.getByRole("region", { name: "Handläggning" }).innerText()).toContain("Du fattade beslutet som överklagas och kan därför inte handlägga överklagandet.");
    expect(await bo.getByRole("button", { name: "Börja utreda" }).count()).toBe(0);
    await screenshot(bo, "cases-04-jav");

    // Dag investigates: the mail Sven will get is shown before it is sent.
    const dag = (await suite.open()).page;
    await logInAs(suite.site, dag, "dag@certorg.example", GOOD_PASSWORD);
    await dag.getByRole("link", { name: "Överklaganden och klagomål" }).first().click();
    await dag.getByRole("link", { name: `Ärende ${number}` }).first().click();
    await accessible(dag, "staff case page");
    await dag.getByLabel(label("Besked till den som lämnade in ärendet")).fill("Vi går igenom intyget och hör av oss inom två veckor.");
    await dag.getByRole("button", { name: "Börja utreda" }).click();
    expect(await dag.getByRole("heading", { level: 1 }).innerText()).toBe(`Börja utreda ärende ${number}?`);
    expect(await dag.locator(".mail-preview").innerText()).toMatch(new RegExp(`Sven Svensson \\(sven@example.se\\) får det här mejlet:\\s+Ämne: Ditt överklagande utreds \\(ärende ${number}\\)[\\s\\S]*Besked från handläggaren: Vi går igenom intyget och hör av oss inom två veckor\\.`));
    await screenshot(dag, "cases-05-bekrafta-utred");
    const investigating = suite.site.mail.messages.length;
    await dag.getByRole("button", { name: "Börja utreda" }).click();
    await dag.waitForURL("**?klart=utreds");
    await nextMail(suite.site, "sven@example.se", `Ditt överklagande utreds (ärende ${number})`, investigating);

    // Bifallen: the application is reopened and the signature's Moment is to be complemented.
    await dag.getByRole("radio", { name: "Bifallen", exact: true }).check();
    await decideForm(dag).getByLabel(label("Motivering")).fill("Intyget är underskrivet; beslutet byggde på en ofullständig skanning.");
    await dag.getByRole("checkbox", { name: "Öppna ansökan igen (status Returnerad för komplettering)" }).check();
    const firstMoment = (await dag.locator('input[name="moment"]').first().locator("xpath=..").innerText()).trim();
    await dag.locator('input[name="moment"]').first().check();
    await dag.getByRole("button", { name: "Avgör" }).click();
    expect(await visibleText(dag)).toContain("Ärendet avgörs: Bifallen.");
    expect(await visibleText(dag)).toContain("Det här ändras direkt, i samma steg: Ansökan om F-gaser - Personcertifikat kategori I är öppnad igen.");
    await screenshot(dag, "cases-06-bekrafta-avgor");
    const decidedSince = suite.site.mail.messages.length;
    await dag.getByRole("button", { name: "Avgör" }).click();
    await dag.waitForURL("**?klart=avgjort");
    expect(await visibleText(dag)).toMatch(/Status\s+Avgjord: Bifallen/);
    expect(await visibleText(dag)).toMatch(/Beslut som ärendet ledde till\s+Returnerad för komplettering, 2026-11-22, av Dag Domare/);
    const decided = await nextMail(suite.site, "sven@example.se", `Ditt överklagande är avgjort (ärende ${number})`, decidedSince);
    expect(decided.text).toContain("överklagandet är bifallet");

    // Sven's application is open again, with the Moment to complement; his case says Avgjord.
    expect((await deps().db.select().from(applications).where(eq(applications.id, applicationId)).get())!.status).toBe("returned");
    await page.goto("/min-sida");
    await page.getByRole("link", { name: "Visa certifieringsprocess: F-gaser - Personcertifikat kategori I", exact: true }).click();
    const text = await visibleText(page);
    expect(text).toMatch(/Status\s+Returnerad för komplettering/);
    expect(text).toContain(`Momentet ${firstMoment} är ej godkänt.`);
    await page.getByRole("region", { name: "Överklaga beslut" }).getByRole("link", { name: `Ärende ${number}` }).click();
    expect(await visibleText(page)).toMatch(/Status\s+Avgjord: Bifallen/);
    expect(await visibleText(page)).toContain("Intyget är underskrivet; beslutet byggde på en ofullständig skanning.");
    await screenshot(page, "cases-07-arende-avgjort");

    // The other refusal: Sven opens the form late on the last day and sends it after midnight.
    clock().set(new Date("2027-01-22T22:50:00Z"));
    const late = (await suite.open()).page;
    await logInAs(suite.site, late, "sven@example.se", GOOD_PASSWORD);
    await late.getByRole("link", { name: "Visa certifieringsprocess: F-gaser - Personcertifikat kategori III" }).click();
    const processIII = late.url();
    expect(await late.getByRole("region", { name: "Överklaga beslut" }).innerText()).toMatch(/senast 22 januari 2027/);
    await late.getByRole("link", { name: "Överklaga beslutet: Avslag" }).click();
    await late.getByLabel(label("Grunder för överklagandet")).fill("Jag skrev provet igen och klarade det.");
    const beforeLate = await saved();
    clock().set(new Date("2027-01-22T23:05:00Z"));
    await late.getByRole("button", { name: "Skicka överklagandet" }).click();
    await expect.poll(() => visibleText(late)).toContain("Tiden för att överklaga gick ut 22 januari 2027. Ett beslut kan överklagas inom 2 månader från beslutsdagen.");
    expect(await late.getByRole("button", { name: "Skicka överklagandet" }).count()).toBe(0);
    expect(await saved()).toEqual(beforeLate);
    await screenshot(late, "cases-08-for-sent");
    await late.goto(processIII);
    expect(await late.getByRole("region", { name: "Överklaga beslut" }).innerText()).toContain("Tiden för att överklaga gick ut 22 januari 2027.");
    expect(await late.getByRole("link", { name: /Överklaga beslutet/ }).count()).toBe(0);
    expect(suite.problems()).toEqual([]);
  }, 120_000);

  it("a complaint from a logged-out visitor at /c/{number}, through to a suspension the public sees at once", async () => {
    clock().set(new Date("2026-12-02T09:00:00Z"));
    const ulf = await seedUser(deps(), { email: "ulf@example.se", givenName: "Ulf", familyName: "Utförare" });
    const greta = (await actorForUser(deps().db, (await seedUser(deps(), { email: "greta2@certorg.example", roles: ["reviewer"] })).userId)) as Actor & { userId: string };
    const bo = (await actorForUser(deps().db, (await seedUser(deps(), { email: "bo2@certorg.example", givenName: "Bo", familyName: "Beviljare", roles: ["decider"] })).userId)) as Actor & { userId: string };
    await seedUser(deps(), { email: "ada@certorg.example", givenName: "Ada", familyName: "Admin", roles: ["admin"] });
    const applicationId = await applicationInFinalReview(deps(), { schemeCode: "fgas-person-ii", personId: ulf.personId, byUserId: ulf.userId, reviewerUserId: greta.userId });
    const { number: certNumber } = (await decideApplication(deps(), bo, { applicationId, decision: "grant" })).certificate!;

    // A customer checks the certificate and reports the work.
    const visitor = (await suite.open()).page;
    await visitor.goto(`/c/${certNumber}`);
    expect(await visibleText(visitor)).toMatch(/Status\s+Aktivt/);
    await visitor.getByRole("link", { name: "Anmäl felaktigt utfört arbete eller missbruk av certifikatet" }).click();
    await visitor.waitForURL("**/lamna-klagomal?certifikat=*");
    expect(await visitor.getByLabel("Certifikatnummer").inputValue()).toBe(String(certNumber));
    await accessible(visitor, "Lämna klagomål");
    const before = await saved();
    later(20);
    await visitor.getByLabel("E-postadress").fill("klara@example.org");
    await visitor.getByLabel("Bifoga filer").setInputFiles([await tempFile("sida.html", Buffer.from("<html><script>alert(1)</script></html>"))]);
    await visitor.getByRole("button", { name: "Skicka klagomålet" }).click();
    const errors = await visitor.locator(".error-summary").innerText();
    expect(errors).toContain("Beskriv vad som har hänt: vad, var och när, och vem som utförde arbetet om du vet det.");
    expect(errors).toMatch(/”sida\.html”: Filen är inte en PDF, JPEG, PNG eller WebP\./);
    expect(await visitor.getByLabel("E-postadress").inputValue()).toBe("klara@example.org");
    await screenshot(visitor, "cases-09-klagomal-fel");
    expect(await saved()).toEqual(before);

    await visitor.getByLabel(label("Beskriv vad som har hänt")).fill("Han fyllde på köldmedium i vår värmepump utan läcksökning, och den läckte igen efter en vecka.");
    await visitor.getByLabel("Namn", { exact: true }).fill("Klara Kund");
    await visitor.getByLabel("Telefonnummer").fill("070-111 22 33");
    await visitor.getByLabel("Bifoga filer").setInputFiles([await tempFile("kvitto.jpg", await makeImage("jpeg", 800, 1000))]);
    later(30);
    const since = suite.site.mail.messages.length;
    await visitor.getByRole("button", { name: "Skicka klagomålet" }).click();
    await visitor.waitForURL("**/lamna-klagomal/tack?**");
    const caseNumber = /Ärendenummer: (\d+)/.exec(await visibleText(visitor))![1]!;
    await nextMail(suite.site, "klara@example.org", `Ditt klagomål är mottaget (ärende ${caseNumber})`, since);
    await screenshot(visitor, "cases-10-klagomal-tack");

    // Bo, who granted the certificate, may not handle a complaint about it, nor see who complained.
    const boPage = (await suite.open()).page;
    await logInAs(suite.site, boPage, "bo2@certorg.example", GOOD_PASSWORD);
    await boPage.getByRole("link", { name: "Överklaganden och klagomål" }).first().click();
    await boPage.getByRole("link", { name: `Ärende ${caseNumber}` }).first().click();
    expect(await boPage.getByRole("region", { name: "Handläggning" }).innerText()).toContain("Du fattade beslutet om certifikatet som klagomålet gäller och kan därför inte handlägga det.");
    expect(await visibleText(boPage)).toContain("Kontaktuppgifterna visas bara för den som handlägger ärendet.");
    expect(await visibleText(boPage)).not.toContain("klara@example.org");

    // Ada handles it: investigates, then upholds it and suspends the certificate.
    const ada = (await suite.open()).page;
    await logInAs(suite.site, ada, "ada@certorg.example", GOOD_PASSWORD);
    await ada.getByRole("link", { name: "Överklaganden och klagomål" }).first().click();
    await ada.getByRole("link", { name: `Ärende ${caseNumber}` }).first().click();
    expect(await visibleText(ada)).toMatch(/Lämnat av\s+Klara Kund, klara@example.org, 070-111 22 33/);
    await ada.getByLabel(label("Besked till den som lämnade in ärendet")).fill("Vi begär in serviceprotokollet från teknikern.");
    await ada.getByRole("button", { name: "Börja utreda" }).click();
    await ada.getByRole("button", { name: "Börja utreda" }).click();
    await ada.waitForURL("**?klart=utreds");
    await ada.getByRole("radio", { name: "Bifallen", exact: true }).check();
    await decideForm(ada).getByLabel(label("Motivering")).fill("Protokollet visar att ingen läcksökning gjordes.");
    await ada.getByRole("radio", { name: `Suspendera certifikat nr ${certNumber} (Vilande)` }).check();
    await ada.getByLabel("Vilande till och med").fill("2027-03-31");
    await ada.getByLabel("Skäl till certifikatinnehavaren").fill("Läcksökning har inte gjorts vid påfyllning av köldmedium.");
    await screenshot(ada, "cases-11-avgor-klagomal");
    await accessible(ada, "staff case page with the decision form");
    await ada.getByRole("button", { name: "Avgör" }).click();
    expect(await visibleText(ada)).toContain(`Certifikat nr ${certNumber} är suspenderat (Vilande) till och med 31 mars 2027.`);
    expect(await ada.locator(".mail-preview").innerText()).toContain("Klara Kund (klara@example.org) får det här mejlet:");
    const decidedSince = suite.site.mail.messages.length;
    await ada.getByRole("button", { name: "Avgör" }).click();
    await ada.waitForURL("**?klart=avgjort");

    // The public check says Vilande at once (to anyone checking now: the visitor's browser keeps
    // its copy for a minute, as Cache-Control allows); the holder is told why, not by whom.
    const inspector = (await suite.open()).page;
    await inspector.goto(`/c/${certNumber}`);
    expect(await visibleText(inspector)).toMatch(/Status\s+Vilande/);
    const toHolder = await nextMail(suite.site, "ulf@example.se", "vilande", decidedSince);
    expect(toHolder.text).toContain("Läcksökning har inte gjorts vid påfyllning av köldmedium.");
    for (const secret of ["Klara", "klara@example.org", "070-111 22 33", "klagomål", "Protokollet visar"]) expect(toHolder.text).not.toContain(secret);
    await nextMail(suite.site, "klara@example.org", `Ditt klagomål är avgjort (ärende ${caseNumber})`, decidedSince);

    // The holder's own pages say nothing of the complaint.
    const holder = (await suite.open()).page;
    await logInAs(suite.site, holder, "ulf@example.se", GOOD_PASSWORD);
    await holder.getByRole("link", { name: "Händelselogg" }).first().click();
    const log = await visibleText(holder);
    expect(log).toContain("Certifikat suspenderat (Vilande)");
    for (const secret of ["Klagomål", "Klara", "Ärende"]) expect(log).not.toContain(secret);

    expect(suite.problems()).toEqual([]);
  }, 120_000);
});
