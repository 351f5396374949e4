// A stand-in for BankID on a developer's laptop and in tests: the RP API v6.0 under
// `<mount>/rp/v6.0/…`, and pages under `<mount>/` where the developer plays the app (open an
// order by its autostart link or by pasting QR data, then Godkänn or Neka).
//
// Never in production: anyone who can reach these pages can log in as anyone.
import { Hono, type Context } from "hono";
import { RP_API_PATH } from "./client.ts";
import { parseQrData, verifyQrData } from "./qr.ts";
import { rpApiRoutes } from "./simulator-api.ts";
import { createOrderBook, type ActionResult, type SimOrder, type SimulatedPerson } from "./simulator-orders.ts";
import { renderListPage, renderNoOrderPage, renderOrderPage, renderUnreadableFormPage, type Back, type Message } from "./simulator-page.tsx";

export type { ActionResult, SimOrder, SimulatedPerson } from "./simulator-orders.ts";

export function assertSimulatorAllowed(nodeEnv: string | undefined): void {
  if (nodeEnv === "production") {
    throw new Error("The BankID simulator must not run with NODE_ENV=production: it lets anyone log in as anyone.");
  }
}

export type BankIdSimulatorOptions = {
  now?: () => Date;
  /** Where the main app mounts `app`; the pages' links and forms point below it. */
  basePath?: string;
  /** Checked again here in case the caller forgot; defaults to process.env.NODE_ENV. */
  nodeEnv?: string;
};

export type BankIdSimulator = {
  /** Mount with `app.route(basePath, sim.app)`. */
  app: Hono;
  basePath: string;
  /** Use as the app URL in `autoStartUrl(token, redirect, sim.appUrl)` so "this device" lands here. */
  appUrl: string;
  /** What the developer does on the page, for tests that have no browser. */
  open(orderRef: string): ActionResult;
  approve(orderRef: string, person: SimulatedPerson): ActionResult;
  refuse(orderRef: string): ActionResult;
  /** Oldest first. */
  pendingOrders(): SimOrder[];
};

const MESSAGES: Record<string, Message> = {
  godkand: { kind: "info", text: "Ordern är godkänd." },
  nekad: { kind: "info", text: "Ordern är nekad." },
  saknas: { kind: "error", text: "Ordern finns inte längre eller är inte pågående (den kan ha gått ut, avbrutits eller avslutats)." },
  "qr-format": { kind: "error", text: "Det där är inte QR-data från BankID, som ser ut så här: bankid.<qrStartToken>.<tid>.<qrAuthCode>." },
  "qr-okand": { kind: "error", text: "Ingen pågående order har den qrStartToken. Ordern kan ha gått ut eller avslutats." },
  "qr-kod": { kind: "error", text: "QR-koden är ogiltig: qrAuthCode stämmer inte med orderns qrStartSecret." },
  "qr-tid": { kind: "error", text: "QR-koden är ogiltig: tiden i den är senare än orderns ålder." },
};

