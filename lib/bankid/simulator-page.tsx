// The developer's side of the simulator: where you play the BankID app. Plain HTML forms, no
// script and no inline style (the site's CSP allows neither); looks come from /static/app.css.
import type { Context } from "hono";
import { html } from "hono/html";
import type { Child, FC } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ORDER_LIFETIME_SECONDS, type SimOrder, type SimulatedPerson } from "./simulator-orders.ts";

/** Where the developer goes after Godkänn/Neka: back to the list, or on like the app would. */
export type Back = "list" | "app";

export type OrderShown = { order: SimOrder; ageSeconds: number };

export type Message = { kind: "info" | "error"; text: string };

export type ListPageProps = {
  base: string;
  /** The list's own URL. */
  home: string;
  orders: OrderShown[];
  prefill: SimulatedPerson;
  message?: Message;
};

export type OrderPageProps = {
  base: string;
  home: string;
  shown: OrderShown;
  back: Back;
  redirect?: string;
  prefill: SimulatedPerson;
  message?: Message;
  error?: string;
};

function render(c: Context, page: Child, status: ContentfulStatusCode = 200): Response | Promise<Response> {
  c.header("Cache-Control", "no-store");
  return c.html(html`<!doctype html>${page}`, status);
}

export function renderListPage(c: Context, props: ListPageProps): Response | Promise<Response> {
  return render(c, <ListPage {...props} />);
}

export function renderOrderPage(c: Context, props: OrderPageProps, status?: ContentfulStatusCode): Response | Promise<Response> {
  return render(c, <OrderPage {...props} />, status);
}

export function renderNoOrderPage(c: Context, home: string, text: string): Response | Promise<Response> {
  return render(
    c,
    <Layout title="Ingen order">
      <Notice message={{ kind: "error", text }} />
      <p>
        <a href={home}>Till alla pågående order</a>
      </p>
    </Layout>,
    404,
  );
}

/** A post whose body could not be read (cut off, or not the form it claims to be). */
export function renderUnreadableFormPage(c: Context, home: string): Response | Promise<Response> {
  return render(
    c,
    <Layout title="Formuläret gick inte att läsa">
      <Notice message={{ kind: "error", text: "Det som skickades var inte ett komplett formulär. Gå tillbaka, ladda om sidan och försök igen." }} />
      <p>
        <a href={home}>Till alla pågående order</a>
      </p>
    </Layout>,
    400,
  );
}

const Layout: FC<{ title: string; refreshSeconds?: number; children?: Child }> = (props) => (
  <html lang="sv">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex" />
      {props.refreshSeconds ? <meta http-equiv="refresh" content={String(props.refreshSeconds)} /> : null}
      <title>{`${props.title} – BankID-simulator`}</title>
      <link rel="stylesheet" href="/static/app.css" />
    </head>
    <body class="bankid-sim">
      <main id="main" class="main">
        <p class="bankid-sim__banner">Endast för utveckling: inga riktiga BankID-transaktioner.</p>
        <h1>{props.title}</h1>
        {props.children}
      </main>
    </body>
  </html>
);

const Notice: FC<{ message?: Message }> = ({ message }) =>
  message ? (
    <p class={message.kind === "error" ? "notice notice--error" : "notice"} role={message.kind === "error" ? "alert" : "status"}>
      {message.text}
    </p>
  ) : null;

const ListPage: FC<ListPageProps> = (props) => (
  // Reload on its own only while there is nothing to fill in, so a half-typed form is never wiped.
  <Layout title="BankID-simulator" refreshSeconds={props.orders.length === 0 ? 3 : undefined}>
    <Notice message={props.message} />
    <p>
      Här godkänner eller nekar du BankID-order som tjänsten har startat, som om du vore BankID-appen. Order som
      startats med en startlänk på den här enheten öppnas direkt på <code>{`${props.base}/app`}</code>.
    </p>
    <QrForm base={props.base} />
    <h2>Pågående order ({props.orders.length})</h2>
    {props.orders.length === 0 ? (
      <p>Inga pågående order. Sidan uppdateras av sig själv.</p>
    ) : (
      <>
        <p>
          <a href={props.home}>Uppdatera</a>
        </p>
        {props.orders.map((shown) => (
          <OrderCard base={props.base} shown={shown} back="list" prefill={props.prefill} />
        ))}
      </>
    )}
  </Layout>
);

const QrForm: FC<{ base: string }> = ({ base }) => (
  <form method="post" action={`${base}/qr`} class="bankid-sim__qr">
    <div class="field">
      <label for="qrData">QR-data</label>
      <p class="hint" id="qrData-hint">
        Klistra in innehållet i QR-koden (bankid.…) för att välja ordern, som när appen skannar koden.
      </p>
      <input id="qrData" name="qrData" type="text" required autocomplete="off" aria-describedby="qrData-hint" />
    </div>
    <button type="submit">Skanna</button>
  </form>
);

