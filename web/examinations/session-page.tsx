// A provtillfälle: its details, the registered candidates and their results. The centre's
// examinators work here (Anmäl kandidat, Återkalla anmälan, the protocol, results by form or
// CSV); staff read the same page under /personal, with links to each person and application.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { swedishDate } from "../../lib/dates.ts";
import type { FieldErrors } from "../../lib/errors.ts";
import { ownEntry } from "../../lib/own-key.ts";
import { canLetCandidatesGo, canWorkAtCentre, centreStatus, entryKey, getSession, type RegistrationRow, type SessionDetails } from "../../modules/examinations/index.ts";
import { examResultLocked } from "../../modules/certification/index.ts";
import type { AppEnv } from "../env.ts";
import { page } from "../render.tsx";
import { DataTable, type Column } from "../views/data-table.tsx";
import { ActionNotices, ErrorSummary, Field } from "../views/form.tsx";
import { formatDate } from "../views/time.ts";
import { staffApplicationUrl } from "../staff/application-paths.tsx";
import { candidateId, centreUrl, partDescription, registrationLabel, sessionUrl, staffCentreUrl, staffSessionUrl } from "./labels.ts";
import { Rich } from "../views/rich.tsx";
import { t, labels } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;
export type SessionMode = "examinator" | "staff";

/** What went wrong with one of the page's forms, shown at that form. */
export interface Failure {
  form: "anmal" | "aterkalla" | "protokoll" | "resultat" | "import";
  message: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
}

const DONE: Record<string, string> = labels({
  anmald: "session.done.registered",
  startad: "session.done.started",
  aterkallad: "session.done.cancelled",
  rattat: "session.done.corrected",
  orattat: "session.done.uncorrected",
  protokoll: "session.done.protocol",
  resultat: "session.done.results",
});

export const resultField = (registrationId: string, partId: string) => `resultat-${registrationId}-${partId}`;
export const pointsField = (registrationId: string, partId: string) => `poang-${registrationId}-${partId}`;