export function createBankIdSimulator(options: BankIdSimulatorOptions = {}): BankIdSimulator {
  assertSimulatorAllowed(options.nodeEnv ?? process.env.NODE_ENV);
  const now = options.now ?? (() => new Date());
  const base = (options.basePath ?? "/dev/bankid").replace(/\/+$/, "");
  // The list lives at the mount point itself: Hono does not match "/dev/bankid/" for it.
  const home = base || "/";
  const book = createOrderBook(now);
  // The last identity approved, to fill in the next form: developers log in as the same person a lot.
  let lastPerson: SimulatedPerson = { personalNumber: "", givenName: "", surname: "" };

  function approve(orderRef: string, person: SimulatedPerson): ActionResult {
    const result = book.approve(orderRef, person);
    if (result.ok) {
      lastPerson = { personalNumber: person.personalNumber.replace(/[\s-]/g, ""), givenName: person.givenName.trim(), surname: person.surname.trim() };
    }
    return result;
  }

  const shown = (order: SimOrder) => ({ order, ageSeconds: book.ageSeconds(order) });
  const message = (c: Context): Message | undefined => {
    const code = c.req.query("m") ?? "";
    return Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : undefined;
  };

  // After Godkänn or Neka: the list goes back to the list; the app goes back to the service, as
  // the real app does with returnUrl (or the start link's redirect), but only to this site.
  function after(c: Context, order: SimOrder, back: Back, redirect: string | undefined, code: string): Response {
    if (back === "app") {
      const target = [redirect === "null" ? undefined : redirect, order.returnUrl].find((url) => url && sameOrigin(url, c.req.url));
      if (target) return c.redirect(target, 303);
      return c.redirect(`${base}/app?autostarttoken=${encodeURIComponent(order.autoStartToken)}&m=${code}`, 303);
    }
    return c.redirect(`${home}?m=${code}`, 303);
  }

  const app = new Hono();
  app.route(RP_API_PATH, rpApiRoutes(book));
  app.all("/rp/*", (c) => c.json({ errorCode: "notFound", details: "No such endpoint" }, 404));

  app.get("/", (c) =>
    renderListPage(c, { base, home, orders: book.pending().map(shown), prefill: lastPerson, message: message(c) }),
  );

  // The "this device" flow: the service's start link lands here instead of app.bankid.com.
  app.get("/app", (c) => {
    const order = book.findByAutoStartToken(c.req.query("autostarttoken") ?? "");
    if (!order) return renderNoOrderPage(c, home, "Ingen order hör till den här startlänken. Den kan ha gått ut, avbrutits eller redan avslutats.");
    if (!order.outcome) book.open(order.orderRef, "autostart");
    const redirect = c.req.query("redirect");
    return renderOrderPage(c, { base, home, shown: shown(order), back: "app", redirect, prefill: lastPerson, message: message(c) });
  });

  app.get("/order/:orderRef", (c) => {
    const order = book.find(c.req.param("orderRef"));
    if (!order) return renderNoOrderPage(c, home, MESSAGES.saknas.text);
    const qrSeconds = c.req.query("qr") ?? "";
    const qrMessage: Message | undefined = /^\d{1,9}$/.test(qrSeconds)
      ? { kind: "info", text: `QR-koden är giltig (skapad ${qrSeconds} s efter att ordern startade).` }
      : undefined;
    return renderOrderPage(c, { base, home, shown: shown(order), back: "list", prefill: lastPerson, message: qrMessage ?? message(c) });
  });

  // Pasting QR data stands in for scanning it: the order is found by its qrStartToken and
  // the code checked against its secret, as BankID's servers do.
  app.post("/qr", async (c) => {
    const form = await readForm(c);
    if (!form) return renderUnreadableFormPage(c, home);
    const data = formText(form, "qrData").trim();
    const parsed = parseQrData(data);
    if (!parsed) return c.redirect(`${home}?m=qr-format`, 303);
    const order = book.findPendingByQrStartToken(parsed.qrStartToken);
    if (!order) return c.redirect(`${home}?m=qr-okand`, 303);
    const check = verifyQrData(data, order.qrStartSecret, book.ageSeconds(order) + 1);
    if (!check.valid) return c.redirect(`${home}?m=qr-${check.reason === "time" ? "tid" : "kod"}`, 303);
    book.open(order.orderRef, "qr");
    return c.redirect(`${base}/order/${encodeURIComponent(order.orderRef)}?qr=${check.seconds}`, 303);
  });

  app.post("/order/:orderRef/approve", async (c) => {
    const form = await readForm(c);
    if (!form) return renderUnreadableFormPage(c, home);
    const orderRef = c.req.param("orderRef");
    const back: Back = formText(form, "back") === "app" ? "app" : "list";
    const redirect = formText(form, "redirect") || undefined;
    const person = { personalNumber: formText(form, "personalNumber"), givenName: formText(form, "givenName"), surname: formText(form, "surname") };
    const result = approve(orderRef, person);
    const order = book.find(orderRef);
    if (!order) return c.redirect(`${home}?m=saknas`, 303);
    if (result.ok) return after(c, order, back, redirect, "godkand");
    if (order.outcome) return after(c, order, back, redirect, "saknas");
    return renderOrderPage(c, { base, home, shown: shown(order), back, redirect, prefill: person, error: result.message }, 422);
  });

  app.post("/order/:orderRef/refuse", async (c) => {
    const form = await readForm(c);
    if (!form) return renderUnreadableFormPage(c, home);
    const orderRef = c.req.param("orderRef");
    const back: Back = formText(form, "back") === "app" ? "app" : "list";
    const result = book.refuse(orderRef);
    const order = book.find(orderRef);
    if (!order) return c.redirect(`${home}?m=saknas`, 303);
    return after(c, order, back, formText(form, "redirect") || undefined, result.ok ? "nekad" : "saknas");
  });

  return {
    app,
    basePath: base,
    appUrl: `${base}/app`,
    open: (orderRef) => book.open(orderRef, "qr"),
    approve,
    refuse: (orderRef) => book.refuse(orderRef),
    pendingOrders: () => book.pending(),
  };
}

/** The posted form, or null when the body cannot be read as one (a truncated multipart body, say). */
async function readForm(c: Context): Promise<Record<string, unknown> | null> {
  try {
    return await c.req.parseBody();
  } catch {
    return null;
  }
}

function formText(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === "string" ? value : "";
}

function sameOrigin(target: string, current: string): boolean {
  try {
    return new URL(target, current).origin === new URL(current).origin;
  } catch {
    return false;
  }
}
