import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCompany } from "../../test/applications.ts";
import { logIn, seedUser } from "../../test/fixtures.ts";
import { browserClient, startTestApp, textOf, type BrowserClient, type TestApp } from "../../test/harness.ts";
import { issueInvoiced } from "../../test/invoices.ts";
import { pdfText } from "../../test/pdf.ts";

let t: TestApp;
let sven: BrowserClient; // applicant, pays himself
let erik: BrowserClient; // applicant, his employer pays
let karin: BrowserClient; // admin of Erik's employer
let olle: BrowserClient; // nobody's invoice
let companyId: string;
type Issued = Awaited<ReturnType<typeof issueInvoiced>>;
let svens: Issued;
let eriks: Issued;

const deps = () => t.runtime.deps;
const text = async (res: Response) => textOf(await res.text()).replace(/\u00a0/g, " ");

async function client(email: string) {
  const c = browserClient(t.app);
  await logIn(t, c, email);
  return c;
}

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-03-15T09:00:00Z") });
  const s = await seedUser(deps(), { email: "sven@example.se", givenName: "Sven", familyName: "Svensson" });
  const e = await seedUser(deps(), { email: "erik@example.se", givenName: "Erik", familyName: "Eriksson" });
  const k = await seedUser(deps(), { email: "karin@example.se", givenName: "Karin", familyName: "Karlsson" });
  await seedUser(deps(), { email: "olle@example.se", givenName: "Olle", familyName: "Olsson" });
  const greta = await seedUser(deps(), { email: "greta@certorg.example", roles: ["reviewer"] });
  const dag = await seedUser(deps(), { email: "dag@certorg.example", roles: ["decider"] });
  companyId = await insertCompany(deps(), { name: "Kyl AB", adminPersonIds: [k.personId], employeePersonIds: [e.personId] });
  const base = { reviewerUserId: greta.userId };
  svens = await issueInvoiced(deps(), dag.userId, { ...base, byUserId: s.userId, schemeCode: "fgas-person-i", personId: s.personId, recipient: { name: "Sven Svensson", email: "sven@example.se" } });
  eriks = await issueInvoiced(deps(), dag.userId, { ...base, byUserId: e.userId, schemeCode: "fgas-person-ii", personId: e.personId, recipient: { companyId, name: "Kyl AB", email: "ekonomi@kyl.example.se" } });
  [sven, erik, karin, olle] = await Promise.all(["sven", "erik", "karin", "olle"].map((n) => client(`${n}@example.se`)));
});
afterAll(() => t.close());

describe("Min Sida → Fakturor", () => {
  it("shows the applicant's own invoices in a tab, with the PDF", async () => {
    const res = await sven.get("/min-sida/fakturor");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<a href="/min-sida/fakturor" aria-current="page">Fakturor</a>');
    const page = textOf(html).replace(/\u00a0/g, " ");
    for (const w of ["Fakturanummer", "Fakturadatum", "Förfallodatum", "Att betala", "Status", "PDF", "1 träff"]) expect(page).toContain(w);
    expect(page).toContain(`100001 2026-03-15 2026-04-14 ${svens.certificate.number} 6 000,00 kr Obetald Ladda ned PDF`);
    expect(page).not.toContain("100002");
    expect(html).toContain(`href="/min-sida/fakturor/${svens.invoice.id}/pdf"`);

    const pdf = await sven.get(`/min-sida/fakturor/${svens.invoice.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(pdf.headers.get("Content-Disposition")).toMatch(/^attachment; filename="faktura-100001.pdf"/);
    expect(pdf.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(await pdfText(Buffer.from(await pdf.arrayBuffer()))).toContain("OCR-nummer 1000017");

    // The tab is there on every Min Sida page.
    expect(await (await sven.get("/min-sida")).text()).toContain('<a href="/min-sida/fakturor">Fakturor</a>');
    expect(await text(await olle.get("/min-sida/fakturor"))).toContain("Du har inga fakturor.");
  });

  it("shows an employee the invoice the employer pays, and nobody else gets the PDF", async () => {
    expect(await text(await erik.get("/min-sida/fakturor"))).toContain("100002");
    expect((await erik.get(`/min-sida/fakturor/${eriks.invoice.id}/pdf`)).status).toBe(200);
    for (const [who, id] of [
      [olle, svens.invoice.id],
      [erik, svens.invoice.id],
      [karin, svens.invoice.id],
      [sven, eriks.invoice.id],
      [sven, "finns-inte"],
    ] as const) {
      expect((await who.get(`/min-sida/fakturor/${id}/pdf`)).status).toBe(404);
    }
  });

  it("shows the company's admin the invoices the company pays on the company page, with the PDF", async () => {
    const res = await karin.get(`/min-sida/foretag/${companyId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const page = textOf(html).replace(/\u00a0/g, " ");
    expect(page).toContain("Fakturor");
    expect(page).toContain(`100002 2026-03-15 2026-04-14 ${eriks.certificate.number} 5 250,00 kr Obetald Ladda ned PDF`);
    expect(page).not.toContain("100001");
    expect(html).toContain(`href="/min-sida/fakturor/${eriks.invoice.id}/pdf"`);
    const pdf = await karin.get(`/min-sida/fakturor/${eriks.invoice.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(await pdfText(Buffer.from(await pdf.arrayBuffer()))).toContain("Kyl AB");
    // Her own Min Sida lists only her own applications' invoices.
    expect(await text(await karin.get("/min-sida/fakturor"))).toContain("Du har inga fakturor.");
  });
});
