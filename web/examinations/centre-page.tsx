// An examinator's page of their centre under Min Sida: what it may examine, its provtillfällen,
// "Nytt provtillfälle", and its Händelselogg. Staff have their own page under /personal.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { swedishDate } from "../../lib/dates.ts";
import type { FieldErrors } from "../../lib/errors.ts";
import { canWorkAtCentre, centreStatus, getCentre, listCentreEvents, MAX_SEATS, type CentreDetails, type SessionListRow } from "../../modules/examinations/index.ts";
import type { AppEnv } from "../env.ts";
import { page } from "../render.tsx";
import { DataTable, type Column } from "../views/data-table.tsx";
import { ErrorSummary, Field } from "../views/form.tsx";
import { CheckboxGroup } from "../views/inputs.tsx";
import { EventLog } from "../views/event-log.tsx";
import { CENTRE_STATUS, centreUrl, partDescription, sessionUrl, staffSessionUrl } from "./labels.ts";
import { Rich } from "../views/rich.tsx";
import { t } from "../../lib/i18n/index.ts";
import { formatDate } from "../views/time.ts";

type Ctx = Context<AppEnv>;

export function sessionColumns(link: (id: string) => string): Column<SessionListRow>[] {
  return [
    { key: "datum", label: t("common.date"), value: (r) => `${r.session.date} ${r.session.startTime}`, render: (r) => <a href={link(r.session.id)}>{t("exam.dateTime", r.session.date, r.session.startTime)}</a> },
    { key: "certifikat", label: t("common.certificate"), value: (r) => `${r.areaName} - ${r.schemeName}`, groupable: true },
    { key: "plats", label: t("centres.place"), value: (r) => r.session.place },
    { key: "anmalda", label: t("session.registered"), value: (r) => r.registered, numeric: true, render: (r) => t("common.nOfM", r.registered, r.session.seats) },
    { key: "resultat", label: t("session.withResult"), value: (r) => r.withResult, numeric: true, render: (r) => t("common.nOfM", r.withResult, r.registered) },
  ];
}

export const staffSessionColumns = () => sessionColumns((id) => staffSessionUrl(id));

export async function renderCentrePage(c: Ctx, centreId: string) {
  const user = c.var.user!;
  const details = await getCentre(c.var.deps.db, user, centreId);
  const { centre } = details;
  const events = await listCentreEvents(c.var.deps.db, user, centreId);
  const now = centreStatus(centre);
  const work = canWorkAtCentre(user, details.membership, { centreId: centre.id, status: now });
  const path = centreUrl(centre.id);
  const status = CENTRE_STATUS[now]!;
  return page(
    c,
    { title: centre.name },
    <>
      <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
        <a href="/min-sida">{t("nav.minSida")}</a> › <a href="/min-sida/prov">{t("minSida.tab.exams")}</a> › {centre.name}
      </nav>
      <header class="page-header">
        <h1>{centre.name}</h1>
        {work.ok ? (
          <div class="button-row">
            <a class="button" href={`${path}/provtillfallen/nytt`}>
              <span aria-hidden="true">+ </span>
              {t("session.new")}
            </a>
          </div>
        ) : null}
      </header>
      {!work.ok ? (
        <div class={`notice ${now === "suspended" ? "notice--warning" : "notice--info"}`} role={now === "suspended" ? "status" : undefined}>
          <p>{work.reason}</p>
          {now === "suspended" && centre.suspendedAt ? <p>{t("exam.centreSuspendedSince", formatDate(centre.suspendedAt), centre.suspensionReason ?? "")}</p> : null}
        </div>
      ) : null}
      <CentreSummary details={details} statusLabel={status.label} statusChip={status.chip} />
      <section aria-labelledby="provtillfallen">
        <h2 id="provtillfallen">{t("session.sessions")}</h2>
        <DataTable prefix="prov" caption={t("session.sessions")} columns={sessionColumns((id) => sessionUrl(id))} rows={details.sessions} path={path} query={c.req.query()} empty={t("session.none")} defaultSort={{ key: "datum", dir: "desc" }} />
      </section>
      <EventLog events={events} path={path} query={c.req.query()} />
    </>,
  );
}

