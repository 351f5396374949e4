import { Hono } from "hono";
import { beforeEach, describe, expect, it } from "vitest";
import { createBankIdClient, encodeUserVisibleData, fetchTransport } from "./client.ts";
import { qrData } from "./qr.ts";
import { assertSimulatorAllowed, createBankIdSimulator, type BankIdSimulator } from "./simulator.ts";
import type { BankIdClient } from "./types.ts";

const IP = "203.0.113.7";
const ORIGIN = "http://localhost:3000";

let t: number;
let sim: BankIdSimulator;
let app: Hono;
let client: BankIdClient;

beforeEach(() => {
  t = new Date("2025-03-01T10:00:00Z").getTime();
  sim = createBankIdSimulator({ now: () => new Date(t) });
  app = new Hono().route("/dev/bankid", sim.app);
  // In-process, the way the main app reaches the simulator in development.
  client = createBankIdClient({ transport: fetchTransport(`${ORIGIN}/dev/bankid`, (input, init) => app.request(input, init)) });
});

const get = (path: string) => app.request(`${ORIGIN}${path}`);
const post = (path: string, fields: Record<string, string>) =>
  app.request(`${ORIGIN}${path}`, { method: "POST", body: new URLSearchParams(fields) });

/** Every label points at an input that exists, and the page needs no inline script or style. */
function expectCleanHtml(html: string) {
  expect(html.startsWith("<!doctype html>")).toBe(true);
  expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
  expect(html).toContain('<link rel="stylesheet" href="/static/app.css"/>');
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  const fors = [...html.matchAll(/<label for="([^"]+)"/g)].map((m) => m[1]);
  for (const target of fors) expect(ids.has(target), target).toBe(true);
}

describe("the developer page", () => {
  it("waits for orders, reloading itself while there is nothing to fill in", async () => {
    const response = await get("/dev/bankid");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    expectCleanHtml(html);
    expect(html).toContain('<meta http-equiv="refresh" content="3"/>');
    expect(html).toContain("Inga pågående order");
    expect(html).toContain('<label for="qrData">QR-data</label>');
  });

  it("lists pending orders with the text, the requirement and the approve form", async () => {
    const auth = await client.auth({ endUserIp: IP, requirement: { personalNumber: "199001011239", pinCode: true } });
    t += 65_000;
    const sign = await client.sign({ endUserIp: IP, userVisibleData: encodeUserVisibleData("Jag intygar <att> allt är rätt.") });

    const html = await (await get("/dev/bankid")).text();
    expectCleanHtml(html);
    expect(html).not.toContain("http-equiv");
    expect(html).toContain("Pågående order (2)");
    expect(html).toContain(`<code>${auth.orderRef.slice(0, 8)}</code>`);
    expect(html).toContain(`<code>${sign.orderRef.slice(0, 8)}</code>`);
    expect(html).toContain("för 1 min 5 s sedan");
    expect(html).toContain("PIN-kod");
    expect(html).toContain("Jag intygar &lt;att&gt; allt är rätt.");
    expect(html).toContain(`value="199001011239"`);
    for (const text of [">Personnummer</label>", ">Förnamn</label>", ">Efternamn</label>", ">Godkänn</button>", ">Neka</button>"]) {
      expect(html).toContain(text);
    }
    expect(html).toContain(`action="/dev/bankid/order/${auth.orderRef}/approve"`);
    expect(html).toContain(`formaction="/dev/bankid/order/${auth.orderRef}/refuse"`);
  });

  it("approves from the list, then remembers the identity for the next form", async () => {
    const first = await client.auth({ endUserIp: IP });
    const response = await post(`/dev/bankid/order/${first.orderRef}/approve`, {
      back: "list",
      personalNumber: "19900101-1239",
      givenName: " Anna ",
      surname: "Andersson",
    });
    expect([response.status, response.headers.get("location")]).toEqual([303, "/dev/bankid?m=godkand"]);
    expect((await client.collect(first.orderRef)).completionData?.user).toEqual({
      personalNumber: "199001011239",
      name: "Anna Andersson",
      givenName: "Anna",
      surname: "Andersson",
    });

    await client.auth({ endUserIp: IP });
    const html = await (await get("/dev/bankid?m=godkand")).text();
    expect(html).toContain("Ordern är godkänd.");
    expect(html).toContain('value="199001011239"');
    expect(html).toContain('value="Anna"');
  });

  it("refuses a malformed personnummer or missing names with a message", async () => {
    const order = await client.auth({ endUserIp: IP });
    const short = await post(`/dev/bankid/order/${order.orderRef}/approve`, { back: "list", personalNumber: "9001011239", givenName: "A", surname: "B" });
    expect(short.status).toBe(422);
    expect(await short.text()).toContain("Personnummer ska ha 12 siffror");
    const unnamed = await post(`/dev/bankid/order/${order.orderRef}/approve`, { back: "list", personalNumber: "199001011239", givenName: "", surname: "B" });
    expect(await unnamed.text()).toContain("Fyll i både förnamn och efternamn.");
    expect((await client.collect(order.orderRef)).status).toBe("pending");
  });

  it("says so when the order is gone", async () => {
    const order = await client.auth({ endUserIp: IP });
    await client.cancel(order.orderRef);
    const response = await post(`/dev/bankid/order/${order.orderRef}/approve`, { back: "list", personalNumber: "199001011239", givenName: "A", surname: "B" });
    expect(response.headers.get("location")).toBe("/dev/bankid?m=saknas");
    expect(await (await get("/dev/bankid?m=saknas")).text()).toContain("Ordern finns inte längre");
    expect((await get(`/dev/bankid/order/${order.orderRef}`)).status).toBe(404);
  });
});

