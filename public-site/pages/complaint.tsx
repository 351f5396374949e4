// "Lämna klagomål": anyone may tell the certification body about work done wrong by a certified
// person or company, the misuse of a certificate, or the body itself. Contact details are optional
// and shown only to who handles the case; nothing here ever names a holder or a complainant.
import type { FC } from "hono/jsx";
import type { FieldErrors } from "../../lib/errors.ts";
import { MAX_TEXT } from "../../modules/cases/index.ts";
import { FILE_ACCEPT, fileHint } from "../../web/cases/case-form.ts";
import { COMPLAINT_PATH } from "../../web/cases/paths.ts";
import { ErrorSummary, Field } from "../../web/views/form.tsx";
import { t, language } from "../../lib/i18n/index.ts";

export interface ComplaintPageProps {
  orgName: string;
  values: Record<string, string>;
  token: string;
  errors?: FieldErrors;
  /** Why the post was not taken at all (an old form, too many posts). */
  failure?: string;
  /** Files were chosen: the browser does not keep them after an error. */
  hadFiles?: boolean;
}

export const ComplaintPage: FC<ComplaintPageProps> = ({ orgName, values, token, errors, failure, hadFiles }) => (
  <section class="narrow" aria-labelledby="klagomal-rubrik">
    <h1 id="klagomal-rubrik">{t("nav.complain")}</h1>
    <p>{t("complaint.intro", orgName)}</p>
    <p>{t("complaint.how")}</p>
    {failure ? (
      <div class="notice notice--error" role="alert" tabindex={-1}>
        <p>{failure}</p>
      </div>
    ) : null}
    <form method="post" action={COMPLAINT_PATH} enctype="multipart/form-data" class="form" novalidate>
      <ErrorSummary errors={errors} />
      {hadFiles && errors && !errors.filer ? (
        <p class="notice notice--warning">{t("cases.chooseFilesAgain")}</p>
      ) : null}
      <input type="hidden" name="formtoken" value={token} />
      <Field
        name="beskrivning"
        label={t("complaint.describe")}
        rows={8}
        required
        maxlength={MAX_TEXT}
        value={values.beskrivning}
        errors={errors}
        hint={t("complaint.describe.hint", MAX_TEXT.toLocaleString(language() === "en" ? "en-GB" : "sv-SE"))}
      />
      <Field name="certifikat" label={t("cert.number")} inputmode="numeric" autocomplete="off" maxlength={40} value={values.certifikat} errors={errors} hint={t("complaint.number.hint")} />
      <Field name="orgnr" label={t("common.orgNumber")} autocomplete="off" maxlength={20} value={values.orgnr} errors={errors} hint={t("complaint.orgnr.hint")} />
      <fieldset class="field">
        <legend>{t("complaint.contact")}</legend>
        <p class="hint">{t("complaint.contact.hint")}</p>
        <Field name="namn" label={t("verify.field.name")} autocomplete="name" maxlength={200} value={values.namn} errors={errors} />
        <Field name="epost" label={t("common.emailAddress")} type="email" autocomplete="email" maxlength={254} value={values.epost} errors={errors} />
        <Field name="telefon" label={t("common.phoneNumber")} type="tel" autocomplete="tel" maxlength={30} value={values.telefon} errors={errors} />
      </fieldset>
      <Field name="filer" label={t("cases.attachFiles")} type="file" errors={errors} hint={`${fileHint()} ${t("complaint.files.hint")}`} attrs={{ accept: FILE_ACCEPT, multiple: "multiple" }} />
      <div class="button-row">
        <button type="submit" class="button">
          {t("complaint.send")}
        </button>
      </div>
    </form>
  </section>
);

export const ComplaintReceived: FC<{ number: string; mailed: boolean }> = ({ number, mailed }) => (
  <section class="narrow" aria-labelledby="klagomal-tack">
    <h1 id="klagomal-tack">{t("complaint.thanks")}</h1>
    <div class="notice notice--success" role="status">
      <p>
        {t("complaint.received")} <strong>{number}</strong>.
      </p>
    </div>
    <p>{mailed ? t("complaint.mailed") : t("complaint.notMailed")}</p>
    <p>
      <a href="/">{t("error.toStart")}</a> · <a href="/kontrollera-certifikat">{t("nav.checkCertificate")}</a>
    </p>
  </section>
);
