// A provtillfälle: its details, the registered candidates and their results. The centre's
// examinators work here (Anmäl kandidat, Återkalla anmälan, the protocol, results by form or
// CSV); staff read the same page under /personal, with links to each person and application.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { swedishDate } from "../../lib/dates.ts";
import type { FieldErrors } from "../../lib/errors.ts";
import { ownEntry } from "../../lib/own-key.ts";
import { canWorkAtCentre, entryKey, getSession, type RegistrationRow, type SessionDetails } from "../../modules/examinations/index.ts";
import type { AppEnv } from "../env.ts";
import { page } from "../render.tsx";
import { DataTable, type Column } from "../views/data-table.tsx";
import { ActionNotices, ErrorSummary, Field } from "../views/form.tsx";
import { formatDate } from "../views/time.ts";
import { staffApplicationUrl } from "../staff/application-paths.tsx";
import { candidateId, centreUrl, partDescription, registrationLabel, sessionUrl, staffCentreUrl, staffSessionUrl } from "./labels.ts";

type Ctx = Context<AppEnv>;
export type SessionMode = "examinator" | "staff";

/** What went wrong with one of the page's forms, shown at that form. */
export interface Failure {
  form: "anmal" | "aterkalla" | "protokoll" | "resultat" | "import";
  message: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
}

const DONE: Record<string, string> = {
  anmald: "Kandidaten är anmäld och har fått ett mejl med datum och plats.",
  startad: "Kandidaten är anmäld. En certifieringsprocess har startats åt hen, och hen har fått ett mejl med datum och plats.",
  aterkallad: "Anmälan är återkallad och kandidaten har fått ett mejl om det.",
  protokoll: "Provprotokollet är uppladdat.",
  resultat: "Resultaten är sparade. Kandidaterna har fått sina resultat med e-post, och godkända prov är godkända i certifieringsprocessen.",
};

export const resultField = (registrationId: string, partId: string) => `resultat-${registrationId}-${partId}`;
export const pointsField = (registrationId: string, partId: string) => `poang-${registrationId}-${partId}`;

