import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events } from "../../db/schema/index.ts";
import { WRONG_CODE_ACTIONS } from "../../modules/accounts/code-login-lock.ts";
import { WRONG_CODES_MAX, WRONG_CODES_WINDOW_MS } from "../../modules/accounts/login-limits.ts";
import { GOOD_PASSWORD, seedUser } from "../../test/fixtures.ts";
import { browserClient, startTestApp, textOf, type BrowserClient, type TestApp } from "../../test/harness.ts";
import { loginCode } from "../../test/mail-sink.ts";

const START = new Date("2026-11-22T09:00:00Z");
const LOCK_TEXT = "Inloggning med engångskod är spärrad till den 22 december 2026 kl. 10.00";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: START });
});
afterAll(() => t.close());

const isCodeMail = (email: string) => (m: { to: string; subject: string }) => m.to.includes(email) && m.subject.startsWith("Engångskod");
const isLockMail = (email: string) => (m: { to: string; subject: string }) => m.to.includes(email) && m.subject.startsWith("Inloggning med engångskod spärrad");

async function newCode(email: string, before: number): Promise<string> {
  return loginCode(await t.mail.waitFor((m) => isCodeMail(email)(m) && t.mail.messages.indexOf(m) >= before));
}

async function passwordStep(client: BrowserClient, email: string): Promise<string> {
  const before = t.mail.messages.length;
  const res = await client.post("/logga-in", { epost: email, losenord: GOOD_PASSWORD });
  expect(res.status).toBe(303);
  return newCode(email, before);
}

async function resend(client: BrowserClient, email: string): Promise<string> {
  t.clock!.advance(31_000);
  const before = t.mail.messages.length;
  const res = await client.post("/logga-in/kod/ny", {});
  expect(res.status).toBe(200);
  return newCode(email, before);
}

const other = (code: string) => (code === "000000" ? "111111" : "000000");

async function wrongCodes(userId: string) {
  return t.runtime.deps.db.select().from(events).where(and(eq(events.subjectId, userId), inArray(events.action, WRONG_CODE_ACTIONS))).all();
}

describe("wrong one-time codes counted per account", () => {
  it("locks code login after seven wrong codes across resends and new logins, mails the owner once, and opens again after the window", async () => {
    const email = "lena@example.se";
    const { userId } = await seedUser(t.runtime.deps, { email, givenName: "Lena", familyName: "Berg" });

    // Three wrong, "Skicka ny kod", two wrong: the new code starts five fresh tries, not a fresh count.
    const first = browserClient(t.app);
    let code = await passwordStep(first, email);
    for (let i = 1; i <= 3; i++) expect(textOf(await (await first.post("/logga-in/kod", { code: other(code) })).text())).toContain(`Du har ${5 - i} försök kvar`);
    code = await resend(first, email);
    for (let i = 1; i <= 2; i++) expect(textOf(await (await first.post("/logga-in/kod", { code: other(code) })).text())).toContain(`Du har ${5 - i} försök kvar`);

    // A new password login, one wrong, a resend, and the seventh wrong code locks.
    const second = browserClient(t.app);
    code = await passwordStep(second, email);
    expect((await second.post("/logga-in/kod", { code: other(code) })).status).toBe(422);
    code = await resend(second, email);
    const seventh = await second.post("/logga-in/kod", { code: other(code) });
    expect(seventh.status).toBe(429);
    expect(textOf(await seventh.text())).toContain(LOCK_TEXT);
    expect((await wrongCodes(userId)).length).toBe(WRONG_CODES_MAX);

    // The eighth guess is refused without being tried, the right code too.
    const eighth = await second.post("/logga-in/kod", { code: other(code) });
    expect(eighth.status).toBe(429);
    expect(textOf(await eighth.text())).toContain(LOCK_TEXT);
    const right = await second.post("/logga-in/kod", { code }, { htmx: true });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("Retry-After"))).toBeGreaterThan(29 * 86_400);
    expect(textOf(await right.text())).toContain(LOCK_TEXT);
    expect(right.headers.getSetCookie().some((c) => c.startsWith("session="))).toBe(false);
    expect((await wrongCodes(userId)).length).toBe(WRONG_CODES_MAX);

    // A new login with the right password is told, and no code is sent; a wrong password still
    // gets the answer an unknown address gets.
    const third = browserClient(t.app);
    const mailsBefore = t.mail.messages.length;
    const again = await third.post("/logga-in", { epost: email, losenord: GOOD_PASSWORD }, { htmx: true });
    expect(again.status).toBe(429);
    expect(textOf(await again.text())).toContain(LOCK_TEXT);
    const wrongPassword = await third.post("/logga-in", { epost: email, losenord: "Fel-losenord-123" }, { htmx: true });
    const unknown = await third.post("/logga-in", { epost: "ingen@example.se", losenord: "Fel-losenord-123" }, { htmx: true });
    expect(wrongPassword.status).toBe(422);
    expect((await wrongPassword.text()).replace(email, "X")).toBe((await unknown.text()).replace("ingen@example.se", "X"));
    expect(t.mail.messages.slice(mailsBefore).filter(isCodeMail(email))).toHaveLength(0);

    // One mail to the owner, in Swedish, with the time and what to do.
    const lockMails = t.mail.messages.filter(isLockMail(email));
    expect(lockMails).toHaveLength(1);
    const text = lockMails[0]!.text.replace(/\s+/g, " ");
    expect(text).toContain("Många felaktiga engångskoder har angetts");
    expect(text).toContain("spärrad till den 22 december 2026 kl. 10.00");
    expect(text).toContain("byt lösenord");
    const locks = await t.runtime.deps.db.select().from(events).where(and(eq(events.subjectId, userId), eq(events.action, "user.code_login_locked"))).all();
    expect(locks).toHaveLength(1);

    // Still locked a minute before the end; open once the first wrong code has left the window.
    t.clock!.set(new Date(START.getTime() + WRONG_CODES_WINDOW_MS - 60_000));
    expect((await browserClient(t.app).post("/logga-in", { epost: email, losenord: GOOD_PASSWORD })).status).toBe(429);
    t.clock!.set(new Date(START.getTime() + WRONG_CODES_WINDOW_MS + 1000));
    const fourth = browserClient(t.app);
    code = await passwordStep(fourth, email);
    const ok = await fourth.post("/logga-in/kod", { code });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("Location")).toBe("/min-sida");
    expect(textOf(await (await fourth.get("/min-sida/handelselogg")).text())).toContain("Inloggning med engångskod spärrad efter för många felaktiga koder");
    expect(t.mail.messages.filter(isLockMail(email))).toHaveLength(1);
  });

  it("takes no more than the bound when guesses arrive at once, and mails once", async () => {
    const email = "parallell@example.se";
    const { userId } = await seedUser(t.runtime.deps, { email });
    const clients = [browserClient(t.app), browserClient(t.app), browserClient(t.app)];
    const codes: string[] = [];
    for (const client of clients) codes.push(await passwordStep(client, email));
    const answers = await Promise.all(clients.flatMap((client, i) => Array.from({ length: 4 }, () => client.post("/logga-in/kod", { code: other(codes[i]!) }))));
    for (const res of answers) expect([422, 429]).toContain(res.status);
    expect(answers.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(12 - WRONG_CODES_MAX);
    expect((await wrongCodes(userId)).length).toBe(WRONG_CODES_MAX);
    await t.mail.waitFor(isLockMail(email));
    expect(t.mail.messages.filter(isLockMail(email))).toHaveLength(1);
  });
});
