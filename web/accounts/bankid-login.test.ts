import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserClient, startTestApp, textOf, type TestApp } from "../../test/harness.ts";
import { seedUser } from "../../test/fixtures.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-11-22T10:00:00Z") });
  await seedUser(t.runtime.deps, { email: "karin@example.se", personnummer: "197506209837", givenName: "Karin", familyName: "Lindqvist" });
});
afterAll(() => t.close());

const sim = () => t.runtime.simulator!;

async function start(client: ReturnType<typeof browserClient>, device: "denna" | "annan") {
  const res = await client.post("/logga-in/bankid", { enhet: device });
  expect(res.status).toBe(303);
  expect(res.headers.get("Location")).toBe(`/bankid?enhet=${device}`);
  return sim().pendingOrders().at(-1)!;
}

describe("Logga in med BankID", () => {
  it("logs a person with a personnummer in without an e-mailed code", async () => {
    const client = browserClient(t.app);
    const order = await start(client, "denna");
    expect(order.requirement?.personalNumber).toBeUndefined();
    const page = await client.get("/bankid?enhet=denna");
    const html = await page.text();
    expect(html).toContain(`/dev/bankid/app?autostarttoken=${order.autoStartToken}`);
    expect(textOf(html)).toContain("Öppna BankID-appen");
    const mailsBefore = t.mail.messages.length;
    sim().approve(order.orderRef, { personalNumber: "197506209837", givenName: "Karin", surname: "Lindqvist" });
    const done = await client.get("/bankid?enhet=denna");
    expect(done.headers.get("Location")).toBe("/min-sida");
    expect(textOf(await (await client.get("/min-sida")).text())).toContain("Karin Lindqvist");
    expect(t.mail.messages.length).toBe(mailsBefore);
    const log = textOf(await (await client.get("/min-sida/handelselogg")).text());
    expect(log).toContain("Inloggad med BankID");
  });

  it("says plainly when no account has that personnummer", async () => {
    const client = browserClient(t.app);
    const order = await start(client, "annan");
    sim().approve(order.orderRef, { personalNumber: "198001019812", givenName: "Sven", surname: "Svensson" });
    const res = await client.get("/bankid/status?enhet=annan", { htmx: true });
    expect(textOf(await res.text())).toContain("Inget konto hittades");
    expect(client.jar.has("session")).toBe(false);
  });

  it("uses an order once: a second poll after completion starts nothing", async () => {
    const client = browserClient(t.app);
    const order = await start(client, "annan");
    const cookie = client.jar.get("bankid")!;
    sim().approve(order.orderRef, { personalNumber: "197506209837", givenName: "Karin", surname: "Lindqvist" });
    expect((await client.get("/bankid?enhet=annan")).headers.get("Location")).toBe("/min-sida");
    const replay = browserClient(t.app);
    replay.jar.set("bankid", cookie);
    const res = await replay.get("/bankid?enhet=annan");
    expect(res.headers.get("Location")).toBe("/logga-in");
    expect(replay.jar.has("session")).toBe(false);
  });

  it("lets the person cancel, and times out after three minutes", async () => {
    const client = browserClient(t.app);
    await start(client, "annan");
    const cancelled = await client.post("/bankid/avbryt", {});
    expect(cancelled.headers.get("Location")).toBe("/logga-in");
    await start(client, "annan");
    t.clock!.advance(181_000);
    const res = await client.get("/bankid/status?enhet=annan", { htmx: true });
    expect(textOf(await res.text())).toContain("BankID-appen svarar inte");
  });

  it("binds the order to the browser that started it", async () => {
    const client = browserClient(t.app);
    const order = await start(client, "annan");
    sim().approve(order.orderRef, { personalNumber: "197506209837", givenName: "Karin", surname: "Lindqvist" });
    const stranger = browserClient(t.app);
    const [id] = client.jar.get("bankid")!.split(".");
    stranger.jar.set("bankid", `${id}.wrongsecret`);
    expect((await stranger.get("/bankid?enhet=annan")).headers.get("Location")).toBe("/logga-in");
    expect(stranger.jar.has("session")).toBe(false);
  });
});
