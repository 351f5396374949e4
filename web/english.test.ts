// English beside Swedish (docs/decisions/022), the English side end to end over HTTP: an account
// that chose English registers, is told of decisions, sees its certificate and downloads its PDF in
// English (and in Swedish on request); an appeal and a complaint made on English pages are answered
// in English at every step, though the staff who handle them work in Swedish here; an account that
// never chose gets Swedish, whoever caused the mail. (Which language a page is in:
// web/language.test.ts; the staff area in English: web/staff/english-staff.test.ts.)
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, events, users } from "../db/schema/index.ts";
import { inLanguage } from "../lib/i18n/index.ts";
import { makePdf } from "../lib/uploads/test-files.ts";
import { actorForUser } from "../modules/accounts/find-user.ts";
import { decideCase, takeCase } from "../modules/cases/index.ts";
import type { Actor } from "../modules/deps.ts";
import { decideApplication } from "../modules/review/index.ts";
import { applicationInFinalReview } from "../test/applications.ts";
import { logIn, seedUser } from "../test/fixtures.ts";
import { browserClient, startTestApp, textOf, type BrowserClient, type TestApp } from "../test/harness.ts";
import type { ReceivedMail } from "../test/mail-sink.ts";
import { pdfText } from "../test/pdf.ts";

type UserActor = Actor & { userId: string; personId: string };
let t: TestApp;
let decider: UserActor;
let reviewer: UserActor;
let handler: UserActor;

const deps = () => t.runtime.deps;
const langOf = (html: string) => /<html lang="(\w+)">/.exec(html)?.[1];
const later = (seconds: number) => t.clock!.set(new Date(t.clock!.now().getTime() + seconds * 1000));

async function staff(email: string, roles: ("reviewer" | "decider" | "admin")[]): Promise<UserActor> {
  const { userId } = await seedUser(deps(), { email, givenName: "Stina", familyName: email.split("@")[0]!, roles });
  return (await actorForUser(deps().db, userId)) as UserActor;
}

/** A person with a login and their language (null: never chose), logged in from a browser that has no cookie of ours. */
async function person(email: string, language: "sv" | "en" | null, names = { givenName: "Emma", familyName: "English" }) {
  const { userId, personId } = await seedUser(deps(), { email, ...names });
  if (language) await deps().db.update(users).set({ language }).where(eq(users.id, userId));
  const client = browserClient(t.app);
  await logIn(t, client, email);
  return { userId, personId, client, actor: (await actorForUser(deps().db, userId)) as UserActor };
}

/** The first mail to `email` after `since` (an index into the sink) whose subject matches. */
const mailTo = (email: string, subject: RegExp, since: number): Promise<ReceivedMail> => t.mail.waitFor((m) => m.to.includes(email) && subject.test(m.subject) && t.mail.messages.indexOf(m) >= since);

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-11-22T08:00:00Z") });
  [decider, reviewer, handler] = await Promise.all([staff("bo@certorg.example", ["decider"]), staff("greta@certorg.example", ["reviewer"]), staff("dag@certorg.example", ["decider"])]);
});
afterAll(() => t.close());

