// Staff and applications: the queues (Moment att granska, Ansökningar för beslut), an application
// as staff see it (Moment with their files, the final-review checklist, the decision forms and
// the Beslut so far), reviewing one Moment, and the uploaded files. Every action goes through the
// review module, which checks the role, impartiality and four eyes again.
import { Hono, type Context } from "hono";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { swedishDate } from "../../lib/dates.ts";
import { Conflict, Forbidden, Invalid, NotFound, type FieldErrors } from "../../lib/errors.ts";
import { downloadHeaders, inlineImageHeaders } from "../../lib/uploads/download-headers.ts";
import { isImageMime } from "../../lib/uploads/file-types.ts";
import { listSubjectEvents } from "../../modules/audit/index.ts";
import { certificateOfApplication } from "../../modules/certificates/index.ts";
import {
  APPLICATION_LABELS,
  applicantOf,
  listMomentFiles,
  listMoments,
  loadApplication,
  processState,
  readApplicationFile,
  REQUIREMENT_LABELS,
  type Applicant,
  type LoadedApplication,
  type MomentRow,
} from "../../modules/certification/index.ts";
import {
  applicantName,
  canDecideApplication,
  canReviewRequirement,
  computeChecklist,
  decideApplication,
  listApplicationsForDecision,
  listAreas,
  listDecisions,
  listMomentsToReview,
  loadApplicationParties,
  loadParties,
  reviewRequirement,
  type ApplicationForDecision,
  type ChecklistItem,
  type DecisionRow,
  type FinalDecision,
  type MomentToReview,
} from "../../modules/review/index.ts";
import { APPLICATION_CHIPS, latestDecisionAt, RecipientDetails, REQUIREMENT_CHIPS, StepIndicator } from "../certification/process-page.tsx";
import type { AppEnv } from "../env.ts";
import { redirectAfterPost } from "../htmx.ts";
import { page } from "../render.tsx";
import { DataTable, type Column } from "../views/data-table.tsx";
import { EventLog } from "../views/event-log.tsx";
import { ErrorSummary, Field } from "../views/form.tsx";
import { Tabs } from "../views/tabs.tsx";
import { formatDate, formatDateTime } from "../views/time.ts";

type Ctx = Context<AppEnv>;

export const staffApplicationUrl = (id: string, rest = "") => `/personal/ansokningar/${id}${rest}`;
const personUrl = (id: string) => `/personal/personer/${id}`;
const companyUrl = (id: string) => `/personal/foretag/${id}`;

const Breadcrumbs = ({ children }: { children: Child }) => (
  <nav class="breadcrumbs" aria-label="Du är här">
    <a href="/personal">Personal</a> › {children}
  </nav>
);

const DONE: Record<string, string> = {
  godkant: "Momentet är godkänt. Den sökande har fått ett mejl.",
  "ej-godkant": "Momentet är ej godkänt. Den sökande har fått ett mejl med din kommentar.",
  beviljad: "Ansökan är beviljad och certifikatet utfärdat. Den sökande har fått ett mejl.",
  returnerad: "Ansökan är returnerad för komplettering. Den sökande har fått ett mejl.",
  avslagen: "Ansökan är avslagen. Den sökande har fått ett mejl.",
};

const DoneNotice = ({ c }: { c: Ctx }) => {
  const done = DONE[c.req.query("klart") ?? ""];
  return done ? (
    <div class="notice notice--success" role="status">
      <p>{done}</p>
    </div>
  ) : null;
};

// ------------------------------------------------------------------------------------------------
// Queues

const MOMENT_COLUMNS: Column<MomentToReview>[] = [
  { key: "uppladdad", label: "Uppladdad", value: (r) => r.uploadedAt },
  { key: "moment", label: "Moment", value: (r) => r.momentName, render: (r) => <a href={staffApplicationUrl(r.applicationId, `/moment/${r.momentId}`)}>{r.momentName}</a> },
  { key: "sokande", label: "Sökande", value: (r) => applicantName(r) },
  { key: "certifikat", label: "Certifikat", value: (r) => r.schemeName, groupable: true, render: (r) => <a href={staffApplicationUrl(r.applicationId)}>{r.schemeName}</a> },
  { key: "teknikomrade", label: "Teknikområde", value: (r) => r.areaName, groupable: true },
];

