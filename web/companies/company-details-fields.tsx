import type { FieldErrors } from "../../lib/errors.ts";
import { Field } from "../views/form.tsx";
import { t } from "../../lib/i18n/index.ts";

/** Adress and Kontaktuppgifter of a company, shared by "Registrera företag" and "Ändra företagsuppgifter". */
export const CompanyDetailsFields = ({ values, errors }: { values: Record<string, string>; errors?: FieldErrors }) => (
  <>
    <fieldset>
      <legend>{t("about.address")}</legend>
      <Field name="adressrad1" label={t("address.line1")} required value={values.adressrad1} errors={errors} autocomplete="address-line1" maxlength={200} />
      <Field name="adressrad2" label={t("address.line2")} hint={t("common.optional")} value={values.adressrad2} errors={errors} autocomplete="address-line2" maxlength={200} />
      <Field name="postnummer" label={t("address.postalCode")} required value={values.postnummer} errors={errors} autocomplete="postal-code" maxlength={20} />
      <Field name="ort" label={t("common.city")} required value={values.ort} errors={errors} autocomplete="address-level2" maxlength={100} />
      <Field name="land" label={t("address.country")} required value={values.land} errors={errors} autocomplete="country-name" maxlength={100} />
    </fieldset>
    <fieldset>
      <legend>{t("details.contact")}</legend>
      <Field name="telefon" label={t("common.phoneNumber")} type="tel" required value={values.telefon} errors={errors} autocomplete="tel" maxlength={30} />
      <Field name="epost" label={t("common.emailAddress")} type="email" required value={values.epost} errors={errors} autocomplete="email" maxlength={254} />
    </fieldset>
  </>
);
