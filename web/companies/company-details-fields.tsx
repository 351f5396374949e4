import type { FieldErrors } from "../../lib/errors.ts";
import { Field } from "../views/form.tsx";

/** Adress and Kontaktuppgifter of a company, shared by "Registrera företag" and "Ändra företagsuppgifter". */
export const CompanyDetailsFields = ({ values, errors }: { values: Record<string, string>; errors?: FieldErrors }) => (
  <>
    <fieldset>
      <legend>Adress</legend>
      <Field name="adressrad1" label="Adressrad 1" required value={values.adressrad1} errors={errors} autocomplete="address-line1" maxlength={200} />
      <Field name="adressrad2" label="Adressrad 2" hint="Frivilligt fält" value={values.adressrad2} errors={errors} autocomplete="address-line2" maxlength={200} />
      <Field name="postnummer" label="Postnummer" required value={values.postnummer} errors={errors} autocomplete="postal-code" maxlength={20} />
      <Field name="ort" label="Ort" required value={values.ort} errors={errors} autocomplete="address-level2" maxlength={100} />
      <Field name="land" label="Land" required value={values.land} errors={errors} autocomplete="country-name" maxlength={100} />
    </fieldset>
    <fieldset>
      <legend>Kontaktuppgifter</legend>
      <Field name="telefon" label="Telefonnummer" type="tel" required value={values.telefon} errors={errors} autocomplete="tel" maxlength={30} />
      <Field name="epost" label="E-postadress" type="email" required value={values.epost} errors={errors} autocomplete="email" maxlength={254} />
    </fieldset>
  </>
);
