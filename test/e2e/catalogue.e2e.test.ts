// The catalogue in a real browser: an admin changes a scheme's price (first with a typing error,
// answered in place by htmx) and publishes a new förbindelsetext.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { declarationTexts, schemes } from "../../db/schema/index.ts";
import { browserSuite, logInAs, screenshot, visibleText } from "../browser.ts";
import { GOOD_PASSWORD, seedUser } from "../fixtures.ts";

const suite = browserSuite();
const label = (name: string) => new RegExp(`^${name.replace(/[()]/g, "\\$&")}( \\*)?$`);

describe("the catalogue", () => {
  it("lets an admin change a scheme's price and publish a new förbindelsetext", async () => {
    const { deps } = suite.site.runtime;
    await seedUser(deps, { email: "ada@certorg.example", givenName: "Ada", familyName: "Admin", roles: ["admin"] });
    const { page } = await suite.open();
    await logInAs(suite.site, page, "ada@certorg.example", GOOD_PASSWORD);

    await page.goto("/personal/katalog");
    await screenshot(page, "catalogue-01-list");
    await page.getByRole("link", { name: "Personcertifikat kategori I", exact: true }).click();
    await page.waitForURL("**/personal/katalog/certifikat/*");

    const price = page.getByLabel(label("Pris (kr, exkl. moms)"));
    await price.fill("femtusen");
    await page.getByRole("button", { name: "Spara" }).click();
    await expect.poll(() => visibleText(page)).toContain("Ange priset i kronor med siffror");
    await screenshot(page, "catalogue-02-price-error");

    await page.getByLabel(label("Pris (kr, exkl. moms)")).fill("5 200");
    await page.getByRole("button", { name: "Spara" }).click();
    await page.waitForURL("**?klart=sparat");
    expect(await visibleText(page)).toContain("Ändringarna är sparade.");
    expect(await page.getByLabel(label("Pris (kr, exkl. moms)")).inputValue()).toBe("5200");
    await screenshot(page, "catalogue-03-saved");

    await page.getByRole("link", { name: "Förbindelsetext", exact: true }).click();
    await page.waitForURL("**/forbindelsetext");
    await page.getByLabel(label("Ny förbindelsetext")).fill("Jag intygar att uppgifterna i min ansökan är riktiga.\n\nJag följer de regler som gäller från 2027.");
    await page.getByRole("button", { name: "Publicera ny version" }).click();
    await page.waitForURL("**/forbindelsetext?klart=publicerad");
    const text = await visibleText(page);
    expect(text).toContain("Den nya versionen av förbindelsetexten är publicerad.");
    expect(text).toContain("Version 2, publicerad");
    expect(text).toContain("Jag följer de regler som gäller från 2027.");
    await page.getByText("Version 1, publicerad").click();
    await screenshot(page, "catalogue-04-new-declaration");

    await page.getByRole("link", { name: "Moment", exact: true }).click();
    await page.waitForURL("**/moment");
    await screenshot(page, "catalogue-05-moment");
    await page.getByRole("link", { name: "Godkänt prov", exact: true }).click();
    await page.waitForURL("**/personal/katalog/moment/*");
    await screenshot(page, "catalogue-06-one-moment");

    const kat1 = (await deps.db.select().from(schemes).where(eq(schemes.code, "fgas-person-i")).get())!;
    expect(kat1.priceOre).toBe(520000);
    expect(await deps.db.select().from(declarationTexts).where(eq(declarationTexts.schemeId, kat1.id))).toHaveLength(2);
    expect(suite.problems(), "console errors, CSP violations or failed loads").toEqual([]);
  });
});
