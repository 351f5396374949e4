// A certificate as staff see it: its status and dates, its status history and Beslut, and the
// decider's actions Suspendera (Vilande, with a reason and an end date), Återaktivera and Dra in
// (Indraget, for good). The review module checks role and impartiality again for each.
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { swedishDate } from "../../lib/dates.ts";
import { Conflict, Forbidden, Invalid, type FieldErrors } from "../../lib/errors.ts";
import { ownEntry } from "../../lib/own-key.ts";
import { CERTIFICATE_LABELS, certificateTransition, getCertificate, publicStatus, type CertificateAction } from "../../modules/certificates/index.ts";
import { canActOnCertificate, listDecisions, loadParties, reinstateCertificate, suspendCertificate, withdrawCertificate, type DecisionRow } from "../../modules/review/index.ts";
import { CERTIFICATE_CHIPS, verifyUrl } from "../certification/certificate-page.tsx";
import type { AppEnv } from "../env.ts";
import { formValues } from "../form-input.ts";
import { redirectAfterPost } from "../htmx.ts";
import { page } from "../render.tsx";
import { DataTable, type Column } from "../views/data-table.tsx";
import { ConfirmStep, isConfirmed } from "../views/confirm.tsx";
import { ActionNotices, ErrorSummary, Field } from "../views/form.tsx";
import { staffApplicationUrl } from "./application-paths.tsx";
import { t, labels } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;

export const staffCertificateUrl = (id: string, rest = "") => `/personal/certifikat/${id}${rest}`;

interface Failure {
  message: string;
  form?: CertificateAction;
  errors?: FieldErrors;
  values?: Record<string, string>;
}

const DONE: Readonly<Record<string, string>> = labels({
  suspenderat: "staff.cert.done.suspended",
  ateraktiverat: "staff.cert.done.reinstated",
  indraget: "staff.cert.done.withdrawn",
});

const decisionColumns = (): Column<DecisionRow>[] => [
  { key: "beslut", label: t("staff.col.decision"), value: (d) => d.label, groupable: true },
  { key: "datum", label: t("staff.col.decidedAt"), value: (d) => d.decidedAt },
  { key: "av", label: t("staff.col.decidedBy"), value: (d) => d.decidedBy, groupable: true },
  { key: "motivering", label: t("common.reason"), value: (d) => d.reason },
  { key: "till", label: t("staff.cert.col.until"), value: (d) => d.untilOn },
];

type HistoryRow = { status: string; fromDate: string; toDate: string | null; reason: string | null; decisionId: string | null };
const historyColumns = (): Column<HistoryRow>[] => [
  { key: "status", label: t("cert.status"), value: (h) => CERTIFICATE_LABELS[h.status as keyof typeof CERTIFICATE_LABELS] ?? h.status, groupable: true },
  { key: "fran", label: t("staff.cert.col.from"), value: (h) => h.fromDate },
  { key: "till", label: t("staff.cert.col.to"), value: (h) => h.toDate ?? t("staff.cert.ongoing") },
  { key: "skal", label: t("staff.cert.col.reason"), value: (h) => h.reason ?? (h.decisionId ? t("staff.col.decision") : "–") },
];

