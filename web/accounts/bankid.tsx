import { Hono, type Context } from "hono";
import QRCode from "qrcode";
import { raw } from "hono/html";
import { autoStartUrl } from "../../lib/bankid/client.ts";
import { cancelBankIdOrder, collectBankIdOrder, troubleOf, type BankIdPurpose, type OrderState } from "../../modules/accounts/index.ts";
import { BANKID_ORDER, clearCookie, readCookie, SESSION, writeCookie } from "../cookies.ts";
import type { AppEnv } from "../env.ts";
import { isHtmx, redirectAfterPost } from "../htmx.ts";
import { page } from "../render.tsx";
import { t } from "../../lib/i18n/index.ts";

type Device = "denna" | "annan";

/** The messages BankID's guidelines recommend (RFA codes), by hint code. */
function pendingMessage(hintCode: string | null, device: Device): string {
  switch (hintCode) {
    case "userSign":
      return t("bankid.rfa9");
    case "started":
      return t("bankid.rfa14");
    case "userMrtd":
      return t("bankid.rfa23");
    default:
      return device === "annan" ? t("bankid.rfa1qr") : t("bankid.rfa13");
  }
}

function failedMessage(hintCode: string | null): string {
  switch (hintCode) {
    case "userCancel":
      return t("bankid.rfa6");
    case "expiredTransaction":
      return t("bankid.rfa8");
    case "certificateErr":
      return t("bankid.rfa16");
    case "startFailed":
      return t("bankid.rfa17");
    case "cancelled":
      return t("bankid.rfa3");
    default:
      // BankID could not answer, or refused our question (see modules/accounts/bankid-errors.ts).
      return troubleOf(hintCode)?.message ?? t("bankid.wrong");
  }
}

/** An order that ended because BankID could not answer is a 503, not a plain page. */
const httpStatus = (state: OrderState) => (state.state === "failed" ? (troubleOf(state.hintCode)?.status ?? 200) : 200);

const retryPath = (purpose: BankIdPurpose) => (purpose === "register" ? "/registrera-konto" : "/logga-in");
const title = (purpose: BankIdPurpose | null) => (purpose === "register" ? t("bankid.title.register") : t("login.bankid"));

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
            {t("common.tryAgain")}
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
          <figcaption class="visually-hidden">{t("bankid.qr")}</figcaption>
        </figure>
      ) : (
        <p>
          <a class="button" href={startUrl(c, state.autoStartToken)}>
            {t("bankid.open")}
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
      heading: t("bankid.emailTaken"),
      text: t("bankid.emailTaken.text"),
      link: ["/registrera-konto", t("nav.registerAccount")],
    },
    mismatch: {
      heading: t("bankid.mismatch"),
      text: t("bankid.mismatch.text"),
      link: ["/registrera-konto", t("common.tryAgain")],
    },
    no_account: {
      heading: t("bankid.noAccount"),
      text: t("bankid.noAccount.text"),
      link: ["/registrera-konto", t("nav.registerAccount")],
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
        <p>{d === "annan" ? t("bankid.useMobile") : t("bankid.opensHere")}</p>
        {await Status({ c, state, device: d })}
        {state.state === "pending" ? (
          <div class="button-row">
            <a href={`/bankid?enhet=${d === "annan" ? "denna" : "annan"}`}>{d === "annan" ? t("bankid.thisDeviceInstead") : t("bankid.otherDeviceInstead")}</a>
            <form method="post" action="/bankid/avbryt" class="inline-form">
              <button type="submit" class="button button--secondary">
                {t("common.cancel")}
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
