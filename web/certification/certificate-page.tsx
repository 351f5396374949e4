// "Visa certifikat": the holder's certificate page. The number, status and dates, the QR code that
// leads anyone to the public check at $PUBLIC_URL/c/{number}, the download of the certificate, and
// the process that led to it (its Moment and Händelselogg).
import type { Context } from "hono";
import { raw } from "hono/html";
import QRCode from "qrcode";
import { swedishDate } from "../../lib/dates.ts";
import { signedQrText } from "../../lib/signing/qr-sign.ts";
import { listSubjectEvents } from "../../modules/audit/index.ts";
import { CERTIFICATE_LABELS, getCertificate, publicStatus, type LoadedCertificate } from "../../modules/certificates/index.ts";
import { listMoments } from "../../modules/certification/index.ts";
import type { AppEnv } from "../env.ts";
import { page } from "../render.tsx";
import { DataTable } from "../views/data-table.tsx";
import { Icon } from "../views/icons.tsx";
import { MomentTabs } from "../views/moment-tabs.tsx";
import { momentColumns } from "./process-page.tsx";
import { nextRenewal, RENEWAL_LABELS } from "../../modules/lifecycle/due.ts";
import { renewalOf } from "../../modules/lifecycle/renewal.ts";
import { dueDetail, RenewalButton } from "./renewal.tsx";
import { isStaff } from "../../modules/deps.ts";
import { AppealPanel, appealPanelData } from "../cases/appeal-panel.tsx";
import { t, language } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;

export const certificateUrl = (id: string, rest = "") => `/min-sida/certifikat/${id}${rest}`;
export const verifyUrl = (publicUrl: string, number: number) => `${publicUrl.replace(/\/$/, "")}/c/${number}`;

export const CERTIFICATE_CHIPS: Record<string, string> = { active: "status--approved", suspended: "status--warning", withdrawn: "status--rejected", expired: "status--muted", ended: "status--muted" };

export const certificateTitle = (cert: LoadedCertificate) => `${cert.holderName}: ${cert.area.name} - ${cert.scheme.name}`;

