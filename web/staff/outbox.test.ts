// "Utgående e-post": mail that the real SMTP sink refuses (550) fails for real through every
// attempt, is listed under Misslyckade with its error, and "Skicka igen" delivers it once the
// server takes mail again; only admins get in, and a secret mail shows neither subject nor body.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, mailOutbox } from "../../db/schema/index.ts";
import { enqueueMail, MAX_ATTEMPTS, queueMail } from "../../modules/outbox/index.ts";
import { personClient } from "../../test/companies.ts";
import { seedUser } from "../../test/fixtures.ts";
import { browserClient, startTestApp, textOf, type BrowserClient, type TestApp } from "../../test/harness.ts";

let t: TestApp;
let admin: Awaited<ReturnType<typeof personClient>>;
let reviewer: BrowserClient;
let decider: BrowserClient;
let applicant: BrowserClient;
let issuedId: string;
let codeId: string;
const PAGE = "/personal/utgaende-e-post";
const BODY = "Hemlig brödtext som personalen aldrig ska se";
const REFUSAL = "5.1.1 <b>Mottagaren</b> finns inte";
const deps = () => t.runtime.deps;
const row = async (id: string) => (await deps().db.select().from(mailOutbox).where(eq(mailOutbox.id, id)).get())!;

/** Runs the sender, moving the clock past each pause, until nothing is left pending. */
async function sendUntilSettled() {
  for (let round = 0; round < 4 * MAX_ATTEMPTS; round++) {
    await deps().mailQueue.drain();
    const pending = await deps().db.select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.status, "pending"));
    if (pending.length === 0) return;
    t.clock!.advance(7 * 3_600_000);
  }
  throw new Error("mail still pending");
}

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-11-22T09:00:00Z") });
  await seedUser(deps(), { email: "sven@example.se", givenName: "Sven", familyName: "Svensson" });

  // The mail server refuses everything: a certificate mail and Sven's login code both fail.
  t.mail.rejectWith(REFUSAL);
  await queueMail(deps(), "certificate.issued", { to: "sven@example.se", subject: "Certifikat nr 10001 är utfärdat", text: BODY, html: `<p>${BODY}</p>` });
  const login = await browserClient(t.app).post("/logga-in", { epost: "sven@example.se", losenord: "Kylaggregat-Vinter-2026" });
  expect(login.status).toBe(303);
  await sendUntilSettled();
  const failed = await deps().db.select().from(mailOutbox).where(eq(mailOutbox.status, "failed"));
  issuedId = failed.find((m) => m.kind === "certificate.issued")!.id;
  codeId = failed.find((m) => m.kind === "secret.login_code")!.id;

  // The server takes mail again; staff log in (their codes go out; the failed mail stays failed).
  t.mail.rejectWith(null);
  admin = await personClient(t, "ada@certorg.example", { givenName: "Ada", familyName: "Admin", roles: ["admin"] });
  reviewer = (await personClient(t, "greta@certorg.example", { givenName: "Greta", familyName: "Granskare", roles: ["reviewer"] })).client;
  decider = (await personClient(t, "bo@certorg.example", { givenName: "Bo", familyName: "Beslutsfattare", roles: ["decider"] })).client;
  applicant = (await personClient(t, "olle@example.se", { givenName: "Olle", familyName: "Olsson" })).client;
});
afterAll(() => t.close());

