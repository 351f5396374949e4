// Kontrollera certifikat and /c/{number}: one certificate found by its exact number, shown so that
// its status cannot be misread. Persons are never listed; only the number finds them.
import type { FC } from "hono/jsx";
import type { FieldErrors } from "../../lib/errors.ts";
import type { CertificateVersion, PublicCertificate, StatusOnDate } from "../../modules/verification/index.ts";
import { Field } from "../../web/views/form.tsx";
import { statusVerdict, StatusIcon } from "./certificate-status.tsx";
import { QrSignature, type QrKeys } from "./verify.tsx";
import { t } from "../../lib/i18n/index.ts";

/** The certificate as the public sees it, checked today. */
export const CertificateResult: FC<{ cert: PublicCertificate; today: string }> = ({ cert, today }) => (
  <article class={`verification verification--${cert.status}`} aria-labelledby="verification-holder">
    <p class="verification__status" role="status">
      <StatusIcon status={cert.status} />
      <span>
        <span class="visually-hidden">{t("check.statusPrefix")}</span>
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
        <dt>{t("cert.number")}</dt>
        <dd>{cert.number}</dd>
        <dt>{t("cert.status")}</dt>
        <dd>{cert.statusLabel}</dd>
        <dt>{t("cert.issuedOn")}</dt>
        <dd>{cert.issuedOn}</dd>
        <dt>{t("cert.validUntil")}</dt>
        <dd>{cert.validUntil ?? t("cert.untilFurtherNotice")}</dd>
        <dt>{t("cert.lastDecision")}</dt>
        <dd>{cert.lastDecisionOn ?? "–"}</dd>
        <dt>{t("cert.issuedBy")}</dt>
        <dd>{cert.issuer.name}</dd>
        <dt>{t("cert.version")}</dt>
        <dd>{cert.version}</dd>
      </dl>
      <p class="verification__checked muted">
        {t("check.checked", today, cert.issuer.name)}
      </p>
    </div>
  </article>
);

/**
 * "Aktivt den ÅÅÅÅ-MM-DD?": asked of the certificate found, e.g. for the day of a leak check. Its
 * own form, so the plain search keeps its address (?nummer=N).
 */
export const DateForm: FC<{ action: string; number: string; rawDate?: string; errors: FieldErrors }> = ({ action, number, rawDate, errors }) => (
  <form method="get" action={action} class="check-form check-form--date" aria-label={t("check.date.form")}>
    <input type="hidden" name="nummer" value={number} />
    <Field name="datum" label={t("check.date.label")} type="date" autocomplete="off" maxlength={10} value={rawDate ?? ""} errors={errors} hint={t("check.date.hint")} />
    <div class="button-row">
      <button type="submit" class="button button--secondary">
        {t("check.date.button")}
      </button>
    </div>
  </form>
);

/** The answer to "Aktivt den ÅÅÅÅ-MM-DD?", in words. */
export const PointInTime: FC<{ on: StatusOnDate }> = ({ on }) => (
  <section class={`notice ${on.status === "active" ? "notice--success" : "notice--warning"} point-in-time`} aria-labelledby="datum-svar">
    <h2 id="datum-svar">{t("check.on.title", on.date)}</h2>
    <p role="status">
      {on.status === null ? (
        <>{t("check.on.notIssued", on.date)}</>
      ) : (
        <>
          {t("check.on.was", on.date)}
          <strong>{on.statusLabel}</strong>
          {on.status === "active" ? t("check.on.valid") : t("check.on.notValid")}
          {t("check.on.version", on.version)}
          {on.validUntil ? t("check.on.validUntil", on.validUntil) : ""}.
        </>
      )}
    </p>
  </section>
);

/** Every version, each older one "Ersatt av version N": an old printout is checked against it. */
export const Versions: FC<{ versions: CertificateVersion[] }> = ({ versions }) =>
  versions.length < 2 ? null : (
    <section aria-labelledby="versioner">
      <h2 id="versioner">{t("check.versions")}</h2>
      <table class="data">
        <caption class="visually-hidden">{t("check.versions.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("cert.version")}</th>
            <th scope="col">{t("cert.issuedOn")}</th>
            <th scope="col">{t("cert.validUntil")}</th>
            <th scope="col">{t("cert.status")}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr>
              <td>{v.version}</td>
              <td>{v.issuedOn}</td>
              <td>{v.validUntil ?? t("cert.untilFurtherNotice")}</td>
              <td>{v.supersededBy ? t("check.versions.superseded", v.supersededBy, v.supersededOn ?? "") : t("check.versions.current")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );

export const CertificateNotFound: FC<{ number: string }> = ({ number }) => (
  <div class="notice notice--warning" role="status">
    <p>
      <strong>{t("check.notFound")}.</strong> {t("check.notFound.text", number)}
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
    <h1 id="check-title">{t("nav.checkCertificate")}</h1>
    <p>{t("check.intro", orgName)}</p>
    <form method="get" action="/kontrollera-certifikat" role="search" aria-label={t("nav.checkCertificate")} class="check-form">
      <Field name="nummer" label={t("cert.number")} inputmode="numeric" autocomplete="off" maxlength={40} value={raw} errors={errors} hint={t("check.number.hint")} />
      <div class="button-row">
        <button type="submit">{t("table.search")}</button>
      </div>
    </form>
    <p class="muted">
      {t("check.digital")} <a href="/verifiera">{t("verify.title")}</a>
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
    <h1 id="c-title">{t("check.c.title", number)}</h1>
    {dateError ? (
      <div class="notice notice--error" role="alert">
        <p>{dateError}</p>
      </div>
    ) : null}
    {result && result.askedVersion && result.askedVersion < result.cert.version ? (
      <div class="notice notice--warning" role="status">
        <p>
          <strong>{t("check.c.supersededBy", result.cert.version)}</strong> {t("check.c.supersededText", result.askedVersion)}
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
        <a href={`/lamna-klagomal?certifikat=${result.cert.number}`}>{t("check.c.complain")}</a>
      </p>
    ) : null}
    <p>
      <a href="/kontrollera-certifikat">{t("check.c.another")}</a>
    </p>
  </section>
);
