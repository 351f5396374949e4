// Accounts in a real browser: what a person does with the manual "Skapa personkonto" in hand.
// One Chromium for the file, a fresh context (no cookies) per test; every test ends by checking
// that no page it visited logged a console error or broke the CSP.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite, logInAs, nextMail as nextMailOf, screenshot, visibleText, type Session } from "../browser.ts";
import { GOOD_PASSWORD, seedUser } from "../fixtures.ts";
import { loginCode, oneTimePassword } from "../mail-sink.ts";

const suite = browserSuite();
let session: Session | undefined;

async function open(): Promise<Page> {
  session = await suite.open();
  return session.page;
}

function expectNoProblems() {
  expect(session!.problems, "console errors, CSP violations or failed loads").toEqual([]);
}

function nextMail(email: string, subject: string, since: number) {
  return nextMailOf(suite.site, email, subject, since);
}

function logIn(page: Page, email: string, password: string) {
  return logInAs(suite.site, page, email, password);
}

async function chooseCitizenship(page: Page, which: "Svenskt medborgarskap" | "Annat medborgarskap") {
  await page.goto("/registrera-konto");
  await page.getByRole("group", { name: "Medborgarskap" }).getByLabel(which).check();
}

describe("Skapa personkonto in a browser", () => {
  it("Annat medborgarskap: one-time password by mail, code, forced password change, Min Sida", async () => {
    const page = await open();
    const email = "aino.virtanen@example.fi";

    await chooseCitizenship(page, "Annat medborgarskap");
    await expect.poll(() => page.getByLabel("Personnummer", { exact: true }).isVisible()).toBe(false);
    await page.getByLabel("E-post").fill(email);
    await page.getByRole("button", { name: "Fortsätt" }).click();

    await page.getByLabel("Födelsedatum").fill("1985-06-15");
    await page.getByLabel("Förnamn").fill("Aino");
    await page.getByLabel("Efternamn").fill("Virtanen");
    await page.getByLabel("Mobilnummer").fill("+358 40 123 4567");
    await screenshot(page, "01-registrera-annat-steg-2");
    const since = suite.site.mail.messages.length;
    await page.getByRole("button", { name: "Skapa användare" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Kontrollera din e-post" }).isVisible()).toBe(true);

    const password = oneTimePassword(await nextMail(email, "Välkommen", since));
    await page.getByRole("main").getByRole("link", { name: "Logga in" }).click();
    await logIn(page, email, password);

    // First login with a one-time password: "Ändra lösenord" before anything else.
    expect(new URL(page.url()).pathname).toBe("/min-sida/andra-losenord");
    await expect.poll(() => page.getByRole("heading", { name: "Ändra lösenord" }).isVisible()).toBe(true);
    await page.getByLabel("Nuvarande lösenord").fill(password);
    // The label's text is "Nytt lösenord *" (the star is aria-hidden); not "Nytt lösenord (igen)".
    const newPassword = page.getByLabel(/^Nytt lösenord( \*)?$/);
    const strength = page.locator("output#strength");
    await newPassword.pressSequentially("abc1");
    await expect.poll(() => strength.textContent()).toMatch(/^(Mycket svagt|Svagt) lösenord$/);
    await newPassword.pressSequentially("-Rönnbärsträd-Kvällssol-84");
    await expect.poll(() => strength.textContent()).toMatch(/^(Starkt|Mycket starkt) lösenord$/);
    await screenshot(page, "02-andra-losenord-styrka");
    await page.getByLabel("Nytt lösenord (igen)").fill("abc1-Rönnbärsträd-Kvällssol-84");
    await page.getByRole("button", { name: "Spara" }).click();

    await expect.poll(() => page.getByRole("heading", { name: "Ditt lösenord har ändrats!" }).isVisible()).toBe(true);
    await page.getByRole("link", { name: /Min Sida/ }).last().click();
    await page.waitForURL("**/min-sida");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/Aino\s+Virtanen/);
    await screenshot(page, "03-min-sida");
    expectNoProblems();
  });

  it("Svenskt medborgarskap: BankID on another device with an animated QR code, approved in the simulator", async () => {
    const page = await open();
    const email = "greta.bankid@example.se";

    await chooseCitizenship(page, "Svenskt medborgarskap");
    await page.getByLabel("Personnummer", { exact: true }).fill("19800101-9812");
    await page.getByRole("button", { name: "Fortsätt" }).click();
    await page.getByLabel("E-post").fill(email);
    await page.getByLabel("Mobilnummer").fill("070-123 45 67");
    await page.getByRole("button", { name: "Använd BankID på en annan enhet" }).click();
    await page.waitForURL("**/bankid?enhet=annan");

    const qr = page.locator("#bankid-status figure.qr");
    await expect.poll(() => qr.locator("svg").isVisible()).toBe(true);
    const first = await qr.getAttribute("data-qr");
    expect(first).toMatch(/^bankid\./);
    // htmx polls every second and the QR data carries the seconds since the order started.
    await expect.poll(() => qr.getAttribute("data-qr"), { timeout: 2500, interval: 100 }).not.toBe(first);
    await screenshot(page, "04-bankid-qr");

    // The "phone": the simulator's page, in a second tab.
    const phone = await session!.context.newPage();
    await phone.goto("/dev/bankid");
    await expect.poll(() => phone.getByLabel("Personnummer").inputValue()).toBe("198001019812");
    await phone.getByLabel("Förnamn").fill("Greta");
    await phone.getByLabel("Efternamn").fill("Bankidsson");
    await phone.getByRole("button", { name: "Godkänn" }).click();
    await phone.waitForURL("**/dev/bankid?m=godkand");

    // The first tab moves on by itself (htmx poll → HX-Redirect).
    await page.waitForURL("**/min-sida", { timeout: 5000 });
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/Greta\s+Bankidsson/);
    expect(await visibleText(page)).toContain("19800101-9812");
    expectNoProblems();
  });

  it("locks a code after five wrong tries: then even the right code is refused", async () => {
    const email = "sparr.test@example.se";
    await seedUser(suite.site.runtime.deps, { email, givenName: "Sara", familyName: "Spärr" });
    const page = await open();

    await page.goto("/logga-in");
    await page.getByLabel("E-post").fill(email);
    await page.getByLabel("Lösenord").fill(GOOD_PASSWORD);
    const since = suite.site.mail.messages.length;
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    await page.waitForURL("**/logga-in/kod");
    const code = loginCode(await nextMail(email, "Engångskod", since));
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");

    async function submit(value: string) {
      await page.getByLabel("Engångskod").fill(value);
      const answer = page.waitForResponse((r) => r.url().endsWith("/logga-in/kod") && r.request().method() === "POST");
      await page.getByRole("button", { name: "Logga in", exact: true }).click();
      expect((await answer).status()).toBe(422);
      // Wait for htmx to swap the answer in.
      await expect.poll(() => page.locator('#code-step [role="alert"]').first().textContent()).toBeTruthy();
    }
    for (let i = 1; i <= 4; i++) {
      await submit(wrong);
      await expect.poll(() => visibleText(page)).toContain(`Du har ${5 - i} försök kvar`);
    }
    await submit(wrong);
    await expect.poll(() => visibleText(page)).toContain("Koden är spärrad efter fem felaktiga försök");
    // The way forward is a new login: the code field is gone and a link leads back.
    expect(await page.getByLabel("Engångskod").count()).toBe(0);
    expect(await page.getByRole("link", { name: "Logga in igen" }).isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe("/logga-in/kod");
    // Even the right code, sent with this browser's cookies, is refused now.
    const origin = new URL(page.url()).origin;
    const right = await page.request.post(`${origin}/logga-in/kod`, { form: { code }, headers: { Origin: origin } });
    expect(right.status()).toBe(422);
    expect(await right.text()).toContain("Koden är spärrad efter fem felaktiga försök");
    await screenshot(page, "05-kod-sparrad");
    expect((await session!.context.cookies()).some((c) => c.name === "session")).toBe(false);
    expectNoProblems();
  });

  it("shows an anonymous visitor the same thing for a known and an unknown e-mail", async () => {
    const known = "redan.registrerad@example.se";
    const unknown = "helt.ny@example.se";
    await seedUser(suite.site.runtime.deps, { email: known, givenName: "Redan", familyName: "Registrerad" });
    const page = await open();

    async function register(email: string) {
      await chooseCitizenship(page, "Annat medborgarskap");
      await page.getByLabel("E-post").fill(email);
      await page.getByRole("button", { name: "Fortsätt" }).click();
      await page.getByLabel("Födelsedatum").fill("1990-02-03");
      const step2 = (await visibleText(page)).replaceAll(email, "<e-post>");
      await page.getByLabel("Förnamn").fill("Kim");
      await page.getByLabel("Efternamn").fill("Andersson");
      await page.getByRole("button", { name: "Skapa användare" }).click();
      await expect.poll(() => page.getByRole("heading", { name: "Kontrollera din e-post" }).isVisible()).toBe(true);
      return { step2, done: (await visibleText(page)).replaceAll(email, "<e-post>"), url: page.url() };
    }
    const a = await register(known);
    const b = await register(unknown);
    expect(a.done).toContain("<e-post>");
    expect(a).toEqual(b);

    async function forgot(email: string) {
      await page.goto("/logga-in");
      await page.getByRole("link", { name: "Glömt lösenord?" }).click();
      await page.waitForURL("**/glomt-losenord");
      await page.getByLabel("E-post").fill(email);
      await page.getByRole("button", { name: "Skicka länk" }).click();
      await expect.poll(() => visibleText(page)).toContain("Om det finns ett konto för");
      return { text: (await visibleText(page)).replaceAll(email, "<e-post>"), url: page.url() };
    }
    const c = await forgot(known);
    const d = await forgot("finns.inte@example.se");
    expect(c.text).toContain("<e-post>");
    expect(c).toEqual(d);
    expectNoProblems();
  });

  it("keeps applicants and anonymous visitors out of /personal", async () => {
    const page = await open();
    const anonymous = await page.goto("/personal");
    expect(new URL(page.url()).pathname).toBe("/logga-in");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/personal");
    expect(anonymous?.status()).toBe(200);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Logga in");

    const email = "sokande@example.se";
    await seedUser(suite.site.runtime.deps, { email, givenName: "Sam", familyName: "Sökande", roles: ["applicant"] });
    await logIn(page, email, GOOD_PASSWORD);
    expect(new URL(page.url()).pathname).toBe("/min-sida");
    const denied = await page.goto("/personal");
    expect(denied?.status()).toBe(403);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Ingen behörighet");
    expectNoProblems();
  });

  it("opens the Online menu from the keyboard, with focus always visible", async () => {
    const page = await open();
    await page.goto("/");
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return { tag: el.tagName.toLowerCase(), text: (el.textContent ?? "").trim(), outline: style.outlineStyle, width: style.outlineWidth, open: el.closest("details")?.open ?? null };
      });

    let summary: Awaited<ReturnType<typeof focused>> = null;
    for (let i = 0; i < 25 && !summary; i++) {
      await page.keyboard.press("Tab");
      const f = await focused();
      expect(f, `Tab ${i + 1} left focus on the body`).not.toBeNull();
      expect(f!.outline, `focus ring on <${f!.tag}> "${f!.text}"`).not.toBe("none");
      expect(f!.width, `focus ring on <${f!.tag}> "${f!.text}"`).not.toBe("0px");
      if (f!.tag === "summary" && f!.text === "Online") summary = f;
    }
    expect(summary, "Tab reached the Online menu").not.toBeNull();
    expect(summary!.open).toBe(false);
    await page.keyboard.press("Enter");
    expect((await focused())!.open).toBe(true);
    const item = page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Registrera konto" });
    expect(await item.isVisible()).toBe(true);
    await screenshot(page, "06-online-meny");

    // Into the menu: the next Tab stops are its links, still with a visible ring.
    await page.keyboard.press("Tab");
    const first = await focused();
    expect(first).toMatchObject({ tag: "a", text: "Sök certifierade företag" });
    expect(first!.outline).not.toBe("none");
    for (let i = 0; i < 2; i++) await page.keyboard.press("Tab");
    expect((await focused())!.text).toBe("Registrera konto");
    await page.keyboard.press("Enter");
    await page.waitForURL("**/registrera-konto");
    expectNoProblems();
  });

  it("has no console errors or CSP violations on the public pages and forms", async () => {
    const page = await open();
    for (const path of ["/", "/om-oss", "/nyheter", "/teknikomraden", "/examinationscentra", "/filer-och-lankar", "/prislista", "/kontrollera-certifikat", "/sok-certifierade-foretag", "/registrera-foretag", "/registrera-konto", "/logga-in", "/glomt-losenord", "/dev/bankid", "/dev/mail"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      // Let deferred scripts (htmx) run.
      await page.waitForLoadState("load");
    }
    // A form answered with 422 by htmx: the error summary is swapped in without a reload.
    await page.goto("/registrera-konto");
    await page.getByLabel("Personnummer", { exact: true }).fill("19800101-9813");
    await page.getByRole("button", { name: "Fortsätt" }).click();
    await expect.poll(() => visibleText(page)).toMatch(/kontrollsiffr/i);
    expect(new URL(page.url()).pathname).toBe("/registrera-konto");
    await screenshot(page, "07-registrera-fel-personnummer");
    expectNoProblems();
  });
});
