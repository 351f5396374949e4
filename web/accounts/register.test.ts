import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, persons } from "../../db/schema/index.ts";
import { parseQrData, verifyQrData } from "../../lib/bankid/qr.ts";
import { browserClient, startTestApp, textOf, type TestApp } from "../../test/harness.ts";
import { oneTimePassword } from "../../test/mail-sink.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const PNR = "198001019812"; // Skatteverket's test range
const sim = () => t.runtime.simulator!;

describe("Registrera konto", () => {
  it("shows the manual's first step with real labels", async () => {
    const res = await browserClient(t.app).get("/registrera-konto");
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const label of ["Medborgarskap", "Svenskt medborgarskap", "Annat medborgarskap", "Personnummer", "E-post", "Fortsätt"]) expect(textOf(html)).toContain(label);
    expect(html).toMatch(/<label for="f-personnummer">Personnummer/);
    expect(html).toMatch(/<label for="f-epost">E-post/);
  });

  it("explains each personnummer mistake with a 422, as a fragment for htmx", async () => {
    const client = browserClient(t.app);
    const cases: [string, RegExp][] = [
      ["1980010", /tolv siffror/i],
      ["19800231-9812", /datum/i],
      ["19800101-9813", /kontrollsiffr/i],
    ];
    for (const [input, message] of cases) {
      const res = await client.post("/registrera-konto", { medborgarskap: "svenskt", personnummer: input }, { htmx: true });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).not.toContain("<html");
      expect(textOf(html)).toMatch(message);
    }
    const page = await client.post("/registrera-konto", { medborgarskap: "svenskt", personnummer: "1980010" });
    expect(page.status).toBe(422);
    expect(await page.text()).toContain("<html");
  });

  it("accepts both personnummer forms and a samordningsnummer", async () => {
    const client = browserClient(t.app);
    // The last is a samordningsnummer: day 01 + 60.
    for (const input of ["19800101-9812", "198001019812", "19800161-9819"]) {
      const res = await client.post("/registrera-konto", { medborgarskap: "svenskt", personnummer: input });
      const text = textOf(await res.text());
      expect(res.status).toBe(200);
      expect(text).toContain("Slutför registreringen med BankID");
      expect(text).toContain("Använd BankID på den här enheten");
      expect(text).toContain("Använd BankID på en annan enhet");
    }
  });

  describe("Annat medborgarskap", () => {
    async function register(email: string, names = { fornamn: "Test", efternamn: "Person" }) {
      const client = browserClient(t.app);
      const step1 = await client.post("/registrera-konto", { medborgarskap: "annat", epost: email });
      expect(step1.status).toBe(200);
      const text1 = textOf(await step1.text());
      for (const label of ["Födelsedatum", "Förnamn", "Efternamn", "Mobilnummer", "Skapa användare"]) expect(text1).toContain(label);
      const res = await client.post("/registrera-konto/skapa", { epost: email, fodelsedatum: "1980-01-01", ...names, mobil: "+46 0848002200" });
      return res;
    }

    it("creates the account and mails a one-time password", async () => {
      const res = await register("test.person@example.com");
      expect(res.status).toBe(200);
      expect(textOf(await res.text())).toContain("Kontrollera din e-post");
      const mail = await t.mail.waitFor((m) => m.to.includes("test.person@example.com"));
      expect(mail.subject).toContain("Välkommen till");
      expect(mail.text).toContain("Hej Test Person");
      expect(oneTimePassword(mail)).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
      expect(mail.html).toContain("engångslösenord");
      const person = await t.runtime.deps.db.select().from(persons).where(eq(persons.email, "test.person@example.com")).get();
      expect(person).toMatchObject({ givenName: "Test", familyName: "Person", birthDate: "1980-01-01", identityMethod: "manual", personnummer: null });
      const logged = await t.runtime.deps.db.select().from(events).where(eq(events.personId, person!.id)).all();
      expect(logged.map((e) => e.action)).toContain("person.registered");
    });

    it("answers a known e-mail exactly like an unknown one, and tells the owner", async () => {
      const known = await register("test.person@example.com", { fornamn: "Någon", efternamn: "Annan" });
      const unknown = await register("ny.person@example.com", { fornamn: "Någon", efternamn: "Annan" });
      expect(known.status).toBe(unknown.status);
      const a = textOf(await known.text()).replace("test.person@example.com", "X");
      const b = textOf(await unknown.text()).replace("ny.person@example.com", "X");
      expect(a).toBe(b);
      const notice = await t.mail.waitFor((m) => m.to.includes("test.person@example.com") && m.subject.includes("Försök att registrera"));
      expect(notice.text).toContain("Du har redan ett konto");
      const [{ n }] = await t.runtime.deps.db.select({ n: count() }).from(persons).where(eq(persons.email, "test.person@example.com"));
      expect(n).toBe(1);
      const person = await t.runtime.deps.db.select().from(persons).where(eq(persons.email, "test.person@example.com")).get();
      expect(person!.givenName).toBe("Test");
    });

    it("refuses bad details with messages at the fields", async () => {
      const client = browserClient(t.app);
      const res = await client.post("/registrera-konto/skapa", { epost: "x@example.com", fodelsedatum: "2999-01-01", fornamn: "", efternamn: "P3rson", mobil: "abc" }, { htmx: true });
      expect(res.status).toBe(422);
      const text = textOf(await res.text());
      expect(text).toContain("Födelsedatumet kan inte vara i framtiden");
      expect(text).toContain("Ange ditt förnamn");
      expect(text).toContain("efternamn får bara innehålla");
      expect(text).toContain("Ange mobilnumret med siffror");
    });
  });

  describe("Svenskt medborgarskap with BankID", () => {
    async function startBankId(client: ReturnType<typeof browserClient>, email: string, pnr = PNR) {
      const res = await client.post("/registrera-konto/bankid", { personnummer: pnr, epost: email, mobil: "070-123 45 67", enhet: "annan" });
      expect(res.status).toBe(303);
      expect(res.headers.get("Location")).toBe("/bankid?enhet=annan");
      const order = sim().pendingOrders().at(-1)!;
      expect(order.requirement?.personalNumber).toBe(pnr);
      return order;
    }

    it("creates the account with the name from BankID and logs in", async () => {
      const client = browserClient(t.app);
      const order = await startBankId(client, "sven@example.se");
      const page = await client.get("/bankid?enhet=annan");
      expect(page.status).toBe(200);
      const html = await page.text();
      const qr = /data-qr="([^"]+)"/.exec(html)![1]!;
      const parsed = parseQrData(qr)!;
      expect(parsed.qrStartToken).toBe(order.qrStartToken);
      expect(verifyQrData(qr, order.qrStartSecret).valid).toBe(true);
      expect(html).toContain('hx-trigger="every 1s"');
      expect(html).toContain("<svg");

      const pending = await client.get("/bankid/status?enhet=annan", { htmx: true });
      expect(textOf(await pending.text())).toContain("Starta BankID-appen och skanna QR-koden");

      expect(sim().approve(order.orderRef, { personalNumber: PNR, givenName: "Sven", surname: "Svensson" })).toEqual({ ok: true });
      const done = await client.get("/bankid/status?enhet=annan", { htmx: true });
      expect(done.headers.get("HX-Redirect")).toBe("/min-sida");
      const minSida = await client.get("/min-sida");
      expect(minSida.status).toBe(200);
      const text = textOf(await minSida.text());
      expect(text).toContain("Sven Svensson");
      expect(text).toContain("19800101-9812");
      const person = await t.runtime.deps.db.select().from(persons).where(eq(persons.personnummer, PNR)).get();
      expect(person).toMatchObject({ email: "sven@example.se", identityMethod: "bankid", birthDate: "1980-01-01", mobile: "070 123 45 67" });
    });

    it("logs an existing person in instead and tells them by mail", async () => {
      const client = browserClient(t.app);
      const order = await startBankId(client, "annan.adress@example.se");
      sim().approve(order.orderRef, { personalNumber: PNR, givenName: "Sven", surname: "Svensson" });
      const done = await client.get("/bankid?enhet=annan");
      expect(done.status).toBe(303);
      expect(done.headers.get("Location")).toBe("/min-sida");
      await t.mail.waitFor((m) => m.to.includes("sven@example.se") && m.subject.includes("Försök att registrera"));
      const [{ n }] = await t.runtime.deps.db.select({ n: count() }).from(persons).where(eq(persons.personnummer, PNR));
      expect(n).toBe(1);
    });

    it("refuses an e-mail address that belongs to someone else after BankID", async () => {
      const client = browserClient(t.app);
      const other = "198506149825";
      const order = await startBankId(client, "test.person@example.com", other);
      sim().approve(order.orderRef, { personalNumber: other, givenName: "Eva", surname: "Ek" });
      const res = await client.get("/bankid?enhet=annan");
      expect(textOf(await res.text())).toContain("E-postadressen kan inte användas");
      expect(await t.runtime.deps.db.select().from(persons).where(eq(persons.personnummer, other)).get()).toBeUndefined();
    });

    it("shows the refusal when the person says no in BankID", async () => {
      const client = browserClient(t.app);
      const order = await startBankId(client, "nej@example.se");
      sim().refuse(order.orderRef);
      const res = await client.get("/bankid/status?enhet=annan", { htmx: true });
      expect(textOf(await res.text())).toContain("Åtgärden avbruten");
    });
  });
});