describe("picking an order by its QR data", () => {
  it("accepts a valid code, opens the order and says how old the code is", async () => {
    const order = await client.auth({ endUserIp: IP });
    t += 4_000;
    const response = await post("/dev/bankid/qr", { qrData: qrData(order.qrStartToken, order.qrStartSecret, 3) });
    expect([response.status, response.headers.get("location")]).toEqual([303, `/dev/bankid/order/${order.orderRef}?qr=3`]);
    expect(await client.collect(order.orderRef)).toMatchObject({ status: "pending", hintCode: "userSign" });
    const html = await (await get(`/dev/bankid/order/${order.orderRef}?qr=3`)).text();
    expectCleanHtml(html);
    expect(html).toContain("QR-koden är giltig (skapad 3 s efter att ordern startade).");
    expect(html).toContain(">Godkänn</button>");
  });

  it("rejects tampered, unknown, future and malformed data", async () => {
    const order = await client.auth({ endUserIp: IP });
    const good = qrData(order.qrStartToken, order.qrStartSecret, 0);
    const cases: Array<[string, string]> = [
      [good.replace(/\.0\./, ".1."), "qr-kod"],
      [qrData(order.qrStartToken, "not-the-secret", 0), "qr-kod"],
      [qrData(crypto.randomUUID(), order.qrStartSecret, 0), "qr-okand"],
      [qrData(order.qrStartToken, order.qrStartSecret, 30), "qr-tid"],
      ["hej", "qr-format"],
    ];
    for (const [data, code] of cases) {
      const response = await post("/dev/bankid/qr", { qrData: data });
      expect(response.headers.get("location"), data).toBe(`/dev/bankid?m=${code}`);
    }
    expect(await (await get("/dev/bankid?m=qr-kod")).text()).toContain("QR-koden är ogiltig: qrAuthCode stämmer inte");
    expect(await client.collect(order.orderRef)).toMatchObject({ hintCode: "outstandingTransaction" });
  });
});

