// The settings of a scheme, shared by "Nytt certifikat" and the scheme's Inställningar tab.
import type { FieldErrors } from "../../../lib/errors.ts";
import type { Area } from "../../../modules/catalogue/index.ts";
import { Field } from "../../views/form.tsx";
import { CheckboxField, RadioField, SelectField } from "./inputs.tsx";
import { KIND_LABELS, SUBJECT_LABELS } from "./labels.ts";

type Values = Record<string, string>;

export const SchemeSettings = ({ values, errors, areas }: { values: Values; errors?: FieldErrors; areas: Area[] }) => (
  <>
    <h2>Certifikat</h2>
    <SelectField name="areaId" label="Teknikområde" required value={values.areaId} errors={errors} placeholder="Välj teknikområde" options={areas.map((a) => ({ value: a.id, label: a.name }))} />
    <Field name="name" label="Namn" required value={values.name} errors={errors} maxlength={200} hint="Som det står på certifikatet och i listan Ansök om nytt certifikat." />
    <Field name="scope" label="Omfattning" required rows={4} value={values.scope} errors={errors} maxlength={2000} hint="Vad certifikatet ger innehavaren rätt att göra. Visas på certifikatet och på den publika sidan." />
    <RadioField
      name="subject"
      legend="Söks av"
      value={values.subject}
      errors={errors}
      options={[
        { value: "PERSON", label: SUBJECT_LABELS.PERSON },
        { value: "COMPANY", label: SUBJECT_LABELS.COMPANY },
      ]}
    />
    <RadioField
      name="kind"
      legend="Typ"
      value={values.kind}
      errors={errors}
      options={[
        { value: "CERTIFICATE", label: KIND_LABELS.CERTIFICATE },
        { value: "ATTESTATION", label: `${KIND_LABELS.ATTESTATION} (utan slutdatum)` },
      ]}
    />
    <Field name="category" label="Kategori" value={values.category} errors={errors} maxlength={40} autocomplete="off" hint="Frivilligt. Certifikat med samma kategori räknas tillsammans för företagsregeln, t.ex. fgas eller mac." />
    <h2>Giltighet</h2>
    <Field name="validityYears" label="Giltighetstid (år)" inputmode="numeric" value={values.validityYears} errors={errors} maxlength={2} hint="Från utfärdandet till Giltigt till. Lämna tomt om certifikatet inte har något slutdatum." />
    <CheckboxField name="validUntilFromEvidence" label="Giltigt till läses från underlaget" checked={values.validUntilFromEvidence === "1"} errors={errors} hint="För externa certifikat: beslutsfattaren anger datumet från det uppladdade certifikatet." />
    <CheckboxField name="annualExtension" label="Årlig förlängning" checked={values.annualExtension === "1"} errors={errors} hint="Innehavaren visar varje år att hen är verksam, och Giltigt till flyttas ett år." />
    <Field name="recertificationYears" label="Omcertifiering efter (år)" inputmode="numeric" value={values.recertificationYears} errors={errors} maxlength={2} hint="Lämna tomt om certifikatet inte omcertifieras." />
    <Field name="extensionNoticeMonths" label="Årlig förlängning kan sökas (månader före Giltigt till)" inputmode="numeric" value={values.extensionNoticeMonths ?? "2"} errors={errors} maxlength={2} hint="Från då visas förlängningen som dags på Min Sida och påminnelsen skickas. Vanligen 2." />
    <Field name="recertificationNoticeMonths" label="Omcertifiering kan sökas (månader före periodens slut)" inputmode="numeric" value={values.recertificationNoticeMonths ?? "6"} errors={errors} maxlength={2} hint="Vanligen 6." />
    <RadioField
      name="suspensionEnd"
      legend="När en vilandeperiod slutar"
      value={values.suspensionEnd ?? "reinstate"}
      errors={errors}
      options={[
        { value: "reinstate", label: "Certifikatet blir aktivt igen av sig självt" },
        { value: "notify", label: "Beslutsfattaren får ett mejl och beslutar" },
      ]}
    />
    <Field name="appealMonths" label="Överklagandetid (månader efter beslutet)" inputmode="numeric" value={values.appealMonths ?? "2"} errors={errors} maxlength={2} hint="Så länge kan den sökande eller innehavaren överklaga ett avslag, en suspendering, en indragning eller ett ej godkänt moment. Vanligen 2." />
    <h2>Pris och beslut</h2>
    <Field name="priceSek" label="Pris (kr, exkl. moms)" required value={values.priceSek} errors={errors} maxlength={20} autocomplete="off" attrs={{ inputmode: "decimal" }} hint="I kronor, t.ex. 4800 eller 4800,50. 0 om certifikatet är kostnadsfritt." />
    <Field name="extensionPriceSek" label="Avgift för årlig förlängning (kr, exkl. moms)" value={values.extensionPriceSek} errors={errors} maxlength={20} autocomplete="off" attrs={{ inputmode: "decimal" }} hint="Lämna tomt för samma pris som certifikatet." />
    <Field name="recertificationPriceSek" label="Avgift för omcertifiering (kr, exkl. moms)" value={values.recertificationPriceSek} errors={errors} maxlength={20} autocomplete="off" attrs={{ inputmode: "decimal" }} hint="Lämna tomt för samma pris som certifikatet." />
    <CheckboxField name="invoiced" label="Faktureras" checked={values.invoiced === "1"} errors={errors} hint="En faktura skapas när certifikatet utfärdas; den sökande anger fakturamottagare i steg 4." />
    <CheckboxField name="fourEyes" label="Fyra ögon" checked={values.fourEyes === "1"} errors={errors} hint="Beslutsfattaren får inte vara den som godkände ansökans moment." />
    <h2>Öppet för ansökan</h2>
    <Field name="activeFrom" label="Första dag för ansökan" type="date" value={values.activeFrom} errors={errors} hint="Lämna tomt för att öppna direkt." />
    <Field name="activeTo" label="Sista dag för ansökan" type="date" value={values.activeTo} errors={errors} hint="Lämna tomt om certifikatet inte ska stängas." />
  </>
);
