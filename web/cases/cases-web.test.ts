// Överklaganden och klagomål over HTTP, as each kind of person: who may see and do what (an
// applicant only their own appeals, a reviewer no handling, contact details only for the handler),
// the complaint form's token and rate limit, the confirm step before every mail, the CSV for the
// annual review, and the cases on the staff person and company pages.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, cases, schemes } from "../../db/schema/index.ts";
import { makePdf } from "../../lib/uploads/test-files.ts";
import { actorForUser } from "../../modules/accounts/find-user.ts";
import { appealOptions } from "../../modules/cases/index.ts";
import { updateScheme } from "../../modules/catalogue/index.ts";
import type { Actor } from "../../modules/deps.ts";
import { decideApplication } from "../../modules/review/index.ts";
import { applicationInFinalReview, insertCompany } from "../../test/applications.ts";
import { logIn, seedUser } from "../../test/fixtures.ts";
import { browserClient, startTestApp, textOf, type BrowserClient, type TestApp } from "../../test/harness.ts";

type UserActor = Actor & { userId: string; personId: string };
let t: TestApp;
const clients: Record<string, BrowserClient> = {};
const actors: Record<string, UserActor> = {};
let refusal: { applicationId: string; decisionId: string };
let companyRefusal: { applicationId: string; decisionId: string };
let companyId: string;

const deps = () => t.runtime.deps;
const later = (seconds: number) => t.clock!.set(new Date(t.clock!.now().getTime() + seconds * 1000));

async function user(key: string, email: string, extra: { givenName: string; familyName: string; roles?: ("applicant" | "reviewer" | "decider" | "admin")[] }) {
  const { userId } = await seedUser(deps(), { email, ...extra });
  clients[key] = browserClient(t.app);
  await logIn(t, clients[key]!, email);
  actors[key] = (await actorForUser(deps().db, userId)) as UserActor;
}

function form(values: Record<string, string>, files: { name: string; bytes: Uint8Array; type: string }[] = []) {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.append(k, v);
  for (const file of files) f.append("filer", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return f;
}
const postMultipart = (client: BrowserClient, path: string, body: FormData) => client.request(path, { method: "POST", body });

/** The complaint form's token as the page hands it out now. */
async function complaintToken(client: BrowserClient): Promise<string> {
  const html = await (await client.get("/lamna-klagomal")).text();
  return /name="formtoken" value="([^"]+)"/.exec(html)![1]!;
}

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-11-22T08:00:00Z") });
  await user("sven", "sven@example.se", { givenName: "Sven", familyName: "Svensson" });
  await user("olle", "olle@example.se", { givenName: "Olle", familyName: "Olsson" });
  await user("karin", "karin@example.se", { givenName: "Karin", familyName: "Lindqvist" });
  await user("kalle", "kalle@example.se", { givenName: "Kalle", familyName: "Kollega" });
  await user("greta", "greta@certorg.example", { givenName: "Greta", familyName: "Granskare", roles: ["reviewer"] });
  await user("bo", "bo@certorg.example", { givenName: "Bo", familyName: "Beslut", roles: ["decider"] });
  await user("dag", "dag@certorg.example", { givenName: "Dag", familyName: "Domare", roles: ["decider"] });
  await user("ada", "ada@certorg.example", { givenName: "Ada", familyName: "Admin", roles: ["admin"] });
  clients.anonym = browserClient(t.app);
  const a = actors;
  const refuse = async (who: { personId?: string; companyId?: string }, byUserId: string, schemeCode: string) => {
    const applicationId = await applicationInFinalReview(deps(), { schemeCode, ...who, byUserId, reviewerUserId: a.greta!.userId });
    return { applicationId, decisionId: (await decideApplication(deps(), a.bo!, { applicationId, decision: "refuse", reason: "Underlaget räcker inte." })).decisionId };
  };
  refusal = await refuse({ personId: a.sven!.personId }, a.sven!.userId, "fgas-person-i");
  companyId = await insertCompany(deps(), { name: "=Kyl & Värme AB", adminPersonIds: [a.karin!.personId, a.kalle!.personId] });
  companyRefusal = await refuse({ companyId }, a.karin!.userId, "fgas-foretag");
});
afterAll(() => t.close());