export async function renderStaffCertificate(c: Ctx, id: string, failure?: Failure, status?: ContentfulStatusCode) {
  const { db, clock, config } = c.var.deps;
  const user = c.var.user!;
  const today = swedishDate(clock.now());
  const cert = await getCertificate(db, user, id);
  const c0 = cert.certificate;
  const shown = publicStatus(c0, today);
  const [decisions, parties] = await Promise.all([listDecisions(db, { certificateId: id }), loadParties(db, user, c0, today)]);
  const may = canActOnCertificate(user, parties);
  const can = (a: CertificateAction) => certificateTransition(c0, a, today).ok;
  const errorsOf = (form: CertificateAction) => (failure && failure.form === form ? failure.errors : undefined);
  const valueOf = (form: CertificateAction, key: string) => (failure && failure.form === form ? failure.values?.[key] : undefined);
  const done = ownEntry(DONE, c.req.query("klart"));
  const title = `${cert.holderName}: ${cert.area.name} - ${cert.scheme.name}`;
  const holderUrl = c0.personId ? `/personal/personer/${c0.personId}` : `/personal/foretag/${c0.companyId}`;
  return page(
    c,
    { title: t("staff.cert.title", c0.number), status },
    <>
      <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
        <a href="/personal">{t("nav.staff")}</a> › <a href={holderUrl}>{cert.holderName}</a> › {t("staff.cert.title", c0.number)}
      </nav>
      <header class="page-header">
        <h1>{title}</h1>
        <div class="button-row">
          <a class="button button--secondary" href={holderUrl}>
            {c0.personId ? t("process.showPerson") : t("process.showCompany")}
          </a>
          <a class="button button--secondary" href={staffApplicationUrl(c0.applicationId)}>
            {t("staff.cert.showProcess")}
          </a>
          <a class="button button--secondary" href={verifyUrl(config.publicUrl, c0.number)}>
            {t("staff.cert.showPublic")}
          </a>
        </div>
      </header>
      <ActionNotices failure={failure?.message} done={done} />
      <section aria-labelledby="information">
        <h2 id="information">{t("staff.app.information")}</h2>
        <dl class="details">
          <dt>{t("cert.number")}</dt>
          <dd>{c0.number}</dd>
          <dt>{t("cert.status")}</dt>
          <dd>
            <span class={`status ${CERTIFICATE_CHIPS[shown] ?? "status--muted"}`}>{CERTIFICATE_LABELS[shown]}</span>
            {shown === "suspended" && c0.suspendedUntil ? ` ${t("staff.cert.until", c0.suspendedUntil)}` : null}
          </dd>
          <dt>{t("cert.issuedOn")}</dt>
          <dd>{c0.issuedOn}</dd>
          <dt>{t("cert.validUntil")}</dt>
          <dd>{c0.validUntil ?? t("staff.cert.noEnd")}</dd>
          {c0.cycleEndsOn ? (
            <>
              <dt>{t("staff.renewal.recert")}</dt>
              <dd>{c0.cycleEndsOn}</dd>
            </>
          ) : null}
          <dt>{t("staff.app.lastDecision")}</dt>
          <dd>{cert.latestDecisionOn ?? "–"}</dd>
          <dt>{t("cert.version")}</dt>
          <dd>
            {c0.version}
            {cert.versions.at(-1)!.id !== id ? (
              <>
                {" "}
                ({t("staff.cert.replacedBy")} <a href={`/personal/certifikat/${cert.versions.at(-1)!.id}`}>{t("staff.cert.versionN", cert.versions.at(-1)!.version)}</a>)
              </>
            ) : null}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="atgarder">
        <h2 id="atgarder">{t("staff.cert.decisions")}</h2>
        {cert.versions.at(-1)!.id !== id ? (
          <p class="notice notice--info">{t("staff.cert.oldVersion", cert.versions.at(-1)!.version)}</p>
        ) : !may.ok ? (
          <p class="notice notice--info">{may.reason}</p>
        ) : !can("suspend") && !can("reinstate") && !can("withdraw") ? (
          <p>{t("staff.cert.final", CERTIFICATE_LABELS[shown].toLowerCase())}</p>
        ) : (
          <div class="decision-forms">
            {can("suspend") ? (
              <form method="post" action={staffCertificateUrl(id, "/suspendera")} class="form" novalidate>
                <h3>{t("staff.cert.suspend")}</h3>
                <p class="hint">{t("staff.cert.suspend.hint")}</p>
                <ErrorSummary errors={errorsOf("suspend")} />
                <Field id="motivering-suspendera" name="motivering" label={t("common.reason")} rows={3} required maxlength={2000} value={valueOf("suspend", "motivering")} errors={errorsOf("suspend")} />
                <Field name="tilldatum" label={t("staff.cert.suspend.until")} type="date" required value={valueOf("suspend", "tilldatum")} errors={errorsOf("suspend")} />
                <button type="submit" class="button button--secondary">
                  {t("staff.cert.suspend")}
                </button>
              </form>
            ) : null}
            {can("reinstate") ? (
              <form method="post" action={staffCertificateUrl(id, "/ateraktivera")} class="form" novalidate>
                <h3>{t("staff.cert.reinstate")}</h3>
                <ErrorSummary errors={errorsOf("reinstate")} />
                <Field id="motivering-ateraktivera" name="motivering" label={t("common.reason")} rows={2} maxlength={2000} value={valueOf("reinstate", "motivering")} errors={errorsOf("reinstate")} hint={t("common.optional.short")} />
                <button type="submit" class="button">
                  {t("staff.cert.reinstate")}
                </button>
              </form>
            ) : null}
            {can("withdraw") ? (
              <form method="post" action={staffCertificateUrl(id, "/dra-in")} class="form" novalidate>
                <h3>{t("staff.cert.withdraw")}</h3>
                <p class="hint">{t("staff.cert.withdraw.hint")}</p>
                <ErrorSummary errors={errorsOf("withdraw")} />
                <Field id="motivering-dra-in" name="motivering" label={t("common.reason")} rows={3} required maxlength={2000} value={valueOf("withdraw", "motivering")} errors={errorsOf("withdraw")} />
                <button type="submit" class="button button--danger">
                  {t("staff.cert.withdraw")}
                </button>
              </form>
            ) : null}
          </div>
        )}
      </section>
      <section aria-labelledby="beslut">
        <h2 id="beslut">{t("staff.col.decision")}</h2>
        <DataTable prefix="beslut" caption={t("staff.col.decision")} columns={decisionColumns()} rows={decisions} path={staffCertificateUrl(id)} query={c.req.query()} empty={t("staff.app.noDecisions")} searchable={false} />
      </section>
      <section aria-labelledby="historik">
        <h2 id="historik">{t("staff.cert.history")}</h2>
        <DataTable prefix="historik" caption={t("staff.cert.history")} columns={historyColumns()} rows={cert.history} path={staffCertificateUrl(id)} query={c.req.query()} empty={t("staff.cert.noHistory")} searchable={false} />
      </section>
    </>,
  );
}

