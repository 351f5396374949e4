// Issue 11 in Chromium, from an examination centre to an issued certificate: an admin registers
// and approves a centre and invites its examinator; the examinator puts up a provtillfälle,
// registers an existing applicant by personnummer, uploads the protocol and enters the results;
// the applicant sees the exam on the Prov tab and the Moment Godkänt in the process, finishes it,
// and a decider issues the certificate. The public page lists the provtillfälle meanwhile.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { makePdf } from "../../lib/uploads/test-files.ts";
import { actorForUser } from "../../modules/accounts/find-user.ts";
import { loadApplication } from "../../modules/certification/index.ts";
import type { Actor } from "../../modules/deps.ts";
import { reviewRequirement } from "../../modules/review/index.ts";
import { browserSuite, logInAs, nextMail, screenshot, visibleText } from "../browser.ts";
import { GOOD_PASSWORD, seedUser } from "../fixtures.ts";

const suite = browserSuite({ now: new Date("2026-11-22T08:00:00Z") });
const label = (name: string) => new RegExp(`^${name}( \\*)?$`);

async function tempFile(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), "certportal-e2e-")), name);
  await writeFile(file, bytes);
  return file;
}

/** No serious or critical accessibility violation on the page as it stands. */
async function accessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, what).toEqual([]);
}

