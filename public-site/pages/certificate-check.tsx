// Kontrollera certifikat and /c/{number}: one certificate found by its exact number, shown so that
// its status cannot be misread. Persons are never listed; only the number finds them.
import type { FC } from "hono/jsx";
import type { FieldErrors } from "../../lib/errors.ts";
import type { CertificateVersion, PublicCertificate, StatusOnDate } from "../../modules/verification/index.ts";
import { Field } from "../../web/views/form.tsx";
import { statusVerdict, StatusIcon } from "./certificate-status.tsx";
import { QrSignature, type QrKeys } from "./verify.tsx";

export const NOT_FOUND_TEXT = "Inget certifikat med det numret";

/** The certificate as the public sees it, checked today. */
export const CertificateResult: FC<{ cert: PublicCertificate; today: string }> = ({ cert, today }) => (
  <article class={`verification verification--${cert.status}`} aria-labelledby="verification-holder">
    <p class="verification__status" role="status">
      <StatusIcon status={cert.status} />
      <span>
        <span class="visually-hidden">Status: </span>
        <strong class="verification__word">{cert.statusLabel}</strong>
        <span class="verification__verdict">{statusVerdict(cert.status, cert.validUntil)}</span>
      </span>
    </p>
    <div class="verification__body">
      <h2 id="verification-holder" class="verification__holder">
        {cert.holder.name}
      </h2>
      <p class="verification__scheme">
        {cert.scheme.area} - {cert.scheme.name}
      </p>
      <dl class="details">
        <dt>Certifikatnummer</dt>
        <dd>{cert.number}</dd>
        <dt>Status</dt>
        <dd>{cert.statusLabel}</dd>
        <dt>Utfärdandedatum</dt>
        <dd>{cert.issuedOn}</dd>
        <dt>Giltigt till</dt>
        <dd>{cert.validUntil ?? "Tills vidare"}</dd>
        <dt>Senaste beslut</dt>
        <dd>{cert.lastDecisionOn ?? "–"}</dd>
        <dt>Utfärdat av</dt>
        <dd>{cert.issuer.name}</dd>
        <dt>Version</dt>
        <dd>{cert.version}</dd>
      </dl>
      <p class="verification__checked muted">
        Kontrollerat {today} i registret hos {cert.issuer.name}. Adressen till den här sidan står i certifikatets QR-kod.
      </p>
    </div>
  </article>
);

/**
 * "Aktivt den ÅÅÅÅ-MM-DD?": asked of the certificate found, e.g. for the day of a leak check. Its
 * own form, so the plain search keeps its address (?nummer=N).
 */
export const DateForm: FC<{ action: string; number: string; rawDate?: string; errors: FieldErrors }> = ({ action, number, rawDate, errors }) => (
  <form method="get" action={action} class="check-form check-form--date" aria-label="Aktivt ett visst datum">
    <input type="hidden" name="nummer" value={number} />
    <Field name="datum" label="Aktivt den" type="date" autocomplete="off" maxlength={10} value={rawDate ?? ""} errors={errors} hint="Ange ett datum (ÅÅÅÅ-MM-DD) för att se vilken status certifikatet hade då, t.ex. dagen för en läckagekontroll." />
    <div class="button-row">
      <button type="submit" class="button button--secondary">
        Kontrollera datum
      </button>
    </div>
  </form>
);

/** The answer to "Aktivt den ÅÅÅÅ-MM-DD?", in words. */
export const PointInTime: FC<{ on: StatusOnDate }> = ({ on }) => (
  <section class={`notice ${on.status === "active" ? "notice--success" : "notice--warning"} point-in-time`} aria-labelledby="datum-svar">
    <h2 id="datum-svar">Status den {on.date}</h2>
    <p role="status">
      {on.status === null ? (
        <>Certifikatet var inte utfärdat den {on.date}.</>
      ) : (
        <>
          Den {on.date} var certifikatet <strong>{on.statusLabel}</strong>
          {on.status === "active" ? " (giltigt)" : " (inte giltigt)"}. Gällande version: {on.version}
          {on.validUntil ? `, giltig till ${on.validUntil}` : ""}.
        </>
      )}
    </p>
  </section>
);