const ACTIONS: Record<string, { action: CertificateAction; done: string; run: (c: Ctx, id: string, v: Record<string, string>) => Promise<unknown> }> = {
  suspendera: { action: "suspend", done: "suspenderat", run: (c, id, v) => suspendCertificate(c.var.deps, c.var.user!, { certificateId: id, reason: v.motivering ?? null, until: v.tilldatum || null }) },
  ateraktivera: { action: "reinstate", done: "ateraktiverat", run: (c, id, v) => reinstateCertificate(c.var.deps, c.var.user!, { certificateId: id, reason: v.motivering ?? null }) },
  "dra-in": { action: "withdraw", done: "indraget", run: (c, id, v) => withdrawCertificate(c.var.deps, c.var.user!, { certificateId: id, reason: v.motivering ?? null }) },
};

async function confirmWithdrawal(c: Ctx, id: string, values: Record<string, string>) {
  const { db, clock } = c.var.deps;
  const user = c.var.user!;
  const today = swedishDate(clock.now());
  const cert = await getCertificate(db, user, id);
  const c0 = cert.certificate;
  const may = canActOnCertificate(user, await loadParties(db, user, c0, today));
  if (!may.ok) return renderStaffCertificate(c, id, { message: may.reason }, 403);
  const move = certificateTransition(c0, "withdraw", today);
  if (!move.ok) return renderStaffCertificate(c, id, { message: move.reason }, 409);
  const holderUrl = c0.personId ? `/personal/personer/${c0.personId}` : `/personal/foretag/${c0.companyId}`;
  return page(
    c,
    { title: t("staff.cert.withdraw.title") },
    <ConfirmStep
      heading={t("staff.cert.withdraw.heading", c0.number)}
      consequences={[
        t("staff.cert.withdraw.c1", cert.holderName, `${cert.area.name} - ${cert.scheme.name}`),
        <>{t("staff.cert.withdraw.c2")} ”{values.motivering!.trim()}”</>,
      ]}
      action={staffCertificateUrl(id, "/dra-in")}
      values={values}
      button={t("staff.cert.withdraw")}
      danger
      cancel={staffCertificateUrl(id)}
      breadcrumbs={
        <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
          <a href="/personal">{t("nav.staff")}</a> › <a href={holderUrl}>{cert.holderName}</a> › <a href={staffCertificateUrl(id)}>{t("staff.cert.title", c0.number)}</a> › {t("staff.cert.withdraw")}
        </nav>
      }
    />,
  );
}

/** Mounted under /personal, behind requireUser and requireStaff. */
export function staffCertificateRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/certifikat/:id", (c) => renderStaffCertificate(c, c.req.param("id")));
  for (const [path, a] of Object.entries(ACTIONS)) {
    app.post(`/certifikat/:id/${path}`, async (c) => {
      const id = c.req.param("id")!;
      const values = await formValues(c);
      // Dra in is for good: with a reason given, the first post shows what will happen.
      if (a.action === "withdraw" && values.motivering?.trim() && !isConfirmed(values)) return confirmWithdrawal(c, id, values);
      try {
        await a.run(c, id, values);
      } catch (e) {
        if (e instanceof Invalid) return renderStaffCertificate(c, id, { message: Object.values(e.fields).join(" ") || e.message, form: a.action, errors: e.fields, values }, 422);
        if (e instanceof Conflict) return renderStaffCertificate(c, id, { message: e.message }, 409);
        if (e instanceof Forbidden) return renderStaffCertificate(c, id, { message: e.message }, 403);
        throw e;
      }
      return redirectAfterPost(c, staffCertificateUrl(id, `?klart=${a.done}`));
    });
  }
  return app;
}