describe("Överklaga beslutet over HTTP", () => {
  let caseId: string;

  it("is offered on the process page with its deadline, and takes grounds and a file", async () => {
    const process = textOf(await (await clients.sven!.get(`/min-sida/ansokningar/${refusal.applicationId}`)).text());
    expect(process).toMatch(/Överklaga beslut .* Avslag ?, beslutat 22 november 2026\. Överklaga beslutet senast 22 januari 2027/);
    const res = await postMultipart(clients.sven!, `/min-sida/overklaga/beslut/${refusal.decisionId}`, form({ grunder: "Underlaget räcker: se bilagan." }, [{ name: "bilaga.pdf", bytes: makePdf(), type: "application/pdf" }]));
    expect(res.status).toBe(303);
    caseId = /\/min-sida\/arenden\/([^?]+)\?klart=mottaget$/.exec(res.headers.get("Location")!)![1]!;
    const page = textOf(await (await clients.sven!.get(`/min-sida/arenden/${caseId}`)).text());
    expect(page).toMatch(/Status Mottagen Överklagat beslut Avslag, 22 november 2026/);
    const file = /href="(\/min-sida\/arenden\/[^"]+\/filer\/[^"]+)"/.exec(await (await clients.sven!.get(`/min-sida/arenden/${caseId}`)).text())![1]!;
    const download = await clients.sven!.get(file);
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Disposition")).toMatch(/^attachment/);
  });

  it("is nobody else's: another applicant gets 404 for the form, the case and its file; staff use /personal", async () => {
    const html = await (await clients.sven!.get(`/min-sida/arenden/${caseId}`)).text();
    const file = /href="(\/min-sida\/arenden\/[^"]+\/filer\/[^"]+)"/.exec(html)![1]!;
    for (const who of ["olle", "dag"]) {
      expect((await clients[who]!.get(`/min-sida/overklaga/beslut/${refusal.decisionId}`)).status, who).toBe(404);
      expect((await postMultipart(clients[who]!, `/min-sida/overklaga/beslut/${refusal.decisionId}`, form({ grunder: "x" }))).status, who).toBe(404);
      expect((await clients[who]!.get(`/min-sida/arenden/${caseId}`)).status, who).toBe(404);
      expect((await clients[who]!.get(file)).status, who).toBe(who === "dag" ? 200 : 404);
    }
    expect((await clients.anonym!.get(`/min-sida/arenden/${caseId}`)).status).toBe(303);
    // Staff read the file from the case's staff page.
    expect((await clients.greta!.get(file.replace("/min-sida/", "/personal/"))).status).toBe(200);
  });

  it("refuses a second appeal and a file too large, with the form and a Swedish message", async () => {
    const again = await postMultipart(clients.sven!, `/min-sida/overklaga/beslut/${refusal.decisionId}`, form({ grunder: "Igen." }));
    expect(again.status).toBe(409);
    expect(textOf(await again.text())).toContain("Beslutet är redan överklagat (ärende");
    const big = new Uint8Array(22 * 1024 * 1024);
    const tooLarge = await postMultipart(clients.karin!, `/min-sida/overklaga/beslut/${companyRefusal.decisionId}`, form({ grunder: "Stort." }, [{ name: "stor.pdf", bytes: big, type: "application/pdf" }]));
    expect(tooLarge.status).toBe(413);
    expect((await deps().db.select().from(cases).where(eq(cases.applicationId, companyRefusal.applicationId))).length).toBe(0);
  });

  it("lets any admin of the company appeal its refusal and follow it, and counts the scheme's appeal period", async () => {
    const res = await postMultipart(clients.karin!, `/min-sida/overklaga/beslut/${companyRefusal.decisionId}`, form({ grunder: "Vi har en certifierad tekniker." }));
    expect(res.status).toBe(303);
    const url = res.headers.get("Location")!.replace(/\?.*$/, "");
    expect((await clients.kalle!.get(url)).status).toBe(200);
    expect((await clients.sven!.get(url)).status).toBe(404);
    // One month's appeal period for the scheme: Sven's refusal (already appealed) still shows its case.
    const scheme = (await deps().db.select().from(schemes).where(eq(schemes.code, "fgas-person-ii")).get())!;
    await updateScheme(deps(), actors.ada!, { schemeId: scheme.id, areaId: scheme.areaId, name: scheme.name, scope: scheme.scope, subject: scheme.subject, kind: scheme.kind, validityYears: scheme.validityYears, validUntilFromEvidence: scheme.validUntilFromEvidence, annualExtension: scheme.annualExtension, recertificationYears: scheme.recertificationYears, priceSek: scheme.priceOre / 100, invoiced: scheme.invoiced, fourEyes: scheme.fourEyes, category: scheme.category, activeFrom: scheme.activeFrom, activeTo: scheme.activeTo, appealMonths: 1 });
    const applicationId = await applicationInFinalReview(deps(), { schemeCode: "fgas-person-ii", personId: actors.olle!.personId, byUserId: actors.olle!.userId, reviewerUserId: actors.greta!.userId });
    await decideApplication(deps(), actors.bo!, { applicationId, decision: "refuse", reason: "Nej." });
    expect((await appealOptions(deps().db, { applicationId }, "2026-11-22"))[0]!.verdict).toEqual({ ok: true, deadline: "2026-12-22" });
    expect(textOf(await (await clients.ada!.get(`/personal/katalog/certifikat/${scheme.id}`)).text())).toContain("Överklagandetid");
  });
});

