// Verifiera certifikat (/verifiera): a credential file or a QR code's text checked, each check in
// words. And the signed QR code's part of /c/{number}: a section the browser script
// (web/client/verify.ts) fills from the address's fragment, online and, from the service worker's
// copy of /verifiera/utan-natverk, offline.
import type { FC } from "hono/jsx";
import type { FieldErrors } from "../../lib/errors.ts";
import type { Check, Verification } from "../../modules/credentials/index.ts";
import { Field } from "../../web/views/form.tsx";

const MARKS: Record<string, string> = { true: "✓", false: "✗", null: "?" };
const WORDS: Record<string, string> = { true: "Godkänd", false: "Underkänd", null: "Kunde inte kontrolleras" };

const CheckRow: FC<{ check: Check }> = ({ check }) => (
  <li class={`check check--${check.ok === true ? "ok" : check.ok === false ? "failed" : "unknown"}`} data-check={check.name}>
    <span class="check__mark" aria-hidden="true">
      {MARKS[String(check.ok)]}
    </span>
    <span>
      <strong class="check__label">{check.label}</strong>
      <span class="visually-hidden">: {WORDS[String(check.ok)]}.</span> <span class="check__message">{check.message}</span>
    </span>
  </li>
);

export const VerificationResult: FC<{ result: Verification }> = ({ result }) => {
  const p = result.presented;
  const rows: [string, string | null][] = [
    ["Namn", p.holderName],
    ["Certifikat", p.scheme],
    ["Teknikområde", p.area],
    ["Certifikatnummer", p.number],
    ["Version", p.version === null ? null : String(p.version)],
    ["Giltigt från", p.validFrom],
    ["Giltigt till", p.validUntil ?? (p.number ? "Tills vidare" : null)],
    ["Utfärdat av", p.issuer.name ?? p.issuer.id],
  ];
  return (
    <section class={`verify-result verify-result--${result.verified ? "ok" : "failed"}`} aria-labelledby="verify-verdict" data-verified={String(result.verified)}>
      <div role="status">
      <h2 id="verify-verdict">
        {result.verified
          ? result.kind === "qr"
            ? "QR-koden är äkta och certifikatet gäller"
            : "Det digitala certifikatet är äkta och gäller"
          : result.kind === "qr"
            ? "QR-koden kunde inte verifieras"
            : "Det digitala certifikatet kunde inte verifieras"}
      </h2>
      </div>
      <ul class="checks">
        {result.checks.map((check) => (
          <CheckRow check={check} />
        ))}
      </ul>
      <h3>{result.kind === "qr" ? "Uppgifter i QR-koden" : "Uppgifter i certifikatet"}</h3>
      <dl class="details">
        {rows
          .filter(([, v]) => v)
          .map(([label, value]) => (
            <>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </>
          ))}
      </dl>
    </section>
  );
};

export interface VerifyPageProps {
  orgName: string;
  text: string;
  errors: FieldErrors;
  result: Verification | null;
  script: string;
}

export const VerifyPage: FC<VerifyPageProps> = ({ orgName, text, errors, result, script }) => (
  <section class="narrow verify-page" aria-labelledby="verify-title">
    <h1 id="verify-title">Verifiera certifikat</h1>
    <p>
      Här kontrollerar du ett digitalt certifikat från {orgName} (en .jwt-fil från "Ladda ned digitalt certifikat") eller texten i
      QR-koden på ett certifikat. Kontrollen visar i ord om underskriften stämmer, vem som har utfärdat certifikatet, om det är
      giltigt och vilken status det har.
    </p>
    <form method="post" action="/verifiera" enctype="multipart/form-data" class="verify-form" aria-label="Verifiera certifikat">
      <div class="drop-zone" data-drop-zone>
        <Field name="fil" label="Digitalt certifikat (fil)" type="file" errors={errors} hint="Välj filen, eller dra och släpp den här." attrs={{ accept: ".jwt,.json,application/vc+jwt,application/json" }} />
      </div>
      <Field name="underlag" label="Eller klistra in certifikatet eller QR-kodens text" rows={5} value={text} errors={errors} maxlength={65_536} hint="Texten i QR-koden börjar med certifikatets adress, till exempel https://…/c/10001#s1,…" />
      <div class="button-row">
        <button type="submit">Verifiera</button>
      </div>
    </form>
    {result ? <VerificationResult result={result} /> : null}
    <p class="muted">
      Samma kontroll finns för program som <code>POST /api/v1/verify</code>; se <a href="/api/v1/openapi.json">API-beskrivningen</a>.
    </p>
    <script src={script} defer></script>
  </section>
);

export interface QrKeys {
  publicUrl: string;
  orgName: string;
  /** The published keys as the browser checks with them: [{ kid, x }]. */
  keysJson: string;
  script: string;
}

/**
 * Filled by web/client/verify.ts when the address has a signed fragment (the QR code's): the
 * signed fields and whether the signature holds. Hidden until then, and without JavaScript.
 */
export const QrSignature: FC<QrKeys & { offline?: boolean }> = ({ publicUrl, orgName, keysJson, script, offline }) => (
  <>
    <section class="qr-signature" id="qr-signatur" aria-labelledby="qr-signatur-rubrik" data-qr-check data-public-url={publicUrl} data-org={orgName} data-keys={keysJson} data-offline={offline ? "true" : undefined} hidden>
      <h2 id="qr-signatur-rubrik">Digital underskrift i QR-koden</h2>
      <p class="qr-signature__verdict" role="status" data-verdict></p>
      <dl class="details" data-fields></dl>
    </section>
    <script src={script} defer></script>
  </>
);

/** /verifiera/utan-natverk: what the service worker shows for /c/{number} when the register cannot be reached. */
export const OfflineCertificatePage: FC<QrKeys> = (props) => (
  <section class="narrow check-page" aria-labelledby="c-title">
    <h1 id="c-title" data-offline-title>
      Certifikat
    </h1>
    <div class="notice notice--warning" role="status">
      <p>
        <strong>Registret kan inte nås just nu.</strong> Certifikatets aktuella status kunde inte kontrolleras. Uppgifterna nedan kommer
        från QR-kodens digitala underskrift, som kontrolleras här i telefonen eller datorn.
      </p>
    </div>
    <QrSignature {...props} offline />
    <p>
      <a href="/kontrollera-certifikat">Kontrollera certifikat</a> när nätverket fungerar igen.
    </p>
  </section>
);