export async function renderSessionPage(c: Ctx, mode: SessionMode, sessionId: string, failure?: Failure, status?: ContentfulStatusCode) {
  const user = c.var.user!;
  const details = await getSession(c.var.deps.db, user, sessionId);
  const { session, centre, scheme, area, parts, registrations } = details;
  const today = swedishDate(c.var.deps.clock.now());
  const mayWork = mode === "examinator" && canWorkAtCentre(user, details.membership, { centreId: centre.id, status: centre.status }).ok;
  const active = registrations.filter((r) => r.registration.status === "registered");
  const waiting = active.filter((r) => r.registration.result === null);
  const title = `Provtillfälle ${session.date} kl. ${session.startTime}`;
  const base = mode === "staff" ? staffSessionUrl(session.id) : sessionUrl(session.id);
  const done = failure ? undefined : ownEntry(DONE, c.req.query("klart"));
  const at = (form: Failure["form"]) => (failure?.form === form ? failure : undefined);
  return page(
    c,
    { title, status },
    <>
      <nav class="breadcrumbs" aria-label="Du är här">
        {mode === "staff" ? (
          <>
            <a href="/personal">Personal</a> › <a href="/personal/examinationscentra">Examinationscentra</a> › <a href={staffCentreUrl(centre.id)}>{centre.name}</a> › {title}
          </>
        ) : (
          <>
            <a href="/min-sida">Min Sida</a> › <a href="/min-sida/prov">Prov</a> › <a href={centreUrl(centre.id)}>{centre.name}</a> › {title}
          </>
        )}
      </nav>
      <h1>
        {title}: {scheme.name}
      </h1>
      <ActionNotices done={done} failure={failure && !["anmal", "resultat", "import", "protokoll"].includes(failure.form) ? failure.message : undefined} />
      <dl class="details">
        <dt>Examinationscenter</dt>
        <dd>{centre.name}</dd>
        <dt>Certifikat</dt>
        <dd>
          {area.name} - {scheme.name}
        </dd>
        <dt>Datum och tid</dt>
        <dd>
          {session.date} kl. {session.startTime}
        </dd>
        <dt>Plats</dt>
        <dd>{session.place}</dd>
        <dt>Platser</dt>
        <dd>
          {active.length} av {session.seats} anmälda, {Math.max(0, session.seats - active.length)} lediga
        </dd>
        <dt>Provdelar</dt>
        <dd>{parts.map(partDescription).join(", ")}</dd>
        <dt>Provprotokoll</dt>
        <dd>{session.protocolDocumentId ? <a href={`${base}/protokoll`}>Ladda ned provprotokollet (PDF)</a> : "Inte uppladdat ännu"}</dd>
      </dl>
      <section aria-labelledby="kandidater">
        <h2 id="kandidater">Kandidater</h2>
        <DataTable prefix="kandidat" caption="Kandidater" columns={candidateColumns(mode, details, mayWork, base)} rows={registrations} path={base} query={c.req.query()} empty="Ingen kandidat är anmäld ännu." />
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
            <h2 id="resultat">Resultat</h2>
            <p>Resultat kan registreras från och med provdagen {session.date}.</p>
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

function candidateColumns(mode: SessionMode, details: SessionDetails, mayWork: boolean, base: string): Column<RegistrationRow>[] {
  const columns: Column<RegistrationRow>[] = [
    {
      key: "namn",
      label: "Namn",
      value: (r) => r.name,
      render: (r) => (mode === "staff" ? <a href={`/personal/personer/${r.person.id}`}>{r.name}</a> : <>{r.name}</>),
    },
    { key: "id", label: "Personnummer / e-post", value: (r) => candidateId(r.person) },
    { key: "anmald", label: "Anmäld", value: (r) => formatDate(r.registration.registeredAt) },
    {
      key: "resultat",
      label: "Resultat",
      value: (r) => registrationLabel(r.registration).label,
      groupable: true,
      render: (r) => {
        const l = registrationLabel(r.registration);
        const lines = details.parts.flatMap((p) => {
          const x = r.results.find((res) => res.partId === p.id);
          return x ? [`${p.name}: ${x.passed ? "Godkänd" : "Ej godkänd"}${x.points !== null && p.maxPoints !== null ? `, ${x.points} av ${p.maxPoints}` : ""}`] : [];
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
    columns.push({ key: "ansokan", label: "Certifieringsprocess", value: () => null, sortable: false, render: (r) => <a href={staffApplicationUrl(r.registration.applicationId)}>Visa ansökan<span class="visually-hidden"> för {r.name}</span></a> });
  }
  if (mayWork) {
    columns.push({
      key: "atgard",
      label: "Åtgärd",
      value: () => null,
      sortable: false,
      render: (r) =>
        r.registration.status === "registered" && r.registration.result === null ? (
          <form method="post" action={`${base}/anmalningar/${r.registration.id}/aterkalla`} class="inline-form">
            <button type="submit" class="button button--secondary">
              Återkalla anmälan<span class="visually-hidden"> för {r.name}</span>
            </button>
          </form>
        ) : null,
    });
  }
  return columns;
}

const RegisterForm = ({ action, full, failure }: { action: string; full: boolean; failure?: Failure }) => (
  <section aria-labelledby="anmal-kandidat">
    <h2 id="anmal-kandidat">Anmäl kandidat</h2>
    {full ? (
      <p>Provtillfället är fullt.</p>
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
          label="Personnummer eller e-postadress"
          value={failure?.values?.kandidat}
          errors={failure?.errors}
          required
          autocomplete="off"
          maxlength={254}
          hint="Kandidaten måste ha ett konto. Ange personnumret med tolv siffror (ÅÅÅÅMMDD-NNNN) eller e-postadressen till kandidatens konto. Anmälan startar en certifieringsprocess för certifikatet, eller hör till kandidatens pågående."
        />
        <div class="button-row">
          <button type="submit" class="button">
            Anmäl
          </button>
        </div>
      </form>
    )}
  </section>
);

const ProtocolForm = ({ action, has, failure }: { action: string; has: boolean; failure?: Failure }) => (
  <section aria-labelledby="protokoll">
    <h2 id="protokoll">Provprotokoll</h2>
    <p>{has ? "Ett provprotokoll är uppladdat. Ladda upp ett nytt om det behöver ersättas; det gamla finns kvar i händelseloggen." : "Ladda upp provprotokollet (PDF) för provtillfället innan du registrerar resultat. Bara examinationscentret och certifieringsorganet kan läsa det."}</p>
    <form method="post" action={action} enctype="multipart/form-data" class="form" novalidate>
      {failure && !failure.errors ? (
        <div class="notice notice--error" role="alert" tabindex={-1}>
          <p>{failure.message}</p>
        </div>
      ) : null}
      <ErrorSummary errors={failure?.errors} />
      <Field name="fil" id="f-protokoll" label="Provprotokoll (PDF)" type="file" required errors={failure?.errors} hint="PDF, högst 20 MB." attrs={{ accept: "application/pdf,.pdf" }} />
      <div class="button-row">
        <button type="submit" class="button">
          Ladda upp protokoll
        </button>
      </div>
    </form>
  </section>
);

const ResultsForm = ({ action, details, waiting, failure }: { action: string; details: SessionDetails; waiting: RegistrationRow[]; failure?: Failure }) => {
  const { parts, session } = details;
  const values = failure?.values ?? {};
  const errorOf = (registrationId: string, partId: string) => failure?.errors?.[entryKey(registrationId, partId)];
  const rowError = (registrationId: string) => failure?.errors?.[registrationId];
  return (
    <section aria-labelledby="resultat">
      <h2 id="resultat">Registrera resultat</h2>
      {!session.protocolDocumentId ? (
        <div class="notice notice--warning">
          <p>Ladda upp provprotokollet (PDF) ovan innan du registrerar resultat.</p>
        </div>
      ) : (
        <form method="post" action={action} class="form results-form" novalidate>
          <p>
            Fyll i Godkänd eller Ej godkänd för varje provdel{parts.some((p) => p.maxPoints !== null) ? ", och poängen där delen har poäng" : ""}. Kandidater du lämnar tomma sparas inte nu. Ett sparat resultat kan inte ändras, och ett godkänt prov godkänner provmomentet i kandidatens certifieringsprocess direkt.
          </p>
          {failure ? (
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
          ) : null}
          {waiting.map((r) => (
            <fieldset class="result-row">
              <legend>
                {r.name} <span class="hint">({candidateId(r.person)})</span>
              </legend>
              {rowError(r.registration.id) ? (
                <p class="error">
                  <span class="visually-hidden">Fel: </span>
                  {rowError(r.registration.id)}
                </p>
              ) : null}
              <div class="result-parts">
                {parts.map((p) => {
                  const name = resultField(r.registration.id, p.id);
                  const points = pointsField(r.registration.id, p.id);
                  const error = errorOf(r.registration.id, p.id);
                  const errorId = `${name}-error`;
                  return (
                    <div class={error ? "result-part field--error" : "result-part"}>
                      <fieldset class="radio-group radio-group--inline" aria-describedby={error ? errorId : undefined}>
                        <legend>
                          {p.name}
                          <span class="visually-hidden"> för {r.name}</span>
                        </legend>
                        {(
                          [
                            ["godkand", "Godkänd"],
                            ["ej-godkand", "Ej godkänd"],
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
                            Poäng (0–{p.maxPoints})<span class="visually-hidden"> i {p.name} för {r.name}</span>
                          </label>
                          <input id={points} name={points} type="text" inputmode="numeric" maxlength={6} size={4} value={values[points] ?? ""} aria-invalid={error ? "true" : undefined} aria-describedby={error ? errorId : undefined} />
                        </div>
                      ) : null}
                      {error ? (
                        <p class="error" id={errorId}>
                          <span class="visually-hidden">Fel: </span>
                          {error}
                        </p>
                      ) : null}
                    </div>
                  );
                })}
              </div>
            </fieldset>
          ))}
          <div class="button-row">
            <button type="submit" class="button">
              Spara resultat
            </button>
          </div>
        </form>
      )}
    </section>
  );
};

const ImportForm = ({ action, template, details, failure }: { action: string; template: string; details: SessionDetails; failure?: Failure }) => (
  <section aria-labelledby="importera">
    <h2 id="importera">Importera resultat (CSV)</h2>
    <p>
      För examinationscentra som för resultaten i ett eget system: en rad per kandidat och provdel, under rubrikraden <code>kandidat;del;resultat;poäng</code>. Kandidaten anges med personnummer eller e-postadress,
      delen med sitt namn ({details.parts.map((p) => p.name).join(", ")}), resultatet som Godkänd eller Ej godkänd. Varje rad kontrolleras; är någon rad fel sparas ingenting.
    </p>
    <p>
      <a href={template}>Ladda ned mall (CSV) med de anmälda kandidaterna</a>
    </p>
    {details.session.protocolDocumentId ? (
      <form method="post" action={action} enctype="multipart/form-data" class="form" novalidate>
        {failure ? (
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
        ) : null}
        <Field name="fil" id="f-csv" label="CSV-fil med resultat" type="file" required hint="Textfil i UTF-8, högst 100 kB. Semikolon, komma eller tabb mellan fälten." attrs={{ accept: "text/csv,.csv,text/plain,.txt" }} />
        <div class="button-row">
          <button type="submit" class="button">
            Importera
          </button>
        </div>
      </form>
    ) : (
      <p>Ladda upp provprotokollet (PDF) ovan innan du importerar resultat.</p>
    )}
  </section>
);
