import { Hono } from "hono";
import type { Child } from "hono/jsx";
import { z } from "zod";
import { Invalid, type FieldErrors } from "../../lib/errors.ts";
import { checkResetToken, confirmEmailChange, requestPasswordReset, resetPassword, resetLinkInvalid } from "../../modules/accounts/index.ts";
import type { AppEnv } from "../env.ts";
import { clientIp, formValues, parseForm } from "../form-input.ts";
import { formPage, page } from "../render.tsx";
import { ErrorSummary, Field, Notice } from "../views/form.tsx";
import { emailField } from "./fields.ts";
import { assetHref } from "../static-assets.ts";
import { NewPasswordFields } from "./password-fields.tsx";
import { t } from "../../lib/i18n/index.ts";

const STRENGTH_SCRIPT = () => [assetHref("password-strength.js")];

const ForgotForm = ({ values, errors }: { values: Record<string, string>; errors?: FieldErrors }) => (
  <form method="post" action="/glomt-losenord" hx-post="/glomt-losenord" hx-target="this" hx-swap="outerHTML" class="form" novalidate>
    <ErrorSummary errors={errors} />
    <Field name="epost" label={t("common.email")} type="email" required value={values.epost} errors={errors} autocomplete="email" maxlength={254} autofocus />
    <div class="button-row">
      <button type="submit" class="button">
        {t("forgot.send")}
      </button>
      <a href="/logga-in">{t("common.cancel")}</a>
    </div>
  </form>
);

const forgotAround = (form: Child) => (
  <section class="narrow">
    <h1>{t("login.forgot")}</h1>
    <p>{t("forgot.intro")}</p>
    {form}
  </section>
);

const ResetForm = ({ token, errors, submitted }: { token: string; errors?: FieldErrors; submitted?: string }) => (
  <form method="post" action="/aterstall-losenord" class="form" novalidate>
    <ErrorSummary errors={errors} />
    <input type="hidden" name="token" value={token} />
    <NewPasswordFields errors={errors} submitted={submitted} />
    <div class="button-row">
      <button type="submit" class="button">
        {t("common.save")}
      </button>
    </div>
  </form>
);

const resetAround = (form: Child) => (
  <section class="narrow">
    <h1>{t("reset.title")}</h1>
    {form}
  </section>
);

const LinkInvalid = ({ text }: { text: string }) => (
  <section class="narrow">
    <h1>{t("reset.linkBroken")}</h1>
    <p class="notice notice--warning">{text}</p>
    <p>
      <a href="/glomt-losenord">{t("reset.askAgain")}</a>
    </p>
  </section>
);

export function passwordRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/glomt-losenord", (c) => page(c, { title: t("forgot.title") }, forgotAround(<ForgotForm values={{}} />)));

  app.post("/glomt-losenord", async (c) => {
    const values = await formValues(c);
    try {
      const { epost } = parseForm(z.object({ epost: emailField }), values);
      await requestPasswordReset(c.var.deps, { email: epost, ip: clientIp(c) });
      return formPage(
        c,
        { title: t("forgot.title") },
        <Notice kind="success">
          <p>
            {t("forgot.sent.before")}
            <strong>{epost}</strong>
            {t("forgot.sent.after")}
          </p>
        </Notice>,
        forgotAround,
      );
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      return formPage(c, { title: t("forgot.title"), status: 422 }, <ForgotForm values={values} errors={e.fields} />, forgotAround);
    }
  });

  app.get("/aterstall-losenord", async (c) => {
    const token = c.req.query("token") ?? "";
    if (!(await checkResetToken(c.var.deps, token))) return page(c, { title: t("reset.linkBroken"), status: 410 }, <LinkInvalid text={resetLinkInvalid()} />);
    return page(c, { title: t("reset.title"), scripts: STRENGTH_SCRIPT() }, resetAround(<ResetForm token={token} />));
  });

  app.post("/aterstall-losenord", async (c) => {
    const values = await formValues(c);
    const token = values.token ?? "";
    try {
      await resetPassword(c.var.deps, { token, next: values.next ?? "", repeat: values.repeat ?? "" });
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      if (e.fields.token) return page(c, { title: t("reset.linkBroken"), status: 422 }, <LinkInvalid text={e.fields.token} />);
      return page(c, { title: t("reset.title"), status: 422, scripts: STRENGTH_SCRIPT() }, resetAround(<ResetForm token={token} errors={e.fields} submitted={values.next} />));
    }
    return page(
      c,
      { title: t("reset.done.title") },
      <section class="narrow">
        <h1>{t("reset.done")}</h1>
        <p>{t("reset.done.text")}</p>
        <p>
          <a class="button" href="/logga-in">
            {t("nav.logIn")}
          </a>
        </p>
      </section>,
    );
  });

  app.get("/bekrafta-epost", (c) => {
    const token = c.req.query("token") ?? "";
    // A GET only shows the button: mail scanners that follow links must not change anything.
    return page(
      c,
      { title: t("emailChange.confirm.title") },
      <section class="narrow">
        <h1>{t("emailChange.confirm.heading")}</h1>
        <form method="post" action="/bekrafta-epost" class="form">
          <input type="hidden" name="token" value={token} />
          <button type="submit" class="button">
            {t("emailChange.confirm.button")}
          </button>
        </form>
      </section>,
    );
  });

  app.post("/bekrafta-epost", async (c) => {
    const values = await formValues(c);
    try {
      const { email } = await confirmEmailChange(c.var.deps, values.token);
      return page(
        c,
        { title: t("emailChange.done") },
        <section class="narrow">
          <h1>{t("emailChange.done")}</h1>
          <p>
            {t("emailChange.done.before")}
            <strong>{email}</strong>
            {t("emailChange.done.after")}
          </p>
          <p>
            <a href="/min-sida">{t("areas.toMinSida")}</a>
          </p>
        </section>,
      );
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      return page(c, { title: t("reset.linkBroken"), status: 422 }, <LinkInvalid text={e.fields.token ?? e.message} />);
    }
  });

  return app;
}
