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
import { t } from "../../lib/i18n/index.ts";

const optional = (max: number, label: () => string) =>
  z
    .string()
    .trim()
    .max(max, { error: () => t("details.tooLong", label(), max) })
    .optional()
    .transform((s) => (s ? s : null));

const schema = z
  .object({
    epost: emailField,
    mobil: mobileField.optional().default(""),
    fakturanamn: optional(200, () => t("details.theName")),
    adressrad1: optional(200, () => t("details.theAddressLine")),
    adressrad2: optional(200, () => t("details.theAddressLine")),
    postnummer: optional(20, () => t("details.thePostalCode")),
    ort: optional(100, () => t("details.theCity")),
    land: optional(100, () => t("details.theCountry")),
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
      if (!v.adressrad1) ctx.addIssue({ code: "custom", path: ["adressrad1"], message: t("details.addressLine1.missing") });
      if (!v.postnummer) ctx.addIssue({ code: "custom", path: ["postnummer"], message: t("details.postalCode.missing") });
      if (!v.ort) ctx.addIssue({ code: "custom", path: ["ort"], message: t("details.city.missing") });
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
  return value && /^\/min-sida\/ansokningar\/[\w-]{1,64}\/fakturamottagare$/.test(value) ? { href: value, label: t("recipient.title") } : null;
}

const DetailsForm = ({ values, errors, back }: { values: Record<string, string>; errors?: FieldErrors; back: { href: string; label: string } | null }) => {
  const action = back ? `/min-sida/andra-uppgifter?tillbaka=${encodeURIComponent(back.href)}` : "/min-sida/andra-uppgifter";
  return (
  <form method="post" action={action} hx-post={action} hx-target="this" hx-swap="outerHTML" class="form" novalidate>
    <ErrorSummary errors={errors} />
    <fieldset>
      <legend>{t("details.contact")}</legend>
      <Field name="epost" label={t("common.emailAddress")} type="email" required value={values.epost} errors={errors} autocomplete="email" maxlength={254} hint={t("details.email.hint")} />
      <Field name="mobil" label={t("common.mobile")} type="tel" value={values.mobil} errors={errors} autocomplete="tel" maxlength={30} hint={t("common.optional")} />
    </fieldset>
    <fieldset>
      <legend>{t("person.billingAddress")}</legend>
      <Field name="fakturanamn" label={t("verify.field.name")} value={values.fakturanamn} errors={errors} autocomplete="name" maxlength={200} hint={t("details.billingName.hint")} />
      <Field name="adressrad1" label={t("address.line1")} value={values.adressrad1} errors={errors} autocomplete="address-line1" maxlength={200} />
      <Field name="adressrad2" label={t("address.line2")} value={values.adressrad2} errors={errors} autocomplete="address-line2" maxlength={200} />
      <Field name="postnummer" label={t("address.postalCode")} value={values.postnummer} errors={errors} autocomplete="postal-code" maxlength={20} />
      <Field name="ort" label={t("common.city")} value={values.ort} errors={errors} autocomplete="address-level2" maxlength={100} />
      <Field name="land" label={t("address.country")} value={values.land} errors={errors} autocomplete="country-name" maxlength={100} />
      <Field name="fakturaepost" label={t("person.billingEmail")} type="email" value={values.fakturaepost} errors={errors} maxlength={254} hint={t("details.billingEmail.hint")} />
    </fieldset>
    <div class="button-row">
      <button type="submit" class="button">
        {t("common.save")}
      </button>
      <a class="button button--secondary" href={back?.href ?? "/min-sida"}>
        {t("common.cancel")}
      </a>
    </div>
  </form>
  );
};

const around = (back: { href: string; label: string } | null) => (form: Child) => (
  <section class="narrow">
    <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
      <a href="/min-sida">{t("nav.minSida")}</a> › {back ? <><a href={back.href}>{back.label}</a> › </> : null}
      {t("minSida.editDetails")}
    </nav>
    <h1>{t("minSida.editDetails")}</h1>
    <p>{t("details.intro")}</p>
    {back ? (
      <p class="notice notice--info">
        {t("details.back")} <a href={back.href}>{back.label}</a>.
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
    return page(c, { title: t("minSida.editDetails") }, around(back)(<DetailsForm values={valuesOf(person)} back={back} />));
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
      return formPage(c, { title: t("minSida.editDetails"), status: 422 }, <DetailsForm values={values} errors={e.fields} back={back} />, around(back));
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
      { title: t("minSida.editDetails") },
      <div>
        <Notice kind="success">
          <p>
            {t("details.saved.before")}
            <strong>{result.emailChangePending}</strong>
            {t("details.saved.after")}
          </p>
        </Notice>
        <DetailsForm values={valuesOf(person)} back={back} />
      </div>,
      around(back),
    );
  });
  return app;
}
