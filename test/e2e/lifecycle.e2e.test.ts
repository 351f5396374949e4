// Årlig förlängning in Chromium: the reminder brings a company admin to "Att intyga", she attests
// her employee's activity (not her own), the employee finishes the application from Min Sida, a
// decider grants it, and the employee's certificate page and the public check show version 2.
import { describe, expect, it } from "vitest";
import { actorForUser } from "../../modules/accounts/find-user.ts";
import type { Actor } from "../../modules/deps.ts";
import { runDailySweep } from "../../modules/lifecycle/sweep.ts";
import { decideApplication } from "../../modules/review/index.ts";
import { applicationInFinalReview, insertCompany } from "../applications.ts";
import { browserSuite, logInAs, nextMail, screenshot, visibleText } from "../browser.ts";
import { GOOD_PASSWORD, seedUser } from "../fixtures.ts";

const suite = browserSuite({ now: new Date("2026-03-15T09:00:00Z") });
const label = (name: string) => new RegExp(`^${name}( \\*)?$`);

describe("Årlig förlängning attested by a company admin", () => {
  it("goes from the reminder through Att intyga and the employee's steps to version 2", async () => {
    const site = suite.site;
    const deps = site.runtime.deps;
    const olle = await seedUser(deps, { email: "olle@kyl.example.se", givenName: "Olle", familyName: "Kylman" });
    const anna = await seedUser(deps, { email: "anna@kyl.example.se", givenName: "Anna", familyName: "Admin" });
    const greta = await seedUser(deps, { email: "greta@certorg.example", givenName: "Greta", familyName: "Granskare", roles: ["reviewer"] });
    await seedUser(deps, { email: "bo@certorg.example", givenName: "Bo", familyName: "Beslutsfattare", roles: ["decider"] });
    const dag = await seedUser(deps, { email: "dag@certorg.example", givenName: "Dag", familyName: "Direkt", roles: ["decider"] });
    await insertCompany(deps, { name: "Kylteknik i Väst AB", adminPersonIds: [anna.personId], employeePersonIds: [olle.personId, anna.personId] });
    const decider = (await actorForUser(deps.db, dag.userId)) as Actor & { userId: string };
    const issue = async (who: { personId: string; userId: string }) => {
      const applicationId = await applicationInFinalReview(deps, { schemeCode: "fgas-person-i", personId: who.personId, byUserId: who.userId, reviewerUserId: greta.userId });
      return (await decideApplication(deps, decider, { applicationId, decision: "grant" })).certificate!;
    };
    const olleCert = await issue(olle);
    await issue(anna);

    // Two months before Giltigt till the daily sweep reminds Olle and his employer's admin.
    site.clock!.set(new Date("2027-01-20T09:00:00Z"));
    const since = site.mail.messages.length;
    await runDailySweep(deps);
    const reminder = await nextMail(site, "anna@kyl.example.se", `Dags för årlig förlängning: certifikat nr ${olleCert.number}`, since);
    expect(reminder.text).toContain("Att intyga");

    // Anna: company page › Att intyga. Her own certificate has no button; Olle's has.
    const a = (await suite.open()).page;
    await logInAs(site, a, "anna@kyl.example.se", GOOD_PASSWORD);
    await a.getByRole("link", { name: "Anställningar" }).first().click();
    await a.getByRole("link", { name: "Kylteknik i Väst AB" }).click();
    const attest = a.locator("section", { has: a.getByRole("heading", { name: "Att intyga" }) });
    expect(await attest.innerText()).toContain("Ditt eget certifikat: en annan administratör intygar det.");
    expect(await attest.getByRole("button", { name: /Intyga yrkesverksamhet för Anna Admin/ }).count()).toBe(0);
    expect(await a.locator("section", { has: a.getByRole("heading", { name: "Certifikat som går ut" }) }).innerText()).toMatch(/60 dagar\s+Olle Kylman/);
    await screenshot(a, "lifecycle-01-att-intyga");
    const attestedSince = site.mail.messages.length;
    await attest.getByRole("button", { name: `Intyga yrkesverksamhet för Olle Kylman, nr ${olleCert.number}` }).click();
    await expect.poll(() => visibleText(a)).toContain("Yrkesverksamheten är intygad.");
    expect(await attest.innerText()).toMatch(/Olle Kylman.*Intygad 2027-01-20/s);
    await nextMail(site, "olle@kyl.example.se", "Din yrkesverksamhet är intygad", attestedSince);

    // Olle: Min Sida says what is due; the application is already started, its Moment approved.
    const o = (await suite.open()).page;
    await logInAs(site, o, "olle@kyl.example.se", GOOD_PASSWORD);
    expect(await visibleText(o)).toContain(`Årlig förlängning senast 2027-03-14: F-gaser - Personcertifikat kategori I (nr ${olleCert.number}). Ansökan är påbörjad.`);
    expect(await visibleText(o)).toMatch(/2027-03-14 \(dags nu\)\s+2031-03-14/);
    await screenshot(o, "lifecycle-02-min-sida");
    await o.locator(".due-notices").getByRole("link", { name: "Visa certifieringsprocess" }).click();
    await o.waitForURL("**/min-sida/ansokningar/**");
    const process = await visibleText(o);
    expect(process).toContain("Årlig förlängning");
    expect(process).toMatch(/Intyg om yrkesverksamhet[\s\S]*Godkänt/);
    expect(process).toMatch(/Avgift\s+900 kr exkl. moms/);
    await o.getByRole("link", { name: "Klicka här för att intyga din certifikatsansökan" }).click();
    await o.getByRole("button", { name: "Ja", exact: true }).click();
    await o.waitForURL("**?klart=intygad");
    await o.getByRole("link", { name: "Ange fakturamottagare" }).first().click();
    await o.getByRole("radio", { name: "Alternativ fakturaadress" }).check();
    await o.getByLabel(label("Adressrad 1")).fill("Storgatan 1");
    await o.getByLabel(label("Ort")).fill("Umeå");
    await o.getByLabel(label("Postnummer")).fill("903 25");
    await o.getByRole("button", { name: "Spara" }).click();
    await o.waitForURL("**/skicka-in");
    await o.getByRole("button", { name: "Skicka in ansökan" }).click();
    await o.waitForURL("**?klart=granskas");

    // Bo grants it from Ansökningar för beslut.
    const b = (await suite.open()).page;
    await logInAs(site, b, "bo@certorg.example", GOOD_PASSWORD);
    await b.getByRole("link", { name: "Ansökningar för beslut" }).click();
    expect(await visibleText(b)).toMatch(/Olle Kylman\s+F-gaser - Personcertifikat kategori I\s+Årlig förlängning/);
    await b.getByRole("link", { name: "Olle Kylman" }).click();
    const grantedSince = site.mail.messages.length;
    // Registered without BankID: the decider ticks the identity check, then confirms the consequence.
    await b.getByLabel("Jag har kontrollerat identiteten mot legitimationen i underlagen.").check();
    await b.getByRole("button", { name: "Bevilja och utfärda" }).click();
    await b.waitForURL("**/beslut");
    expect(await b.getByRole("heading", { level: 1 }).innerText()).toBe("Bevilja och utfärda?");
    await b.getByRole("button", { name: "Bevilja och utfärda" }).click();
    await b.waitForURL("**?klart=beviljad");
    const granted = await nextMail(site, "olle@kyl.example.se", "är förlängt", grantedSince);
    expect(granted.text).toContain("version 2 och gäller till och med 2028-03-14");

    // Olle's certificate: version 2, a year on; the public check lists both versions.
    await o.goto("/min-sida");
    await o.getByRole("link", { name: "Visa certifikat: F-gaser - Personcertifikat kategori I" }).click();
    const page = await visibleText(o);
    expect(page).toMatch(/Giltigt till\s+2028-03-14/);
    expect(page).toMatch(/Version\s+2/);
    expect(page).toMatch(/1\s+2026-03-15\s+2027-03-14\s+Ersatt av version 2 \(2027-01-20\)/);
    await screenshot(o, "lifecycle-03-version-2");
    const pub = (await suite.open()).page;
    await pub.goto(`/c/${olleCert.number}`);
    expect(await visibleText(pub)).toMatch(/Ersatt av version 2/);
    await pub.getByLabel("Aktivt den").fill("2026-06-01");
    await pub.getByRole("button", { name: "Kontrollera datum" }).click();
    await pub.waitForURL(`**/c/${olleCert.number}?**datum=2026-06-01**`);
    expect(await visibleText(pub)).toContain("Den 2026-06-01 var certifikatet Aktivt (giltigt). Gällande version: 1, giltig till 2027-03-14.");
    await screenshot(pub, "lifecycle-04-publik");
    expect(suite.problems()).toEqual([]);
  });
});
