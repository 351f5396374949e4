import { Hono, type Context } from "hono";
import type { Child } from "hono/jsx";
import { z } from "zod";
import { Invalid, TooManyRequests, type FieldErrors } from "../../lib/errors.ts";
import { BankIdTrouble, logOut, resendLoginCode, startBankIdOrder, startPasswordLogin, verifyLoginCode } from "../../modules/accounts/index.ts";
import { CodeLoginLocked } from "../../modules/accounts/code-login-lock.ts";
import { codeLocked, loginAgain, openChallenge } from "../../modules/accounts/login-challenge.ts";
import { findUserById } from "../../modules/accounts/find-user.ts";
import { BANKID_ORDER, clearCookie, LOGIN_CHALLENGE, readCookie, SESSION, writeCookie } from "../cookies.ts";
import type { AppEnv } from "../env.ts";
import { clientIp, formValues, parseForm } from "../form-input.ts";
import { redirectAfterPost } from "../htmx.ts";
import { formPage, page } from "../render.tsx";
import { ActionNotices, ErrorSummary, Field, Notice } from "../views/form.tsx";
import { safeNext } from "./guards.ts";
import { t } from "../../lib/i18n/index.ts";

const NextField = ({ next }: { next: string | null }) => (next ? <input type="hidden" name="next" value={next} /> : null);

const PasswordForm = ({ values, errors, next }: { values: Record<string, string>; errors?: FieldErrors; next: string | null }) => (
  <form method="post" action="/logga-in" hx-post="/logga-in" hx-target="this" hx-swap="outerHTML" class="form" novalidate>
    <ErrorSummary errors={errors} message={t("login.failed")} />
    <NextField next={next} />
    <Field name="epost" label={t("common.email")} type="email" required value={values.epost} errors={errors} autocomplete="username" maxlength={254} autofocus />
    <Field name="losenord" label={t("login.password")} type="password" required errors={errors} autocomplete="current-password" maxlength={200} />
    <div class="button-row">
      <button type="submit" class="button">
        {t("nav.logIn")}
      </button>
      <a href="/glomt-losenord">{t("login.forgot")}</a>
    </div>
  </form>
);

const BankIdChoice = ({ next, failure }: { next: string | null; failure?: string }) => (
  <form method="post" action="/logga-in/bankid" class="form">
    <NextField next={next} />
    <h2>{t("login.bankid")}</h2>
    <p>{t("login.bankid.text")}</p>
    <ActionNotices failure={failure} />
    <div class="button-row">
      <button type="submit" name="enhet" value="denna" class="button button--secondary">
        {t("bankid.thisDevice")}
      </button>
      <button type="submit" name="enhet" value="annan" class="button button--secondary">
        {t("bankid.otherDevice")}
      </button>
    </div>
  </form>
);

/** The login page; `bankIdFailure` is why a BankID login could not start. */
function loginAround(next: string | null, bankIdFailure?: string) {
  return (form: Child) => (
    <section class="narrow">
      <h1>{t("nav.logIn")}</h1>
      <p>{t("login.intro")}</p>
      {form}
      <BankIdChoice next={next} failure={bankIdFailure} />
      <p>
        {t("login.noAccount")} <a href="/registrera-konto">{t("nav.registerAccount")}</a>
      </p>
    </section>
  );
}

const CodeForm = ({ email, errors, next, notice }: { email: string; errors?: FieldErrors; next: string | null; notice?: string }) => (
  <div id="code-step">
    {notice ? <Notice kind="success">{notice}</Notice> : null}
    <form method="post" action="/logga-in/kod" hx-post="/logga-in/kod" hx-target="#code-step" hx-swap="outerHTML" class="form" novalidate>
      <ErrorSummary errors={errors} />
      <NextField next={next} />
      <Field name="code" label={t("login.code")} hint={t("login.code.hint")} inputmode="numeric" autocomplete="one-time-code" maxlength={7} required errors={errors} autofocus />
      <div class="button-row">
        <button type="submit" class="button">
          {t("nav.logIn")}
        </button>
      </div>
    </form>
    <form method="post" action="/logga-in/kod/ny" hx-post="/logga-in/kod/ny" hx-target="#code-step" hx-swap="outerHTML" class="inline-form">
      <NextField next={next} />
      <button type="submit" class="link-button">
        {t("login.code.resend")}
      </button>
    </form>
    <p class="hint">{t("login.code.sentTo", email)}</p>
  </div>
);

const StartAgain = ({ message, next }: { message: string; next: string | null }) => (
  <div id="code-step">
    <div class="notice notice--error" role="alert">
      <p>{message}</p>
    </div>
    <p>
      <a class="button" href={`/logga-in${next ? `?next=${encodeURIComponent(next)}` : ""}`}>
        {t("login.again")}
      </a>
    </p>
  </div>
);

function codeAround(email: string) {
  return (form: Child) => (
    <section class="narrow">
      <h1>{t("login.code.title")}</h1>
      <p>
        {t("login.code.before")}
        <strong>{email}</strong>
        {t("login.code.after")}
      </p>
      {form}
    </section>
  );
}

async function challengeEmail(c: Context<AppEnv>): Promise<string | null> {
  const { deps } = c.var;
  try {
    const challenge = await openChallenge(deps.db, readCookie(c, LOGIN_CHALLENGE), deps.clock.now());
    return (await findUserById(deps.db, challenge.userId))?.person.email ?? null;
  } catch {
    return null;
  }
}

/** The account's code login is locked: no code is taken until then, so the form goes too. */
function lockedPage(c: Context<AppEnv>, e: CodeLoginLocked, next: string | null, email: string | null) {
  c.header("Retry-After", String(e.retryAfterSeconds));
  return formPage(c, { title: t("login.code.title"), status: 429 }, <StartAgain message={e.message} next={next} />, codeAround(email ?? t("login.yourEmail")));
}

