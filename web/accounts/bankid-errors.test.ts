// BankID's refusals through the real app and the simulator: never a 500, always words and a way on.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { browserClient, startTestApp, textOf, type BrowserClient, type TestApp } from "../../test/harness.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-11-22T10:00:00Z") });
});
afterAll(() => t.close());
afterEach(() => vi.restoreAllMocks());

const PNR = "198001019812"; // Skatteverket's test range
const RFA4 = "En identifiering eller underskrift för det här personnumret är redan påbörjad. Försök igen.";
const RFA5 = "Internt tekniskt fel. Försök igen.";
const sim = () => t.runtime.simulator!;

/**
 * The simulator answers the next call to `/rp/v6.0/{call}` with `answer` (a response, or a thrown
 * network error) instead of itself; every other call goes through as usual.
 */
function bankIdAnswersOnce(call: "auth" | "collect", answer: () => Response) {
  const app = sim().app;
  const real = app.fetch.bind(app);
  let used = false;
  vi.spyOn(app, "fetch").mockImplementation(async (request: Request, ...rest) => {
    if (!used && new URL(request.url).pathname === `/rp/v6.0/${call}`) {
      used = true;
      return answer();
    }
    return real(request, ...rest);
  });
}

const errorAnswer = (errorCode: string, status: number) => () => Response.json({ errorCode, details: "" }, { status });
const noAnswer = () => {
  throw new TypeError("fetch failed");
};

function register(client: BrowserClient, email: string) {
  return client.post("/registrera-konto/bankid", { personnummer: PNR, epost: email, mobil: "", enhet: "annan" });
}

describe("BankID refuses to start an order", () => {
  it("eight parallel starts for one personnummer: a started order or a 409 with RFA4, never a 5xx", async () => {
    const clients = Array.from({ length: 8 }, () => browserClient(t.app));
    const answers = await Promise.all(clients.map((client, i) => register(client, `parallell${i}@example.se`)));
    let started = 0;
    let refused = 0;
    for (const [i, res] of answers.entries()) {
      if (res.status === 303) {
        started++;
        expect(res.headers.get("Location")).toBe("/bankid?enhet=annan");
        // BankID ends the earlier order when a later one clashes: the page says so, or shows the QR code.
        const page = await clients[i]!.get("/bankid?enhet=annan");
        expect(page.status).toBe(200);
        expect(textOf(await page.text())).toMatch(/Starta BankID-appen och skanna QR-koden|Åtgärden avbruten\. Försök igen\./);
        continue;
      }
      expect(res.status).toBe(409);
      refused++;
      const html = await res.text();
      expect(textOf(html)).toContain(RFA4);
      // On the form that started it, with what was typed still there.
      expect(html).toContain('action="/registrera-konto/bankid"');
      expect(html).toContain(`value="parallell${i}@example.se"`);
      expect(clients[i]!.jar.has("bankid")).toBe(false);
    }
    expect(started + refused).toBe(8);
    expect(started).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    // The person starts again once, alone, and gets an order.
    for (const o of sim().pendingOrders()) sim().refuse(o.orderRef);
    expect((await register(browserClient(t.app), "igen@example.se")).status).toBe(303);
    for (const o of sim().pendingOrders()) sim().refuse(o.orderRef);
  });

  it.each([
    ["internalError", errorAnswer("internalError", 500)],
    ["maintenance", errorAnswer("maintenance", 503)],
    ["requestTimeout", errorAnswer("requestTimeout", 408)],
    ["no answer at all", noAnswer],
  ])("%s: 503 with RFA5 on the login form", async (_, answer) => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    bankIdAnswersOnce("auth", answer);
    const client = browserClient(t.app);
    const res = await client.post("/logga-in/bankid", { enhet: "annan" });
    expect(res.status).toBe(503);
    const html = await res.text();
    expect(textOf(html)).toContain(RFA5);
    expect(html).toContain('action="/logga-in/bankid"');
    expect(textOf(html)).toContain("Använd BankID på en annan enhet");
    expect(client.jar.has("bankid")).toBe(false);
    expect(log).not.toHaveBeenCalled();
  });

  it("our own mistake is logged and answered 503 without blaming BankID", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    bankIdAnswersOnce("auth", errorAnswer("unauthorized", 401));
    const res = await register(browserClient(t.app), "egetfel@example.se");
    expect(res.status).toBe(503);
    const text = textOf(await res.text());
    expect(text).toContain("Ett tekniskt fel hos oss stoppade legitimeringen med BankID. Försök igen om en stund.");
    expect(text).not.toContain(RFA5);
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]![0])).toMatch(/BankID \/auth .*unauthorized \(HTTP 401\)/);
  });
});

describe("a collect that fails", () => {
  async function startLogin(client: BrowserClient) {
    expect((await client.post("/logga-in/bankid", { enhet: "annan" })).status).toBe(303);
    return sim().pendingOrders().at(-1)!;
  }

  it("ends the order and shows RFA5 with Försök igen, and the person can start again", async () => {
    const client = browserClient(t.app);
    expect((await register(client, "insamling@example.se")).status).toBe(303);
    const order = sim().pendingOrders().at(-1)!;
    bankIdAnswersOnce("collect", errorAnswer("maintenance", 503));
    const res = await client.get("/bankid/status?enhet=annan", { htmx: true });
    expect(res.status).toBe(503);
    const html = await res.text();
    expect(textOf(html)).toContain(RFA5);
    expect(html).toContain('href="/registrera-konto"');
    expect(textOf(html)).toContain("Försök igen");
    expect(html).not.toContain("hx-trigger"); // the poll is over
    // Ended here, and at BankID too, so the next start for this personnummer is not refused.
    await vi.waitFor(() => expect(sim().pendingOrders().some((o) => o.orderRef === order.orderRef)).toBe(false));
    const again = await client.get("/bankid?enhet=annan");
    expect(again.status).toBe(503);
    expect(textOf(await again.text())).toContain(RFA5);
    expect((await register(client, "insamling@example.se")).status).toBe(303);
    for (const o of sim().pendingOrders()) sim().refuse(o.orderRef);
  });

  it("no answer at all while collecting: RFA5 on the whole page", async () => {
    const client = browserClient(t.app);
    await startLogin(client);
    bankIdAnswersOnce("collect", noAnswer);
    const res = await client.get("/bankid?enhet=annan");
    expect(res.status).toBe(503);
    const text = textOf(await res.text());
    expect(text).toContain(RFA5);
    expect(text).toContain("Försök igen");
  });

  it("an order BankID no longer knows (cancelled there) is our mistake: logged, 503, Försök igen", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const client = browserClient(t.app);
    const order = await startLogin(client);
    const cancelled = await sim().app.request("/rp/v6.0/cancel", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ orderRef: order.orderRef }) });
    expect(cancelled.status).toBe(200);
    const res = await client.get("/bankid/status?enhet=annan", { htmx: true });
    expect(res.status).toBe(503);
    const html = await res.text();
    expect(textOf(html)).toContain("Ett tekniskt fel hos oss stoppade legitimeringen med BankID.");
    expect(textOf(html)).toContain("Försök igen");
    expect(html).toContain('href="/logga-in"');
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]![0])).toMatch(/BankID \/collect .*invalidParameters/);
  });

  it("a cancel after a failed collect still goes home, no 500", async () => {
    const client = browserClient(t.app);
    await startLogin(client);
    bankIdAnswersOnce("collect", errorAnswer("internalError", 500));
    const res = await client.post("/bankid/avbryt", {});
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/logga-in");
  });
});
