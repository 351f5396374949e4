import { Hono } from "hono";
import type { Child } from "hono/jsx";
import { z } from "zod";
import { Invalid, type FieldErrors } from "../../lib/errors.ts";
import { getPerson, updatePersonDetails, type Person } from "../../modules/accounts/index.ts";
import { emailField, mobileField } from "../accounts/fields.ts";
import type { AppEnv } from "../env.ts";
import { formValues, parseForm } from "../form-input.ts";
import { redirectAfterPost } from "../htmx.ts";
import { formPage, page } from "../render.tsx";
import { ErrorSummary, Field, Notice } from "../views/form.tsx";

const optional = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} får vara högst ${max} tecken.`)
    .optional()
    .transform((s) => (s ? s : null));

const schema = z
  .object({
    epost: emailField,
    mobil: mobileField.optional().default(""),
    fakturanamn: optional(200, "Namnet"),
    adressrad1: optional(200, "Adressraden"),
    adressrad2: optional(200, "Adressraden"),
    postnummer: optional(20, "Postnumret"),
    ort: optional(100, "Orten"),
    land: optional(100, "Landet"),
    fakturaepost: z
      .string()
      .trim()
      .optional()
      .transform((s) => s || "")
      .pipe(z.union([z.literal(""), emailField]))
      .transform((s) => s || null),
  })
  .superRefine((v, ctx) => {
    // An address is all or nothing: a half address cannot take an invoice.
    if (v.adressrad1 || v.postnummer || v.ort) {
      if (!v.adressrad1) ctx.addIssue({ code: "custom", path: ["adressrad1"], message: "Ange adressrad 1." });
      if (!v.postnummer) ctx.addIssue({ code: "custom", path: ["postnummer"], message: "Ange postnummer." });
      if (!v.ort) ctx.addIssue({ code: "custom", path: ["ort"], message: "Ange ort." });
    }
  });

function valuesOf(p: Person): Record<string, string> {
  return {
    epost: p.email,
    mobil: p.mobile ?? "",
    fakturanamn: p.billingName ?? "",
    adressrad1: p.addressLine1 ?? "",
    adressrad2: p.addressLine2 ?? "",
    postnummer: p.postalCode ?? "",
    ort: p.city ?? "",
    land: p.country ?? "",
    fakturaepost: p.billingEmail ?? "",
  };
}

/**
 * Where to go after Spara or Avbryt: Min Sida, or the page that sent the person here to fill in
 * their billing address (the fakturamottagare step). Only that one kind of local path is taken.
 */
function backTo(value: string | undefined): { href: string; label: string } | null {
  return value && /^\/min-sida\/ansokningar\/[\w-]{1,64}\/fakturamottagare$/.test(value) ? { href: value, label: "Ange fakturamottagare" } : null;
}

const DetailsForm = ({ values, errors, back }: { values: Record<string, string>; errors?: FieldErrors; back: { href: string; label: string } | null }) => {
  const action = back ? `/min-sida/andra-uppgifter?tillbaka=${encodeURIComponent(back.href)}` : "/min-sida/andra-uppgifter";
  return (
  <form method="post" action={action} hx-post={action} hx-target="this" hx-swap="outerHTML" class="form" novalidate>
    <ErrorSummary errors={errors} />
    <fieldset>
      <legend>Kontaktuppgifter</legend>
      <Field name="epost" label="E-postadress" type="email" required value={values.epost} errors={errors} autocomplete="email" maxlength={254} hint="Byter du e-postadress skickar vi en länk till den nya adressen som du måste följa innan bytet gäller." />
      <Field name="mobil" label="Mobilnummer" type="tel" value={values.mobil} errors={errors} autocomplete="tel" maxlength={30} hint="Frivilligt fält" />
    </fieldset>
    <fieldset>
      <legend>Faktureringsadress</legend>
      <Field name="fakturanamn" label="Namn" value={values.fakturanamn} errors={errors} autocomplete="name" maxlength={200} hint="Om fakturan ska ha ett annat namn än ditt" />
      <Field name="adressrad1" label="Adressrad 1" value={values.adressrad1} errors={errors} autocomplete="address-line1" maxlength={200} />
      <Field name="adressrad2" label="Adressrad 2" value={values.adressrad2} errors={errors} autocomplete="address-line2" maxlength={200} />
      <Field name="postnummer" label="Postnummer" value={values.postnummer} errors={errors} autocomplete="postal-code" maxlength={20} />
      <Field name="ort" label="Ort" value={values.ort} errors={errors} autocomplete="address-level2" maxlength={100} />
      <Field name="land" label="Land" value={values.land} errors={errors} autocomplete="country-name" maxlength={100} />
      <Field name="fakturaepost" label="E-postadress (fakturering)" type="email" value={values.fakturaepost} errors={errors} maxlength={254} hint="Frivilligt: dit skickas fakturor som PDF" />
    </fieldset>
    <div class="button-row">
      <button type="submit" class="button">
        Spara
      </button>
      <a class="button button--secondary" href={back?.href ?? "/min-sida"}>
        Avbryt
      </a>
    </div>
  </form>
  );
};

const around = (back: { href: string; label: string } | null) => (form: Child) => (
  <section class="narrow">
    <nav class="breadcrumbs" aria-label="Du är här">
      <a href="/min-sida">Min Sida</a> › {back ? <><a href={back.href}>{back.label}</a> › </> : null}Ändra uppgifter
    </nav>
    <h1>Ändra uppgifter</h1>
    <p>Namn och personnummer ändras inte här: de kommer från din legitimering. Kontakta oss om något är fel.</p>
    {back ? (
      <p class="notice notice--info">
        När du har sparat kommer du tillbaka till <a href={back.href}>{back.label}</a>.
      </p>
    ) : null}
    {form}
  </section>
);

export function editDetailsRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/andra-uppgifter", async (c) => {
    const person = await getPerson(c.var.deps.db, c.var.user!.personId);
    const back = backTo(c.req.query("tillbaka"));
    return page(c, { title: "Ändra uppgifter" }, around(back)(<DetailsForm values={valuesOf(person)} back={back} />));
  });
  app.post("/andra-uppgifter", async (c) => {
    const values = await formValues(c);
    const user = c.var.user!;
    const back = backTo(c.req.query("tillbaka"));
    let input: z.infer<typeof schema>;
    try {
      input = parseForm(schema, values);
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      return formPage(c, { title: "Ändra uppgifter", status: 422 }, <DetailsForm values={values} errors={e.fields} back={back} />, around(back));
    }
    const result = await updatePersonDetails(c.var.deps, user, {
      email: input.epost,
      mobile: input.mobil,
      billingName: input.fakturanamn,
      addressLine1: input.adressrad1,
      addressLine2: input.adressrad2,
      postalCode: input.postnummer,
      city: input.ort,
      country: input.land,
      billingEmail: input.fakturaepost,
    });
    if (!result.emailChangePending) return redirectAfterPost(c, back?.href ?? "/min-sida");
    const person = await getPerson(c.var.deps.db, user.personId);
    return formPage(
      c,
      { title: "Ändra uppgifter" },
      <div>
        <Notice kind="success">
          <p>
            Uppgifterna är sparade. Vi har skickat en länk till <strong>{result.emailChangePending}</strong>. E-postadressen byts när du har följt länken.
          </p>
        </Notice>
        <DetailsForm values={valuesOf(person)} back={back} />
      </div>,
      around(back),
    );
  });
  return app;
}