describe("the same-device flow", () => {
  it("shows just that order and goes back to the service's own pages only", async () => {
    const other = await client.auth({ endUserIp: IP });
    const order = await client.auth({ endUserIp: IP, returnUrl: `${ORIGIN}/logga-in/bankid` });
    const response = await get(`/dev/bankid/app?autostarttoken=${order.autoStartToken}&redirect=null`);
    const html = await response.text();
    expectCleanHtml(html);
    expect(html).toContain(order.orderRef.slice(0, 8));
    expect(html).not.toContain(other.orderRef.slice(0, 8));
    expect(html).toContain('<input type="hidden" name="back" value="app"/>');

    // Another site as the redirect is ignored in favour of the order's returnUrl.
    const approved = await post(`/dev/bankid/order/${order.orderRef}/approve`, {
      back: "app",
      redirect: "https://evil.example/steal",
      personalNumber: "199001011239",
      givenName: "Anna",
      surname: "Andersson",
    });
    expect(approved.headers.get("location")).toBe(`${ORIGIN}/logga-in/bankid`);

    const finished = await (await get(`/dev/bankid/app?autostarttoken=${order.autoStartToken}`)).text();
    expect(finished).toContain("Ordern är godkänd som Anna Andersson (199001011239).");
    expect(finished).not.toContain(">Godkänn</button>");
  });

  it("stays in the simulator when there is nowhere safe to go, and Neka works there too", async () => {
    const order = await client.auth({ endUserIp: IP });
    await get(`/dev/bankid/app?autostarttoken=${order.autoStartToken}`);
    const refused = await post(`/dev/bankid/order/${order.orderRef}/refuse`, { back: "app", redirect: "https://evil.example/" });
    expect(refused.headers.get("location")).toBe(`/dev/bankid/app?autostarttoken=${order.autoStartToken}&m=nekad`);
    expect(await client.collect(order.orderRef)).toMatchObject({ status: "failed", hintCode: "userCancel" });
    expect(await (await get(refused.headers.get("location")!)).text()).toContain("Ordern är nekad.");
  });

  it("answers 404 for an unknown start link", async () => {
    const response = await get("/dev/bankid/app?autostarttoken=nope");
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Ingen order hör till den här startlänken");
  });
});

describe("a form that cannot be read", () => {
  it("answers a truncated or boundless multipart body with a Swedish 400, and the order is untouched", async () => {
    const order = await client.auth({ endUserIp: IP });
    const truncated = '--b\r\nContent-Disposition: form-data; name="back"\r\n\r\nlist\r\n--b\r\nContent-Disposition: form-data; name="personalNumber"\r\n\r\n1990';
    for (const [type, body] of [["multipart/form-data; boundary=b", truncated], ["multipart/form-data", "back=list"]]) {
      for (const path of ["/dev/bankid/qr", `/dev/bankid/order/${order.orderRef}/approve`, `/dev/bankid/order/${order.orderRef}/refuse`]) {
        const response = await app.request(`${ORIGIN}${path}`, { method: "POST", headers: { "Content-Type": type! }, body });
        expect(response.status, `${type} ${path}`).toBe(400);
        expect(await response.text()).toContain("Formuläret gick inte att läsa");
      }
    }
    expect(await client.collect(order.orderRef)).toMatchObject({ status: "pending" });
  });
});

describe("production guard", () => {
  it("refuses to exist with NODE_ENV=production", () => {
    expect(() => assertSimulatorAllowed("production")).toThrow(/NODE_ENV=production/);
    expect(() => createBankIdSimulator({ nodeEnv: "production" })).toThrow();
    expect(() => assertSimulatorAllowed("development")).not.toThrow();
    expect(() => assertSimulatorAllowed(undefined)).not.toThrow();
  });

  it("serves its pages under another basePath when mounted elsewhere", async () => {
    const other = createBankIdSimulator({ basePath: "/sim/" });
    expect([other.basePath, other.appUrl]).toEqual(["/sim", "/sim/app"]);
    const html = await (await new Hono().route("/sim", other.app).request("/sim")).text();
    expect(html).toContain('action="/sim/qr"');
  });
});