describe("an applicant who chose English", () => {
  it("registers in English: the account keeps the language, and the welcome mail is in English", async () => {
    const client = browserClient(t.app);
    client.jar.set("lang", "en");
    const step1 = await client.post("/registrera-konto", { medborgarskap: "annat", epost: "new.person@example.com" });
    const form = await step1.text();
    expect(langOf(form)).toBe("en");
    for (const label of ["Date of birth", "First name", "Last name"]) expect(textOf(form)).toContain(label);
    const since = t.mail.messages.length;
    const done = await client.post("/registrera-konto/skapa", { epost: "new.person@example.com", fodelsedatum: "1980-01-01", fornamn: "New", efternamn: "Person", mobil: "+46 0848002200" });
    expect(textOf(await done.text())).toContain("Check your e-mail");
    const welcome = await mailTo("new.person@example.com", /./, since);
    expect(welcome.subject).toMatch(/^Welcome to /);
    expect(welcome.text).toContain("Hello New Person,");
    expect(welcome.html).toMatch(/<html lang="en"/);
    const account = await deps().db.select({ language: users.language }).from(users).innerJoin(events, eq(events.personId, users.personId)).where(eq(events.action, "person.registered")).get();
    expect(account?.language).toBe("en");
  });

  it("reads the form's messages in English", async () => {
    const client = browserClient(t.app);
    client.jar.set("lang", "en");
    const res = await client.post("/registrera-konto/skapa", { epost: "x@example.com", fodelsedatum: "2999-01-01", fornamn: "", efternamn: "Person", mobil: "abc" }, { htmx: true });
    expect(res.status).toBe(422);
    const text = textOf(await res.text());
    expect(text).toContain("The date of birth cannot be in the future.");
    expect(text).toContain("Enter your first name.");
    expect(text).toContain("Enter the mobile number in digits");
    expect(text).not.toContain("Födelsedatumet");
  });

  it("keeps English in a browser that has never seen the switch: the account's setting", async () => {
    const emma = await person("emma@example.com", "en");
    expect(emma.client.jar.has("lang")).toBe(false);
    const html = await (await emma.client.get("/min-sida")).text();
    expect(langOf(html)).toBe("en");
    expect(textOf(html)).toContain("My page");
    // And the browser remembers it, so the pages stay English after logging out.
    expect(emma.client.jar.get("lang")).toBe("en");
  });

  it("is told of the decision in English, and has the certificate and its PDF in English (in Swedish on request)", async () => {
    const emma = await person("emma.cert@example.com", "en", { givenName: "Emma", familyName: "Certified" });
    const applicationId = await applicationInFinalReview(deps(), { schemeCode: "fgas-person-ii", personId: emma.personId, byUserId: emma.userId, reviewerUserId: reviewer.userId });
    const since = t.mail.messages.length;
    // The decider's own page is Swedish: the mail is in the recipient's language all the same.
    const { certificate } = await inLanguage("sv", () => decideApplication(deps(), decider, { applicationId, decision: "grant" }));
    const issued = await mailTo("emma.cert@example.com", /issued/, since);
    expect(issued.subject).toMatch(/^Your certificate has been issued$/);
    expect(issued.text).toContain(`Certificate number: ${certificate!.number}`);
    expect(issued.html).toMatch(/<html lang="en"/);

    const page = await (await emma.client.get(`/min-sida/certifikat/${certificate!.id}`)).text();
    expect(langOf(page)).toBe("en");
    expect(textOf(page)).toContain("Download in Swedish");
    const pdf = await emma.client.get(`/min-sida/certifikat/${certificate!.id}/pdf`);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(pdf.headers.get("Content-Disposition")).toContain(`certificate-${certificate!.number}.pdf`);
    const english = await pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(english).toContain("This is to certify Emma Certified");
    expect(english).toContain(`Certificate number ${certificate!.number}`);
    expect(english).not.toContain("Härmed");
    const swedish = await pdfText(Buffer.from(await (await emma.client.get(`/min-sida/certifikat/${certificate!.id}/pdf?lang=sv`)).arrayBuffer()));
    expect(swedish).toContain("Härmed");
    expect(swedish).toContain(`Certifikatnummer ${certificate!.number}`);
    // ?lang= chose that one answer: the account is still English.
    expect(langOf(await (await emma.client.get("/min-sida")).text())).toBe("en");
  });

  it("appeals a refusal on English pages and is answered in English at every step, while the Händelselogg stays Swedish", async () => {
    const emma = await person("emma.appeal@example.com", "en", { givenName: "Emma", familyName: "Appealing" });
    const applicationId = await applicationInFinalReview(deps(), { schemeCode: "fgas-person-ii", personId: emma.personId, byUserId: emma.userId, reviewerUserId: reviewer.userId, recipient: false });
    let since = t.mail.messages.length;
    const { decisionId } = await decideApplication(deps(), decider, { applicationId, decision: "refuse", reason: "Intyget saknar underskrift." });
    const refused = await mailTo("emma.appeal@example.com", /refused/, since);
    expect(refused.text).toContain("Intyget saknar underskrift."); // the decider's words, as written

    const process = textOf(await (await emma.client.get(`/min-sida/ansokningar/${applicationId}`)).text());
    expect(process).toContain("Appeal the decision");
    since = t.mail.messages.length;
    const body = new FormData();
    body.append("grunder", "The attestation is signed on the back.");
    body.append("filer", new Blob([new Uint8Array(makePdf())], { type: "application/pdf" }), "back.pdf");
    const res = await emma.client.request(`/min-sida/overklaga/beslut/${decisionId}`, { method: "POST", body });
    expect(res.status).toBe(303);
    const receipt = await mailTo("emma.appeal@example.com", /received/, since);
    expect(receipt.subject).toMatch(/^Your appeal has been received \(case \d+\)$/);
    expect(receipt.text).toContain("has received your appeal against the decision of 22 November 2026 to refuse the application for");

    const appeal = (await deps().db.select().from(cases).where(eq(cases.applicationId, applicationId)).get())!;
    since = t.mail.messages.length;
    await takeCase(deps(), handler, { caseId: appeal.id, reason: "Vi granskar intyget på nytt." });
    const investigating = await mailTo("emma.appeal@example.com", /investigated/, since);
    expect(investigating.subject).toBe(`Your appeal is being investigated (case ${appeal.number})`);
    expect(investigating.text).toContain("Message from the case handler: Vi granskar intyget på nytt.");
    since = t.mail.messages.length;
    await decideCase(deps(), handler, { caseId: appeal.id, outcome: "granted", reason: "Intyget är underskrivet.", effect: { kind: "reopen", momentIds: [] } });
    const decided = await mailTo("emma.appeal@example.com", /decided/, since);
    expect(decided.text).toContain(`has decided your appeal (case ${appeal.number}): the appeal is upheld.`);
    expect(decided.text).toContain("Reasons: Intyget är underskrivet.");
    expect(decided.text).toContain("has been reopened. Look it over and send it again with Review and send");

    // The record of the case is the body's, in Swedish, whatever language the appellant reads.
    const logged = await deps().db.select().from(events).where(eq(events.subjectId, appeal.id)).all();
    const decidedEvent = logged.find((e) => e.action === "case.decided")!;
    expect(decidedEvent.details).toMatchObject({ result: "Bifallen", consequence: expect.stringContaining("är öppnad igen") });
    expect(logged.find((e) => e.action === "case.appeal_received")!.details).toMatchObject({ appealed: "Avslag" });
  });
});

