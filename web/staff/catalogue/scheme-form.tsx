// The settings of a scheme, shared by "Nytt certifikat" and the scheme's Inställningar tab.
import type { FieldErrors } from "../../../lib/errors.ts";
import type { Area } from "../../../modules/catalogue/index.ts";
import { Field } from "../../views/form.tsx";
import { CheckboxField, RadioField, SelectField } from "../../views/inputs.tsx";
import { KIND_LABELS, SUBJECT_LABELS } from "./labels.ts";
import { t } from "../../../lib/i18n/index.ts";

type Values = Record<string, string>;

export const SchemeSettings = ({ values, errors, areas }: { values: Values; errors?: FieldErrors; areas: Area[] }) => (
  <>
    <h2>{t("common.certificate")}</h2>
    <SelectField name="areaId" label={t("common.area")} required value={values.areaId} errors={errors} placeholder={t("catalogue.scheme.chooseArea")} options={areas.map((a) => ({ value: a.id, label: a.name }))} />
    <Field name="name" label={t("verify.field.name")} required value={values.name} errors={errors} maxlength={200} hint={t("catalogue.scheme.name.hint")} />
    <Field name="scope" label={t("catalogue.scheme.scope")} required rows={4} value={values.scope} errors={errors} maxlength={2000} hint={t("catalogue.scheme.scope.hint")} />
    <RadioField
      name="subject"
      legend={t("catalogue.col.subject")}
      value={values.subject}
      errors={errors}
      options={[
        { value: "PERSON", label: SUBJECT_LABELS.PERSON },
        { value: "COMPANY", label: SUBJECT_LABELS.COMPANY },
      ]}
    />
    <RadioField
      name="kind"
      legend={t("staff.invoice.kind")}
      value={values.kind}
      errors={errors}
      options={[
        { value: "CERTIFICATE", label: KIND_LABELS.CERTIFICATE },
        { value: "ATTESTATION", label: `${KIND_LABELS.ATTESTATION} ${t("catalogue.scheme.noEnd")}` },
      ]}
    />
    <Field name="category" label={t("catalogue.scheme.category")} value={values.category} errors={errors} maxlength={40} autocomplete="off" hint={t("catalogue.scheme.category.hint")} />
    <h2>{t("catalogue.col.validity")}</h2>
    <Field name="validityYears" label={t("catalogue.scheme.validityYears")} inputmode="numeric" value={values.validityYears} errors={errors} maxlength={2} hint={t("catalogue.scheme.validityYears.hint")} />
    <CheckboxField name="validUntilFromEvidence" label={t("catalogue.scheme.fromEvidence")} checked={values.validUntilFromEvidence === "1"} errors={errors} hint={t("catalogue.scheme.fromEvidence.hint")} />
    <CheckboxField name="annualExtension" label={t("staff.renewal.annual")} checked={values.annualExtension === "1"} errors={errors} hint={t("catalogue.scheme.annual.hint")} />
    <Field name="recertificationYears" label={t("catalogue.scheme.recertYears")} inputmode="numeric" value={values.recertificationYears} errors={errors} maxlength={2} hint={t("catalogue.scheme.recertYears.hint")} />
    <Field name="extensionNoticeMonths" label={t("catalogue.scheme.extensionNotice")} inputmode="numeric" value={values.extensionNoticeMonths ?? "2"} errors={errors} maxlength={2} hint={t("catalogue.scheme.extensionNotice.hint")} />
    <Field name="recertificationNoticeMonths" label={t("catalogue.scheme.recertNotice")} inputmode="numeric" value={values.recertificationNoticeMonths ?? "6"} errors={errors} maxlength={2} hint={t("catalogue.scheme.recertNotice.hint")} />
    <RadioField
      name="suspensionEnd"
      legend={t("catalogue.scheme.suspensionEnd")}
      value={values.suspensionEnd ?? "reinstate"}
      errors={errors}
      options={[
        { value: "reinstate", label: t("catalogue.scheme.suspensionEnd.reinstate") },
        { value: "notify", label: t("catalogue.scheme.suspensionEnd.notify") },
      ]}
    />
    <Field name="appealMonths" label={t("catalogue.scheme.appealMonths")} inputmode="numeric" value={values.appealMonths ?? "2"} errors={errors} maxlength={2} hint={t("catalogue.scheme.appealMonths.hint")} />
    <h2>{t("catalogue.scheme.priceAndDecision")}</h2>
    <Field name="priceSek" label={t("catalogue.scheme.price")} required value={values.priceSek} errors={errors} maxlength={20} autocomplete="off" attrs={{ inputmode: "decimal" }} hint={t("catalogue.scheme.price.hint")} />
    <Field name="extensionPriceSek" label={t("catalogue.scheme.extensionPrice")} value={values.extensionPriceSek} errors={errors} maxlength={20} autocomplete="off" attrs={{ inputmode: "decimal" }} hint={t("catalogue.scheme.samePrice")} />
    <Field name="recertificationPriceSek" label={t("catalogue.scheme.recertPrice")} value={values.recertificationPriceSek} errors={errors} maxlength={20} autocomplete="off" attrs={{ inputmode: "decimal" }} hint={t("catalogue.scheme.samePrice")} />
    <CheckboxField name="invoiced" label={t("staff.col.invoiced")} checked={values.invoiced === "1"} errors={errors} hint={t("catalogue.scheme.invoiced.hint")} />
    <CheckboxField name="fourEyes" label={t("staff.col.fourEyes")} checked={values.fourEyes === "1"} errors={errors} hint={t("catalogue.scheme.fourEyes.hint")} />
    <h2>{t("catalogue.scheme.openFor")}</h2>
    <Field name="activeFrom" label={t("catalogue.scheme.activeFrom")} type="date" value={values.activeFrom} errors={errors} hint={t("catalogue.scheme.activeFrom.hint")} />
    <Field name="activeTo" label={t("catalogue.scheme.activeTo")} type="date" value={values.activeTo} errors={errors} hint={t("catalogue.scheme.activeTo.hint")} />
  </>
);
