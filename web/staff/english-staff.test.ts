// The staff area in English (docs/decisions/022, issue 16): a staff member whose account chose
// English reads /personal, an application's review and decision, a certificate's actions, the
// cases and the centres' administration in English, refusals included; a colleague who never
// chose reads the same pages with their Swedish labels, exactly as before.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationRequirements, users } from "../../db/schema/index.ts";
import { inLanguage } from "../../lib/i18n/index.ts";
import { actorForUser } from "../../modules/accounts/find-user.ts";
import { submitComplaint } from "../../modules/cases/index.ts";
import type { Actor } from "../../modules/deps.ts";
import { createCentre } from "../../modules/examinations/index.ts";
import { listExaminableSchemes } from "../../modules/catalogue/index.ts";
import { decideApplication } from "../../modules/review/index.ts";
import { applicationInFinalReview } from "../../test/applications.ts";
import { logIn, seedUser } from "../../test/fixtures.ts";
import { browserClient, startTestApp, textOf, type BrowserClient, type TestApp } from "../../test/harness.ts";

type Role = "reviewer" | "decider" | "admin";
type Who = { client: BrowserClient; userId: string; personId: string; actor: Actor & { userId: string; personId: string } };

let t: TestApp;
let english: Who; // decider and admin, chose English
let swedish: Who; // decider and admin, never chose
let reviewer: Who;
let applicant: Who;

const deps = () => t.runtime.deps;
const langOf = (html: string) => /<html lang="(\w+)">/.exec(html)?.[1];

async function staff(email: string, roles: Role[], language: "en" | null, names = { givenName: "Stina", familyName: "Staff" }): Promise<Who> {
  const { userId, personId } = await seedUser(deps(), { email, roles, ...names });
  if (language) await deps().db.update(users).set({ language }).where(eq(users.id, userId));
  const client = browserClient(t.app);
  await logIn(t, client, email);
  return { client, userId, personId, actor: (await actorForUser(deps().db, userId)) as Who["actor"] };
}

async function page(who: Who, path: string) {
  const res = await who.client.get(path);
  const html = await res.text();
  return { status: res.status, lang: langOf(html), text: textOf(html), html };
}

async function post(who: Who, path: string, form: Record<string, string>) {
  const res = await who.client.post(path, form);
  const html = await res.text();
  return { status: res.status, lang: langOf(html), text: textOf(html) };
}

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-11-22T09:00:00Z") });
  english = await staff("eve@certorg.example", ["decider", "admin"], "en", { givenName: "Eve", familyName: "English" });
  swedish = await staff("siv@certorg.example", ["decider", "admin"], null, { givenName: "Siv", familyName: "Svensk" });
  reviewer = await staff("greta@certorg.example", ["reviewer"], null, { givenName: "Greta", familyName: "Granskare" });
  applicant = await staff("sven@example.se", [], null, { givenName: "Sven", familyName: "Sökande" });
});
afterAll(() => t.close());