describe("an examination centre's exam, through to the certificate", () => {
  it("approve a centre, create a session, register by personnummer, enter results, Moment Godkänt, issue", async () => {
    const deps = suite.site.runtime.deps;
    await seedUser(deps, { email: "anna@certorg.example", givenName: "Anna", familyName: "Admin", roles: ["admin"] });
    await seedUser(deps, { email: "bo@certorg.example", givenName: "Bo", familyName: "Beslut", roles: ["decider"] });
    const greta = await seedUser(deps, { email: "greta@certorg.example", givenName: "Greta", familyName: "Granskare", roles: ["reviewer"] });
    await seedUser(deps, { email: "erik@kylskolan.example", givenName: "Erik", familyName: "Examinator" });
    await seedUser(deps, { email: "sven@example.se", givenName: "Sven", familyName: "Svensson", personnummer: "198001019812" });

    // Anna registers the centre, approves it and invites Erik, who has an account already.
    const anna = (await suite.open()).page;
    await logInAs(suite.site, anna, "anna@certorg.example", GOOD_PASSWORD);
    await anna.getByRole("link", { name: "Examinationscentra" }).last().click();
    await anna.waitForURL("**/personal/examinationscentra");
    await anna.getByRole("link", { name: "Nytt examinationscenter" }).click();
    await anna.getByLabel(label("Namn")).fill("Västerås Kylskola AB");
    await anna.getByLabel(label("Organisationsnummer")).fill("556677-8899");
    await anna.getByLabel(label("Adressrad 1")).fill("Provvägen 1");
    await anna.getByLabel(label("Postnummer")).fill("721 30");
    await anna.getByLabel(label("Ort")).fill("Västerås");
    await anna.getByLabel("E-postadress").fill("prov@kylskolan.example");
    await anna.getByLabel("F-gaser - Personcertifikat kategori II", { exact: true }).check();
    await anna.getByRole("button", { name: "Spara" }).click();
    await anna.waitForURL("**?klart=skapat");
    expect(await visibleText(anna)).toContain("Väntar på godkännande");
    await anna.getByRole("button", { name: "Godkänn" }).click();
    await anna.waitForURL("**?klart=godkant");
    const invitedSince = suite.site.mail.messages.length;
    await anna.getByLabel(label("E-postadress")).last().fill("erik@kylskolan.example");
    await anna.getByRole("button", { name: "Bjud in examinator" }).click();
    await anna.waitForURL("**?klart=inbjuden");
    await nextMail(suite.site, "erik@kylskolan.example", "Du är examinator vid Västerås Kylskola AB", invitedSince);
    expect(await visibleText(anna)).toMatch(/Examinatorer[\s\S]*Erik Examinator\s+erik@kylskolan.example/);
    await screenshot(anna, "examinations-01-personal-centrum");
    await accessible(anna, "staff centre page");
    // Ändra uppgifter: the saved values in the form, the phone added.
    await anna.getByRole("link", { name: "Ändra uppgifter" }).click();
    await anna.waitForURL("**/andra");
    expect(await anna.getByLabel(label("Ort")).inputValue()).toBe("Västerås");
    await anna.getByLabel("Telefonnummer").fill("021-10 20 30");
    await accessible(anna, "edit centre form");
    await screenshot(anna, "examinations-01b-andra-uppgifter");
    await anna.getByRole("button", { name: "Spara" }).click();
    await anna.waitForURL("**?klart=andrat");
    expect(await visibleText(anna)).toContain("Uppgifterna är sparade.");
    expect(await visibleText(anna)).toContain("021-10 20 30");

    // Erik, from Min Sida's Prov tab: a provtillfälle today, Sven registered by personnummer.
    const erik = (await suite.open()).page;
    await logInAs(suite.site, erik, "erik@kylskolan.example", GOOD_PASSWORD);
    await erik.getByRole("link", { name: "Prov", exact: true }).click();
    await erik.getByRole("link", { name: "Västerås Kylskola AB" }).click();
    await erik.getByRole("link", { name: "Nytt provtillfälle" }).click();
    await erik.getByLabel(label("Certifikat")).selectOption({ label: "F-gaser - Personcertifikat kategori II" });
    await erik.getByLabel(label("Datum")).fill("2026-11-22");
    await erik.getByLabel(label("Tid")).fill("09:00");
    await erik.getByLabel(label("Plats")).fill("Provhallen, Provvägen 1, Västerås");
    await erik.getByLabel(label("Antal platser")).fill("8");
    await accessible(erik, "new session form");
    await erik.getByRole("button", { name: "Spara" }).click();
    await erik.waitForURL("**/min-sida/provtillfallen/**");
    const sessionPage = erik.url();
    // An unknown person first: the message, and no list of people.
    await erik.getByLabel(label("Personnummer eller e-postadress")).fill("19800101-9804");
    await erik.getByRole("button", { name: "Anmäl" }).click();
    expect(await visibleText(erik)).toContain("Kontot måste skapas först.");
    const registeredSince = suite.site.mail.messages.length;
    await erik.getByLabel(label("Personnummer eller e-postadress")).fill("19800101-9812");
    await erik.getByRole("button", { name: "Anmäl" }).click();
    await erik.waitForURL("**?klart=startad**");
    const registeredMail = await nextMail(suite.site, "sven@example.se", "Anmäld till prov 2026-11-22", registeredSince);
    expect(registeredMail.text).toContain("Plats: Provhallen, Provvägen 1, Västerås");
    expect(await visibleText(erik)).toMatch(/Sven Svensson\s+19800101-9812\s+2026-11-22\s+Anmäld/);

    // The public page lists the provtillfälle, with its free seats and no names.
    const visitor = (await suite.open()).page;
    await visitor.goto("/examinationscentra");
    const publicText = await visibleText(visitor);
    expect(publicText).toMatch(/2026-11-22\s+09:00\s+F-gaser - Personcertifikat kategori II\s+Provhallen, Provvägen 1, Västerås\s+7/);
    expect(publicText).not.toMatch(/Sven|Svensson|Erik|Examinator\b/);
    await screenshot(visitor, "examinations-02-publik");
    await accessible(visitor, "public page");

    // The protocol, then the results.
    await erik.goto(sessionPage);
    await erik.getByLabel(label("Provprotokoll \\(PDF\\)")).setInputFiles(await tempFile("protokoll.pdf", makePdf({ text: "Provprotokoll" })));
    await erik.getByRole("button", { name: "Ladda upp protokoll" }).click();
    await erik.waitForURL("**?klart=protokoll**");
    const teori = erik.getByRole("group", { name: "Teori för Sven Svensson" });
    await teori.getByLabel("Godkänd", { exact: true }).check();
    await erik.getByLabel("Poäng (0–50) i Teori för Sven Svensson").fill("44");
    await erik.getByRole("group", { name: "Praktik för Sven Svensson" }).getByLabel("Godkänd", { exact: true }).check();
    await screenshot(erik, "examinations-03-resultat");
    await accessible(erik, "session page with the results form");
    const resultSince = suite.site.mail.messages.length;
    await erik.getByRole("button", { name: "Spara resultat" }).click();
    await erik.waitForURL("**?klart=resultat**");
    expect(await visibleText(erik)).toMatch(/Sven Svensson\s+19800101-9812\s+2026-11-22\s+Godkänt\s+Teori: Godkänd, 44 av 50\s+Praktik: Godkänd/);
    await nextMail(suite.site, "sven@example.se", "Godkänt prov", resultSince);
    // Rätta resultat: the form holds what is recorded (looked at, left with Avbryt).
    await erik.getByRole("link", { name: "Rätta resultat för Sven Svensson" }).click();
    await erik.waitForURL("**/ratta");
    expect(await erik.getByLabel("Poäng (0–50) i Teori för Sven Svensson").inputValue()).toBe("44");
    await accessible(erik, "correct a result");
    await screenshot(erik, "examinations-03b-ratta-resultat");
    await erik.getByRole("link", { name: "Avbryt" }).click();
    await erik.waitForURL((url) => url.pathname === new URL(sessionPage).pathname);

    // Sven: the Prov tab, and the process with the exam Moment Godkänt.
    const sven = (await suite.open()).page;
    await logInAs(suite.site, sven, "sven@example.se", GOOD_PASSWORD);
    await sven.getByRole("link", { name: "Prov", exact: true }).click();
    expect(await visibleText(sven)).toMatch(/2026-11-22 kl\. 09:00\s+Västerås Kylskola AB\s+F-gaser - Personcertifikat kategori II[\s\S]*?Provhallen, Provvägen 1, Västerås\s+Teori, Praktik\s+Godkänt\s+Teori: Godkänd, 44 av 50 poäng\s+Praktik: Godkänd/);
    await screenshot(sven, "examinations-04-prov-fliken");
    await sven.getByRole("link", { name: /F-gaser - Personcertifikat kategori II/ }).click();
    await sven.waitForURL("**/min-sida/ansokningar/**");
    const processText = await visibleText(sven);
    expect(processText).toMatch(/Godkänt prov\s+Godkänt\s+Godkänt prov 2026-11-22 vid Västerås Kylskola AB: Teori: Godkänd, 44 av 50 poäng; Praktik: Godkänd\./);
    expect(processText).toMatch(/Kopia av legitimation\s+Inväntar fil från certifikand/);
    await screenshot(sven, "examinations-05-process");
    const processUrl = sven.url().replace(/\?.*$/, "");
    const applicationId = /ansokningar\/([^/?#]+)/.exec(processUrl)![1]!;

    // The rest of the process as usual: the ID copy (approved by Greta), intyga, who pays, send.
    await sven.getByRole("link", { name: "Kopia av legitimation", exact: true }).click();
    await sven.getByLabel(label("Fil")).setInputFiles(await tempFile("legitimation.pdf", makePdf({ text: "Legitimation" })));
    await sven.getByRole("button", { name: "Ladda upp fil" }).click();
    await sven.waitForURL("**?klart=uppladdad");
    const reviewer = (await actorForUser(deps.db, greta.userId)) as Actor & { userId: string };
    const id = (await loadApplication(deps.db, reviewer, applicationId)).moments.find((m) => m.requirement.code === "id")!;
    await reviewRequirement(deps, reviewer, { applicationId, momentId: id.moment.id, approve: true, comment: null });
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

    // Erik cannot decide (he is no decider anyway); Bo issues it from Ansökningar för beslut.
    const bo = (await suite.open()).page;
    await logInAs(suite.site, bo, "bo@certorg.example", GOOD_PASSWORD);
    await bo.getByRole("link", { name: "Ansökningar för beslut" }).first().click();
    await bo.getByRole("link", { name: "Sven Svensson" }).click();
    expect(await bo.locator(".checklist").innerText()).toContain("Alla moment godkända");
    const issuedSince = suite.site.mail.messages.length;
    await bo.getByRole("button", { name: "Bevilja och utfärda" }).click();
    await bo.waitForURL("**/beslut");
    await bo.getByRole("button", { name: "Bevilja och utfärda" }).click();
    await bo.waitForURL("**?klart=beviljad");
    const mail = await nextMail(suite.site, "sven@example.se", "utfärdat", issuedSince);
    const number = /\b(\d{5,})\b/.exec(mail.text)![1]!;
    await sven.goto("/min-sida");
    expect(await visibleText(sven)).toMatch(new RegExp(`${number}\\s+F-gaser - Personcertifikat kategori II\\s+Aktivt`));
    expect(suite.problems()).toEqual([]);
  }, 90_000);
});
