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
import { t } from "../../lib/i18n/index.ts";

const scripts = () => [assetHref("password-strength.js")];

const ChangeForm = ({ hasPassword, errors, submitted }: { hasPassword: boolean; errors?: FieldErrors; submitted?: string }) => (
  <form method="post" action="/min-sida/andra-losenord" class="form" novalidate>
    <ErrorSummary errors={errors} />
    {hasPassword ? <Field name="current" label={t("password.current")} hint={t("password.current.hint")} type="password" required errors={errors} autocomplete="current-password" maxlength={200} /> : null}
    <NewPasswordFields errors={errors} submitted={submitted} />
    <div class="button-row">
      <button type="submit" class="button">
        {t("common.save")}
      </button>
    </div>
  </form>
);

const around = (forced: boolean) => (form: Child) => (
  <section class="narrow">
    <h1>{t("minSida.changePassword")}</h1>
    {forced ? <p class="notice notice--warning">{t("password.forced")}</p> : null}
    {form}
  </section>
);

export function changePasswordRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/andra-losenord", async (c) => {
    const user = c.var.user!;
    const found = await findUserById(c.var.deps.db, user.userId);
    return page(c, { title: t("minSida.changePassword"), scripts: scripts() }, around(user.mustChangePassword)(<ChangeForm hasPassword={found?.user.passwordHash != null} />));
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
      return page(c, { title: t("minSida.changePassword"), status: 422, scripts: scripts() }, around(user.mustChangePassword)(<ChangeForm hasPassword={found?.user.passwordHash != null} errors={e.fields} submitted={values.next} />));
    }
    const home = isStaff(user) ? { href: "/personal", label: t("nav.staff") } : { href: "/min-sida", label: t("nav.minSida") };
    return page(
      c,
      { title: t("reset.done") },
      <section class="narrow">
        <h1>{t("reset.done")}</h1>
        <p>{t("password.changed.text")}</p>
        <p>
          <a class="button" href={home.href}>
            {t("password.changed.continue", home.label)}
          </a>
        </p>
      </section>,
    );
  });
  return app;
}
