import { Hono } from "hono";
import type { Child } from "hono/jsx";
import { z } from "zod";
import type { FieldErrors } from "../../lib/errors.ts";
import { Invalid } from "../../lib/errors.ts";
import { formatPersonnummer } from "../../lib/identity/personnummer.ts";
import { enforce } from "../../lib/rate-limit.ts";
import { BankIdTrouble, registerForeignPerson, startBankIdOrder } from "../../modules/accounts/index.ts";
import { registrations } from "../../modules/accounts/login-limits.ts";
import { BANKID_ORDER, writeCookie } from "../cookies.ts";
import type { AppEnv } from "../env.ts";
import { clientIp, formValues, parseForm } from "../form-input.ts";
import { formPage, page } from "../render.tsx";
import { ActionNotices, ErrorSummary, Field } from "../views/form.tsx";
import { birthDateField, citizenshipField, emailField, mobileField, nameField, personnummerField } from "./fields.ts";
import { t } from "../../lib/i18n/index.ts";

type Values = Record<string, string>;

const Intro = ({ orgName }: { orgName: string }) => (
  <header class="page-intro">
    <h1>{t("reg.title")}</h1>
    <p class="lead">{t("reg.lead", orgName)}</p>
    <p>{t("reg.existing", orgName)}</p>
    <p>{t("reg.beforeExam")}</p>
  </header>
);

function around(orgName: string) {
  return (form: Child) => (
    <section class="narrow">
      <Intro orgName={orgName} />
      <h2>{t("nav.registerAccount")}</h2>
      {form}
    </section>
  );
}

const StartForm = ({ values, errors }: { values: Values; errors?: FieldErrors }) => {
  const citizenship = values.medborgarskap ?? "svenskt";
  return (
    <form method="post" action="/registrera-konto" hx-post="/registrera-konto" hx-target="this" hx-swap="outerHTML" class="form" novalidate>
      <ErrorSummary errors={errors} />
      <fieldset class="radio-group">
        <legend>{t("reg.citizenship")}</legend>
        <p class="hint">{t("reg.citizenship.hint")}</p>
        <label>
          <input type="radio" name="medborgarskap" value="svenskt" checked={citizenship === "svenskt"} /> {t("reg.swedish")}
          <span class="hint">{t("reg.swedish.hint")}</span>
        </label>
        <label>
          <input type="radio" name="medborgarskap" value="annat" checked={citizenship === "annat"} /> {t("reg.other")}
          <span class="hint">{t("reg.other.hint")}</span>
        </label>
      </fieldset>
      <div class="for-swedish">
        <Field name="personnummer" label={t("common.personnummer")} hint={t("reg.personnummer.hint")} value={values.personnummer} errors={errors} inputmode="numeric" autocomplete="off" maxlength={20} />
      </div>
      <div class="for-foreign">
        <Field name="epost" label={t("common.email")} hint={t("reg.email.hint")} type="email" value={values.epost} errors={errors} autocomplete="email" maxlength={254} />
      </div>
      <div class="button-row">
        <button type="submit" class="button">
          {t("common.continue")}
        </button>
      </div>
    </form>
  );
};

/** `failure` is why BankID could not start: the details stay, and the person tries again. */
const SwedishForm = ({ personnummer, values, errors, failure }: { personnummer: string; values: Values; errors?: FieldErrors; failure?: string }) => (
  <form method="post" action="/registrera-konto/bankid" class="form" novalidate>
    <ErrorSummary errors={errors} />
    <ActionNotices failure={failure} />
    <p>
      <strong>{t("reg.citizenship.label")}</strong> {t("reg.swedish")}
      <br />
      <strong>{t("reg.personnummer.label")}</strong> {formatPersonnummer(personnummer)} <a href="/registrera-konto">{t("common.change")}</a>
    </p>
    <input type="hidden" name="personnummer" value={personnummer} />
    <Field name="epost" label={t("common.email")} type="email" required value={values.epost} errors={errors} autocomplete="email" maxlength={254} autofocus />
    <Field name="mobil" label={t("common.mobile")} hint={t("common.optional")} type="tel" value={values.mobil} errors={errors} autocomplete="tel" maxlength={30} />
    <h3>{t("reg.bankid.title")}</h3>
    <p>{t("reg.bankid.name")}</p>
    <div class="button-row">
      <button type="submit" name="enhet" value="denna" class="button">
        {t("bankid.thisDevice")}
      </button>
      <button type="submit" name="enhet" value="annan" class="button button--secondary">
        {t("bankid.otherDevice")}
      </button>
    </div>
  </form>
);

const ForeignForm = ({ email, values, errors }: { email: string; values: Values; errors?: FieldErrors }) => (
  <form method="post" action="/registrera-konto/skapa" hx-post="/registrera-konto/skapa" hx-target="this" hx-swap="outerHTML" class="form" novalidate>
    <ErrorSummary errors={errors} />
    <p>
      <strong>{t("reg.citizenship.label")}</strong> {t("reg.other")}
      <br />
      <strong>{t("reg.email.label")}</strong> {email} <a href="/registrera-konto">{t("common.change")}</a>
    </p>
    <input type="hidden" name="epost" value={email} />
    <Field name="fodelsedatum" label={t("common.birthDate")} hint={t("reg.birthDate.hint")} type="date" required value={values.fodelsedatum} errors={errors} autocomplete="bday" autofocus />
    <Field name="fornamn" label={t("common.givenName")} required value={values.fornamn} errors={errors} autocomplete="given-name" maxlength={100} />
    <Field name="efternamn" label={t("common.familyName")} required value={values.efternamn} errors={errors} autocomplete="family-name" maxlength={100} />
    <Field name="mobil" label={t("common.mobile")} hint={t("common.optional")} type="tel" value={values.mobil} errors={errors} autocomplete="tel" maxlength={30} />
    <div class="button-row">
      <button type="submit" class="button">
        {t("reg.createUser")}
      </button>
    </div>
  </form>
);

