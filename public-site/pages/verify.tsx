// Verifiera certifikat (/verifiera): a credential file or a QR code's text checked, each check in
// words. And the signed QR code's part of /c/{number}: a section the browser script
// (web/client/verify.ts) fills from the address's fragment, online and, from the service worker's
// copy of /verifiera/utan-natverk, offline.
import type { FC } from "hono/jsx";
import type { FieldErrors } from "../../lib/errors.ts";
import type { Check, Verification } from "../../modules/credentials/index.ts";
import { Field } from "../../web/views/form.tsx";
import type { QrTexts } from "../../web/client/verify.ts";
import { t, labels, language } from "../../lib/i18n/index.ts";

const MARKS: Record<string, string> = { true: "✓", false: "✗", null: "?" };
const WORDS: Record<string, string> = labels({ true: "verify.check.ok", false: "verify.check.failed", null: "verify.check.unknown" });

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
    [t("verify.field.name"), p.holderName],
    [t("common.certificate"), p.scheme],
    [t("common.area"), p.area],
    [t("cert.number"), p.number],
    [t("cert.version"), p.version === null ? null : String(p.version)],
    [t("verify.field.validFrom"), p.validFrom],
    [t("cert.validUntil"), p.validUntil ?? (p.number ? t("cert.untilFurtherNotice") : null)],
    [t("cert.issuedBy"), p.issuer.name ?? p.issuer.id],
  ];
  return (
    <section class={`verify-result verify-result--${result.verified ? "ok" : "failed"}`} aria-labelledby="verify-verdict" data-verified={String(result.verified)}>
      <div role="status">
      <h2 id="verify-verdict">
        {result.verified
          ? result.kind === "qr"
            ? t("verify.verdict.qrOk")
            : t("verify.verdict.vcOk")
          : result.kind === "qr"
            ? t("verify.verdict.qrFailed")
            : t("verify.verdict.vcFailed")}
      </h2>
      </div>
      <ul class="checks">
        {result.checks.map((check) => (
          <CheckRow check={check} />
        ))}
      </ul>
      <h3>{result.kind === "qr" ? t("verify.fields.qr") : t("verify.fields.vc")}</h3>
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
    <h1 id="verify-title">{t("verify.title")}</h1>
    <p>{t("verify.intro", orgName)}</p>
    <form method="post" action="/verifiera" enctype="multipart/form-data" class="verify-form" aria-label={t("verify.title")}>
      <div class="drop-zone" data-drop-zone>
        <Field name="fil" label={t("verify.file")} type="file" errors={errors} hint={t("verify.file.hint")} attrs={{ accept: ".jwt,.json,application/vc+jwt,application/json" }} />
      </div>
      <Field name="underlag" label={t("verify.text")} rows={5} value={text} errors={errors} maxlength={65_536} hint={t("verify.text.hint")} />
      <div class="button-row">
        <button type="submit">{t("verify.button")}</button>
      </div>
    </form>
    {result ? <VerificationResult result={result} /> : null}
    <p class="muted">
      {t("verify.api.before")}
      <code>POST /api/v1/verify</code>
      {t("verify.api.middle")}
      <a href="/api/v1/openapi.json">{t("verify.api.link")}</a>.
    </p>
    <script src={script} defer></script>
  </section>
);

export interface QrKeys {
  publicUrl: string;
  orgName: string;
  /** The published keys as the browser checks with them, [{ kid, x }], and the revoked ones, [{ kid, revoked }]. */
  keysJson: string;
  script: string;
}

/**
 * Filled by web/client/verify.ts when the address has a signed fragment (the QR code's): the
 * signed fields and whether the signature holds. Hidden until then, and without JavaScript.
 */
export const QrSignature: FC<QrKeys & { offline?: boolean }> = ({ publicUrl, orgName, keysJson, script, offline }) => (
  <>
    <section class="qr-signature" id="qr-signatur" aria-labelledby="qr-signatur-rubrik" data-qr-check data-public-url={publicUrl} data-org={orgName} data-keys={keysJson} data-texts={qrTexts(orgName)} data-offline={offline ? "true" : undefined} hidden>
      <h2 id="qr-signatur-rubrik">{t("verify.qr.title")}</h2>
      <p class="qr-signature__verdict" role="status" data-verdict></p>
      <dl class="details" data-fields></dl>
    </section>
    <script src={script} defer></script>
  </>
);

/** Made once per language and organisation name: every /c/{number} page carries them. */
const madeTexts = new Map<string, string>();

/** What the browser script says, in the page's language (web/client/verify.ts reads them). */
function qrTexts(org: string): string {
  const key = `${language()}\n${org}`;
  let json = madeTexts.get(key);
  if (json === undefined) madeTexts.set(key, (json = qrTextsNow(org)));
  return json;
}

function qrTextsNow(org: string): string {
  const texts: QrTexts = {
    title: t("check.c.title", "{n}"),
    unreadable: t("verify.qr.unreadable"),
    ok: t("verify.qr.ok", org),
    expired: t("verify.qr.expired"),
    unknownKey: t("verify.qr.unknownKey", org),
    revokedKey: t("verify.qr.revokedKey", org),
    bad: t("verify.qr.bad"),
    name: t("verify.field.name"),
    scheme: t("common.certificate"),
    number: t("cert.number"),
    version: t("cert.version"),
    validUntil: t("cert.validUntil"),
    untilFurtherNotice: t("cert.untilFurtherNotice"),
    signedBy: t("verify.qr.signedBy"),
  };
  return JSON.stringify(texts);
}

/** /verifiera/utan-natverk: what the service worker shows for /c/{number} when the register cannot be reached. */
export const OfflineCertificatePage: FC<QrKeys> = (props) => (
  <section class="narrow check-page" aria-labelledby="c-title">
    <h1 id="c-title" data-offline-title>
      {t("common.certificate")}
    </h1>
    <div class="notice notice--warning" role="status">
      <p>
        <strong>{t("verify.offline.unreachable")}</strong> {t("verify.offline.text")}
      </p>
    </div>
    <QrSignature {...props} offline />
    <p>
      <a href="/kontrollera-certifikat">{t("nav.checkCertificate")}</a>
      {t("verify.offline.again")}
    </p>
  </section>
);