describe("Utgående e-post", () => {
  it("lists refused mail under Misslyckade with its error, attempts and kind, escaped", async () => {
    expect((await row(issuedId)).attempts).toBe(MAX_ATTEMPTS);
    const res = await admin.client.get(`${PAGE}?visa=misslyckade`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = textOf(html);
    for (const w of ["Utgående e-post", "Väntar (0)", "Misslyckade (2)", "Skickade senaste dygnet", "Certifikat utfärdat", "sven@example.se", "Certifikat nr 10001 är utfärdat", "Misslyckades", "Skicka igen alla misslyckade"]) {
      expect(text).toContain(w);
    }
    // The refusal as the server gave it, as text: the markup in it is escaped, not rendered.
    expect(text).toContain("550 5.1.1 <b>Mottagaren</b> finns inte");
    expect(html).toContain("&lt;b&gt;Mottagaren&lt;/b&gt;");
    expect(html).not.toContain("<b>Mottagaren</b>");
    expect(html).toContain(`action="${PAGE}/${issuedId}/skicka-igen"`);
    expect(html).toMatch(/<a href="\/personal\/utgaende-e-post\?visa=misslyckade" aria-current="page">/);
  });

  it("never shows a body, and for a secret mail not its subject (the login code is in it)", async () => {
    const secret = await row(codeId);
    const code = /(\d{6})/.exec(secret.subject)![1]!;
    const html = await (await admin.client.get(`${PAGE}?visa=misslyckade`)).text();
    expect(textOf(html)).toContain("Engångskod för inloggning");
    expect(textOf(html)).toContain("Visas inte (engångskod eller engångslänk)");
    expect(html).not.toContain(code);
    expect(html).not.toContain(secret.subject);
    expect(html).not.toContain(BODY);
  });

  it("shows the link on /personal with the number of failed mails", async () => {
    const text = textOf(await (await admin.client.get("/personal")).text());
    expect(text).toContain("Utgående e-post (2 misslyckade)");
    expect(await (await admin.client.get("/personal")).text()).toContain(`href="${PAGE}?visa=misslyckade"`);
    // Every label that was there stays.
    for (const w of ["Moment att granska", "Ansökningar för beslut", "Företagsregistreringar", "Sök person", "Sök företag", "Fakturor", "Katalog"]) expect(text).toContain(w);
  });

  it("refuses reviewers, deciders and applicants, and sends visitors to log in", async () => {
    for (const client of [reviewer, decider, applicant]) {
      expect((await client.get(PAGE)).status).toBe(403);
      expect((await client.get(`${PAGE}?visa=misslyckade`)).status).toBe(403);
      expect((await client.post(`${PAGE}/${issuedId}/skicka-igen`, { visa: "misslyckade" })).status).toBe(403);
      expect((await client.post(`${PAGE}/skicka-igen-alla`, {})).status).toBe(403);
    }
    expect(textOf(await (await reviewer.get("/personal")).text())).not.toContain("Utgående e-post");
    const visitor = await browserClient(t.app).get(PAGE);
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get("Location")).toMatch(/^\/logga-in/);
    expect((await row(issuedId)).status).toBe("failed");
  });

  it("Skicka igen delivers the mail, writes an Event and takes it off the list; a sent mail cannot be sent again", async () => {
    const before = t.mail.messages.length;
    const res = await admin.client.post(`${PAGE}/${issuedId}/skicka-igen`, { visa: "misslyckade" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`${PAGE}?visa=misslyckade&klart=skickas-igen`);
    const mail = await t.mail.waitFor((m) => m.subject === "Certifikat nr 10001 är utfärdat" && t.mail.messages.indexOf(m) >= before);
    expect(mail.to).toContain("sven@example.se");
    expect(await row(issuedId)).toMatchObject({ status: "sent", attempts: 1, lastError: null });

    const event = await deps().db.select().from(events).where(and(eq(events.action, "mail.retry_requested"), eq(events.subjectId, issuedId))).get();
    expect(event).toMatchObject({ actorUserId: admin.userId, actorName: "Ada Admin", subjectType: "mail", details: { kind: "certificate.issued", status: "failed", attempts: MAX_ATTEMPTS } });

    const after = await admin.client.get(res.headers.get("Location")!);
    const text = textOf(await after.text());
    expect(text).toContain("Brevet ligger i kön igen och skickas nu.");
    expect(text).toContain("Misslyckade (1)");
    expect(text).not.toContain("Certifikat nr 10001 är utfärdat");
    const sent = textOf(await (await admin.client.get(`${PAGE}?visa=skickade`)).text());
    expect(sent).toContain("Certifikat nr 10001 är utfärdat");
    expect(sent).toContain("Skickad");
    expect(textOf(await (await admin.client.get("/personal")).text())).toContain("Utgående e-post (1 misslyckade)");

    const again = await admin.client.post(`${PAGE}/${issuedId}/skicka-igen`, { visa: "skickade" });
    expect(again.status).toBe(409);
    expect(textOf(await again.text())).toContain("Brevet är redan skickat och kan inte skickas igen härifrån.");
    expect(t.mail.messages.filter((m) => m.subject === "Certifikat nr 10001 är utfärdat")).toHaveLength(1);
    expect((await admin.client.post(`${PAGE}/finns-inte/skicka-igen`, {})).status).toBe(404);
  });

  it("Skicka igen alla misslyckade sends every failed mail and leaves the list empty", async () => {
    const before = t.mail.messages.length;
    const res = await admin.client.post(`${PAGE}/skicka-igen-alla`, { visa: "misslyckade" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`${PAGE}?visa=misslyckade&alla=1`);
    await t.mail.waitFor((m) => m.to.includes("sven@example.se") && m.subject.startsWith("Engångskod") && t.mail.messages.indexOf(m) >= before);
    expect((await row(codeId)).status).toBe("sent");
    const text = textOf(await (await admin.client.get(res.headers.get("Location")!)).text());
    expect(text).toContain("1 brev ligger i kön igen och skickas nu.");
    expect(text).toContain("Inga brev har misslyckats.");
    expect(text).not.toContain("Skicka igen alla misslyckade");
    expect(textOf(await (await admin.client.get("/personal")).text())).not.toContain("misslyckade)");
    const logged = await deps().db.select().from(events).where(eq(events.action, "mail.retry_requested"));
    expect(logged.map((e) => e.subjectId).sort()).toEqual([issuedId, codeId].sort());
  });

  it("offers Skicka igen for a pending mail that has failed before, not for one waiting its turn", async () => {
    t.mail.rejectWith(REFUSAL);
    await queueMail(deps(), "user.password_changed", { to: "olle@example.se", subject: "Ditt lösenord har ändrats", text: BODY, html: BODY });
    await deps().mailQueue.drain();
    t.mail.rejectWith(null);
    // A second one, queued while the first waits for its next attempt: the sender has not tried it.
    await deps().db.transaction(async (tx) => {
      await enqueueMail(tx, new Date(deps().clock.now().getTime() + 60 * 60_000), "invoice", { to: "ekonomi@example.se", subject: "Faktura 100001", text: BODY, html: BODY });
    });
    const html = await (await admin.client.get(PAGE)).text();
    const text = textOf(html);
    expect(text).toContain("Väntar (2)");
    expect(text).toContain("Ditt lösenord har ändrats");
    expect(text).toContain("Faktura 100001");
    expect(text).toContain("Väntar på sin tur");
    expect(html.match(/>\s*Skicka igen\s*</g)).toHaveLength(1);
    const waiting = (await deps().db.select().from(mailOutbox).where(eq(mailOutbox.kind, "user.password_changed")).get())!;
    const res = await admin.client.post(`${PAGE}/${waiting.id}/skicka-igen`, { visa: "vantar" });
    expect(res.headers.get("Location")).toBe(`${PAGE}?klart=skickas-igen`);
    await t.mail.waitFor((m) => m.subject === "Ditt lösenord har ändrats");
  });
});
