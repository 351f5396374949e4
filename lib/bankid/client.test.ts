import type { AddressInfo } from "node:net";
import https from "node:https";
import { getRequestListener, serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { autoStartUrl, createBankIdClient, encodeUserVisibleData, fetchTransport, httpsTransport } from "./client.ts";
import { createBankIdSimulator, type BankIdSimulator } from "./simulator.ts";
import { makeTestPki, type TestPki } from "./test-certs.ts";
import { BankIdError, type BankIdClient, type CompletionData, type SignInput } from "./types.ts";

const IP = "203.0.113.7";
const ANNA = { personalNumber: "199001011239", givenName: "Anna", surname: "Andersson" };

/** A clock the test moves by hand. */
function testClock(start = "2025-03-01T10:00:00Z") {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), advance: (seconds: number) => (t += seconds * 1000) };
}

/** The simulator mounted where the main app mounts it. */
function mounted(sim: BankIdSimulator): Hono {
  return new Hono().route("/dev/bankid", sim.app);
}

async function rejection(promise: Promise<unknown>): Promise<BankIdError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BankIdError);
  return error as BankIdError;
}

function decode(base64: string): string {
  return Buffer.from(base64, "base64").toString("utf8");
}

describe("client against the simulator over HTTP on loopback", () => {
  let server: ServerType;
  let baseUrl: string;
  let current: Hono;
  let sim: BankIdSimulator;
  let clock: ReturnType<typeof testClock>;
  let client: BankIdClient;

  beforeAll(async () => {
    // One server for the file; each test gets a fresh simulator behind it.
    server = serve({ fetch: (request) => current.fetch(request), port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dev/bankid`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    clock = testClock();
    sim = createBankIdSimulator({ now: clock.now });
    current = mounted(sim);
    client = createBankIdClient({ transport: fetchTransport(baseUrl) });
  });

  /** The developer's Godkänn, posted as the page's form would be. */
  function approveByForm(orderRef: string, fields: Record<string, string>) {
    return fetch(`${baseUrl}/order/${orderRef}/approve`, {
      method: "POST",
      body: new URLSearchParams({ back: "list", ...fields }),
      redirect: "manual",
    });
  }

  it("auth: pending until the app opens it, complete when approved", async () => {
    const order = await client.auth({ endUserIp: IP, userVisibleData: encodeUserVisibleData("Logga in i certportal") });
    expect(order).toEqual({
      orderRef: expect.any(String),
      autoStartToken: expect.any(String),
      qrStartToken: expect.any(String),
      qrStartSecret: expect.any(String),
    });
    expect(await client.collect(order.orderRef)).toEqual({ orderRef: order.orderRef, status: "pending", hintCode: "outstandingTransaction" });

    expect(sim.open(order.orderRef)).toEqual({ ok: true });
    expect(await client.collect(order.orderRef)).toMatchObject({ status: "pending", hintCode: "userSign" });

    const response = await approveByForm(order.orderRef, ANNA);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/dev/bankid?m=godkand");

    const done = await client.collect(order.orderRef);
    expect(done.status).toBe("complete");
    const data = done.completionData as CompletionData;
    expect(data.user).toEqual({ personalNumber: ANNA.personalNumber, name: "Anna Andersson", givenName: "Anna", surname: "Andersson" });
    expect(data.device.ipAddress).toBe("192.0.2.1");
    expect(data.device.uhi).toEqual(expect.any(String));
    expect(data.bankIdIssueDate).toBe("2024-03-01");
    expect(decode(data.signature)).toContain("SIMULERAD");
    expect(decode(data.signature)).toContain(`<usrVisibleData charset="UTF-8" visible="wysiwys">${encodeUserVisibleData("Logga in i certportal")}</usrVisibleData>`);
    expect(decode(data.ocspResponse)).toContain("SIMULATED");
    expect(data.stepUp).toBeUndefined();

    // The outcome can be collected again for a while, then BankID forgets the order.
    expect((await client.collect(order.orderRef)).status).toBe("complete");
    clock.advance(181);
    const gone = await rejection(client.collect(order.orderRef));
    expect([gone.errorCode, gone.details, gone.httpStatus]).toEqual(["invalidParameters", "No such order", 400]);
  });

  it("sign: requires the text to sign and puts it in the signature", async () => {
    const missing = await rejection(client.sign({ endUserIp: IP } as SignInput));
    expect(missing.errorCode).toBe("invalidParameters");
    expect(missing.details).toContain("userVisibleData");

    const text = encodeUserVisibleData("Jag intygar att uppgifterna är riktiga. Åäö.");
    const order = await client.sign({
      endUserIp: IP,
      userVisibleData: text,
      userVisibleDataFormat: "simpleMarkdownV1",
      requirement: { personalNumber: ANNA.personalNumber, mrtd: true },
      returnRisk: true,
    });
    expect(sim.approve(order.orderRef, ANNA)).toEqual({ ok: true });
    const done = await client.collect(order.orderRef);
    expect(done.completionData?.stepUp).toEqual({ mrtd: true });
    expect(done.completionData?.risk).toBe("low");
    expect(decode(done.completionData!.signature)).toContain(text);
    expect(decode(done.completionData!.signature)).toContain("<kind>sign</kind>");
  });

  it("refuse: failed with userCancel", async () => {
    const order = await client.auth({ endUserIp: IP });
    const response = await fetch(`${baseUrl}/order/${order.orderRef}/refuse`, { method: "POST", body: new URLSearchParams({ back: "list" }), redirect: "manual" });
    expect(response.status).toBe(303);
    expect(await client.collect(order.orderRef)).toEqual({ orderRef: order.orderRef, status: "failed", hintCode: "userCancel" });
    // A finished order cannot be approved afterwards.
    expect(sim.approve(order.orderRef, ANNA).ok).toBe(false);
  });

  it("cancel: the order is gone, as at BankID", async () => {
    const order = await client.auth({ endUserIp: IP });
    await expect(client.cancel(order.orderRef)).resolves.toBeUndefined();
    expect((await rejection(client.collect(order.orderRef))).errorCode).toBe("invalidParameters");
    expect((await rejection(client.cancel(order.orderRef))).details).toBe("No such order");
    expect(sim.pendingOrders()).toEqual([]);
  });

  it("expiredTransaction after three minutes on the injected clock", async () => {
    const order = await client.auth({ endUserIp: IP });
    clock.advance(179);
    expect((await client.collect(order.orderRef)).status).toBe("pending");
    clock.advance(1);
    expect(await client.collect(order.orderRef)).toMatchObject({ status: "failed", hintCode: "expiredTransaction" });
    expect(sim.approve(order.orderRef, ANNA).ok).toBe(false);
    clock.advance(301);
    expect((await rejection(client.collect(order.orderRef))).errorCode).toBe("invalidParameters");
  });

  it("alreadyInProgress: a second order for the same person cancels the first", async () => {
    const first = await client.auth({ endUserIp: IP, requirement: { personalNumber: ANNA.personalNumber } });
    const other = await client.auth({ endUserIp: IP, requirement: { personalNumber: "198002022382" } });
    const error = await rejection(client.auth({ endUserIp: IP, requirement: { personalNumber: ANNA.personalNumber } }));
    expect([error.errorCode, error.httpStatus]).toEqual(["alreadyInProgress", 400]);
    expect(await client.collect(first.orderRef)).toMatchObject({ status: "failed", hintCode: "cancelled" });
    expect((await client.collect(other.orderRef)).status).toBe("pending");
    // Once nothing is pending for her, she can start again.
    const again = await client.auth({ endUserIp: IP, requirement: { personalNumber: ANNA.personalNumber } });
    expect((await client.collect(again.orderRef)).status).toBe("pending");
  });

  it("notFound, methodNotAllowed and unknown orders", async () => {
    const unknown = await rejection(client.collect("00000000-0000-0000-0000-000000000000"));
    expect([unknown.errorCode, unknown.details]).toEqual(["invalidParameters", "No such order"]);

    const transport = fetchTransport(baseUrl);
    expect(await transport("/rp/v6.0/nothing", {})).toEqual({ status: 404, json: { errorCode: "notFound", details: "No such endpoint" } });
    expect(await transport("/rp/v5.1/auth", { endUserIp: IP })).toMatchObject({ status: 404, json: { errorCode: "notFound" } });
    const get = await fetch(`${baseUrl}/rp/v6.0/auth`);
    expect([get.status, await get.json()]).toEqual([405, { errorCode: "methodNotAllowed", details: "Only POST is allowed" }]);
  });

  it("invalidParameters for bad input", async () => {
    const bad = [
      {},
      { endUserIp: "" },
      { endUserIp: "not an ip" },
      { endUserIp: IP, requirement: { personalNumber: "19900101-1239" } },
      { endUserIp: IP, requirement: { personalNumber: "9001011239" } },
      { endUserIp: IP, userVisibleData: "not base64!" },
      { endUserIp: IP, userVisibleData: Buffer.from([0xff, 0xfe]).toString("base64") },
      { endUserIp: IP, userVisibleDataFormat: "html" },
      { endUserIp: IP, returnUrl: "javascript:alert(1)" },
    ];
    for (const body of bad) {
      const error = await rejection(client.auth(body as never));
      expect([error.errorCode, error.httpStatus], JSON.stringify(body)).toEqual(["invalidParameters", 400]);
    }
    expect((await rejection(client.collect(""))).errorCode).toBe("invalidParameters");
    expect(await client.auth({ endUserIp: "2001:db8::1" })).toHaveProperty("orderRef");
  });

  it("unsupportedMediaType unless the Content-Type is exactly application/json", async () => {
    const response = await fetch(`${baseUrl}/rp/v6.0/auth`, {
      method: "POST",
      headers: { "Content-Type": "application/json; charset=UTF-8" },
      body: JSON.stringify({ endUserIp: IP }),
    });
    expect([response.status, (await response.json()).errorCode]).toEqual([415, "unsupportedMediaType"]);
  });

  it("approving as another person than the order requires is refused", async () => {
    const order = await client.auth({ endUserIp: IP, requirement: { personalNumber: ANNA.personalNumber } });
    const response = await approveByForm(order.orderRef, { ...ANNA, personalNumber: "198002022382" });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain(`Ordern kräver personnummer ${ANNA.personalNumber}`);
    // The message says what was tried; the form offers the required number again.
    expect(page).toContain("Den kan inte godkännas med 198002022382");
    expect(page).toContain(`value="${ANNA.personalNumber}"`);
    expect((await client.collect(order.orderRef)).status).toBe("pending");
    expect(sim.approve(order.orderRef, { ...ANNA, personalNumber: "198002022382" })).toMatchObject({ ok: false });
    // Dashes are fine for the right person.
    expect(sim.approve(order.orderRef, { ...ANNA, personalNumber: "19900101-1239" })).toEqual({ ok: true });
  });

  it("same-device flow: the start link opens the order and the app returns to the service", async () => {
    const order = await client.auth({ endUserIp: IP, returnUrl: "http://127.0.0.1/logga-in/bankid" });
    const link = autoStartUrl(order.autoStartToken, undefined, `${baseUrl}/app`);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Legitimering med BankID");
    expect(await client.collect(order.orderRef)).toMatchObject({ status: "pending", hintCode: "userSign" });

    const redirect = `${new URL(baseUrl).origin}/logga-in/bankid?klar=1`;
    const approved = await fetch(`${baseUrl}/order/${order.orderRef}/approve`, {
      method: "POST",
      body: new URLSearchParams({ back: "app", redirect, ...ANNA }),
      redirect: "manual",
    });
    expect([approved.status, approved.headers.get("location")]).toEqual([303, redirect]);
    // The app on the same device reports the address the service saw.
    expect((await client.collect(order.orderRef)).completionData?.device.ipAddress).toBe(IP);
  });

  it("a network failure is a BankIdError with status 0", async () => {
    const dead = createBankIdClient({ transport: fetchTransport("http://127.0.0.1:1/dev/bankid") });
    const error = await rejection(dead.auth({ endUserIp: IP }));
    expect([error.errorCode, error.httpStatus]).toEqual(["requestFailed", 0]);
  });
});

describe("client over mutual TLS (httpsTransport)", () => {
  let pki: TestPki;
  let server: https.Server;
  let baseUrl: string;
  let sim: BankIdSimulator;

  beforeAll(async () => {
    pki = makeTestPki();
    sim = createBankIdSimulator();
    server = https.createServer(
      { key: pki.server.key, cert: pki.server.cert, ca: pki.ca, requestCert: true, rejectUnauthorized: true },
      getRequestListener(mounted(sim).fetch),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}/dev/bankid`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    pki.remove();
  });

  it("with the RP certificate: auth, collect, approve, collect", async () => {
    const client = createBankIdClient({
      transport: httpsTransport({ baseUrl, cert: pki.client.cert, key: pki.client.key, ca: pki.ca }),
    });
    const order = await client.auth({ endUserIp: IP, requirement: { personalNumber: ANNA.personalNumber } });
    expect(await client.collect(order.orderRef)).toMatchObject({ status: "pending", hintCode: "outstandingTransaction" });

    const approved = await mounted(sim).request(`/dev/bankid/order/${order.orderRef}/approve`, {
      method: "POST",
      body: new URLSearchParams({ back: "list", ...ANNA }),
    });
    expect(approved.status).toBe(303);

    const done = await client.collect(order.orderRef);
    expect(done.status).toBe("complete");
    expect(done.completionData?.user).toEqual({ personalNumber: ANNA.personalNumber, name: "Anna Andersson", givenName: "Anna", surname: "Andersson" });
  });

  it("an encrypted key works with its passphrase", async () => {
    const client = createBankIdClient({
      transport: httpsTransport({ baseUrl, cert: pki.client.cert, key: pki.encryptedClientKey, passphrase: pki.passphrase, ca: pki.ca }),
    });
    const order = await client.auth({ endUserIp: IP });
    await client.cancel(order.orderRef);
  });

  it("BankID's error answers arrive as BankIdError", async () => {
    const client = createBankIdClient({ transport: httpsTransport({ baseUrl, cert: pki.client.cert, key: pki.client.key, ca: pki.ca }) });
    const error = await rejection(client.collect("no-such-order"));
    expect([error.errorCode, error.httpStatus]).toEqual(["invalidParameters", 400]);
  });

  it("without a client certificate the server refuses the connection", async () => {
    const transport = httpsTransport({ baseUrl, cert: "", key: "", ca: pki.ca });
    const error = await rejection(createBankIdClient({ transport }).auth({ endUserIp: IP }));
    expect([error.errorCode, error.httpStatus]).toEqual(["requestFailed", 0]);
    expect(error.details).toMatch(/certificate required|socket hang up|ECONNRESET/);
    expect(sim.pendingOrders()).toEqual([]);
  });

  it("with a certificate from another CA the server refuses the connection", async () => {
    const transport = httpsTransport({ baseUrl, cert: pki.strangerClient.cert, key: pki.strangerClient.key, ca: pki.ca });
    const error = await rejection(createBankIdClient({ transport }).auth({ endUserIp: IP }));
    expect(error.errorCode).toBe("requestFailed");
    // The server's alert may arrive, or just the closed socket, depending on timing.
    expect(error.details).toMatch(/unknown ca|socket hang up|ECONNRESET/);
    expect(sim.pendingOrders()).toEqual([]);
  });

  it("the client refuses a server its pinned CA did not certify", async () => {
    const transport = httpsTransport({ baseUrl, cert: pki.client.cert, key: pki.client.key, ca: pki.otherCa });
    const error = await rejection(createBankIdClient({ transport }).auth({ endUserIp: IP }));
    expect(error.errorCode).toBe("requestFailed");
    expect(error.details).toMatch(/certificate/i);
  });

  it("gives up after the timeout", async () => {
    // A TLS server that never answers HTTP requests.
    const silent = https.createServer({ key: pki.server.key, cert: pki.server.cert }, () => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const url = `https://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const transport = httpsTransport({ baseUrl: url, cert: pki.client.cert, key: pki.client.key, ca: pki.ca, timeoutMs: 200 });
      const error = await rejection(createBankIdClient({ transport }).collect("x"));
      expect(error.errorCode).toBe("requestFailed");
      expect(error.details).toContain("no answer within 200 ms");
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe("autoStartUrl", () => {
  it("builds the universal link, the custom scheme and the simulator's link", () => {
    expect(autoStartUrl("abc-123")).toBe("https://app.bankid.com/?autostarttoken=abc-123&redirect=null");
    expect(autoStartUrl("abc-123", "https://example.se/klar?x=1")).toBe(
      "https://app.bankid.com/?autostarttoken=abc-123&redirect=https%3A%2F%2Fexample.se%2Fklar%3Fx%3D1",
    );
    expect(autoStartUrl("abc-123", undefined, "bankid:///")).toBe("bankid:///?autostarttoken=abc-123&redirect=null");
    expect(autoStartUrl("abc-123", undefined, "/dev/bankid/app")).toBe("/dev/bankid/app?autostarttoken=abc-123&redirect=null");
  });
});

describe("client response checks", () => {
  it("turns an unreadable success answer into invalidResponse", async () => {
    const client = createBankIdClient({ transport: async () => ({ status: 200, json: { orderRef: "x" } }) });
    const error = await rejection(client.auth({ endUserIp: IP }));
    expect([error.errorCode, error.httpStatus]).toEqual(["invalidResponse", 200]);
  });

  it("keeps unknown hint codes, as BankID may add new ones", async () => {
    const client = createBankIdClient({ transport: async () => ({ status: 200, json: { orderRef: "x", status: "pending", hintCode: "somethingNew" } }) });
    expect(await client.collect("x")).toEqual({ orderRef: "x", status: "pending", hintCode: "somethingNew" });
  });

  it("maps an error answer without BankID's body by status", async () => {
    const client = createBankIdClient({ transport: async () => ({ status: 503, json: { unparsedBody: "<html>" } }) });
    const error = await rejection(client.collect("x"));
    expect([error.errorCode, error.httpStatus]).toEqual(["maintenance", 503]);
  });
});
