// Invoices in a real browser: staff filter the list, open an invoice and mark it as paid, with
// and without JavaScript. Screenshots land in test-results/e2e/ for a person to look at.
import { AxeBuilder } from "@axe-core/playwright";
import { describe, expect, it } from "vitest";
import { insertCompany, insertPerson } from "../applications.ts";
import { browserSuite, logInAs, screenshot, visibleText } from "../browser.ts";
import { GOOD_PASSWORD, seedUser } from "../fixtures.ts";
import { issueInvoiced } from "../invoices.ts";

const suite = browserSuite({ now: new Date("2026-04-02T09:00:00Z") });

describe("invoices for staff", () => {
  it("filters the list, opens an invoice and marks it as paid", async () => {
    const deps = suite.site.runtime.deps;
    const sven = await seedUser(deps, { email: "sven@example.se", givenName: "Sven", familyName: "Svensson" });
    const greta = await seedUser(deps, { email: "greta@certorg.example", givenName: "Greta", familyName: "Granskare", roles: ["reviewer"] });
    const dag = await seedUser(deps, { email: "dag@certorg.example", givenName: "Dag", familyName: "Beslutare", roles: ["decider"] });
    const erik = await insertPerson(deps, { givenName: "Erik", familyName: "Eriksson" });
    const asa = await insertPerson(deps, { givenName: "Åsa", familyName: "Öberg" });
    const companyId = await insertCompany(deps, { name: "Kyl & Värme i Norr AB", employeePersonIds: [erik.personId] });
    const base = { byUserId: sven.userId, reviewerUserId: greta.userId };
    const first = await issueInvoiced(deps, dag.userId, { ...base, schemeCode: "fgas-person-i", personId: sven.personId, recipient: { name: "Sven Svensson", email: "sven@example.se", reference: "Order 7" } });
    await issueInvoiced(deps, dag.userId, { ...base, schemeCode: "fgas-person-ii", personId: erik.personId, recipient: { companyId, name: "Kyl & Värme i Norr AB", email: "ekonomi@kyl.example.se" } });
    await issueInvoiced(deps, dag.userId, { ...base, schemeCode: "fgas-utbildningsintyg-mac", personId: asa.personId, recipient: { name: "Åsa Öberg", email: null } });

    const session = await suite.open();
    const page = session.page;
    await logInAs(suite.site, page, "dag@certorg.example", GOOD_PASSWORD);
    await page.goto("/personal");
    await page.getByRole("link", { name: "Fakturor" }).click();
    await page.waitForURL("**/personal/fakturor");
    expect(await visibleText(page)).toContain("3 träffar");
    await screenshot(page, "fakturor-lista");

    await page.getByLabel("Status").selectOption({ label: "Obetald" });
    await page.getByLabel("Från datum").fill("2026-04-02");
    await page.getByRole("button", { name: "Filtrera" }).click();
    await page.waitForURL("**/personal/fakturor?status=unpaid&fran=2026-04-02&till=");
    expect(await visibleText(page)).toContain("3 träffar");
    const csvHref = await page.getByRole("link", { name: "Exportera CSV" }).getAttribute("href");
    expect(csvHref).toBe("/personal/fakturor/export.csv?status=unpaid&fran=2026-04-02");
    await screenshot(page, "fakturor-filtrerad");

    await page.getByRole("link", { name: String(first.invoice.number), exact: true }).click();
    await page.waitForURL(`**/personal/fakturor/${first.invoice.id}`);
    const text = await visibleText(page);
    for (const w of ["Faktura 100001", "OCR-nummer", "1000017", "Skickad med e-post till sven@example.se", "Markera som betald", "Skicka igen"]) expect(text).toContain(w);
    await page.getByRole("button", { name: "Markera som betald" }).click();
    await page.waitForURL("**?klart=betald");
    expect(await visibleText(page)).toContain("Fakturan är markerad som betald.");
    await screenshot(page, "faktura-betald");

    // Sven finds it on Min Sida, paid, with its PDF.
    const own = (await suite.open()).page;
    await logInAs(suite.site, own, "sven@example.se", GOOD_PASSWORD);
    await own.goto("/min-sida");
    await own.getByRole("link", { name: "Fakturor", exact: true }).click();
    await own.waitForURL("**/min-sida/fakturor");
    expect(await visibleText(own)).toContain("Betald");
    const download = own.waitForEvent("download");
    await own.getByRole("link", { name: "Ladda ned PDF: faktura 100001" }).click();
    expect((await download).suggestedFilename()).toBe("faktura-100001.pdf");
    // The link's name starts with what it shows (issue 16: it was "Ladda ned faktura … som PDF").
    const names = await new AxeBuilder({ page: own }).withRules(["label-content-name-mismatch", "link-in-text-block"]).analyze();
    expect(names.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await screenshot(own, "min-sida-fakturor");
    expect(suite.problems()).toEqual([]);
  });
});