export async function renderSessionPage(c: Ctx, mode: SessionMode, sessionId: string, failure?: Failure, status?: ContentfulStatusCode) {
  const user = c.var.user!;
  const details = await getSession(c.var.deps.db, user, sessionId);
  const { session, centre, scheme, area, parts, registrations } = details;
  const today = swedishDate(c.var.deps.clock.now());
  const facts = { centreId: centre.id, status: centreStatus(centre) };
  const mayWork = mode === "examinator" && canWorkAtCentre(user, details.membership, facts).ok;
  // At a suspended centre its examinators may still let a waiting candidate go.
  const mayCancel = mode === "examinator" && canLetCandidatesGo(user, details.membership, facts).ok;
  const active = registrations.filter((r) => r.registration.status === "registered");
  const waiting = active.filter((r) => r.registration.result === null);
  const title = t("session.title", session.date, session.startTime);
  const base = mode === "staff" ? staffSessionUrl(session.id) : sessionUrl(session.id);
  const done = failure ? undefined : ownEntry(DONE, c.req.query("klart"));
  const at = (form: Failure["form"]) => (failure?.form === form ? failure : undefined);
  return page(
    c,
    { title, status },
    <>
      <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
        {mode === "staff" ? (
          <>
            <a href="/personal">Personal</a> › <a href="/personal/examinationscentra">Examinationscentra</a> › <a href={staffCentreUrl(centre.id)}>{centre.name}</a> › {title}
          </>
        ) : (
          <>
            <a href="/min-sida">{t("nav.minSida")}</a> › <a href="/min-sida/prov">{t("minSida.tab.exams")}</a> › <a href={centreUrl(centre.id)}>{centre.name}</a> › {title}
          </>
        )}
      </nav>
      <h1>
        {title}: {scheme.name}
      </h1>
      <ActionNotices done={done} failure={failure && !["anmal", "resultat", "import", "protokoll"].includes(failure.form) ? failure.message : undefined} />
      {facts.status === "suspended" ? (
        <div class="notice notice--warning" role="status">
          <p>{t("exam.centreSuspended")}</p>
        </div>
      ) : null}
      <dl class="details">
        <dt>{t("exam.centre")}</dt>
        <dd>{centre.name}</dd>
        <dt>{t("common.certificate")}</dt>
        <dd>
          {area.name} - {scheme.name}
        </dd>
        <dt>{t("session.dateTime")}</dt>
        <dd>{t("exam.dateTime", session.date, session.startTime)}</dd>
        <dt>{t("centres.place")}</dt>
        <dd>{session.place}</dd>
        <dt>{t("session.places")}</dt>
        <dd>{t("session.placesText", active.length, session.seats, Math.max(0, session.seats - active.length))}</dd>
        <dt>{t("exam.parts")}</dt>
        <dd>{parts.map(partDescription).join(", ")}</dd>
        <dt>{t("session.protocol")}</dt>
        <dd>{session.protocolDocumentId ? <a href={`${base}/protokoll`}>{t("session.protocol.download")}</a> : t("session.protocol.none")}</dd>
      </dl>
      <section aria-labelledby="kandidater">
        <h2 id="kandidater">{t("session.candidates")}</h2>
        <DataTable prefix="kandidat" caption={t("session.candidates")} columns={candidateColumns(mode, details, { mayCancel, mayCorrect: mayWork }, base)} rows={registrations} path={base} query={c.req.query()} empty={t("session.candidates.none")} />
        {at("aterkalla") ? (
          <div class="notice notice--error" role="alert">
            <p>{at("aterkalla")!.message}</p>
          </div>
        ) : null}
      </section>
      {mayWork && session.date >= today ? <RegisterForm action={`${base}/anmal`} full={active.length >= session.seats} failure={at("anmal")} /> : null}
      {mayWork ? <ProtocolForm action={`${base}/protokoll`} has={session.protocolDocumentId !== null} failure={at("protokoll")} /> : null}
      {mayWork && waiting.length > 0 ? (
        session.date > today ? (
          <section aria-labelledby="resultat">
            <h2 id="resultat">{t("exam.result")}</h2>
            <p>{t("session.results.from", session.date)}</p>
          </section>
        ) : (
          <>
            <ResultsForm action={`${base}/resultat`} details={details} waiting={waiting} failure={at("resultat")} />
            <ImportForm action={`${base}/resultat/import`} template={`${base}/resultat/mall.csv`} details={details} failure={at("import")} />
          </>
        )
      ) : null}
    </>,
  );
}

function candidateColumns(mode: SessionMode, details: SessionDetails, may: { mayCancel: boolean; mayCorrect: boolean }, base: string): Column<RegistrationRow>[] {
  const columns: Column<RegistrationRow>[] = [
    {
      key: "namn",
      label: t("verify.field.name"),
      value: (r) => r.name,
      render: (r) => (mode === "staff" ? <a href={`/personal/personer/${r.person.id}`}>{r.name}</a> : <>{r.name}</>),
    },
    { key: "id", label: t("session.candidateId"), value: (r) => candidateId(r.person) },
    { key: "anmald", label: t("exam.registered"), value: (r) => formatDate(r.registration.registeredAt) },
    {
      key: "resultat",
      label: t("exam.result"),
      value: (r) => registrationLabel(r.registration).label,
      groupable: true,
      render: (r) => {
        const l = registrationLabel(r.registration);
        const lines = details.parts.flatMap((p) => {
          const x = r.results.find((res) => res.partId === p.id);
          return x ? [`${p.name}: ${x.passed ? t("exam.part.passed") : t("exam.part.failed")}${x.points !== null && p.maxPoints !== null ? `, ${t("common.nOfM", x.points, p.maxPoints)}` : ""}`] : [];
        });
        return (
          <>
            <span class={`status ${l.chip}`}>{l.label}</span>
            {lines.length ? (
              <ul class="event-details">
                {lines.map((line) => (
                  <li>{line}</li>
                ))}
              </ul>
            ) : null}
          </>
        );
      },
    },
  ];
  if (mode === "staff") {
    columns.push({ key: "ansokan", label: t("staff.session.process"), value: () => null, sortable: false, render: (r) => <a href={staffApplicationUrl(r.registration.applicationId)}>{t("staff.session.showApplication")}<span class="visually-hidden"> {t("staff.session.for", r.name)}</span></a> });
  }
  if (may.mayCancel) {
    columns.push({
      key: "atgard",
      label: t("common.action"),
      value: () => null,
      sortable: false,
      render: (r) =>
        r.registration.status === "registered" && r.registration.result === null ? (
          <form method="post" action={`${base}/anmalningar/${r.registration.id}/aterkalla`} class="inline-form">
            <button type="submit" class="button button--secondary">
              {t("session.cancel")}
              <span class="visually-hidden">{t("moment.template.for", r.name)}</span>
            </button>
          </form>
        ) : r.registration.status === "registered" && may.mayCorrect && !examResultLocked(r.applicationStatus) ? (
          <a href={`${base}/anmalningar/${r.registration.id}/ratta`}>
            {t("session.correct")}
            <span class="visually-hidden">{t("moment.template.for", r.name)}</span>
          </a>
        ) : null,
    });
  }
  return columns;
}