// Takes focus when it replaces the form (htmx focuses [autofocus]), so the keyboard goes on from
// here to Logga in, not from the button that is gone.
const CheckMail = ({ email }: { email: string }) => (
  <div class="notice notice--success" role="status" tabindex={-1} autofocus>
    <h3>{t("reg.checkMail")}</h3>
    <p>
      {t("reg.checkMail.before")}
      <strong>{email}</strong>
      {t("reg.checkMail.after")}
    </p>
    <p>
      <a class="button" href="/logga-in">
        {t("nav.logIn")}
      </a>
    </p>
  </div>
);

export function registerRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Read per request: the page's language.
  const options = (status?: 422 | 409 | 503) => ({ title: t("nav.registerAccount"), ...(status ? { status } : {}) });

  app.get("/registrera-konto", (c) => formPage(c, options(), <StartForm values={{}} />, around(c.var.deps.config.org.shortName)));

  app.post("/registrera-konto", async (c) => {
    const values = await formValues(c);
    const wrap = around(c.var.deps.config.org.shortName);
    const today = () => c.var.deps.clock.now();
    try {
      const citizenship = parseForm(z.object({ medborgarskap: citizenshipField }), values).medborgarskap;
      if (citizenship === "svenskt") {
        const { personnummer } = parseForm(z.object({ personnummer: personnummerField(today) }), values);
        return formPage(c, options(), <SwedishForm personnummer={personnummer} values={{}} />, wrap);
      }
      const { epost } = parseForm(z.object({ epost: emailField }), values);
      return formPage(c, options(), <ForeignForm email={epost} values={{}} />, wrap);
    } catch (e) {
      if (e instanceof Invalid) return formPage(c, options(422), <StartForm values={values} errors={e.fields} />, wrap);
      throw e;
    }
  });

  app.post("/registrera-konto/bankid", async (c) => {
    const { deps } = c.var;
    const values = await formValues(c);
    const today = () => deps.clock.now();
    const schema = z.object({ personnummer: personnummerField(today), epost: emailField, mobil: mobileField.optional().default(""), enhet: z.enum(["denna", "annan"]).catch("annan") });
    let input: z.infer<typeof schema>;
    try {
      input = parseForm(schema, values);
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      const pnr = parseForm(z.object({ personnummer: personnummerField(today) }).catch({ personnummer: "" }), values).personnummer;
      if (!pnr) return formPage(c, options(422), <StartForm values={values} errors={e.fields} />, around(deps.config.org.shortName));
      return page(c, options(422), around(deps.config.org.shortName)(<SwedishForm personnummer={pnr} values={values} errors={e.fields} />));
    }
    const ip = clientIp(c);
    await enforce(deps.db, registrations(ip), deps.clock.now());
    let order: Awaited<ReturnType<typeof startBankIdOrder>>;
    try {
      order = await startBankIdOrder(deps, {
        purpose: "register",
        endUserIp: ip,
        personnummer: input.personnummer,
        payload: { email: input.epost, mobile: input.mobil },
      });
    } catch (e) {
      if (!(e instanceof BankIdTrouble)) throw e;
      return page(c, options(e.status), around(deps.config.org.shortName)(<SwedishForm personnummer={input.personnummer} values={values} failure={e.message} />));
    }
    writeCookie(c, BANKID_ORDER, order.token, 5 * 60);
    return c.redirect(`/bankid?enhet=${input.enhet}`, 303);
  });

  app.post("/registrera-konto/skapa", async (c) => {
    const { deps } = c.var;
    const values = await formValues(c);
    const wrap = around(deps.config.org.shortName);
    const schema = z.object({
      epost: emailField,
      fodelsedatum: birthDateField(() => deps.clock.now()),
      fornamn: nameField("förnamn"),
      efternamn: nameField("efternamn"),
      mobil: mobileField.optional().default(""),
    });
    let input: z.infer<typeof schema>;
    try {
      input = parseForm(schema, values);
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      const email = emailField.safeParse(values.epost ?? "");
      if (!email.success) return formPage(c, options(422), <StartForm values={{ medborgarskap: "annat", epost: values.epost ?? "" }} errors={{ epost: email.error.issues[0]!.message }} />, wrap);
      return formPage(c, options(422), <ForeignForm email={email.data} values={values} errors={e.fields} />, wrap);
    }
    await enforce(deps.db, registrations(clientIp(c)), deps.clock.now());
    await registerForeignPerson(deps, { email: input.epost, birthDate: input.fodelsedatum, givenName: input.fornamn, familyName: input.efternamn, mobile: input.mobil });
    return formPage(c, options(), <CheckMail email={input.epost} />, wrap);
  });

  return app;
}