/** Every version, each older one "Ersatt av version N": an old printout is checked against it. */
export const Versions: FC<{ versions: CertificateVersion[] }> = ({ versions }) =>
  versions.length < 2 ? null : (
    <section aria-labelledby="versioner">
      <h2 id="versioner">Versioner</h2>
      <table class="data">
        <caption class="visually-hidden">Certifikatets versioner</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Utfärdandedatum</th>
            <th scope="col">Giltigt till</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr>
              <td>{v.version}</td>
              <td>{v.issuedOn}</td>
              <td>{v.validUntil ?? "Tills vidare"}</td>
              <td>{v.supersededBy ? `Ersatt av version ${v.supersededBy} (${v.supersededOn})` : "Aktuell version"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );

export const CertificateNotFound: FC<{ number: string }> = ({ number }) => (
  <div class="notice notice--warning" role="status">
    <p>
      <strong>{NOT_FOUND_TEXT}.</strong> Det finns inget certifikat med nummer {number} i registret. Kontrollera att du har
      skrivit numret precis som det står på certifikatet.
    </p>
  </div>
);

export interface CheckPageProps {
  orgName: string;
  /** What was typed, as typed. */
  raw: string;
  /** "Aktivt den": the date asked about, as typed. */
  rawDate?: string;
  errors: FieldErrors;
  result: { cert: PublicCertificate; today: string; on?: StatusOnDate | null; versions?: CertificateVersion[] } | { notFound: string } | null;
}

/** Kontrollera certifikat: the form, and below it what the number led to. */
export const CheckPage: FC<CheckPageProps> = ({ orgName, raw, rawDate, errors, result }) => (
  <section class="narrow check-page" aria-labelledby="check-title">
    <h1 id="check-title">Kontrollera certifikat</h1>
    <p>
      Här kan du kontrollera om ett certifikat som {orgName} har utfärdat är giltigt. Certifikatnumret står på certifikatet;
      QR-koden på certifikatet leder direkt till samma kontroll.
    </p>
    <form method="get" action="/kontrollera-certifikat" role="search" aria-label="Kontrollera certifikat" class="check-form">
      <Field name="nummer" label="Certifikatnummer" inputmode="numeric" autocomplete="off" maxlength={40} value={raw} errors={errors} hint="Bara siffror, till exempel 10001." />
      <div class="button-row">
        <button type="submit">Sök</button>
      </div>
    </form>
    <p class="muted">
      Har du ett digitalt certifikat (en .jwt-fil) eller vill du kontrollera underskriften i en QR-kod? <a href="/verifiera">Verifiera certifikat</a>
    </p>
    {errors.datum && !(result && "cert" in result) ? <DateForm action="/kontrollera-certifikat" number={raw} rawDate={rawDate} errors={errors} /> : null}
    {result === null ? null : "cert" in result ? (
      <>
        {result.on ? <PointInTime on={result.on} /> : null}
        <CertificateResult cert={result.cert} today={result.today} />
        <DateForm action="/kontrollera-certifikat" number={String(result.cert.number)} rawDate={rawDate} errors={errors} />
        <Versions versions={result.versions ?? []} />
      </>
    ) : (
      <CertificateNotFound number={result.notFound} />
    )}
  </section>
);

/** /c/{number}: where the QR code leads; the QR code's signed fields are checked in the browser (qr). */
export const CertificatePage: FC<{ number: string; result: { cert: PublicCertificate; today: string; on?: StatusOnDate | null; versions: CertificateVersion[]; askedVersion?: number | null } | null; dateError?: string; qr?: QrKeys }> = ({ number, result, dateError, qr }) => (
  <section class="narrow check-page" aria-labelledby="c-title">
    <h1 id="c-title">Certifikat {number}</h1>
    {dateError ? (
      <div class="notice notice--error" role="alert">
        <p>{dateError}</p>
      </div>
    ) : null}
    {result && result.askedVersion && result.askedVersion < result.cert.version ? (
      <div class="notice notice--warning" role="status">
        <p>
          <strong>Ersatt av version {result.cert.version}.</strong> Version {result.askedVersion} av certifikatet har ersatts av en nyare version. Den aktuella statusen visas nedan.
        </p>
      </div>
    ) : null}
    {result?.on ? <PointInTime on={result.on} /> : null}
    {result ? <CertificateResult cert={result.cert} today={result.today} /> : <CertificateNotFound number={number} />}
    {qr ? <QrSignature {...qr} /> : null}
    {result ? <DateForm action={`/c/${result.cert.number}`} number={String(result.cert.number)} rawDate={result.on?.date} errors={dateError ? { datum: dateError } : {}} /> : null}
    {result ? <Versions versions={result.versions} /> : null}
    {result ? (
      <p>
        <a href={`/lamna-klagomal?certifikat=${result.cert.number}`}>Anmäl felaktigt utfört arbete eller missbruk av certifikatet</a>
      </p>
    ) : null}
    <p>
      <a href="/kontrollera-certifikat">Kontrollera ett annat certifikat</a>
    </p>
  </section>
);
