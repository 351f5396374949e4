// "Utgående e-post" in a real browser: an admin follows the link from /personal to the failed
// mail (refused by the SMTP sink with a 550), presses Skicka igen with the keyboard and sees it
// go. Screenshots land in test-results/e2e/ for a person to look at.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mailOutbox } from "../../db/schema/index.ts";
import { MAX_ATTEMPTS, queueMail } from "../../modules/outbox/index.ts";
import { browserSuite, logInAs, screenshot, visibleText } from "../browser.ts";
import { GOOD_PASSWORD, seedUser } from "../fixtures.ts";

const suite = browserSuite({ now: new Date("2026-11-22T09:00:00Z") });

describe("Utgående e-post", () => {
  it("shows failed mail with its error and sends it again", async () => {
    const site = suite.site;
    const deps = site.runtime.deps;
    await seedUser(deps, { email: "ada@certorg.example", givenName: "Ada", familyName: "Admin", roles: ["admin"] });

    site.mail.rejectWith("5.7.1 Relaying denied for <recipient>");
    await queueMail(deps, "certificate.issued", { to: "sven@example.se", subject: "Certifikat nr 10001 är utfärdat", text: "x", html: "x" });
    await queueMail(deps, "secret.password_reset", { to: "olle@example.se", subject: "Välj nytt lösenord", text: "https://x/aterstall?token=hemligt", html: "x" });
    for (let i = 0; i < 4 * MAX_ATTEMPTS; i++) {
      await deps.mailQueue.drain();
      if (!(await deps.db.select().from(mailOutbox).where(eq(mailOutbox.status, "pending"))).length) break;
      site.clock!.advance(7 * 3_600_000);
    }
    site.mail.rejectWith(null);
    await queueMail(deps, "invoice", { to: "ekonomi@example.se", subject: "Faktura 100001", text: "x", html: "x" });
    await deps.mailQueue.drain();

    const { page } = await suite.open();
    await logInAs(site, page, "ada@certorg.example", GOOD_PASSWORD);
    await page.goto("/personal");
    expect(await visibleText(page)).toContain("Utgående e-post (2 misslyckade)");
    await screenshot(page, "utgaende-e-post-lank-fran-personal");
    await page.getByRole("link", { name: "Utgående e-post" }).click();
    await page.waitForURL("**/personal/utgaende-e-post?visa=misslyckade");
    const text = await visibleText(page);
    for (const w of ["Misslyckade (2)", "Certifikat utfärdat", "Länk för att välja nytt lösenord", "Visas inte", "Relaying denied for <recipient>", "Misslyckades"]) expect(text).toContain(w);
    expect(text).not.toContain("hemligt");
    await screenshot(page, "utgaende-e-post-misslyckade");

    // Keyboard: the first Skicka igen takes focus visibly and is pressed with Enter.
    const retry = page.getByRole("button", { name: "Skicka igen: Certifikat utfärdat till sven@example.se" });
    await retry.focus();
    const outline = await retry.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe("none");
    await screenshot(page, "utgaende-e-post-fokus");
    await page.keyboard.press("Enter");
    await page.waitForURL("**klart=skickas-igen");
    await site.mail.waitFor((m) => m.subject === "Certifikat nr 10001 är utfärdat");
    await page.reload();
    expect(await visibleText(page)).toContain("Misslyckade (1)");
    await screenshot(page, "utgaende-e-post-skickad-igen");

    await page.getByRole("link", { name: /Skickade senaste dygnet/ }).click();
    await page.waitForURL("**visa=skickade");
    const sent = await visibleText(page);
    expect(sent).toContain("Certifikat nr 10001 är utfärdat");
    expect(sent).toContain("Faktura 100001");
    await screenshot(page, "utgaende-e-post-skickade");
    expect(suite.problems()).toEqual([]);
  });
});
