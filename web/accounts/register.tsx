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

type Values = Record<string, string>;

const Intro = ({ orgName }: { orgName: string }) => (
  <header class="page-intro">
    <h1>Registrera personkonto</h1>
    <p class="lead">Här skapar du nytt personkonto om du vill certifiera dig hos {orgName}.</p>
    <p>Har du tidigare ett registrerat certifikat hos {orgName} finns redan ett konto. Du kan logga in eller välja nytt lösenord via "Glömt lösenord?" på inloggningssidan.</p>
    <p>Konto måste skapas innan du anmäler dig till provtillfälle hos examinationscentret.</p>
  </header>
);

function around(orgName: string) {
  return (form: Child) => (
    <section class="narrow">
      <Intro orgName={orgName} />
      <h2>Registrera konto</h2>
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
        <legend>Medborgarskap</legend>
        <p class="hint">Välj svenskt eller annat medborgarskap</p>
        <label>
          <input type="radio" name="medborgarskap" value="svenskt" checked={citizenship === "svenskt"} /> Svenskt medborgarskap
          <span class="hint"> Med svenskt personnummer</span>
        </label>
        <label>
          <input type="radio" name="medborgarskap" value="annat" checked={citizenship === "annat"} /> Annat medborgarskap
          <span class="hint"> Utan svenskt personnummer</span>
        </label>
      </fieldset>
      <div class="for-swedish">
        <Field name="personnummer" label="Personnummer" hint="Tolvsiffrigt personnummer, t.ex. 19800101-1234" value={values.personnummer} errors={errors} inputmode="numeric" autocomplete="off" maxlength={20} />
      </div>
      <div class="for-foreign">
        <Field name="epost" label="E-post" hint="Ange din e-post" type="email" value={values.epost} errors={errors} autocomplete="email" maxlength={254} />
      </div>
      <div class="button-row">
        <button type="submit" class="button">
          Fortsätt
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
      <strong>Medborgarskap:</strong> Svenskt medborgarskap
      <br />
      <strong>Personnummer:</strong> {formatPersonnummer(personnummer)} <a href="/registrera-konto">Ändra</a>
    </p>
    <input type="hidden" name="personnummer" value={personnummer} />
    <Field name="epost" label="E-post" type="email" required value={values.epost} errors={errors} autocomplete="email" maxlength={254} autofocus />
    <Field name="mobil" label="Mobilnummer" hint="Frivilligt fält" type="tel" value={values.mobil} errors={errors} autocomplete="tel" maxlength={30} />
    <h3>Slutför registreringen med BankID</h3>
    <p>Ditt namn hämtas från ditt BankID.</p>
    <div class="button-row">
      <button type="submit" name="enhet" value="denna" class="button">
        Använd BankID på den här enheten
      </button>
      <button type="submit" name="enhet" value="annan" class="button button--secondary">
        Använd BankID på en annan enhet
      </button>
    </div>
  </form>
);

const ForeignForm = ({ email, values, errors }: { email: string; values: Values; errors?: FieldErrors }) => (
  <form method="post" action="/registrera-konto/skapa" hx-post="/registrera-konto/skapa" hx-target="this" hx-swap="outerHTML" class="form" novalidate>
    <ErrorSummary errors={errors} />
    <p>
      <strong>Medborgarskap:</strong> Annat medborgarskap
      <br />
      <strong>E-post:</strong> {email} <a href="/registrera-konto">Ändra</a>
    </p>
    <input type="hidden" name="epost" value={email} />
    <Field name="fodelsedatum" label="Födelsedatum" hint="Ange ditt födelsedatum (ÅÅÅÅ-MM-DD)" type="date" required value={values.fodelsedatum} errors={errors} autocomplete="bday" autofocus />
    <Field name="fornamn" label="Förnamn" required value={values.fornamn} errors={errors} autocomplete="given-name" maxlength={100} />
    <Field name="efternamn" label="Efternamn" required value={values.efternamn} errors={errors} autocomplete="family-name" maxlength={100} />
    <Field name="mobil" label="Mobilnummer" hint="Frivilligt fält" type="tel" value={values.mobil} errors={errors} autocomplete="tel" maxlength={30} />
    <div class="button-row">
      <button type="submit" class="button">
        Skapa användare
      </button>
    </div>
  </form>
);

const CheckMail = ({ email }: { email: string }) => (
  <div class="notice notice--success" role="status">
    <h3>Kontrollera din e-post</h3>
    <p>
      Vi har skickat ett mejl till <strong>{email}</strong> med ditt engångslösenord och nästa steg. Om du inte hittar mejlet, kontrollera att det inte hamnat i mappen för skräppost.
    </p>
    <p>
      <a class="button" href="/logga-in">
        Logga in
      </a>
    </p>
  </div>
);

export function registerRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const title = "Registrera konto";

  app.get("/registrera-konto", (c) => formPage(c, { title }, <StartForm values={{}} />, around(c.var.deps.config.org.shortName)));

  app.post("/registrera-konto", async (c) => {
    const values = await formValues(c);
    const wrap = around(c.var.deps.config.org.shortName);
    const today = () => c.var.deps.clock.now();
    try {
      const citizenship = parseForm(z.object({ medborgarskap: citizenshipField }), values).medborgarskap;
      if (citizenship === "svenskt") {
        const { personnummer } = parseForm(z.object({ personnummer: personnummerField(today) }), values);
        return formPage(c, { title }, <SwedishForm personnummer={personnummer} values={{}} />, wrap);
      }
      const { epost } = parseForm(z.object({ epost: emailField }), values);
      return formPage(c, { title }, <ForeignForm email={epost} values={{}} />, wrap);
    } catch (e) {
      if (e instanceof Invalid) return formPage(c, { title, status: 422 }, <StartForm values={values} errors={e.fields} />, wrap);
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
      if (!pnr) return formPage(c, { title, status: 422 }, <StartForm values={values} errors={e.fields} />, around(deps.config.org.shortName));
      return page(c, { title, status: 422 }, around(deps.config.org.shortName)(<SwedishForm personnummer={pnr} values={values} errors={e.fields} />));
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
      return page(c, { title, status: e.status }, around(deps.config.org.shortName)(<SwedishForm personnummer={input.personnummer} values={values} failure={e.message} />));
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
      if (!email.success) return formPage(c, { title, status: 422 }, <StartForm values={{ medborgarskap: "annat", epost: values.epost ?? "" }} errors={{ epost: email.error.issues[0]!.message }} />, wrap);
      return formPage(c, { title, status: 422 }, <ForeignForm email={email.data} values={values} errors={e.fields} />, wrap);
    }
    await enforce(deps.db, registrations(clientIp(c)), deps.clock.now());
    await registerForeignPerson(deps, { email: input.epost, birthDate: input.fodelsedatum, givenName: input.fornamn, familyName: input.efternamn, mobile: input.mobil });
    return formPage(c, { title }, <CheckMail email={input.epost} />, wrap);
  });

  return app;
}
