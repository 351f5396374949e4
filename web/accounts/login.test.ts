import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events } from "../../db/schema/index.ts";
import { browserClient, startTestApp, textOf, type TestApp } from "../../test/harness.ts";
import { firstLink, loginCode } from "../../test/mail-sink.ts";
import { GOOD_PASSWORD, logIn, seedUser } from "../../test/fixtures.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-11-22T09:00:00Z") });
});
afterAll(() => t.close());

async function passwordStep(client: ReturnType<typeof browserClient>, email: string, password = GOOD_PASSWORD) {
  const before = t.mail.messages.length;
  const res = await client.post("/logga-in", { epost: email, losenord: password });
  expect(res.status).toBe(303);
  const mail = await t.mail.waitFor((m) => m.to.includes(email.toLowerCase()) && m.subject.startsWith("Engångskod") && t.mail.messages.indexOf(m) >= before);
  return loginCode(mail);
}

describe("Logga in", () => {
  it("asks for e-mail and password, then an e-mailed six-digit code", async () => {
    await seedUser(t.runtime.deps, { email: "anna@example.se", givenName: "Anna", familyName: "Ek" });
    const client = browserClient(t.app);
    const form = textOf(await (await client.get("/logga-in")).text());
    for (const w of ["E-post", "Lösenord", "Logga in", "Glömt lösenord?", "Använd BankID på en annan enhet"]) expect(form).toContain(w);
    const code = await passwordStep(client, "Anna@Example.se");
    expect(code).toMatch(/^\d{6}$/);
    const codePage = textOf(await (await client.get("/logga-in/kod")).text());
    expect(codePage).toContain("En engångskod, giltig i tio minuter, har skickats till anna@example.se");
    expect(codePage).toContain("Engångskod");
    const res = await client.post("/logga-in/kod", { code });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/min-sida");
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("session="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(textOf(await (await client.get("/min-sida")).text())).toContain("Anna Ek");
  });

  it("gives the same answer for an unknown e-mail and a wrong password", async () => {
    const client = browserClient(t.app);
    const wrong = await client.post("/logga-in", { epost: "anna@example.se", losenord: "Fel-losenord-123" }, { htmx: true });
    const unknown = await client.post("/logga-in", { epost: "ingen@example.se", losenord: "Fel-losenord-123" }, { htmx: true });
    expect(wrong.status).toBe(422);
    expect(unknown.status).toBe(422);
    expect((await wrong.text()).replace("anna@example.se", "X")).toBe((await unknown.text()).replace("ingen@example.se", "X"));
  });

  it("says at the field itself that E-post is empty, and marks it invalid", async () => {
    const client = browserClient(t.app);
    const res = await client.post("/logga-in", { epost: "", losenord: "" }, { htmx: true });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/<input id="f-epost" name="epost" type="email"[^>]*aria-invalid="true"[^>]*aria-describedby="f-epost-error"/);
    expect(html).toMatch(/<p class="error" id="f-epost-error">.*Ange din e-postadress\.<\/p>/);
    expect(html).toContain('<a href="#f-epost">Ange din e-postadress.</a>');
  });

  it("takes each code once, and not after ten minutes", async () => {
    const client = browserClient(t.app);
    const code = await passwordStep(client, "anna@example.se");
    expect((await client.post("/logga-in/kod", { code })).status).toBe(303);
    const again = browserClient(t.app);
    again.jar.set("login", client.jar.get("login") ?? "gone");
    expect((await again.post("/logga-in/kod", { code })).status).toBe(422);

    const late = browserClient(t.app);
    const code2 = await passwordStep(late, "anna@example.se");
    t.clock!.advance(10 * 60 * 1000 + 1000);
    const res = await late.post("/logga-in/kod", { code: code2 });
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toContain("Inloggningen har gått ut");
  });

  it("locks a code after five wrong tries, even for the right code", async () => {
    const client = browserClient(t.app);
    const code = await passwordStep(client, "anna@example.se");
    const wrongCode = code === "000000" ? "111111" : "000000";
    for (let i = 1; i <= 4; i++) {
      const res = await client.post("/logga-in/kod", { code: wrongCode });
      expect(res.status).toBe(422);
      expect(textOf(await res.text())).toContain(`Du har ${5 - i} försök kvar`);
    }
    const fifth = await client.post("/logga-in/kod", { code: wrongCode });
    expect(textOf(await fifth.text())).toContain("Koden är spärrad");
    const right = await client.post("/logga-in/kod", { code });
    expect(right.status).toBe(422);
    expect(textOf(await right.text())).toContain("Koden är spärrad");
    expect(right.headers.getSetCookie().some((c) => c.startsWith("session="))).toBe(false);
  });

  it("sends a new code at most three times in all, 30 seconds apart", async () => {
    const client = browserClient(t.app);
    await passwordStep(client, "anna@example.se");
    const tooSoon = await client.post("/logga-in/kod/ny", {});
    expect(textOf(await tooSoon.text())).toMatch(/Vänta \d+ sekunder/);
    for (let i = 0; i < 2; i++) {
      t.clock!.advance(31_000);
      const res = await client.post("/logga-in/kod/ny", {});
      expect(res.status).toBe(200);
    }
    t.clock!.advance(31_000);
    const fourth = await client.post("/logga-in/kod/ny", {});
    expect(fourth.status).toBe(422);
    expect(textOf(await fourth.text())).toContain("så många koder som går");
  });

  it("throttles password attempts per e-mail address with a 429", async () => {
    const client = browserClient(t.app);
    let last: Response | undefined;
    for (let i = 0; i < 11; i++) last = await client.post("/logga-in", { epost: "throttled@example.se", losenord: "Fel-losenord-123" });
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(textOf(await last!.text())).toContain("För många inloggningsförsök");
  });

  it("refuses a form posted from another site (CSRF)", async () => {
    const res = await t.app.request("http://localhost:3000/logga-in", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" },
      body: "epost=anna%40example.se&losenord=x",
    });
    expect(res.status).toBe(403);
  });

  it("sends security headers with a CSP that allows no inline script", async () => {
    const res = await t.app.request("http://localhost:3000/logga-in");
    const csp = res.headers.get("Content-Security-Policy")!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });
});