describe("a complainant on an English page", () => {
  it("gets the receipt and every later mail about the case in English (the case keeps the page's language)", async () => {
    const client: BrowserClient = browserClient(t.app);
    client.jar.set("lang", "en");
    const html = await (await client.get("/lamna-klagomal")).text();
    expect(langOf(html)).toBe("en");
    const token = /name="formtoken" value="([^"]+)"/.exec(html)![1]!;
    later(10);
    const since = t.mail.messages.length;
    const body = new FormData();
    for (const [k, v] of Object.entries({ formtoken: token, beskrivning: "No leak test was done after the service.", epost: "customer@example.org", namn: "Chris Customer" })) body.append(k, v);
    const res = await client.request("/lamna-klagomal", { method: "POST", body });
    expect(res.status).toBe(303);
    expect(textOf(await (await client.get(res.headers.get("Location")!)).text())).toContain("We have sent a confirmation");
    const receipt = await mailTo("customer@example.org", /received/, since);
    expect(receipt.subject).toMatch(/^Your complaint has been received \(case \d+\)$/);
    expect(receipt.text).toContain("Hello Chris Customer,");
    expect(receipt.text).toContain("Your contact details are shown only to whoever handles the case");

    const complaint = (await deps().db.select().from(cases).where(eq(cases.contactEmail, "customer@example.org")).get())!;
    expect(complaint.language).toBe("en");
    const after = t.mail.messages.length;
    await takeCase(deps(), handler, { caseId: complaint.id, reason: "Vi kontaktar installatören." });
    const step = await mailTo("customer@example.org", /investigated/, after);
    expect(step.subject).toBe(`Your complaint is being investigated (case ${complaint.number})`);
  });
});

describe("an account that never chose a language", () => {
  it("reads English by its browser's cookie, is told its mail comes in Swedish, and can choose English for both", async () => {
    const lena = await person("lena@example.com", null, { givenName: "Lena", familyName: "Later" });
    lena.client.jar.set("lang", "en");
    const html = await (await lena.client.get("/min-sida")).text();
    expect(langOf(html)).toBe("en");
    expect(textOf(html)).toContain("Not chosen: the e-mail comes in Swedish.");
    expect(html).toMatch(/<button type="submit" name="lang" value="en" class="link-button">Use English for the pages and the e-mail<\/button>/);
    const res = await lena.client.post("/sprak", { lang: "en" }, { headers: { Referer: "http://localhost:3000/min-sida" } });
    expect(res.headers.get("Location")).toBe("/min-sida");
    expect((await deps().db.select({ language: users.language }).from(users).where(eq(users.id, lena.userId)).get())?.language).toBe("en");
    expect(textOf(await (await lena.client.get("/min-sida")).text())).toContain("English, for the pages and the e-mail");
  });

  it("gets Swedish mail, even when whoever caused it was on an English page", async () => {
    const sven = await person("sven@example.se", null, { givenName: "Sven", familyName: "Svensson" });
    const applicationId = await applicationInFinalReview(deps(), { schemeCode: "fgas-person-ii", personId: sven.personId, byUserId: sven.userId, reviewerUserId: reviewer.userId });
    const since = t.mail.messages.length;
    await inLanguage("en", () => decideApplication(deps(), decider, { applicationId, decision: "grant" }));
    const issued = await mailTo("sven@example.se", /./, since);
    expect(issued.subject).toBe("Ditt certifikat är utfärdat");
    expect(issued.html).toMatch(/<html lang="sv"/);
  });
});
