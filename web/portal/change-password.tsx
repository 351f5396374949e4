import { Hono } from "hono";
import type { Child } from "hono/jsx";
import { Invalid, type FieldErrors } from "../../lib/errors.ts";
import { changePassword } from "../../modules/accounts/index.ts";
import { findUserById } from "../../modules/accounts/find-user.ts";
import { isStaff } from "../../modules/deps.ts";
import { NewPasswordFields } from "../accounts/password-fields.tsx";
import { SESSION, writeCookie } from "../cookies.ts";
import type { AppEnv } from "../env.ts";
import { formValues } from "../form-input.ts";
import { page } from "../render.tsx";
import { assetHref } from "../static-assets.ts";
import { ErrorSummary, Field } from "../views/form.tsx";

const scripts = () => [assetHref("password-strength.js")];

const ChangeForm = ({ hasPassword, errors, submitted }: { hasPassword: boolean; errors?: FieldErrors; submitted?: string }) => (
  <form method="post" action="/min-sida/andra-losenord" class="form" novalidate>
    <ErrorSummary errors={errors} />
    {hasPassword ? <Field name="current" label="Nuvarande lösenord" hint="Nuvarande lösenord måste skrivas in för säkerhets skull" type="password" required errors={errors} autocomplete="current-password" maxlength={200} /> : null}
    <NewPasswordFields errors={errors} submitted={submitted} />
    <div class="button-row">
      <button type="submit" class="button">
        Spara
      </button>
    </div>
  </form>
);

const around = (forced: boolean) => (form: Child) => (
  <section class="narrow">
    <h1>Ändra lösenord</h1>
    {forced ? <p class="notice notice--warning">När du loggar in för första gången måste du byta från engångslösenordet till ett eget lösenord som uppfyller kraven.</p> : null}
    {form}
  </section>
);

export function changePasswordRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/andra-losenord", async (c) => {
    const user = c.var.user!;
    const found = await findUserById(c.var.deps.db, user.userId);
    return page(c, { title: "Ändra lösenord", scripts: scripts() }, around(user.mustChangePassword)(<ChangeForm hasPassword={found?.user.passwordHash != null} />));
  });
  app.post("/andra-losenord", async (c) => {
    const user = c.var.user!;
    const values = await formValues(c);
    try {
      const { sessionToken } = await changePassword(c.var.deps, user, { current: values.current ?? "", next: values.next ?? "", repeat: values.repeat ?? "" });
      writeCookie(c, SESSION, sessionToken);
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      const found = await findUserById(c.var.deps.db, user.userId);
      return page(c, { title: "Ändra lösenord", status: 422, scripts: scripts() }, around(user.mustChangePassword)(<ChangeForm hasPassword={found?.user.passwordHash != null} errors={e.fields} submitted={values.next} />));
    }
    const home = isStaff(user) ? { href: "/personal", label: "Personal" } : { href: "/min-sida", label: "Min Sida" };
    return page(
      c,
      { title: "Ditt lösenord har ändrats!" },
      <section class="narrow">
        <h1>Ditt lösenord har ändrats!</h1>
        <p>Ditt lösenord har nu ändrats och ditt konto är färdigregistrerat. Du kan nu börja använda systemet.</p>
        <p>
          <a class="button" href={home.href}>
            Gå vidare till "{home.label}"
          </a>
        </p>
      </section>,
    );
  });
  return app;
}
