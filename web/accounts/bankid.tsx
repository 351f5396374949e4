import { Hono, type Context } from "hono";
import QRCode from "qrcode";
import { raw } from "hono/html";
import { autoStartUrl } from "../../lib/bankid/client.ts";
import { cancelBankIdOrder, collectBankIdOrder, troubleOf, type BankIdPurpose, type OrderState } from "../../modules/accounts/index.ts";
import { BANKID_ORDER, clearCookie, readCookie, SESSION, writeCookie } from "../cookies.ts";
import type { AppEnv } from "../env.ts";
import { isHtmx, redirectAfterPost } from "../htmx.ts";
import { page } from "../render.tsx";

type Device = "denna" | "annan";

/** The messages BankID's guidelines recommend (RFA codes), by hint code. */
function pendingMessage(hintCode: string | null, device: Device): string {
  switch (hintCode) {
    case "userSign":
      return "Skriv in din säkerhetskod i BankID-appen och välj Identifiera.";
    case "started":
      return "Söker efter BankID, det kan ta en liten stund …";
    case "userMrtd":
      return "Följ instruktionerna i BankID-appen.";
    default:
      return device === "annan" ? "Starta BankID-appen och skanna QR-koden." : "Försöker starta BankID-appen.";
  }
}

function failedMessage(hintCode: string | null): string {
  switch (hintCode) {
    case "userCancel":
      return "Åtgärden avbruten.";
    case "expiredTransaction":
      return "BankID-appen svarar inte. Kontrollera att den är startad och att du har internetanslutning. Om du inte har något giltigt BankID kan du skaffa ett hos din bank. Försök sedan igen.";
    case "certificateErr":
      return "Det BankID du försöker använda är för gammalt eller spärrat. Använd ett annat BankID eller skaffa ett nytt hos din bank.";
    case "startFailed":
      return "BankID-appen verkar inte finnas i din dator eller telefon. Installera den och skaffa ett BankID hos din bank. Försök sedan igen.";
    case "cancelled":
      return "Åtgärden avbruten. Försök igen.";
    default:
      // BankID could not answer, or refused our question (see modules/accounts/bankid-errors.ts).
      return troubleOf(hintCode)?.message ?? "Något gick fel med BankID. Försök igen.";
  }
}

/** An order that ended because BankID could not answer is a 503, not a plain page. */
const httpStatus = (state: OrderState) => (state.state === "failed" ? (troubleOf(state.hintCode)?.status ?? 200) : 200);

const retryPath = (purpose: BankIdPurpose) => (purpose === "register" ? "/registrera-konto" : "/logga-in");
const title = (purpose: BankIdPurpose | null) => (purpose === "register" ? "Registrera konto med BankID" : "Logga in med BankID");

async function qrSvg(data: string): Promise<string> {
  return QRCode.toString(data, { type: "svg", margin: 2, errorCorrectionLevel: "L", width: 240 });
}

function startUrl(c: Context<AppEnv>, autoStartToken: string): string {
  // In simulator mode "this device" opens the simulator's page instead of the BankID app.
  return c.var.deps.config.bankId.mode === "simulator" ? `/dev/bankid/app?autostarttoken=${encodeURIComponent(autoStartToken)}` : autoStartUrl(autoStartToken);
}

async function Status({ c, state, device }: { c: Context<AppEnv>; state: Extract<OrderState, { state: "pending" | "failed" }>; device: Device }) {
  if (state.state === "failed") {
    return (
      <div id="bankid-status" class="bankid-status" role="alert">
        <p class="notice notice--error">{failedMessage(state.hintCode)}</p>
        <p>
          <a class="button" href={retryPath(state.purpose)}>
            Försök igen
          </a>
        </p>
      </div>
    );
  }
  const svg = device === "annan" ? await qrSvg(state.qr) : null;
  return (
    <div id="bankid-status" class="bankid-status" hx-get={`/bankid/status?enhet=${device}`} hx-trigger="every 1s" hx-swap="outerHTML">
      <p role="status" aria-live="polite">
        {pendingMessage(state.hintCode, device)}
      </p>
      {svg ? (
        <figure class="qr" data-qr={state.qr}>
          {raw(svg)}
          <figcaption class="visually-hidden">QR-kod för BankID. Den byts ut varje sekund.</figcaption>
        </figure>
      ) : (
        <p>
          <a class="button" href={startUrl(c, state.autoStartToken)}>
            Öppna BankID-appen
          </a>
        </p>
      )}
    </div>
  );
}

