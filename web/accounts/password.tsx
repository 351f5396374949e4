import { Hono } from "hono";
import type { Child } from "hono/jsx";
import { z } from "zod";
import { Invalid, type FieldErrors } from "../../lib/errors.ts";
import { checkResetToken, confirmEmailChange, requestPasswordReset, resetPassword, RESET_LINK_INVALID } from "../../modules/accounts/index.ts";
import type { AppEnv } from "../env.ts";
import { clientIp, formValues, parseForm } from "../form-input.ts";
import { formPage, page } from "../render.tsx";
import { ErrorSummary, Field, Notice } from "../views/form.tsx";
import { emailField } from "./fields.ts";
import { assetHref } from "../static-assets.ts";
import { NewPasswordFields } from "./password-fields.tsx";

const STRENGTH_SCRIPT = () => [assetHref("password-strength.js")];

const ForgotForm = ({ values, errors }: { values: Record<string, string>; errors?: FieldErrors }) => (
  <form method="post" action="/glomt-losenord" hx-post="/glomt-losenord" hx-target="this" hx-swap="outerHTML" class="form" novalidate>
    <ErrorSummary errors={errors} />
    <Field name="epost" label="E-post" type="email" required value={values.epost} errors={errors} autocomplete="email" maxlength={254} autofocus />
    <div class="button-row">
      <button type="submit" class="button">
        Skicka länk
      </button>
      <a href="/logga-in">Avbryt</a>
    </div>
  </form>
);

const forgotAround = (form: Child) => (
  <section class="narrow">
    <h1>Glömt lösenord?</h1>
    <p>Ange e-postadressen för ditt konto så skickar vi en länk där du kan välja ett nytt lösenord.</p>
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
        Spara
      </button>
    </div>
  </form>
);

const resetAround = (form: Child) => (
  <section class="narrow">
    <h1>Välj nytt lösenord</h1>
    {form}
  </section>
);

const LinkInvalid = ({ text }: { text: string }) => (
  <section class="narrow">
    <h1>Länken fungerar inte</h1>
    <p class="notice notice--warning">{text}</p>
    <p>
      <a href="/glomt-losenord">Begär en ny länk</a>
    </p>
  </section>
);

export function passwordRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/glomt-losenord", (c) => page(c, { title: "Glömt lösenord" }, forgotAround(<ForgotForm values={{}} />)));

  app.post("/glomt-losenord", async (c) => {
    const values = await formValues(c);
    try {
      const { epost } = parseForm(z.object({ epost: emailField }), values);
      await requestPasswordReset(c.var.deps, { email: epost, ip: clientIp(c) });
      return formPage(
        c,
        { title: "Glömt lösenord" },
        <Notice kind="success">
          <p>
            Om det finns ett konto för <strong>{epost}</strong> har vi skickat en länk dit. Länken gäller i 30 minuter. Kontrollera även mappen för skräppost.
          </p>
        </Notice>,
        forgotAround,
      );
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      return formPage(c, { title: "Glömt lösenord", status: 422 }, <ForgotForm values={values} errors={e.fields} />, forgotAround);
    }
  });

  app.get("/aterstall-losenord", async (c) => {
    const token = c.req.query("token") ?? "";
    if (!(await checkResetToken(c.var.deps, token))) return page(c, { title: "Länken fungerar inte", status: 410 }, <LinkInvalid text={RESET_LINK_INVALID} />);
    return page(c, { title: "Välj nytt lösenord", scripts: STRENGTH_SCRIPT() }, resetAround(<ResetForm token={token} />));
  });

  app.post("/aterstall-losenord", async (c) => {
    const values = await formValues(c);
    const token = values.token ?? "";
    try {
      await resetPassword(c.var.deps, { token, next: values.next ?? "", repeat: values.repeat ?? "" });
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      if (e.fields.token) return page(c, { title: "Länken fungerar inte", status: 422 }, <LinkInvalid text={e.fields.token} />);
      return page(c, { title: "Välj nytt lösenord", status: 422, scripts: STRENGTH_SCRIPT() }, resetAround(<ResetForm token={token} errors={e.fields} submitted={values.next} />));
    }
    return page(
      c,
      { title: "Lösenordet är ändrat" },
      <section class="narrow">
        <h1>Ditt lösenord har ändrats!</h1>
        <p>Logga in med ditt nya lösenord.</p>
        <p>
          <a class="button" href="/logga-in">
            Logga in
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
      { title: "Bekräfta e-postadress" },
      <section class="narrow">
        <h1>Bekräfta din nya e-postadress</h1>
        <form method="post" action="/bekrafta-epost" class="form">
          <input type="hidden" name="token" value={token} />
          <button type="submit" class="button">
            Bekräfta e-postadressen
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
        { title: "E-postadressen är ändrad" },
        <section class="narrow">
          <h1>E-postadressen är ändrad</h1>
          <p>
            Ditt konto använder nu <strong>{email}</strong>. Engångskoder vid inloggning skickas dit.
          </p>
          <p>
            <a href="/min-sida">Till Min Sida</a>
          </p>
        </section>,
      );
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      return page(c, { title: "Länken fungerar inte", status: 422 }, <LinkInvalid text={e.fields.token ?? e.message} />);
    }
  });

  return app;
}