describe("sessions", () => {
  it("ends after an hour idle", async () => {
    const client = browserClient(t.app);
    await logIn(t, client, "anna@example.se");
    expect((await client.get("/min-sida")).status).toBe(200);
    t.clock!.advance(61 * 60 * 1000);
    const res = await client.get("/min-sida");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/logga-in?next=%2Fmin-sida");
  });

  it("ends at logout: the old cookie no longer opens Min Sida", async () => {
    const client = browserClient(t.app);
    await logIn(t, client, "anna@example.se");
    const stolen = client.jar.get("session")!;
    const out = await client.post("/logga-ut", {});
    expect(out.status).toBe(303);
    const replay = await t.app.request("http://localhost:3000/min-sida", { headers: { Cookie: `session=${stolen}` } });
    expect(replay.status).toBe(303);
  });
});

describe("forced password change", () => {
  it("sends a one-time-password login to Ändra lösenord first, then on to Min Sida", async () => {
    await seedUser(t.runtime.deps, { email: "ny@example.se", password: "abcd-efgh-2345", mustChangePassword: true, givenName: "Ny", familyName: "Användare" });
    const client = browserClient(t.app);
    const res = await logIn(t, client, "ny@example.se", "abcd-efgh-2345");
    expect(res.headers.get("Location")).toBe("/min-sida/andra-losenord");
    const elsewhere = await client.get("/min-sida");
    expect(elsewhere.headers.get("Location")).toBe("/min-sida/andra-losenord");
    const form = textOf(await (await client.get("/min-sida/andra-losenord")).text());
    for (const w of ["Ändra lösenord", "Lösenordskrav", "Minst 8 och högst 200 tecken långt.", "Nuvarande lösenord", "Nytt lösenord", "Nytt lösenord (igen)", "Spara"]) expect(form).toContain(w);

    const cases: [Record<string, string>, string][] = [
      [{ current: "fel-fel-1234", next: GOOD_PASSWORD, repeat: GOOD_PASSWORD }, "Nuvarande lösenord stämmer inte"],
      [{ current: "abcd-efgh-2345", next: "kort1", repeat: "kort1" }, "Minst 8"],
      [{ current: "abcd-efgh-2345", next: "password1", repeat: "password1" }, "för vanligt"],
      [{ current: "abcd-efgh-2345", next: GOOD_PASSWORD, repeat: GOOD_PASSWORD + "x" }, "inte lika"],
    ];
    for (const [form, message] of cases) {
      const r = await client.post("/min-sida/andra-losenord", form);
      expect(r.status).toBe(422);
      expect(textOf(await r.text())).toContain(message);
    }
    // A common password met the three rules: Lösenordskrav says so, and marks only "vanligt".
    const common = textOf(await (await client.post("/min-sida/andra-losenord", { current: "abcd-efgh-2345", next: "password1", repeat: "password1" })).text());
    expect(common).toContain("Minst 8 och högst 200 tecken långt. (uppfyllt) Innehåller minst en bokstav (a - ö). (uppfyllt) Innehåller minst en siffra. (uppfyllt) Får inte vara ett vanligt eller lättgissat lösenord. (ej uppfyllt)");
    const short = textOf(await (await client.post("/min-sida/andra-losenord", { current: "abcd-efgh-2345", next: "kort1", repeat: "kort1" })).text());
    expect(short).toContain("Minst 8 och högst 200 tecken långt. (ej uppfyllt) Innehåller minst en bokstav (a - ö). (uppfyllt) Innehåller minst en siffra. (uppfyllt) Får inte vara ett vanligt eller lättgissat lösenord. Nytt lösenord");
    const ok = await client.post("/min-sida/andra-losenord", { current: "abcd-efgh-2345", next: GOOD_PASSWORD, repeat: GOOD_PASSWORD });
    expect(ok.status).toBe(200);
    const text = textOf(await ok.text());
    expect(text).toContain("Ditt lösenord har ändrats!");
    expect(text).toContain("Min Sida");
    expect((await client.get("/min-sida")).status).toBe(200);
    await t.mail.waitFor((m) => m.to.includes("ny@example.se") && m.subject === "Ditt lösenord har ändrats");
  });
});