/** Status, place and what the centre examines, with each exam's parts. */
export const CentreSummary = ({ details, statusLabel, statusChip }: { details: CentreDetails; statusLabel: string; statusChip: string }) => (
  <section aria-labelledby="examinerar">
    <dl class="details">
      <dt>{t("cert.status")}</dt>
      <dd>
        <span class={`status ${statusChip}`}>{statusLabel}</span>
      </dd>
      <dt>{t("common.city")}</dt>
      <dd>{details.centre.city}</dd>
    </dl>
    <h2 id="examinerar">{t("centre.examines")}</h2>
    <ul>
      {details.schemes.map((s) => (
        <li>
          {s.area.name} - {s.scheme.name}: {s.parts.map(partDescription).join(", ")}
        </li>
      ))}
    </ul>
  </section>
);

// ---------------------------------------------------------------------------------------------
// Nytt provtillfälle

export interface SessionFormValues {
  certifikat?: string;
  datum?: string;
  tid?: string;
  plats?: string;
  platser?: string;
  delar?: string[];
}

export async function renderNewSession(c: Ctx, centreId: string, form: { values?: SessionFormValues; errors?: FieldErrors; message?: string } = {}, status?: ContentfulStatusCode) {
  const user = c.var.user!;
  const details = await getCentre(c.var.deps.db, user, centreId);
  const { centre, schemes } = details;
  const back = centreUrl(centre.id);
  const today = swedishDate(c.var.deps.clock.now());
  // Said before the form is filled in, not only when it is sent: a centre not approved or suspended.
  const work = canWorkAtCentre(user, details.membership, { centreId: centre.id, status: centreStatus(centre) });
  if (!form.message && !form.errors && !work.ok) form = { ...form, message: work.reason };
  const v = form.values ?? {};
  const partNames = [...new Map(schemes.flatMap((s) => s.parts.map((p) => [p.code, p.name] as const))).entries()];
  const chosenParts = v.delar ?? partNames.map(([code]) => code);
  const errors = form.errors ?? {};
  return page(
    c,
    { title: t("session.new"), status },
    <section class="narrow">
      <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
        <a href="/min-sida">{t("nav.minSida")}</a> › <a href="/min-sida/prov">{t("minSida.tab.exams")}</a> › <a href={back}>{centre.name}</a> › {t("session.new")}
      </nav>
      <h1>{t("session.new")}</h1>
      <p>
        <Rich text={t("session.new.intro", centre.name)} />
      </p>
      {form.message && !form.errors ? (
        <div class="notice notice--error" role="alert" tabindex={-1}>
          <p>{form.message}</p>
        </div>
      ) : null}
      <form method="post" action={`${back}/provtillfallen/nytt`} class="form" novalidate>
        <ErrorSummary errors={form.errors} />
        <div class={errors.certifikat ? "field field--error" : "field"}>
          <label for="f-certifikat">
            {t("common.certificate")}
            <span class="required" aria-hidden="true"> *</span>
          </label>
          <select id="f-certifikat" name="certifikat" required aria-invalid={errors.certifikat ? "true" : undefined} aria-describedby={errors.certifikat ? "f-certifikat-error" : undefined}>
            <option value="">{t("apply.chooseCertificate")}</option>
            {schemes.map((s) => (
              <option value={s.scheme.id} selected={v.certifikat === s.scheme.id}>
                {s.area.name} - {s.scheme.name}
              </option>
            ))}
          </select>
          {errors.certifikat ? (
            <p class="error" id="f-certifikat-error">
              <span class="visually-hidden">{t("form.errorPrefix")}</span>
              {errors.certifikat}
            </p>
          ) : null}
        </div>
        <Field name="datum" label={t("common.date")} type="date" required value={v.datum ?? ""} errors={errors} hint={t("session.date.hint", today)} attrs={{ min: today }} />
        <Field name="tid" label={t("events.col.time")} type="time" required value={v.tid ?? "09:00"} errors={errors} hint={t("session.time.hint")} />
        <Field name="plats" label={t("centres.place")} required value={v.plats ?? `${centre.addressLine1}, ${centre.postalCode} ${centre.city}`} errors={errors} maxlength={200} hint={t("session.place.hint")} />
        <Field name="platser" label={t("session.seats")} type="number" required value={v.platser ?? "12"} errors={errors} inputmode="numeric" attrs={{ min: "1", max: String(MAX_SEATS) }} />
        <CheckboxGroup name="delar" legend={t("exam.parts")} hint={t("session.parts.hint")} options={partNames.map(([code, name]) => ({ value: code, label: name }))} checked={chosenParts} errors={errors} asList />
        <div class="button-row">
          <button type="submit" class="button">
            {t("common.save")}
          </button>
          <a class="button button--secondary" href={back}>
            {t("common.cancel")}
          </a>
        </div>
      </form>
    </section>,
  );
}
