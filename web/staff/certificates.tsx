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

type Ctx = Context<AppEnv>;

export const staffCertificateUrl = (id: string, rest = "") => `/personal/certifikat/${id}${rest}`;

interface Failure {
  message: string;
  form?: CertificateAction;
  errors?: FieldErrors;
  values?: Record<string, string>;
}

const DONE: Record<string, string> = {
  suspenderat: "Certifikatet är suspenderat (Vilande). Innehavaren har fått ett mejl.",
  ateraktiverat: "Certifikatet är återaktiverat. Innehavaren har fått ett mejl.",
  indraget: "Certifikatet är indraget. Innehavaren har fått ett mejl.",
};

const DECISION_COLUMNS: Column<DecisionRow>[] = [
  { key: "beslut", label: "Beslut", value: (d) => d.label, groupable: true },
  { key: "datum", label: "Beslutat", value: (d) => d.decidedAt },
  { key: "av", label: "Beslutat av", value: (d) => d.decidedBy, groupable: true },
  { key: "motivering", label: "Motivering", value: (d) => d.reason },
  { key: "till", label: "Till och med", value: (d) => d.untilOn },
];

type HistoryRow = { status: string; fromDate: string; toDate: string | null; reason: string | null; decisionId: string | null };
const HISTORY_COLUMNS: Column<HistoryRow>[] = [
  { key: "status", label: "Status", value: (h) => CERTIFICATE_LABELS[h.status as keyof typeof CERTIFICATE_LABELS] ?? h.status, groupable: true },
  { key: "fran", label: "Från och med", value: (h) => h.fromDate },
  { key: "till", label: "Till", value: (h) => h.toDate ?? "pågår" },
  { key: "skal", label: "Skäl", value: (h) => h.reason ?? (h.decisionId ? "Beslut" : "–") },
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
    { title: `Certifikat ${c0.number}`, status },
    <>
      <nav class="breadcrumbs" aria-label="Du är här">
        <a href="/personal">Personal</a> › <a href={holderUrl}>{cert.holderName}</a> › Certifikat {c0.number}
      </nav>
      <header class="page-header">
        <h1>{title}</h1>
        <div class="button-row">
          <a class="button button--secondary" href={holderUrl}>
            {c0.personId ? "Visa person" : "Visa företag"}
          </a>
          <a class="button button--secondary" href={staffApplicationUrl(c0.applicationId)}>
            Visa certifieringsprocess
          </a>
          <a class="button button--secondary" href={verifyUrl(config.publicUrl, c0.number)}>
            Visa publik kontroll
          </a>
        </div>
      </header>
      <ActionNotices failure={failure?.message} done={done} />
      <section aria-labelledby="information">
        <h2 id="information">Information</h2>
        <dl class="details">
          <dt>Certifikatnummer</dt>
          <dd>{c0.number}</dd>
          <dt>Status</dt>
          <dd>
            <span class={`status ${CERTIFICATE_CHIPS[shown] ?? "status--muted"}`}>{CERTIFICATE_LABELS[shown]}</span>
            {shown === "suspended" && c0.suspendedUntil ? ` till och med ${c0.suspendedUntil}` : null}
          </dd>
          <dt>Utfärdandedatum</dt>
          <dd>{c0.issuedOn}</dd>
          <dt>Giltigt till</dt>
          <dd>{c0.validUntil ?? "Utan slutdatum"}</dd>
          {c0.cycleEndsOn ? (
            <>
              <dt>Omcertifiering</dt>
              <dd>{c0.cycleEndsOn}</dd>
            </>
          ) : null}
          <dt>Senaste beslut</dt>
          <dd>{cert.latestDecisionOn ?? "–"}</dd>
          <dt>Version</dt>
          <dd>
            {c0.version}
            {cert.versions.at(-1)!.id !== id ? (
              <>
                {" "}
                (ersatt av <a href={`/personal/certifikat/${cert.versions.at(-1)!.id}`}>version {cert.versions.at(-1)!.version}</a>)
              </>
            ) : null}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="atgarder">
        <h2 id="atgarder">Beslut om certifikatet</h2>
        {cert.versions.at(-1)!.id !== id ? (
          <p class="notice notice--info">Det här är en tidigare version. Beslut fattas om den aktuella versionen, {cert.versions.at(-1)!.version}.</p>
        ) : !may.ok ? (
          <p class="notice notice--info">{may.reason}</p>
        ) : !can("suspend") && !can("reinstate") && !can("withdraw") ? (
          <p>Certifikatet är {CERTIFICATE_LABELS[shown].toLowerCase()}; inga fler beslut kan fattas om det.</p>
        ) : (
          <div class="decision-forms">
            {can("suspend") ? (
              <form method="post" action={staffCertificateUrl(id, "/suspendera")} class="form" novalidate>
                <h3>Suspendera</h3>
                <p class="hint">Certifikatet blir Vilande och visas så för alla direkt.</p>
                <ErrorSummary errors={errorsOf("suspend")} />
                <Field id="motivering-suspendera" name="motivering" label="Motivering" rows={3} required maxlength={2000} value={valueOf("suspend", "motivering")} errors={errorsOf("suspend")} />
                <Field name="tilldatum" label="Vilande till och med" type="date" required value={valueOf("suspend", "tilldatum")} errors={errorsOf("suspend")} />
                <button type="submit" class="button button--secondary">
                  Suspendera
                </button>
              </form>
            ) : null}
            {can("reinstate") ? (
              <form method="post" action={staffCertificateUrl(id, "/ateraktivera")} class="form" novalidate>
                <h3>Återaktivera</h3>
                <ErrorSummary errors={errorsOf("reinstate")} />
                <Field id="motivering-ateraktivera" name="motivering" label="Motivering" rows={2} maxlength={2000} value={valueOf("reinstate", "motivering")} errors={errorsOf("reinstate")} hint="Frivillig" />
                <button type="submit" class="button">
                  Återaktivera
                </button>
              </form>
            ) : null}
            {can("withdraw") ? (
              <form method="post" action={staffCertificateUrl(id, "/dra-in")} class="form" novalidate>
                <h3>Dra in</h3>
                <p class="hint">Certifikatet blir Indraget för alltid. Det kan inte återaktiveras.</p>
                <ErrorSummary errors={errorsOf("withdraw")} />
                <Field id="motivering-dra-in" name="motivering" label="Motivering" rows={3} required maxlength={2000} value={valueOf("withdraw", "motivering")} errors={errorsOf("withdraw")} />
                <button type="submit" class="button button--danger">
                  Dra in
                </button>
              </form>
            ) : null}
          </div>
        )}
      </section>
      <section aria-labelledby="beslut">
        <h2 id="beslut">Beslut</h2>
        <DataTable prefix="beslut" caption="Beslut" columns={DECISION_COLUMNS} rows={decisions} path={staffCertificateUrl(id)} query={c.req.query()} empty="Inga beslut." searchable={false} />
      </section>
      <section aria-labelledby="historik">
        <h2 id="historik">Statushistorik</h2>
        <DataTable prefix="historik" caption="Statushistorik" columns={HISTORY_COLUMNS} rows={cert.history} path={staffCertificateUrl(id)} query={c.req.query()} empty="Ingen historik." searchable={false} />
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
    { title: "Dra in certifikatet?" },
    <ConfirmStep
      heading={`Dra in certifikat nr ${c0.number}?`}
      consequences={[
        `${cert.holderName}s certifikat ${cert.area.name} - ${cert.scheme.name} blir Indraget för alltid och visas så i den publika kontrollen direkt. Det kan inte återaktiveras.`,
        <>Innehavaren får ett mejl med motiveringen: ”{values.motivering!.trim()}”</>,
      ]}
      action={staffCertificateUrl(id, "/dra-in")}
      values={values}
      button="Dra in"
      danger
      cancel={staffCertificateUrl(id)}
      breadcrumbs={
        <nav class="breadcrumbs" aria-label="Du är här">
          <a href="/personal">Personal</a> › <a href={holderUrl}>{cert.holderName}</a> › <a href={staffCertificateUrl(id)}>Certifikat {c0.number}</a> › Dra in
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