const OrderPage: FC<OrderPageProps> = (props) => {
  const { order } = props.shown;
  return (
    <Layout title={order.kind === "sign" ? "Underskrift med BankID" : "Legitimering med BankID"}>
      <Notice message={props.message} />
      {order.outcome ? (
        <Finished order={order} />
      ) : (
        <OrderCard
          base={props.base}
          shown={props.shown}
          back={props.back}
          redirect={props.redirect}
          prefill={props.prefill}
          error={props.error}
        />
      )}
      <p>
        <a href={props.home}>Alla pågående order</a>
      </p>
    </Layout>
  );
};

const Finished: FC<{ order: SimOrder }> = ({ order }) => {
  const outcome = order.outcome;
  if (!outcome) return null;
  const text =
    outcome.status === "complete"
      ? `Ordern är godkänd som ${outcome.completionData.user.name} (${outcome.completionData.user.personalNumber}).`
      : (FAILED_TEXT[outcome.hintCode] ?? `Ordern misslyckades (${outcome.hintCode}).`);
  return (
    <>
      <p class="notice">{text}</p>
      {order.returnUrl ? (
        <p>
          <a href={order.returnUrl}>Tillbaka till tjänsten</a>
        </p>
      ) : null}
    </>
  );
};

const FAILED_TEXT: Record<string, string> = {
  userCancel: "Ordern är nekad.",
  expiredTransaction: "Tiden för ordern gick ut.",
  cancelled: "Ordern avbröts eftersom en ny order startades för samma person.",
};

const OrderCard: FC<{
  base: string;
  shown: OrderShown;
  back: Back;
  redirect?: string;
  prefill: SimulatedPerson;
  error?: string;
}> = (props) => {
  const { order, ageSeconds } = props.shown;
  const required = order.requirement.personalNumber;
  const id = (name: string) => `${name}-${order.orderRef}`;
  const action = `${props.base}/order/${encodeURIComponent(order.orderRef)}`;
  const text = order.userVisibleData ? Buffer.from(order.userVisibleData, "base64").toString("utf8") : null;
  return (
    <section class="bankid-sim__order" aria-labelledby={id("title")}>
      <h3 id={id("title")}>
        {order.kind === "sign" ? "Underskrift" : "Legitimering"} <code>{order.orderRef.slice(0, 8)}</code>
      </h3>
      <dl class="bankid-sim__facts">
        <dt>Startad</dt>
        <dd>
          för {formatSeconds(ageSeconds)} sedan (går ut om {formatSeconds(Math.max(0, ORDER_LIFETIME_SECONDS - ageSeconds))})
        </dd>
        <dt>Kräver personnummer</dt>
        <dd>{required ?? "Nej"}</dd>
        {requirementTexts(order).length > 0 ? (
          <>
            <dt>Övriga krav</dt>
            <dd>{requirementTexts(order).join(", ")}</dd>
          </>
        ) : null}
        <dt>Text från tjänsten</dt>
        <dd>{text === null ? "(ingen)" : <pre class="bankid-sim__text">{text}</pre>}</dd>
        <dt>Öppnad i appen</dt>
        <dd>{order.openedVia === "autostart" ? "Ja, med startlänk" : order.openedVia === "qr" ? "Ja, med QR-kod" : "Nej"}</dd>
      </dl>
      {props.error ? (
        <p class="error" role="alert" id={id("error")}>
          {props.error}
        </p>
      ) : null}
      <form method="post" action={`${action}/approve`} class="bankid-sim__form">
        <input type="hidden" name="back" value={props.back} />
        {props.redirect ? <input type="hidden" name="redirect" value={props.redirect} /> : null}
        <div class="field">
          <label for={id("personalNumber")}>Personnummer</label>
          <input
            id={id("personalNumber")}
            name="personalNumber"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            required
            value={required ?? props.prefill.personalNumber}
            aria-describedby={props.error ? id("error") : undefined}
          />
        </div>
        <div class="field">
          <label for={id("givenName")}>Förnamn</label>
          <input id={id("givenName")} name="givenName" type="text" autocomplete="off" required value={props.prefill.givenName} />
        </div>
        <div class="field">
          <label for={id("surname")}>Efternamn</label>
          <input id={id("surname")} name="surname" type="text" autocomplete="off" required value={props.prefill.surname} />
        </div>
        <div class="actions">
          <button type="submit">Godkänn</button>
          <button type="submit" formaction={`${action}/refuse`} formnovalidate class="button--secondary">
            Neka
          </button>
        </div>
      </form>
    </section>
  );
};

function requirementTexts(order: SimOrder): string[] {
  const r = order.requirement;
  return [
    r.pinCode ? "PIN-kod" : null,
    r.mrtd ? "ID-handling (mrtd)" : null,
    r.cardReader ? `kortläsare ${r.cardReader}` : null,
    r.certificatePolicies?.length ? `certifikatpolicy ${r.certificatePolicies.join(" ")}` : null,
    order.returnRisk ? "riskbedömning" : null,
  ].filter((t): t is string => t !== null);
}

function formatSeconds(total: number): string {
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return minutes > 0 ? `${minutes} min ${seconds} s` : `${seconds} s`;
}