describe("handling over HTTP", () => {
  let caseId: string;
  let page: string;
  beforeAll(async () => {
    caseId = (await deps().db.select().from(cases).where(eq(cases.applicationId, refusal.applicationId)).get())!.id;
    page = `/personal/arenden/${caseId}`;
  });

  it("shows the queue card and list to staff, and the case to a reviewer without any step", async () => {
    const overview = textOf(await (await clients.greta!.get("/personal")).text());
    expect(overview).toMatch(/Överklaganden och klagomål 2 ärenden väntar på handläggning\. Äldsta har väntat 0 dagar/);
    const list = textOf(await (await clients.greta!.get("/personal/arenden")).text());
    expect(list).toContain("Att handlägga");
    const asReviewer = textOf(await (await clients.greta!.get(page)).text());
    expect(asReviewer).toContain("Du har inte behörighet att handlägga överklaganden och klagomål.");
    const post = await clients.greta!.post(`${page}/utred`, { motivering: "x" });
    expect(post.status).toBe(403);
  });

  it("answers the first post of a step with the mail, does it on the second, and keeps the order of steps", async () => {
    expect((await clients.dag!.post(`${page}/avgor`, { utfall: "granted", motivering: "Ja." })).status).toBe(409);
    const empty = await clients.dag!.post(`${page}/utred`, { motivering: " " });
    expect(empty.status).toBe(422);
    expect(textOf(await empty.text())).toContain("Skriv ett besked till den som lämnade in ärendet");
    const confirm = await clients.dag!.post(`${page}/utred`, { motivering: "Vi utreder." });
    expect(confirm.status).toBe(200);
    const text = textOf(await confirm.text());
    expect(text).toContain("Sven Svensson (sven@example.se) får det här mejlet: Ämne: Ditt överklagande utreds");
    expect((await deps().db.select().from(cases).where(eq(cases.id, caseId)).get())!.status).toBe("received");
    const done = await clients.dag!.post(`${page}/utred`, { motivering: "Vi utreder.", bekraftat: "ja" });
    expect(done.status).toBe(303);
    expect((await deps().db.select().from(cases).where(eq(cases.id, caseId)).get())!.status).toBe("investigating");
    // A Moment that is not the application's, an outcome that is no outcome.
    const bad = await clients.dag!.post(`${page}/avgor`, { utfall: "kanske", motivering: "x" });
    expect(bad.status).toBe(422);
    expect(textOf(await bad.text())).toContain("Välj hur ärendet avgörs: Bifallen, Delvis bifallen eller Avslagen.");
    const decided = await clients.dag!.post(`${page}/avgor`, { utfall: "rejected", motivering: "Underlaget räcker inte.", bekraftat: "ja" });
    expect(decided.status).toBe(303);
    expect((await deps().db.select().from(applications).where(eq(applications.id, refusal.applicationId)).get())!.status).toBe("refused");
  });

  it("exports a year's cases as CSV with the median handling time, formula-safe", async () => {
    const res = await clients.greta!.get("/personal/arenden/export.csv?ar=2026");
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString("utf8");
    expect(csv.startsWith("Ärende;Typ;Överklagat beslut;Mottaget;Status;Utfall;Avslutat;Handläggningstid (dagar)")).toBe(true);
    expect(csv).toMatch(/\r\n\d+;Överklagande;Avslag;2026-11-22;Avgjord;Avslagen;2026-11-22;0;Dag Domare;Sven Svensson;;F-gaser - Personcertifikat kategori I\r\n/);
    expect(csv).toContain(";'=Kyl & Värme AB;");
    expect(csv).toMatch(/Median handläggningstid \(dagar\);0\r\n$/);
    expect((await clients.greta!.get("/personal/arenden?ar=abc")).status).toBe(422);
  });

  it("lists the cases on the person's and the company's staff pages", async () => {
    expect(textOf(await (await clients.greta!.get(`/personal/personer/${actors.sven!.personId}`)).text())).toMatch(/Överklaganden och klagomål .*Ärende \d+ Överklagande/);
    expect(textOf(await (await clients.greta!.get(`/personal/foretag/${companyId}`)).text())).toMatch(/Överklaganden och klagomål .*Ärende \d+ Överklagande/);
  });
});