const RegisterForm = ({ action, full, failure }: { action: string; full: boolean; failure?: Failure }) => (
  <section aria-labelledby="anmal-kandidat">
    <h2 id="anmal-kandidat">{t("session.register")}</h2>
    {full ? (
      <p>{t("session.full")}</p>
    ) : (
      <form method="post" action={action} class="form" novalidate>
        {failure && !failure.errors ? (
          <div class="notice notice--error" role="alert" tabindex={-1}>
            <p>{failure.message}</p>
          </div>
        ) : null}
        <ErrorSummary errors={failure?.errors} />
        <Field
          name="kandidat"
          label={t("session.candidate")}
          value={failure?.values?.kandidat}
          errors={failure?.errors}
          required
          autocomplete="off"
          maxlength={254}
          hint={t("session.candidate.hint")}
        />
        <div class="button-row">
          <button type="submit" class="button">
            {t("session.registerButton")}
          </button>
        </div>
      </form>
    )}
  </section>
);

const ProtocolForm = ({ action, has, failure }: { action: string; has: boolean; failure?: Failure }) => (
  <section aria-labelledby="protokoll">
    <h2 id="protokoll">{t("session.protocol")}</h2>
    <p>{has ? t("session.protocol.has") : t("session.protocol.upload")}</p>
    <form method="post" action={action} enctype="multipart/form-data" class="form" novalidate>
      {failure && !failure.errors ? (
        <div class="notice notice--error" role="alert" tabindex={-1}>
          <p>{failure.message}</p>
        </div>
      ) : null}
      <ErrorSummary errors={failure?.errors} />
      <Field name="fil" id="f-protokoll" label={t("session.protocol.field")} type="file" required errors={failure?.errors} hint={t("session.protocol.hint")} attrs={{ accept: "application/pdf,.pdf" }} />
      <div class="button-row">
        <button type="submit" class="button">
          {t("session.protocol.button")}
        </button>
      </div>
    </form>
  </section>
);

/** Why results were refused: the message and each row's error (rows have no one field to link to). */
const RowsFailure = ({ failure }: { failure?: Failure }) =>
  failure ? (
    <div class="error-summary" role="alert" tabindex={-1}>
      <p>
        <strong>{failure.message}</strong>
      </p>
      {failure.errors ? (
        <ul>
          {Object.values(failure.errors).map((m) => (
            <li>{m}</li>
          ))}
        </ul>
      ) : null}
    </div>
  ) : null;