/** What happens when BankID is done: a session, or an explanation. */
function finished(c: Context<AppEnv>, state: Extract<OrderState, { state: "complete" }>) {
  clearCookie(c, BANKID_ORDER);
  const outcome = state.outcome;
  if ("sessionToken" in outcome) {
    writeCookie(c, SESSION, outcome.sessionToken);
    const target = outcome.kind === "logged_in" && outcome.isStaff ? "/personal" : "/min-sida";
    return redirectAfterPost(c, target);
  }
  const messages: Record<string, { heading: string; text: string; link: [string, string] }> = {
    email_taken: {
      heading: "E-postadressen kan inte användas",
      text: "E-postadressen du angav hör redan till ett annat konto. Inget konto skapades. Börja om och ange en annan e-postadress.",
      link: ["/registrera-konto", "Registrera konto"],
    },
    mismatch: {
      heading: "Fel personnummer",
      text: "Legitimeringen gjordes med ett annat BankID än personnumret du angav. Inget konto skapades.",
      link: ["/registrera-konto", "Försök igen"],
    },
    no_account: {
      heading: "Inget konto hittades",
      text: "Det finns inget konto för ditt personnummer. Registrera ett konto först.",
      link: ["/registrera-konto", "Registrera konto"],
    },
  };
  const m = messages[outcome.kind]!;
  const body = (
    <section class="narrow">
      <h1>{m.heading}</h1>
      <p class="notice notice--warning">{m.text}</p>
      <p>
        <a class="button" href={m.link[0]}>
          {m.link[1]}
        </a>
      </p>
    </section>
  );
  if (isHtmx(c)) {
    // Swap the whole main area: the poll is over.
    c.header("HX-Retarget", "#main");
    c.header("HX-Reswap", "innerHTML");
    return c.html(body);
  }
  return page(c, { title: m.heading }, body);
}

export function bankIdRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const device = (c: Context<AppEnv>): Device => (c.req.query("enhet") === "denna" ? "denna" : "annan");

  app.get("/bankid", async (c) => {
    const state = await collectBankIdOrder(c.var.deps, readCookie(c, BANKID_ORDER));
    if (state.state === "gone") return c.redirect("/logga-in", 303);
    if (state.state === "complete") return finished(c, state);
    const d = device(c);
    return page(
      c,
      {
        title: title(state.purpose),
        status: httpStatus(state),
        head: state.state === "pending" ? <noscript>{raw('<meta http-equiv="refresh" content="2">')}</noscript> : undefined,
      },
      <section class="narrow">
        <h1>{title(state.purpose)}</h1>
        <p>{d === "annan" ? "Använd BankID-appen i din mobil eller surfplatta." : "BankID-appen öppnas på den här enheten."}</p>
        {await Status({ c, state, device: d })}
        {state.state === "pending" ? (
          <div class="button-row">
            <a href={`/bankid?enhet=${d === "annan" ? "denna" : "annan"}`}>{d === "annan" ? "Använd BankID på den här enheten i stället" : "Använd BankID på en annan enhet i stället"}</a>
            <form method="post" action="/bankid/avbryt" class="inline-form">
              <button type="submit" class="button button--secondary">
                Avbryt
              </button>
            </form>
          </div>
        ) : null}
      </section>,
    );
  });

  app.get("/bankid/status", async (c) => {
    const state = await collectBankIdOrder(c.var.deps, readCookie(c, BANKID_ORDER));
    if (state.state === "gone") return redirectAfterPost(c, "/logga-in");
    if (state.state === "complete") return finished(c, state);
    return c.html(await Status({ c, state, device: device(c) }), httpStatus(state));
  });

  app.post("/bankid/avbryt", async (c) => {
    const token = readCookie(c, BANKID_ORDER);
    const state = await collectBankIdOrder(c.var.deps, token).catch(() => ({ state: "gone" }) as const);
    await cancelBankIdOrder(c.var.deps, token);
    clearCookie(c, BANKID_ORDER);
    return redirectAfterPost(c, state.state === "gone" ? "/logga-in" : retryPath(state.purpose));
  });

  return app;
}