const DECISION_QUEUE_COLUMNS: Column<ApplicationForDecision>[] = [
  { key: "inskickad", label: "Inskickad", value: (r) => r.submittedAt },
  { key: "sokande", label: "Sökande", value: (r) => applicantName(r), render: (r) => <a href={staffApplicationUrl(r.applicationId)}>{applicantName(r)}</a> },
  { key: "certifikat", label: "Certifikat", value: (r) => `${r.areaName} - ${r.schemeName}`, groupable: true },
  { key: "faktura", label: "Faktureras", value: (r) => (r.invoiced ? "Ja" : "Nej"), groupable: true },
  { key: "fyra-ogon", label: "Fyra ögon", value: (r) => (r.fourEyes ? "Ja" : "Nej"), groupable: true },
];

async function momentQueue(c: Ctx) {
  const { db } = c.var.deps;
  const areaId = c.req.query("omrade") || undefined;
  const [areas, rows] = await Promise.all([listAreas(db), listMomentsToReview(db, { areaId })]);
  return page(
    c,
    { title: "Moment att granska" },
    <>
      <Breadcrumbs>Moment att granska</Breadcrumbs>
      <h1>Moment att granska</h1>
      <p>Uppladdade filer som väntar på granskning, äldst först.</p>
      <form method="get" action="/personal/moment" class="search-form">
        <div class="field">
          <label for="omrade">Teknikområde</label>
          <select id="omrade" name="omrade">
            <option value="">Alla teknikområden</option>
            {areas.map((a) => (
              <option value={a.id} selected={a.id === areaId}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button--secondary">
          Filtrera
        </button>
      </form>
      <DataTable prefix="granska" caption="Moment att granska" columns={MOMENT_COLUMNS} rows={rows} path="/personal/moment" query={c.req.query()} empty="Inga moment väntar på granskning." defaultSort={{ key: "uppladdad", dir: "asc" }} />
    </>,
  );
}

async function decisionQueue(c: Ctx) {
  const rows = await listApplicationsForDecision(c.var.deps.db);
  return page(
    c,
    { title: "Ansökningar för beslut" },
    <>
      <Breadcrumbs>Ansökningar för beslut</Breadcrumbs>
      <h1>Ansökningar för beslut</h1>
      <p>Ansökningar där den sökande har gjort alla steg och som väntar på sista granskning och beslut, den som väntat längst först.</p>
      <DataTable prefix="beslut" caption="Ansökningar för beslut" columns={DECISION_QUEUE_COLUMNS} rows={rows} path="/personal/ansokningar" query={c.req.query()} empty="Inga ansökningar väntar på beslut." defaultSort={{ key: "inskickad", dir: "asc" }} />
    </>,
  );
}

// ------------------------------------------------------------------------------------------------
// One application

interface Failure {
  message: string;
  form?: "bevilja" | "returnera" | "avsla";
  errors?: FieldErrors;
  values?: Record<string, string>;
}

const fullName = (given: string, family: string) => `${given} ${family}`;

function staffMomentColumns(applicationId: string): Column<MomentRow>[] {
  return [
    { key: "moment", label: "Moment", value: (m) => m.name, render: (m) => <a href={staffApplicationUrl(applicationId, `/moment/${m.id}`)}>{m.name}</a> },
    {
      key: "status",
      label: "Status",
      value: (m) => REQUIREMENT_LABELS[m.status],
      groupable: true,
      render: (m) => (
        <>
          <span class={`status ${REQUIREMENT_CHIPS[m.status]}`}>{REQUIREMENT_LABELS[m.status]}</span>
          {m.status === "rejected" && m.reviewComment ? <p class="review-comment">Kommentar: {m.reviewComment}</p> : null}
        </>
      ),
    },
    {
      key: "fil",
      label: "Senast uppladdad fil",
      value: (m) => m.latestFileName,
      render: (m) => (m.latestDocumentId ? <a href={staffApplicationUrl(applicationId, `/filer/${m.latestDocumentId}`)}>{m.latestFileName}</a> : null),
    },
    { key: "andrad", label: "Senast ändrad", value: (m) => m.updatedAt },
    { key: "andrad-av", label: "Senast ändrad av", value: (m) => fullName(m.updatedByName, m.updatedByFamilyName), groupable: true },
    {
      key: "atgard",
      label: "Åtgärd",
      value: () => null,
      sortable: false,
      render: (m) =>
        m.status === "awaiting_review" ? (
          <a class="button button--secondary" href={staffApplicationUrl(applicationId, `/moment/${m.id}`)}>
            Granska<span class="visually-hidden"> {m.name}</span>
          </a>
        ) : null,
    },
  ];
}

const DECISION_COLUMNS: Column<DecisionRow>[] = [
  { key: "beslut", label: "Beslut", value: (d) => d.label, groupable: true },
  { key: "datum", label: "Beslutat", value: (d) => d.decidedAt },
  { key: "av", label: "Beslutat av", value: (d) => d.decidedBy, groupable: true },
  { key: "motivering", label: "Motivering", value: (d) => d.reason },
];

const applicantLink = (a: Applicant) => (a.kind === "person" ? <a href={personUrl(a.personId)}>Visa person</a> : <a href={companyUrl(a.companyId)}>Visa företag</a>);

const Checklist = ({ items }: { items: ChecklistItem[] }) => (
  <ul class="checklist">
    {items.map((i) => (
      <li class={i.ok ? "checklist__ok" : "checklist__missing"}>
        <span aria-hidden="true">{i.ok ? "✓" : "✗"}</span> <strong>{i.label}</strong>: <span class="visually-hidden">{i.ok ? "uppfyllt. " : "inte uppfyllt. "}</span>
        {i.detail}
      </li>
    ))}
  </ul>
);

const DecisionForms = ({ app, moments, failure, action }: { app: LoadedApplication; moments: MomentRow[]; failure?: Failure; action: string }) => {
  const errorsOf = (form: Failure["form"]) => (failure && failure.form === form ? failure.errors : undefined);
  const valuesOf = (form: Failure["form"]) => (failure && failure.form === form ? (failure.values ?? {}) : {});
  return (
    <div class="decision-forms">
      <form method="post" action={action} class="form" novalidate>
        <h3>Bevilja och utfärda</h3>
        <input type="hidden" name="beslut" value="bevilja" />
        <ErrorSummary errors={errorsOf("bevilja")} />
        {app.scheme.validUntilFromEvidence ? (
          <Field name="giltigttill" label="Giltigt till" type="date" required value={valuesOf("bevilja").giltigttill} errors={errorsOf("bevilja")} hint="Datumet på det externa certifikatet." />
        ) : (
          <p class="hint">{app.scheme.validityYears ? `Giltigt till räknas fram: ${app.scheme.validityYears} år från utfärdandet.` : "Utbildningsintyget gäller utan slutdatum."}</p>
        )}
        <button type="submit" class="button">
          Bevilja och utfärda
        </button>
      </form>
      <form method="post" action={action} class="form" novalidate>
        <h3>Returnera för komplettering</h3>
        <input type="hidden" name="beslut" value="returnera" />
        <ErrorSummary errors={errorsOf("returnera")} />
        <fieldset class={errorsOf("returnera")?.moment ? "field field--error" : "field"}>
          <legend>Moment som ska kompletteras</legend>
          {errorsOf("returnera")?.moment ? <p class="error">{errorsOf("returnera")!.moment}</p> : null}
          {moments.map((m) => (
            <label class="checkbox">
              <input type="checkbox" name="moment" value={m.id} /> {m.name}
            </label>
          ))}
        </fieldset>
        <Field id="motivering-returnera" name="motivering" label="Vad ska kompletteras?" rows={3} required value={valuesOf("returnera").motivering} errors={errorsOf("returnera")} maxlength={2000} />
        <button type="submit" class="button button--secondary">
          Returnera för komplettering
        </button>
      </form>
      <form method="post" action={action} class="form" novalidate>
        <h3>Avslå</h3>
        <input type="hidden" name="beslut" value="avsla" />
        <ErrorSummary errors={errorsOf("avsla")} />
        <Field id="motivering-avsla" name="motivering" label="Motivering" rows={3} required value={valuesOf("avsla").motivering} errors={errorsOf("avsla")} maxlength={2000} />
        <button type="submit" class="button button--danger">
          Avslå
        </button>
      </form>
    </div>
  );
};

export async function renderStaffApplication(c: Ctx, id: string, tab: "moment" | "handelselogg", failure?: Failure, status?: ContentfulStatusCode) {
  const { db, clock } = c.var.deps;
  const user = c.var.user!;
  const today = swedishDate(clock.now());
  const app = await loadApplication(db, user, id);
  const [applicant, moments, lastDecision, decisions, events, certificateId] = await Promise.all([
    applicantOf(db, app.application),
    listMoments(db, id),
    latestDecisionAt(db, id),
    listDecisions(db, { applicationId: id }),
    tab === "handelselogg" ? listSubjectEvents(db, "application", id) : Promise.resolve(null),
    certificateOfApplication(db, id),
  ]);
  const state = processState(app);
  const inFinalReview = state.status === "final_review";
  const checklist = inFinalReview ? await computeChecklist(db, app, today) : null;
  const mayDecide = inFinalReview ? canDecideApplication(user, await loadApplicationParties(db, user, app.application, app.scheme, today)) : null;
  const title = `${applicant.name}: ${app.area.name} - ${app.scheme.name}`;
  const action = staffApplicationUrl(id, "/beslut");
  return page(
    c,
    { title, status },
    <>
      <Breadcrumbs>
        <a href="/personal/ansokningar">Ansökningar för beslut</a> › {applicant.name}
      </Breadcrumbs>
      <header class="page-header">
        <h1>{title}</h1>
        <div class="button-row">{applicantLink(applicant)}</div>
      </header>
      {failure ? (
        <div class="notice notice--error" role="alert" tabindex={-1}>
          <p>{failure.message}</p>
        </div>
      ) : null}
      <DoneNotice c={c} />
      <StepIndicator state={state} />
      <section aria-labelledby="information">
        <h2 id="information">Information</h2>
        <dl class="details">
          <dt>Status</dt>
          <dd>
            <span class={`status ${APPLICATION_CHIPS[state.status] ?? "status--muted"}`}>{APPLICATION_LABELS[state.status]}</span>
          </dd>
          <dt>Senaste beslut</dt>
          <dd>{lastDecision ? formatDate(lastDecision) : "Inget beslut ännu"}</dd>
          <dt>Påbörjad</dt>
          <dd>{formatDateTime(app.application.createdAt)}</dd>
          {app.application.submittedAt ? (
            <>
              <dt>Inskickad</dt>
              <dd>{formatDateTime(app.application.submittedAt)}</dd>
            </>
          ) : null}
          <RecipientDetails recipient={app.recipient} />
          {certificateId ? (
            <>
              <dt>Certifikat</dt>
              <dd>
                <a href={`/personal/certifikat/${certificateId.id}`}>Certifikat nr {certificateId.number}</a>
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      {inFinalReview ? (
        <section aria-labelledby="sista-granskning">
          <h2 id="sista-granskning">Sista granskning</h2>
          <Checklist items={checklist!} />
          {mayDecide!.ok ? <DecisionForms app={app} moments={moments} failure={failure} action={action} /> : <p class="notice notice--info">{mayDecide!.reason}</p>}
        </section>
      ) : null}
      {decisions.length ? (
        <section aria-labelledby="beslut">
          <h2 id="beslut">Beslut</h2>
          <DataTable prefix="beslutslista" caption="Beslut" columns={DECISION_COLUMNS} rows={decisions} path={staffApplicationUrl(id)} query={c.req.query()} empty="Inga beslut." searchable={false} />
        </section>
      ) : null}
      <Tabs
        tabs={[
          { href: staffApplicationUrl(id), label: "Moment" },
          { href: staffApplicationUrl(id, "/handelselogg"), label: "Händelselogg" },
        ]}
        current={tab === "moment" ? staffApplicationUrl(id) : staffApplicationUrl(id, "/handelselogg")}
        label="Ansökan"
      />
      <div class="tab-panel">
        {events ? (
          <EventLog events={events} path={staffApplicationUrl(id, "/handelselogg")} query={c.req.query()} />
        ) : (
          <section aria-labelledby="moment">
            <h2 id="moment">Moment</h2>
            <DataTable prefix="moment" caption="Moment" columns={staffMomentColumns(id)} rows={moments} path={staffApplicationUrl(id)} query={c.req.query()} empty="Inga moment." />
          </section>
        )}
      </div>
    </>,
  );
}

/** The posted form with every value of a repeated name (the Moment checkboxes). */
async function decisionForm(c: Ctx): Promise<{ values: Record<string, string>; momentIds: string[] }> {
  const body = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string") values[k] = v;
  const moment = body.moment;
  const momentIds = (Array.isArray(moment) ? moment : moment === undefined ? [] : [moment]).filter((m): m is string => typeof m === "string");
  return { values, momentIds };
}

const DECISIONS: Record<string, { decision: FinalDecision; form: Failure["form"]; done: string }> = {
  bevilja: { decision: "grant", form: "bevilja", done: "beviljad" },
  returnera: { decision: "return", form: "returnera", done: "returnerad" },
  avsla: { decision: "refuse", form: "avsla", done: "avslagen" },
};

async function decide(c: Ctx) {
  const id = c.req.param("id")!;
  const { values, momentIds } = await decisionForm(c);
  const chosen = DECISIONS[values.beslut ?? ""];
  if (!chosen) return renderStaffApplication(c, id, "moment", { message: "Välj ett beslut." }, 422);
  try {
    await decideApplication(c.var.deps, c.var.user!, { applicationId: id, decision: chosen.decision, reason: values.motivering ?? null, validUntil: values.giltigttill || null, momentIds });
  } catch (e) {
    if (e instanceof Invalid) return renderStaffApplication(c, id, "moment", { message: Object.values(e.fields).join(" ") || e.message, form: chosen.form, errors: e.fields, values }, 422);
    if (e instanceof Conflict) return renderStaffApplication(c, id, "moment", { message: e.message }, 409);
    if (e instanceof Forbidden) return renderStaffApplication(c, id, "moment", { message: e.message }, 403);
    throw e;
  }
  return redirectAfterPost(c, staffApplicationUrl(id, `?klart=${chosen.done}`));
}

// ------------------------------------------------------------------------------------------------
// Reviewing one Moment

async function reviewPage(c: Ctx, failure?: { message: string; errors?: FieldErrors; comment?: string }, status?: ContentfulStatusCode) {
  const { db, clock } = c.var.deps;
  const user = c.var.user!;
  const id = c.req.param("id")!;
  const app = await loadApplication(db, user, id);
  const moment = app.moments.find((m) => m.moment.id === c.req.param("momentId"));
  if (!moment) throw new NotFound();
  const [applicant, files] = await Promise.all([applicantOf(db, app.application), listMomentFiles(db, moment.moment.id)]);
  const latest = files[0];
  const parties = await loadParties(db, user, app.application, swedishDate(clock.now()));
  const may = canReviewRequirement(user, parties, { uploadedByUserId: latest?.uploadedByUserId ?? null });
  const fileUrl = (documentId: string, inline = false) => staffApplicationUrl(id, `/filer/${documentId}${inline ? "?visa=1" : ""}`);
  const action = staffApplicationUrl(id, `/moment/${moment.moment.id}`);
  return page(
    c,
    { title: `Granska ${moment.requirement.name}`, status },
    <>
      <Breadcrumbs>
        <a href="/personal/moment">Moment att granska</a> › <a href={staffApplicationUrl(id)}>{`${applicant.name}: ${app.scheme.name}`}</a> › {moment.requirement.name}
      </Breadcrumbs>
      <h1>Granska: {moment.requirement.name}</h1>
      <p class="lead">
        {applicant.name}, {app.area.name} - {app.scheme.name}. {moment.requirement.description}
      </p>
      {failure ? (
        <div class="notice notice--error" role="alert" tabindex={-1}>
          <p>{failure.message}</p>
        </div>
      ) : null}
      <dl class="details">
        <dt>Status</dt>
        <dd>
          <span class={`status ${REQUIREMENT_CHIPS[moment.moment.status]}`}>{REQUIREMENT_LABELS[moment.moment.status]}</span>
        </dd>
        {moment.moment.reviewComment ? (
          <>
            <dt>Kommentar</dt>
            <dd>{moment.moment.reviewComment}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="fil">
        <h2 id="fil">Uppladdad fil</h2>
        {latest ? (
          isImageMime(latest.mime) ? (
            <figure class="document-preview">
              <img src={fileUrl(latest.documentId, true)} alt={`Uppladdad bild: ${latest.name}`} />
              <figcaption>
                {latest.name} ({formatDateTime(latest.uploadedAt)}) · <a href={fileUrl(latest.documentId)}>Ladda ned</a>
              </figcaption>
            </figure>
          ) : (
            <p>
              PDF-fil: <strong>{latest.name}</strong> ({formatDateTime(latest.uploadedAt)}).{" "}
              <a href={fileUrl(latest.documentId)} download>
                Ladda ned och öppna PDF-filen
              </a>{" "}
              <span class="hint">Filen öppnas i din PDF-läsare, aldrig i den här webbplatsen.</span>
            </p>
          )
        ) : (
          <p>Ingen fil är uppladdad ännu.</p>
        )}
        {files.length > 1 ? (
          <>
            <h3>Tidigare filer</h3>
            <ul>
              {files.slice(1).map((f) => (
                <li>
                  <a href={fileUrl(f.documentId)}>{f.name}</a> <span class="muted">({formatDateTime(f.uploadedAt)})</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {moment.moment.status === "awaiting_review" ? (
        may.ok ? (
          <form method="post" action={action} class="form" novalidate>
            <h2>Granskning</h2>
            <ErrorSummary errors={failure?.errors} />
            <Field name="kommentar" label="Kommentar" rows={4} maxlength={2000} value={failure?.comment} errors={failure?.errors} hint="Krävs vid Ej godkänt: skriv vad som ska kompletteras. Kommentaren skickas till den sökande." />
            <div class="button-row">
              <button type="submit" name="beslut" value="godkann" class="button">
                Godkänn
              </button>
              <button type="submit" name="beslut" value="ej-godkant" class="button button--danger">
                Ej godkänt
              </button>
            </div>
          </form>
        ) : (
          <p class="notice notice--info">{may.reason}</p>
        )
      ) : null}
    </>,
  );
}

async function review(c: Ctx) {
  const id = c.req.param("id")!;
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const verdict = body.beslut === "godkann" ? true : body.beslut === "ej-godkant" ? false : null;
  const comment = typeof body.kommentar === "string" ? body.kommentar : "";
  if (verdict === null) return reviewPage(c, { message: "Välj Godkänn eller Ej godkänt.", comment }, 422);
  try {
    await reviewRequirement(c.var.deps, c.var.user!, { applicationId: id, momentId: c.req.param("momentId")!, approve: verdict, comment });
  } catch (e) {
    if (e instanceof Invalid) return reviewPage(c, { message: Object.values(e.fields).join(" "), errors: { kommentar: Object.values(e.fields).join(" ") }, comment }, 422);
    if (e instanceof Conflict) return reviewPage(c, { message: e.message, comment }, 409);
    if (e instanceof Forbidden) return reviewPage(c, { message: e.message, comment }, 403);
    throw e;
  }
  return redirectAfterPost(c, staffApplicationUrl(id, `?klart=${verdict ? "godkant" : "ej-godkant"}`));
}

/** A file of the application: a download, or an image shown in the review page (?visa=1). */
async function file(c: Ctx) {
  const f = await readApplicationFile(c.var.deps, c.var.user!, c.req.param("id")!, c.req.param("documentId")!);
  const inline = c.req.query("visa") === "1" && isImageMime(f.mime);
  const headers = inline && isImageMime(f.mime) ? inlineImageHeaders({ ...f, mime: f.mime }) : downloadHeaders(f);
  return c.body(new Uint8Array(f.bytes), 200, headers);
}

/** Mounted under /personal, behind requireUser and requireStaff. */
export function staffApplicationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/moment", momentQueue);
  app.get("/ansokningar", decisionQueue);
  app.get("/ansokningar/:id", (c) => renderStaffApplication(c, c.req.param("id"), "moment"));
  app.get("/ansokningar/:id/handelselogg", (c) => renderStaffApplication(c, c.req.param("id"), "handelselogg"));
  app.post("/ansokningar/:id/beslut", decide);
  app.get("/ansokningar/:id/moment/:momentId", (c) => reviewPage(c));
  app.post("/ansokningar/:id/moment/:momentId", review);
  app.get("/ansokningar/:id/filer/:documentId", file);
  return app;
}
