// The one table component in a real browser: searching, sorting and grouping the Händelselogg
// refresh that table only (htmx fetches the page and morphs the table in), keep focus and what
// was typed, and put the choice in the address so Back and a shared link show the same.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { recordEvent } from "../../modules/audit/index.ts";
import { browserSuite, logInAs, screenshot, type Session } from "../browser.ts";
import { GOOD_PASSWORD, seedUser } from "../fixtures.ts";

const suite = browserSuite();
let session: Session | undefined;

async function open(): Promise<Page> {
  session = await suite.open();
  return session.page;
}

describe("The table component in a browser", () => {
  it("searches, sorts and groups the Händelselogg in place", async () => {
    const { deps } = suite.site.runtime;
    const { personId, userId } = await seedUser(deps, { email: "tove@example.se", givenName: "Tove", familyName: "Tabell" });
    const admin = { userId: null, personId: null, name: "Adam Admin", roles: [] };
    const at = deps.clock.now();
    await recordEvent(deps.db, admin, new Date(at.getTime() - 3 * 60_000), { action: "employment.confirmed", subjectType: "employment", subjectId: "e1", personId, details: { company: "Åkeri AB" } });
    await recordEvent(deps.db, { userId, personId, name: "Tove Tabell", roles: [] }, new Date(at.getTime() - 2 * 60_000), { action: "employment.requested", subjectType: "employment", subjectId: "e2", personId, details: { company: "Zeta AB" } });

    const page = await open();
    await logInAs(suite.site, page, "tove@example.se", GOOD_PASSWORD);
    await page.goto("/min-sida/handelselogg");
    const table = page.locator("#logg-tabell");
    const hits = table.locator(".hits");
    await expect.poll(() => hits.textContent()).toMatch(/^\d+ träffar$/);
    // A full page load would lose this.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    const stayed = () => page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed === true);

    const search = page.getByLabel("Sök i Händelselogg");
    await search.pressSequentially("ÅKERI", { delay: 20 });
    await expect.poll(() => hits.textContent()).toBe("1 träff");
    expect(await table.locator("tbody").innerText()).toContain("Företag: Åkeri AB");
    expect(new URL(page.url()).searchParams.get("logg_q")).toBe("ÅKERI");
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await search.inputValue()).toBe("ÅKERI");
    expect(await stayed()).toBe(true);

    await search.fill("");
    await expect.poll(() => hits.textContent()).not.toBe("1 träff");

    // Tid is the default order, newest first: its header sorts oldest first.
    const tid = table.locator("th", { hasText: "Tid" });
    expect(await tid.getAttribute("aria-sort")).toBe("descending");
    await tid.getByRole("link").click();
    await expect.poll(() => tid.getAttribute("aria-sort")).toBe("ascending");
    expect(await table.locator("tbody tr").first().innerText()).toContain("Anställning bekräftad");
    expect(new URL(page.url()).searchParams.get("logg_sort")).toBe("tid");
    expect(await stayed()).toBe(true);

    await page.getByLabel("Gruppera på i Händelselogg").selectOption("utford-av");
    await expect.poll(() => table.locator("tr.group").allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^Adam Admin \(1 träff\)$/), expect.stringMatching(/^Tove Tabell \(\d+ träffar\)$/)]));
    const url = new URL(page.url());
    expect(url.searchParams.get("logg_group")).toBe("utford-av");
    expect(url.searchParams.get("logg_sort")).toBe("tid");
    expect(await stayed()).toBe(true);

    // The address alone shows the same table.
    await page.goto(url.pathname + url.search);
    expect(await page.locator("#logg-tabell tr.group").count()).toBe(2);
    await screenshot(page, "handelselogg-grupperad");
    expect(session!.problems, "console errors, CSP violations or failed loads").toEqual([]);
  });
});
