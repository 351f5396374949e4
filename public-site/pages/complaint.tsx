// "Lämna klagomål": anyone may tell the certification body about work done wrong by a certified
// person or company, the misuse of a certificate, or the body itself. Contact details are optional
// and shown only to who handles the case; nothing here ever names a holder or a complainant.
import type { FC } from "hono/jsx";
import type { FieldErrors } from "../../lib/errors.ts";
import { MAX_TEXT } from "../../modules/cases/index.ts";
import { FILE_ACCEPT, FILE_HINT } from "../../web/cases/case-form.ts";
import { COMPLAINT_PATH } from "../../web/cases/paths.ts";
import { ErrorSummary, Field } from "../../web/views/form.tsx";

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
    <h1 id="klagomal-rubrik">Lämna klagomål</h1>
    <p>
      Har en certifierad person eller ett certifierat företag utfört ett arbete felaktigt, eller används ett certifikat på ett sätt som det inte får? Eller är du missnöjd med hur {orgName}{" "}
      har skött något? Berätta här.
    </p>
    <p>
      Klagomålet utreds av någon hos oss som inte har något samband med det som klagomålet gäller. Den som klagomålet gäller får inte veta vem du är, och ingenting om klagomålet visas
      offentligt. Leder det till ett beslut om ett certifikat, till exempel att det görs vilande, syns certifikatets nya status i kontrollen som vanligt.
    </p>
    {failure ? (
      <div class="notice notice--error" role="alert" tabindex={-1}>
        <p>{failure}</p>
      </div>
    ) : null}
    <form method="post" action={COMPLAINT_PATH} enctype="multipart/form-data" class="form" novalidate>
      <ErrorSummary errors={errors} />
      {hadFiles && errors && !errors.filer ? (
        <p class="notice notice--warning">Välj filerna igen innan du skickar: de sparas inte när något i formuläret behöver rättas.</p>
      ) : null}
      <input type="hidden" name="formtoken" value={token} />
      <Field
        name="beskrivning"
        label="Beskriv vad som har hänt"
        rows={8}
        required
        maxlength={MAX_TEXT}
        value={values.beskrivning}
        errors={errors}
        hint={`Vad hände, var och när? Vem utförde arbetet, om du vet det? Högst ${MAX_TEXT.toLocaleString("sv-SE")} tecken.`}
      />
      <Field name="certifikat" label="Certifikatnummer" inputmode="numeric" autocomplete="off" maxlength={40} value={values.certifikat} errors={errors} hint="Frivilligt. Står på certifikatet, till exempel 10001." />
      <Field name="orgnr" label="Organisationsnummer" autocomplete="off" maxlength={20} value={values.orgnr} errors={errors} hint="Frivilligt. Företagets organisationsnummer, till exempel 556016-0680." />
      <fieldset class="field">
        <legend>Dina kontaktuppgifter (frivilligt)</legend>
        <p class="hint">
          Anger du en e-postadress får du en bekräftelse med ärendenummer och besked när klagomålet utreds och avgörs. Kontaktuppgifterna visas bara för den som handlägger ärendet.
        </p>
        <Field name="namn" label="Namn" autocomplete="name" maxlength={200} value={values.namn} errors={errors} />
        <Field name="epost" label="E-postadress" type="email" autocomplete="email" maxlength={254} value={values.epost} errors={errors} />
        <Field name="telefon" label="Telefonnummer" type="tel" autocomplete="tel" maxlength={30} value={values.telefon} errors={errors} />
      </fieldset>
      <Field name="filer" label="Bifoga filer" type="file" errors={errors} hint={`${FILE_HINT} Till exempel foton, kvitton eller protokoll.`} attrs={{ accept: FILE_ACCEPT, multiple: "multiple" }} />
      <div class="button-row">
        <button type="submit" class="button">
          Skicka klagomålet
        </button>
      </div>
    </form>
  </section>
);

export const ComplaintReceived: FC<{ number: string; mailed: boolean }> = ({ number, mailed }) => (
  <section class="narrow" aria-labelledby="klagomal-tack">
    <h1 id="klagomal-tack">Tack för ditt klagomål</h1>
    <div class="notice notice--success" role="status">
      <p>
        Klagomålet är mottaget. Ärendenummer: <strong>{number}</strong>.
      </p>
    </div>
    <p>
      {mailed
        ? "Vi har skickat en bekräftelse till e-postadressen du angav, och du får ett mejl när klagomålet utreds och när det är avgjort."
        : "Du angav ingen e-postadress, så vi kan inte höra av oss till dig. Ange ärendenumret om du kontaktar oss om klagomålet."}
    </p>
    <p>
      <a href="/">Till startsidan</a> · <a href="/kontrollera-certifikat">Kontrollera certifikat</a>
    </p>
  </section>
);