const ResultsForm = ({ action, details, waiting, failure }: { action: string; details: SessionDetails; waiting: RegistrationRow[]; failure?: Failure }) => {
  const { parts, session } = details;
  const values = failure?.values ?? {};
  const errorOf = (registrationId: string, partId: string) => failure?.errors?.[entryKey(registrationId, partId)];
  const rowError = (registrationId: string) => failure?.errors?.[registrationId];
  return (
    <section aria-labelledby="resultat">
      <h2 id="resultat">{t("session.results")}</h2>
      {!session.protocolDocumentId ? (
        <div class="notice notice--warning">
          <p>{t("session.results.protocolFirst")}</p>
        </div>
      ) : (
        <form method="post" action={action} class="form results-form" novalidate>
          <p>
            {parts.some((p) => p.maxPoints !== null) ? t("session.results.introPoints") : t("session.results.intro")}
          </p>
          <RowsFailure failure={failure} />
          {waiting.map((r) => (
            <fieldset class="result-row">
              <legend>
                {r.name} <span class="hint">({candidateId(r.person)})</span>
              </legend>
              {rowError(r.registration.id) ? (
                <p class="error">
                  <span class="visually-hidden">{t("form.errorPrefix")}</span>
                  {rowError(r.registration.id)}
                </p>
              ) : null}
              <CandidateParts registrationId={r.registration.id} name={r.name} parts={parts} values={values} errorOf={(partId) => errorOf(r.registration.id, partId)} />
            </fieldset>
          ))}
          <div class="button-row">
            <button type="submit" class="button">
              {t("session.results.save")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
};

const ImportForm = ({ action, template, details, failure }: { action: string; template: string; details: SessionDetails; failure?: Failure }) => (
  <section aria-labelledby="importera">
    <h2 id="importera">{t("session.import")}</h2>
    <p>
      <Rich text={t("session.import.intro", details.parts.map((p) => p.name).join(", "))} />
    </p>
    <p>
      <a href={template}>{t("session.import.template")}</a>
    </p>
    {details.session.protocolDocumentId ? (
      <form method="post" action={action} enctype="multipart/form-data" class="form" novalidate>
        <RowsFailure failure={failure} />
        <Field name="fil" id="f-csv" label={t("session.import.file")} type="file" required hint={t("session.import.hint")} attrs={{ accept: "text/csv,.csv,text/plain,.txt" }} />
        <div class="button-row">
          <button type="submit" class="button">
            {t("session.import.button")}
          </button>
        </div>
      </form>
    ) : (
      <p>{t("session.import.protocolFirst")}</p>
    )}
  </section>
);

/** One candidate's Godkänd / Ej godkänd and points per part: the results form and Rätta resultat. */
export const CandidateParts = ({ registrationId, name: candidate, parts, values, errorOf }: { registrationId: string; name: string; parts: SessionDetails["parts"]; values: Record<string, string>; errorOf: (partId: string) => string | undefined }) => (
  <div class="result-parts">
    {parts.map((p) => {
      const name = resultField(registrationId, p.id);
      const points = pointsField(registrationId, p.id);
      const error = errorOf(p.id);
      const errorId = `${name}-error`;
      return (
        <div class={error ? "result-part field--error" : "result-part"}>
          <fieldset class="radio-group radio-group--inline" aria-describedby={error ? errorId : undefined}>
            <legend>
              {p.name}
              <span class="visually-hidden">{t("moment.template.for", candidate)}</span>
            </legend>
            {(
              [
                ["godkand", t("exam.part.passed")],
                ["ej-godkand", t("exam.part.failed")],
              ] as const
            ).map(([value, label]) => (
              <label>
                <input type="radio" name={name} value={value} checked={values[name] === value} />
                {label}
              </label>
            ))}
          </fieldset>
          {p.maxPoints !== null ? (
            <div class="field points">
              <label for={points}>
                {t("session.points", p.maxPoints)}
                <span class="visually-hidden">{t("session.pointsFor", p.name, candidate)}</span>
              </label>
              <input id={points} name={points} type="text" inputmode="numeric" maxlength={6} size={4} value={values[points] ?? ""} aria-invalid={error ? "true" : undefined} aria-describedby={error ? errorId : undefined} />
            </div>
          ) : null}
          {error ? (
            <p class="error" id={errorId}>
              <span class="visually-hidden">{t("form.errorPrefix")}</span>
              {error}
            </p>
          ) : null}
        </div>
      );
    })}
  </div>
);