export async function renderCertificatePage(c: Ctx, id: string, tab: "moment" | "handelselogg", failure?: string) {
  const { db, config, clock } = c.var.deps;
  const cert = await getCertificate(db, c.var.user!, id);
  const today = swedishDate(clock.now());
  const renewal = await renewalOf(db, c.var.user!, id, today);
  const newest = cert.versions[cert.versions.length - 1]!;
  const status = publicStatus(cert.certificate, today);
  const url = verifyUrl(config.publicUrl, cert.certificate.number);
  // The address with the certificate's fields and their signature in the fragment (decision 019).
  const qrText = signedQrText(c.var.deps.signer, config.publicUrl, { number: cert.certificate.number, version: cert.certificate.version, name: cert.holderName, scheme: cert.scheme.name, validUntil: cert.certificate.validUntil });
  const qr = await QRCode.toString(qrText, { type: "svg", margin: 2, errorCorrectionLevel: "M", width: 200 });
  const applicationId = cert.certificate.applicationId;
  const [moments, events] = await Promise.all([
    tab === "moment" ? listMoments(db, applicationId) : Promise.resolve([]),
    tab === "handelselogg" ? Promise.all([listSubjectEvents(db, "certificate", id), listSubjectEvents(db, "application", applicationId)]).then(([a, b]) => [...a, ...b].sort((x, y) => y.at.getTime() - x.at.getTime() || y.id - x.id)) : Promise.resolve(null),
  ]);
  // Överklaga beslut: a suspension or withdrawal, for the holder or the company's admins (getCertificate
  // let only staff and them this far).
  const appeals = isStaff(c.var.user!) ? null : await appealPanelData(db, { certificateId: id }, today);
  const person = cert.certificate.personId !== null;
  const back = person ? "/min-sida" : `/min-sida/foretag/${cert.certificate.companyId}`;
  const title = certificateTitle(cert);
  const c0 = cert.certificate;
  return page(
    c,
    { title, status: failure ? 409 : undefined },
    <>
      <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
        <a href="/min-sida">{t("nav.minSida")}</a> ›{" "}
        {person ? null : (
          <>
            <a href={back}>{cert.holderName}</a> ›{" "}
          </>
        )}
        {t("check.c.title", c0.number)}
      </nav>
      <header class="page-header">
        <h1>{title}</h1>
        <div class="button-row">
          <a class="button button--secondary" href={back}>
            <Icon name="search" /> {person ? t("process.showPerson") : t("process.showCompany")}
          </a>
          <a class="button" href={certificateUrl(id, "/pdf")} download>
            {t("certPage.download")}
          </a>
          {/* The PDF in the other language too: certificates travel across borders. */}
          <a class="button button--secondary" href={certificateUrl(id, `/pdf?lang=${language() === "en" ? "sv" : "en"}`)} hreflang={language() === "en" ? "sv" : "en"} download>
            {t("certPage.downloadOther")}
          </a>
          <a class="button button--secondary" href={certificateUrl(id, "/digitalt")} download>
            {t("certPage.downloadDigital")}
          </a>
        </div>
      </header>
      {failure ? (
        <div class="notice notice--error" role="alert" tabindex={-1}>
          <p>{failure}</p>
        </div>
      ) : null}
      {newest.id !== id ? (
        <div class="notice notice--warning" role="status">
          <p>
            {t("check.c.supersededBy", newest.version)} <a href={certificateUrl(newest.id)}>{t("certPage.showCurrent")}</a>.
          </p>
        </div>
      ) : null}
      <div class="certificate-summary">
        <section aria-labelledby="information">
          <h2 id="information">{t("process.information")}</h2>
          <dl class="details">
            <dt>{t("cert.number")}</dt>
            <dd>{c0.number}</dd>
            <dt>{t("cert.status")}</dt>
            <dd>
              <span class={`status ${CERTIFICATE_CHIPS[status] ?? "status--muted"}`}>{CERTIFICATE_LABELS[status]}</span>
              {status === "suspended" && c0.suspendedUntil ? t("certPage.until", c0.suspendedUntil) : null}
            </dd>
            <dt>{t("cert.issuedOn")}</dt>
            <dd>{c0.issuedOn}</dd>
            {c0.validUntil ? (
              <>
                <dt>{t("cert.validUntil")}</dt>
                <dd>{c0.validUntil}</dd>
              </>
            ) : null}
            {cert.scheme.annualExtension && c0.validUntil && c0.cycleEndsOn && c0.validUntil < c0.cycleEndsOn ? (
              <>
                <dt>{t("renewal.extension")}</dt>
                <dd>{renewal.due?.kind === "extension" ? dueDetail(renewal.due) : c0.validUntil}</dd>
              </>
            ) : null}
            {c0.cycleEndsOn && cert.scheme.recertificationYears ? (
              <>
                <dt>{t("renewal.recertification")}</dt>
                <dd>{renewal.due?.kind === "recertification" ? dueDetail(renewal.due) : c0.cycleEndsOn}</dd>
              </>
            ) : null}
            <dt>{t("cert.lastDecision")}</dt>
            <dd>{cert.latestDecisionOn ?? "–"}</dd>
            <dt>{t("cert.version")}</dt>
            <dd>{c0.version}</dd>
          </dl>
        </section>
        <section aria-labelledby="qr-kod" class="certificate-qr">
          <h2 id="qr-kod">{t("certPage.qr")}</h2>
          <figure>
            <div class="qr" role="img" aria-label={t("certPage.qr.label", c0.number)}>
              {raw(qr)}
            </div>
            <figcaption>
              {t("certPage.qr.before")}
              <a href={url}>{url}</a>
              {t("certPage.qr.after")}
            </figcaption>
          </figure>
        </section>
      </div>
      <AppealPanel data={appeals} />
      {renewal.due?.state === "due" && newest.id === id && (status === "active" || status === "suspended") ? (
        <section aria-labelledby="fornyelse" class="renewal">
          <h2 id="fornyelse">{RENEWAL_LABELS[renewal.due.kind]}</h2>
          <p>
            {renewal.due.kind === "extension" ? t("certPage.extension", renewal.due.dueOn) : t("certPage.recertification", renewal.due.dueOn)}
          </p>
          <RenewalButton item={{ certificateId: id, due: renewal.due, openApplicationId: renewal.openApplication?.id ?? null }} />
        </section>
      ) : null}
      {cert.versions.length > 1 ? (
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
              {cert.versions.map((v, i) => {
                const next = cert.versions[i + 1];
                return (
                  <tr>
                    <td>{v.id === id ? v.version : <a href={certificateUrl(v.id)}>{v.version}</a>}</td>
                    <td>{v.issuedOn}</td>
                    <td>{v.validUntil ?? "–"}</td>
                    <td>{next ? t("check.versions.superseded", next.version, next.issuedOn) : t("check.versions.current")}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ) : null}
      <MomentTabs base={certificateUrl(id)} label={t("common.certificate")} events={events} query={c.req.query()}>
        <p>{t("certPage.moments")}</p>
        <div class="moment-table">
          <DataTable prefix="moment" caption={t("common.moments")} columns={momentColumns(applicationId, false)} rows={moments} path={certificateUrl(id)} query={c.req.query()} empty={t("process.noMoments")} defaultSort={{ key: "moment", dir: "asc" }} />
        </div>
      </MomentTabs>
    </>,
  );
}

/**
 * A row of "Sök certifikat" for an issued certificate: its number and live status, and in the two
 * columns the dates of its next Årlig förlängning and Omcertifiering, with "dags nu" when due.
 */
export function certificateRow(
  row: { certificate: { id: string; number: number; status: "active" | "suspended" | "withdrawn" | "expired" | "ended"; validUntil: string | null; cycleEndsOn: string | null }; scheme: Parameters<typeof nextRenewal>[1] & { name: string }; area: { name: string } },
  today: string,
) {
  const c0 = row.certificate;
  const status = publicStatus(c0, today);
  const due = nextRenewal(c0, row.scheme, today);
  const now = (kind: "extension" | "recertification") => (due?.kind === kind && due.state === "due" ? t("certPage.dueNow") : "");
  const live = status === "active" || status === "suspended";
  const extends_ = row.scheme.annualExtension && c0.validUntil && c0.cycleEndsOn && c0.validUntil < c0.cycleEndsOn;
  return {
    href: certificateUrl(c0.id),
    linkLabel: t("certPage.show"),
    nr: String(c0.number),
    name: `${row.area.name} - ${row.scheme.name}`,
    status: CERTIFICATE_LABELS[status],
    renewal: live && extends_ ? `${c0.validUntil}${now("extension")}` : null,
    recertification: live && row.scheme.recertificationYears && c0.cycleEndsOn ? `${c0.cycleEndsOn}${now("recertification")}` : null,
  };
}