describe("Glömt lösenord", () => {
  it("mails a single-use link and answers the same for unknown addresses", async () => {
    const client = browserClient(t.app);
    const known = await client.post("/glomt-losenord", { epost: "anna@example.se" });
    const unknown = await client.post("/glomt-losenord", { epost: "okand@example.se" });
    expect(textOf(await known.text()).replace("anna@example.se", "X")).toBe(textOf(await unknown.text()).replace("okand@example.se", "X"));
    const mail = await t.mail.waitFor((m) => m.to.includes("anna@example.se") && m.subject.startsWith("Välj nytt lösenord"));
    const link = new URL(firstLink(mail, "/aterstall-losenord"));
    const token = link.searchParams.get("token")!;
    expect((await client.get(`/aterstall-losenord?token=${encodeURIComponent(token)}`)).status).toBe(200);
    const next = "Ny-Sommarstuga-Vid-Sjon-9";
    const done = await client.post("/aterstall-losenord", { token, next, repeat: next });
    expect(textOf(await done.text())).toContain("Ditt lösenord har ändrats!");
    const reuse = await client.post("/aterstall-losenord", { token, next, repeat: next });
    expect(reuse.status).toBe(422);
    expect(textOf(await reuse.text())).toContain("Länken fungerar inte");
    await logIn(t, browserClient(t.app), "anna@example.se", next);
  });
});