describe("a staff member who chose English", () => {
  it("reads /personal in English; a colleague who never chose reads it in Swedish", async () => {
    const en = await page(english, "/personal");
    expect(en.lang).toBe("en");
    for (const words of ["Work queues", "Requirements to review", "Applications for decision", "Company registrations", "Appeals and complaints", "Find a person", "Catalogue", "Outgoing e-mail", "Logged in as"]) expect(en.text).toContain(words);
    expect(en.text).not.toContain("Arbetsköer");
    const sv = await page(swedish, "/personal");
    expect(sv.lang).toBe("sv");
    for (const words of ["Arbetsköer", "Moment att granska", "Ansökningar för beslut", "Företagsregistreringar", "Överklaganden och klagomål", "Sök person", "Katalog", "Utgående e-post", "Inloggad som"]) expect(sv.text).toContain(words);
    expect((await page(english, "/personal/ansokningar")).text).toContain("Applications whose applicant has done every step");
    expect((await page(english, "/personal/utgaende-e-post")).text).toContain("Sent in the last day");
  });

  it("reviews and decides an application in English: the checklist, the three decisions, a refusal's message and its confirm page", async () => {
    const id = await applicationInFinalReview(deps(), { schemeCode: "fgas-person-ii", personId: applicant.personId, byUserId: applicant.userId, reviewerUserId: reviewer.userId });
    const en = await page(english, `/personal/ansokningar/${id}`);
    expect(en.status).toBe(200);
    for (const words of ["Final review", "All requirements approved", "Grant and issue", "Return for completion", "What is to be completed?", "Refuse", "Information", "Started"]) expect(en.text).toContain(words);
    const sv = await page(swedish, `/personal/ansokningar/${id}`);
    for (const words of ["Sista granskning", "Alla moment godkända", "Bevilja och utfärda", "Returnera för komplettering", "Vad ska kompletteras?", "Avslå", "Påbörjad"]) expect(sv.text).toContain(words);
    expect(sv.html).toMatch(/Motivering<span class="required" aria-hidden="true"> \*<\/span>/);
    // The table of the application's requirements: one per row, so its column is "Requirement".
    const headings = (html: string) => [...html.matchAll(/<th scope="col"[^>]*>([\s\S]*?)<\/th>/g)].map((m) => textOf(m[1]!).replace(/\s*\(.*$/, ""));
    expect(headings(en.html)).toContain("Requirement");
    expect(headings(sv.html)).toContain("Moment");

    const noReason = await post(english, `/personal/ansokningar/${id}/beslut`, { beslut: "avsla", motivering: " " });
    expect(noReason.status).toBe(422);
    expect(noReason.text).toContain("Write why the application is refused. The reason is sent to the applicant.");
    expect((await post(swedish, `/personal/ansokningar/${id}/beslut`, { beslut: "avsla", motivering: " " })).text).toContain("Skriv varför ansökan avslås.");
    expect((await post(english, `/personal/ansokningar/${id}/beslut`, { beslut: "returnera", motivering: "x" })).text).toContain("Choose at least one requirement to be completed.");
    expect((await post(english, `/personal/ansokningar/${id}/beslut`, {})).text).toContain("Choose a decision.");

    const confirm = await post(english, `/personal/ansokningar/${id}/beslut`, { beslut: "avsla", motivering: "Intyget saknar underskrift." });
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain("Refuse the application?");
    expect(confirm.text).toContain("will get an e-mail with the reason: ”Intyget saknar underskrift.”");
    expect((await post(swedish, `/personal/ansokningar/${id}/beslut`, { beslut: "avsla", motivering: "Intyget saknar underskrift." })).text).toContain("Avslå ansökan?");

    const [moment] = await deps().db.select().from(applicationRequirements).where(eq(applicationRequirements.applicationId, id)).all();
    const review = await page(english, `/personal/ansokningar/${id}/moment/${moment!.id}`);
    expect(review.text).toContain("Review:");
    expect(review.text).toContain("Uploaded file");
    const noVerdict = await post(english, `/personal/ansokningar/${id}/moment/${moment!.id}`, { kommentar: "" });
    expect(noVerdict.status).toBe(422);
    expect(noVerdict.text).toContain("Choose Approve or Not approved.");
    expect((await post(swedish, `/personal/ansokningar/${id}/moment/${moment!.id}`, { kommentar: "" })).text).toContain("Välj Godkänn eller Ej godkänt.");
  });

  it("suspends and withdraws a certificate in English, and is asked to confirm Withdraw", async () => {
    const holder = await staff("hanna@example.se", [], null, { givenName: "Hanna", familyName: "Innehavare" });
    const id = await applicationInFinalReview(deps(), { schemeCode: "fgas-person-ii", personId: holder.personId, byUserId: holder.userId, reviewerUserId: reviewer.userId });
    const { certificate } = await inLanguage("sv", () => decideApplication(deps(), swedish.actor, { applicationId: id, decision: "grant" }));
    const url = `/personal/certifikat/${certificate!.id}`;
    const en = await page(english, url);
    for (const words of ["Decisions on the certificate", "Suspend", "Withdraw", "Suspended up to and including", "Status history"]) expect(en.text).toContain(words);
    const sv = await page(swedish, url);
    for (const words of ["Beslut om certifikatet", "Suspendera", "Dra in", "Vilande till och med", "Statushistorik"]) expect(sv.text).toContain(words);

    const invalid = await post(english, `${url}/suspendera`, { motivering: "", tilldatum: "" });
    expect(invalid.status).toBe(422);
    expect(invalid.text).toContain("Write why the certificate is suspended.");
    expect(invalid.text).toContain("Enter the date up to and including which the certificate is suspended (YYYY-MM-DD).");

    const confirm = await post(english, `${url}/dra-in`, { motivering: "Fusk vid provet." });
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain(`Withdraw certificate no. ${certificate!.number}?`);
    expect(confirm.text).toContain("becomes Withdrawn for good");
    expect(confirm.text).toContain("”Fusk vid provet.”"); // the reason as typed
    expect((await post(swedish, `${url}/dra-in`, { motivering: "Fusk vid provet." })).text).toContain(`Dra in certifikat nr ${certificate!.number}?`);
  });

  it("handles the cases queue and a case in English", async () => {
    const { caseId, number } = await submitComplaint(deps(), null, { description: "Ingen täthetskontroll gjordes.", email: "kund@example.org", name: "Kim Kund", files: [] });
    const queue = await page(english, "/personal/arenden");
    for (const words of ["Appeals and complaints", "To handle", "Annual review 2026", "Cases received", `Case ${number}`, "Export CSV for 2026"]) expect(queue.text).toContain(words);
    expect((await page(swedish, "/personal/arenden")).text).toContain("Årsuppföljning 2026");

    const en = await page(english, `/personal/arenden/${caseId}`);
    for (const words of ["The case", "Handling", "Start investigating", "Dismiss", "Message to whoever lodged the case"]) expect(en.text).toContain(words);
    expect(en.text).toContain("Ingen täthetskontroll gjordes."); // what the complainant wrote, as written
    const sv = await page(swedish, `/personal/arenden/${caseId}`);
    for (const words of ["Ärendet", "Handläggning", "Börja utreda", "Avskriv", "Besked till den som lämnade in ärendet"]) expect(sv.text).toContain(words);

    const missing = await post(english, `/personal/arenden/${caseId}/utred`, { motivering: "" });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain("Write a message to whoever lodged the case");
    const confirm = await post(english, `/personal/arenden/${caseId}/utred`, { motivering: "Vi kontaktar installatören." });
    expect(confirm.text).toContain(`Start investigating case ${number}?`);
    expect(confirm.text).toContain("gets this e-mail:");
  });

  it("administers examination centres in English: the list, a centre, and an invitation's refusal", async () => {
    const list = await page(english, "/personal/examinationscentra");
    expect(list.text).toContain("New examination centre");
    expect((await page(swedish, "/personal/examinationscentra")).text).toContain("Nytt examinationscenter");

    const [examinable] = await listExaminableSchemes(deps().db);
    const { centreId } = await createCentre(deps(), swedish.actor, { name: "Provcenter Väst AB", orgNumber: "5566778899", addressLine1: "Provvägen 1", postalCode: "721 30", city: "Västerås", email: null, phone: null, website: null, schemeIds: [examinable!.scheme.id] });
    const url = `/personal/examinationscentra/${centreId}`;
    const en = await page(english, url);
    for (const words of ["Details", "Examinators", "Invite an examinator", "Exam sessions", "No examinators yet."]) expect(en.text).toContain(words);
    const sv = await page(swedish, url);
    for (const words of ["Uppgifter", "Examinatorer", "Bjud in examinator", "Provtillfällen"]) expect(sv.text).toContain(words);

    const refused = await post(english, `${url}/examinatorer`, { epost: "not-an-address" });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain("Enter a valid e-mail address");
    const noName = await post(english, `${url}/examinatorer`, { epost: "new.examinator@example.org" });
    expect(noName.text).toContain("There is no account with the e-mail address. Enter a first name");
    expect((await post(swedish, `${url}/examinatorer`, { epost: "new.examinator@example.org" })).text).toContain("Det finns inget konto med e-postadressen. Ange förnamn");

    const newForm = await post(english, "/personal/examinationscentra/nytt", {});
    expect(newForm.status).toBe(422);
    expect(newForm.text).toContain("Enter the name.");
    expect((await post(swedish, "/personal/examinationscentra/nytt", {})).text).toContain("Ange namn.");

    // Edit details, Suspend and Reinstate, with their messages.
    expect(en.text).toContain("Edit details");
    const edit = await page(english, `${url}/andra`);
    for (const words of ["Edit details", "The organisationsnummer cannot be changed", "556677-8899"]) expect(edit.text).toContain(words);
    await post(english, `${url}/godkann`, {});
    const approved = await page(english, url);
    expect(approved.text).toContain("Suspend the examination centre");
    const noReason = await post(english, `${url}/stang-av`, { skal: "" });
    expect(noReason.status).toBe(422);
    expect(noReason.text).toContain("Write why the centre is suspended.");
    expect((await post(swedish, `${url}/stang-av`, { skal: "" })).text).toContain("Skriv varför centret stängs av.");
    await post(english, `${url}/stang-av`, { skal: "Protokoll saknas." });
    const suspended = await page(english, url);
    for (const words of ["Suspended", "Reason for the suspension", "Reinstate", "Examination centre suspended"]) expect(suspended.text).toContain(words);
    expect((await page(swedish, url)).text).toContain("Avstängt");
  });

  it("edits the catalogue in English, its field messages included, while the catalogue's own texts stay as written", async () => {
    const list = await page(english, "/personal/katalog");
    for (const words of ["Technical areas", "New certificate", "New technical area", "Open for application"]) expect(list.text).toContain(words);
    expect(list.text).toContain("F-gaser"); // a technical area's name, as the body wrote it
    expect((await page(swedish, "/personal/katalog")).text).toContain("Nytt teknikområde");
    const invalid = await post(english, "/personal/katalog/teknikomraden/nytt", { name: "", sortOrder: "x" });
    expect(invalid.status).toBe(422);
    expect(invalid.text).toContain("Enter the technical area's name.");
    expect(invalid.text).toContain("Enter the order as a whole number 0–9999");
    const svInvalid = await post(swedish, "/personal/katalog/teknikomraden/nytt", { name: "", sortOrder: "x" });
    expect(svInvalid.text).toContain("Ange teknikområdets namn.");
    expect(svInvalid.text).toContain("Ange ordningen som ett heltal 0–9999");
  });

  it("keeps the files whose format is a contract in Swedish: the cases CSV", async () => {
    const csv = await (await english.client.get("/personal/arenden/export.csv?ar=2026")).text();
    expect(csv).toContain("Ärende;Typ;Överklagat beslut");
    expect(csv).toContain("Klagomål;");
    expect(csv).not.toContain("Complaint");
  });
});