function landing(loggedIn: { mustChangePassword: boolean; isStaff: boolean }, next: string | null): string {
  if (loggedIn.mustChangePassword) return "/min-sida/andra-losenord";
  return next ?? (loggedIn.isStaff ? "/personal" : "/min-sida");
}

export function loginRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/logga-in", (c) => {
    const next = safeNext(c.req.query("next"));
    return page(c, { title: t("nav.logIn") }, loginAround(next)(<PasswordForm values={{}} next={next} />));
  });

  app.post("/logga-in", async (c) => {
    const { deps } = c.var;
    const values = await formValues(c);
    const next = safeNext(values.next);
    const around = loginAround(next);
    try {
      const input = parseForm(
        z.object({
          epost: z.string().trim().min(1, { error: () => t("field.email.missing") }).max(254),
          losenord: z.string().min(1, { error: () => t("login.password.missing") }).max(200, { error: () => t("login.wrong") }),
        }),
        values,
      );
      const started = await startPasswordLogin(deps, { email: input.epost, password: input.losenord, ip: clientIp(c) });
      writeCookie(c, LOGIN_CHALLENGE, started.challengeToken, 10 * 60);
      return redirectAfterPost(c, `/logga-in/kod${next ? `?next=${encodeURIComponent(next)}` : ""}`);
    } catch (e) {
      if (e instanceof TooManyRequests) {
        c.header("Retry-After", String(e.retryAfterSeconds));
        return formPage(c, { title: t("nav.logIn"), status: 429 }, <PasswordForm values={values} errors={{ losenord: e.message }} next={next} />, around);
      }
      if (!(e instanceof Invalid)) throw e;
      const errors = e.fields.password ? { losenord: e.fields.password } : e.fields;
      return formPage(c, { title: t("nav.logIn"), status: 422 }, <PasswordForm values={values} errors={errors} next={next} />, around);
    }
  });

  app.get("/logga-in/kod", async (c) => {
    const next = safeNext(c.req.query("next"));
    const email = await challengeEmail(c);
    if (!email) return c.redirect("/logga-in", 303);
    return page(c, { title: t("login.code.title") }, codeAround(email)(<CodeForm email={email} next={next} />));
  });

  app.post("/logga-in/kod", async (c) => {
    const { deps } = c.var;
    const values = await formValues(c);
    const next = safeNext(values.next);
    const knownEmail = await challengeEmail(c);
    try {
      const loggedIn = await verifyLoginCode(deps, { challengeToken: readCookie(c, LOGIN_CHALLENGE), code: values.code ?? "" });
      clearCookie(c, LOGIN_CHALLENGE);
      writeCookie(c, SESSION, loggedIn.sessionToken);
      return redirectAfterPost(c, landing(loggedIn, next));
    } catch (e) {
      if (e instanceof CodeLoginLocked) return lockedPage(c, e, next, knownEmail);
      if (!(e instanceof Invalid)) throw e;
      if (e.fields.code === codeLocked() || e.fields.code === loginAgain()) {
        // This code can no longer be used: the way forward is a new login, not this form.
        return formPage(c, { title: t("login.code.title"), status: 422 }, <StartAgain message={e.fields.code} next={next} />, codeAround(knownEmail ?? t("login.yourEmail")));
      }
      const email = knownEmail ?? t("login.yourEmail");
      return formPage(c, { title: t("login.code.title"), status: 422 }, <CodeForm email={email} errors={e.fields} next={next} />, codeAround(email));
    }
  });

  app.post("/logga-in/kod/ny", async (c) => {
    const values = await formValues(c);
    const next = safeNext(values.next);
    const email = (await challengeEmail(c)) ?? t("login.yourEmail");
    try {
      await resendLoginCode(c.var.deps, readCookie(c, LOGIN_CHALLENGE));
      return formPage(c, { title: t("login.code.title") }, <CodeForm email={email} next={next} notice={t("login.code.newSent")} />, codeAround(email));
    } catch (e) {
      if (e instanceof CodeLoginLocked) return lockedPage(c, e, next, email);
      if (!(e instanceof Invalid)) throw e;
      return formPage(c, { title: t("login.code.title"), status: 422 }, <CodeForm email={email} errors={e.fields} next={next} />, codeAround(email));
    }
  });

  app.post("/logga-in/bankid", async (c) => {
    const { deps } = c.var;
    const values = await formValues(c);
    const device = values.enhet === "denna" ? "denna" : "annan";
    let order: Awaited<ReturnType<typeof startBankIdOrder>>;
    try {
      order = await startBankIdOrder(deps, { purpose: "login", endUserIp: clientIp(c) });
    } catch (e) {
      if (!(e instanceof BankIdTrouble)) throw e;
      const next = safeNext(values.next);
      return page(c, { title: t("nav.logIn"), status: e.status }, loginAround(next, e.message)(<PasswordForm values={{}} next={next} />));
    }
    writeCookie(c, BANKID_ORDER, order.token, 5 * 60);
    return c.redirect(`/bankid?enhet=${device}`, 303);
  });

  app.post("/logga-ut", async (c) => {
    const user = c.var.user;
    if (user) await logOut(c.var.deps, user);
    clearCookie(c, SESSION);
    return redirectAfterPost(c, "/utloggad");
  });

  app.get("/utloggad", (c) =>
    page(
      c,
      { title: t("logout.title") },
      <section class="narrow">
        <h1>{t("logout.heading")}</h1>
        <p>
          <a href="/logga-in">{t("login.again")}</a>
        </p>
      </section>,
    ),
  );

  return app;
}