describe("Min Sida", () => {
  it("shows the person's details, the tabs, and a Händelselogg of the account", async () => {
    const client = browserClient(t.app);
    await logIn(t, client, "ny@example.se");
    const page = textOf(await (await client.get("/min-sida")).text());
    for (const w of ["Personuppgifter", "Namn", "E-postadress", "Mobilnummer", "Faktureringsadress", "Ändra uppgifter", "Certifikat", "Anställningar", "Prov", "Händelselogg", "Sök certifikat", "0 träffar"]) expect(page).toContain(w);
    const log = textOf(await (await client.get("/min-sida/handelselogg")).text());
    expect(log).toContain("Lösenord ändrat");
    expect(log).toContain("Inloggad");
    expect(log).toContain("Ny Användare");
  });

  it("changes details at once and the e-mail only after the new address confirms", async () => {
    const client = browserClient(t.app);
    await logIn(t, client, "ny@example.se");
    const res = await client.post("/min-sida/andra-uppgifter", { epost: "nyare@example.se", mobil: "0701234567", adressrad1: "Storgatan 1", postnummer: "123 45", ort: "Ort", land: "Sverige" });
    expect(res.status).toBe(200);
    expect(textOf(await res.text())).toContain("Vi har skickat en länk till nyare@example.se");
    const mail = await t.mail.waitFor((m) => m.to.includes("nyare@example.se"));
    await t.mail.waitFor((m) => m.to.includes("ny@example.se") && m.subject.startsWith("Byte av e-postadress"));
    const token = new URL(firstLink(mail, "/bekrafta-epost")).searchParams.get("token")!;
    // Until then the old address still logs in.
    expect(textOf(await (await client.get("/min-sida")).text())).toContain("ny@example.se");
    const confirmed = await client.post("/bekrafta-epost", { token });
    expect(textOf(await confirmed.text())).toContain("E-postadressen är ändrad");
    const page = textOf(await (await client.get("/min-sida")).text());
    expect(page).toContain("nyare@example.se");
    expect(page).toContain("Storgatan 1");
    const log = textOf(await (await client.get("/min-sida/handelselogg")).text());
    expect(log).toContain("Personuppgifter ändrade");
    expect(log).toContain("E-postadress ändrad");
  });

  it("refuses a half address with messages at the fields", async () => {
    const client = browserClient(t.app);
    await logIn(t, client, "nyare@example.se");
    const res = await client.post("/min-sida/andra-uppgifter", { epost: "nyare@example.se", adressrad1: "Storgatan 1" }, { htmx: true });
    expect(res.status).toBe(422);
    const text = textOf(await res.text());
    expect(text).toContain("Ange postnummer.");
    expect(text).toContain("Ange ort.");
  });
});

describe("staff area", () => {
  it("is closed to applicants and to visitors", async () => {
    const client = browserClient(t.app);
    expect((await client.get("/personal")).headers.get("Location")).toBe("/logga-in?next=%2Fpersonal");
    await logIn(t, client, "nyare@example.se");
    const res = await client.get("/personal");
    expect(res.status).toBe(403);
    expect(textOf(await res.text())).toContain("Ingen behörighet");
  });

  it("opens for staff, who land there after login", async () => {
    await seedUser(t.runtime.deps, { email: "granskare@example.org", roles: ["reviewer"], givenName: "Greta", familyName: "Granskare" });
    const client = browserClient(t.app);
    const res = await logIn(t, client, "granskare@example.org");
    expect(res.headers.get("Location")).toBe("/personal");
    const page = await client.get("/personal");
    expect(page.status).toBe(200);
    expect(textOf(await page.text())).toContain("Greta Granskare");
  });

  it("records logins in the Händelselogg", async () => {
    const rows = await t.runtime.deps.db.select().from(events).where(eq(events.action, "user.logged_in")).all();
    expect(rows.length).toBeGreaterThan(3);
  });
});
