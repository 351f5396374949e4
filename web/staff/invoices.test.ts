import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCompany, insertPerson } from "../../test/applications.ts";
import { logIn, seedUser } from "../../test/fixtures.ts";
import { browserClient, startTestApp, textOf, type BrowserClient, type TestApp } from "../../test/harness.ts";
import { issueInvoiced } from "../../test/invoices.ts";
import { pdfText } from "../../test/pdf.ts";

let t: TestApp;
let reviewer: BrowserClient;
let decider: BrowserClient;
let applicant: BrowserClient;
type Issued = Awaited<ReturnType<typeof issueInvoiced>>;
let sven: Issued; // 100001, 2026-03-15, mailed
let erik: Issued; // 100002, 2026-04-02, to the company
let asa: Issued; // 100003, 2026-04-02, by post
let companyId: string;

const deps = () => t.runtime.deps;
const nbsp = (s: string) => s.replace(/\u00a0/g, " ");
const text = async (res: Response) => nbsp(textOf(await res.text()));

async function client(email: string) {
  const c = browserClient(t.app);
  await logIn(t, c, email);
  return c;
}

/** Semicolons, quotes doubled inside quoted cells, CRLF between rows: what Excel writes and reads. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ";") row.push(cell), (cell = "");
    else if (ch === "\r" && csv[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-03-15T09:00:00Z") });
  const by = await seedUser(deps(), { email: "sven@example.se", givenName: "Sven", familyName: "Svensson" });
  const greta = await seedUser(deps(), { email: "greta@certorg.example", givenName: "Greta", familyName: "Granskare", roles: ["reviewer"] });
  const dag = await seedUser(deps(), { email: "dag@certorg.example", givenName: "Dag", familyName: "Beslutare", roles: ["decider"] });
  const e = await insertPerson(deps(), { givenName: "Erik", familyName: "Eriksson" });
  const a = await insertPerson(deps(), { givenName: "Åsa", familyName: "Öberg" });
  companyId = await insertCompany(deps(), { name: "Kyl AB", employeePersonIds: [e.personId] });
  const base = { byUserId: by.userId, reviewerUserId: greta.userId };
  sven = await issueInvoiced(deps(), dag.userId, { ...base, schemeCode: "fgas-person-i", personId: by.personId, recipient: { name: "Sven Svensson", email: "sven.faktura@example.se", reference: "Order 7" } });
  t.clock!.set(new Date("2026-04-02T09:00:00Z"));
  erik = await issueInvoiced(deps(), dag.userId, { ...base, schemeCode: "fgas-person-ii", personId: e.personId, recipient: { companyId, name: "Kyl AB", email: "ekonomi@kyl.example.se" } });
  // Typed by an applicant: a separator, quotes and a formula must all come out as plain text.
  asa = await issueInvoiced(deps(), dag.userId, { ...base, schemeCode: "fgas-person-iii", personId: a.personId, recipient: { name: 'Åsa "Kyl" Öberg; Malmö', email: null, reference: "=SUMMA(A1)" } });
  // Logged in after the clock moved, so the sessions are fresh.
  [reviewer, decider, applicant] = await Promise.all([client("greta@certorg.example"), client("dag@certorg.example"), client("sven@example.se")]);
});
afterAll(() => t.close());

describe("/personal/fakturor", () => {
  it("lists every invoice for staff, newest first, and is linked from /personal", async () => {
    expect(await text(await reviewer.get("/personal"))).toContain("Fakturor");
    const res = await reviewer.get("/personal/fakturor");
    expect(res.status).toBe(200);
    const html = await res.text();
    const page = nbsp(textOf(html));
    for (const w of ["Fakturanummer", "Fakturadatum", "Förfallodatum", "Mottagare", "Certifikat nr", "Att betala", "Status", "3 träffar", "Exportera CSV"]) expect(page).toContain(w);
    expect(page).toContain(`100001 2026-03-15 2026-04-14 Sven Svensson ${sven.certificate.number} 6 000,00 kr Obetald`);
    expect(page.indexOf("100003")).toBeLessThan(page.indexOf("100002"));
    expect(page.indexOf("100002")).toBeLessThan(page.indexOf("100001"));
    expect(html).toContain(`href="/personal/fakturor/${sven.invoice.id}"`);
    for (const label of ["Status", "Från datum", "Till datum"]) expect(html).toMatch(new RegExp(`<label for="f-[a-z]+">${label}</label>`));
  });

  it("filters by status and date with a plain GET form, and says what is wrong with a bad filter", async () => {
    expect(await text(await reviewer.get("/personal/fakturor?status=paid"))).toContain("Inga fakturor matchar filtret.");
    const april = await text(await reviewer.get("/personal/fakturor?fran=2026-04-01&till=2026-04-30"));
    expect(april).toContain("2 träffar");
    expect(april).not.toContain("Sven Svensson");
    const march = await reviewer.get("/personal/fakturor?status=unpaid&till=2026-03-31");
    const marchHtml = await march.text();
    expect(nbsp(textOf(marchHtml))).toContain("1 träff");
    expect(marchHtml).toContain('href="/personal/fakturor/export.csv?status=unpaid&amp;till=2026-03-31"');
    const bad = await reviewer.get("/personal/fakturor?fran=2026-13-01&till=2026-01-01&status=borta");
    expect(bad.status).toBe(422);
    const badText = await text(bad);
    expect(badText).toContain("Skriv Från datum som ÅÅÅÅ-MM-DD");
    expect(badText).toContain("Välj en status i listan.");
    expect(await text(await reviewer.get("/personal/fakturor?fran=2026-04-02&till=2026-04-01"))).toContain("Till datum kan inte vara före Från datum.");
  });

  it("exports the same selection as CSV that Excel reads: BOM, semicolons, decimal comma, as a download", async () => {
    const res = await reviewer.get("/personal/fakturor/export.csv?fran=2026-04-01");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="fakturor-fran-2026-04-01.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.slice(3));
    expect(csv.endsWith("\r\n")).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(["Fakturanummer", "Fakturadatum", "Förfallodatum", "Mottagare", "Er referens", "Certifikat nr", "OCR-nummer", "Netto", "Moms", "Att betala", "Status"]);
    expect(rows.slice(1)).toEqual([
      ["100003", "2026-04-02", "2026-05-02", 'Åsa "Kyl" Öberg; Malmö', "'=SUMMA(A1)", String(asa.certificate.number), "1000033", "3200,00", "800,00", "4000,00", "Obetald"],
      ["100002", "2026-04-02", "2026-05-02", "Kyl AB", "", String(erik.certificate.number), "1000025", "4200,00", "1050,00", "5250,00", "Obetald"],
    ]);
    expect(csv).toContain('"Åsa ""Kyl"" Öberg; Malmö"');
    expect((await reviewer.get("/personal/fakturor/export.csv?fran=igår")).status).toBe(422);
  });

  it("shows one invoice with its lines, totals, OCR, recipient, links and PDF", async () => {
    const res = await reviewer.get(`/personal/fakturor/${sven.invoice.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const page = nbsp(textOf(html));
    for (const w of [
      "Faktura 100001",
      "Fakturanummer 100001",
      "Fakturadatum 2026-03-15",
      "Förfallodatum 2026-04-14",
      "OCR-nummer 1000017",
      `Certifikat nr ${sven.certificate.number}`,
      "Skickad med e-post till sven.faktura@example.se",
      `F-gaser - Personcertifikat kategori I, certifikat nr ${sven.certificate.number} 1 4 800,00 kr 4 800,00 kr`,
      "Netto 4 800,00 kr Moms 25 % 1 200,00 kr Att betala 6 000,00 kr",
      "Typ Alternativ fakturaadress Namn Sven Svensson Adress Betalvägen 3 211 20 Malmö Sverige",
      "Fakturareferens/Ordernr Order 7",
      "Bara beslutsfattare och administratörer kan ändra eller skicka fakturor.",
      "Faktura skickad",
      "Faktura skapad",
    ])
      expect(page).toContain(w);
    expect(html).toContain(`href="/personal/ansokningar/${sven.applicationId}"`);
    expect(html).toContain(`href="/personal/certifikat/${sven.certificate.id}"`);
    expect(html).toContain(`href="/personal/fakturor/${sven.invoice.id}/pdf"`);
    expect(page).not.toContain("Markera som betald");

    const pdf = await reviewer.get(`/personal/fakturor/${sven.invoice.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(pdf.headers.get("Content-Disposition")).toMatch(/^attachment; filename="faktura-100001.pdf"/);
    expect(pdf.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const words = await pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(words).toContain("OCR-nummer 1000017");

    expect(await text(await reviewer.get(`/personal/fakturor/${asa.invoice.id}`))).toContain("Skickas per post: mottagaren har ingen e-postadress.");
  });

  it("lets a decider mark an invoice as paid and send it again, and refuses a reviewer with 403", async () => {
    const url = `/personal/fakturor/${sven.invoice.id}`;
    const refused = await reviewer.post(`${url}/betald`, {});
    expect(refused.status).toBe(403);
    expect(await text(refused)).toContain("Bara beslutsfattare och administratörer kan ändra eller skicka fakturor.");
    expect((await reviewer.post(`${url}/skicka`, {})).status).toBe(403);

    const page = await text(await decider.get(url));
    expect(page).toContain("Markera som betald");
    expect(page).toContain("Skicka igen");
    const paid = await decider.post(`${url}/betald`, {});
    expect(paid.status).toBe(303);
    expect(paid.headers.get("Location")).toBe(`${url}?klart=betald`);
    const after = await text(await decider.get(`${url}?klart=betald`));
    expect(after).toContain("Fakturan är markerad som betald.");
    expect(after).toContain("Faktura markerad som betald Fakturamottagare: Sven Svensson Dag Beslutare");
    expect(after).not.toContain("Markera som betald Skicka igen");
    expect((await decider.post(`${url}/betald`, {})).status).toBe(409);
    expect(await text(await reviewer.get("/personal/fakturor?status=paid"))).toContain("1 träff");

    const before = t.mail.messages.length;
    const sent = await decider.post(`${url}/skicka`, {});
    expect(sent.headers.get("Location")).toBe(`${url}?klart=skickad`);
    const mail = await t.mail.waitFor((m) => m.to.includes("sven.faktura@example.se") && m.subject === "Faktura 100001 från Testcert AB" && t.mail.messages.indexOf(m) >= before);
    expect(mail.attachments.map((a) => a.filename)).toEqual(["faktura-100001.pdf"]);
  });

  it("is for staff only", async () => {
    expect((await applicant.get("/personal/fakturor")).status).toBe(403);
    expect((await applicant.get(`/personal/fakturor/${sven.invoice.id}/pdf`)).status).toBe(403);
    expect((await applicant.get("/personal/fakturor/export.csv")).status).toBe(403);
  });

  it("shows a company's invoices on its staff page, linked to the invoice page", async () => {
    const html = await (await reviewer.get(`/personal/foretag/${companyId}`)).text();
    expect(nbsp(textOf(html))).toContain(`100002 2026-04-02 2026-05-02 ${erik.certificate.number} 5 250,00 kr Obetald Ladda ned PDF`);
    expect(html).toContain(`href="/personal/fakturor/${erik.invoice.id}"`);
    expect(html).toContain(`href="/personal/fakturor/${erik.invoice.id}/pdf"`);
  });
});