describe("Lämna klagomål over HTTP", () => {
  it("is linked from the footer and /c/{number}, and brings the number along", async () => {
    const start = await (await clients.anonym!.get("/")).text();
    expect(start).toContain('href="/lamna-klagomal"');
    const html = await (await clients.anonym!.get("/lamna-klagomal?certifikat=10001")).text();
    expect(html).toMatch(/name="certifikat"[^>]*value="10001"/);
    expect(await (await clients.anonym!.get("/lamna-klagomal?certifikat=%3Cscript%3E")).text()).not.toContain("<script>");
  });

  it("refuses a post at once, a made-up token and a stale one, keeping what was written", async () => {
    const token = await complaintToken(clients.anonym!);
    const fast = await postMultipart(clients.anonym!, "/lamna-klagomal", form({ formtoken: token, beskrivning: "Läckage." }));
    expect(fast.status).toBe(422);
    const fastText = textOf(await fast.text());
    expect(fastText).toContain("Formuläret skickades bara några sekunder efter att sidan öppnades");
    const forged = await postMultipart(clients.anonym!, "/lamna-klagomal", form({ formtoken: `${t.clock!.now().getTime() - 60_000}.${"A".repeat(43)}`, beskrivning: "Läckage." }));
    expect(forged.status).toBe(422);
    expect(await forged.text()).toContain(">Läckage.</textarea>");
    later(25 * 3600);
    const stale = await postMultipart(clients.anonym!, "/lamna-klagomal", form({ formtoken: token, beskrivning: "Läckage." }));
    expect(textOf(await stale.text())).toContain("Formuläret var för gammalt");
    expect((await deps().db.select().from(cases).where(eq(cases.kind, "complaint"))).length).toBe(0);
  });

  it("takes a complaint a few seconds after the form was shown, and confirms it", async () => {
    const token = await complaintToken(clients.anonym!);
    later(10);
    const res = await postMultipart(clients.anonym!, "/lamna-klagomal", form({ formtoken: token, beskrivning: "Fel utfört arbete.", epost: "kund@example.org" }));
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toMatch(/^\/lamna-klagomal\/tack\?nummer=\d+&mejl=1$/);
    expect(textOf(await (await clients.anonym!.get(res.headers.get("Location")!)).text())).toMatch(/Klagomålet är mottaget\. Ärendenummer: \d+ ?\. Vi har skickat en bekräftelse/);
    // Its contact details: for who may handle it, not for a reviewer.
    const complaint = (await deps().db.select().from(cases).where(eq(cases.kind, "complaint")).get())!;
    for (const who of ["greta", "dag"]) await logIn(t, clients[who]!, `${who}@certorg.example`);
    expect(textOf(await (await clients.greta!.get(`/personal/arenden/${complaint.id}`)).text())).not.toContain("kund@example.org");
    expect(textOf(await (await clients.dag!.get(`/personal/arenden/${complaint.id}`)).text())).toContain("kund@example.org");
  });

  it("limits posts per address: the eleventh within the hour gets 429 with a Swedish message", async () => {
    later(25 * 3600);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const token = await complaintToken(clients.anonym!);
      later(5);
      const res = await postMultipart(clients.anonym!, "/lamna-klagomal", form({ formtoken: token, beskrivning: "" }));
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers.get("Retry-After")).toMatch(/^\d+$/);
        expect(textOf(await res.text())).toContain("Det har kommit många klagomål från din adress på kort tid.");
      } else await res.arrayBuffer();
    }
    expect(statuses).toEqual([...Array(10).fill(422), 429]);
  });
});
