// An application as staff see it: Moment with their files, the final-review checklist, the
// decision forms and the Beslut so far; and the routes of the staff's application pages (the
// queues are in queues.tsx, reviewing one Moment in review-moment.tsx). Every action goes through
// the review module, which checks the role, impartiality and four eyes again.
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { swedishDate } from "../../lib/dates.ts";
import { Conflict, Forbidden, Invalid, type FieldErrors } from "../../lib/errors.ts";
import { ownEntry } from "../../lib/own-key.ts";
import { listSubjectEvents } from "../../modules/audit/index.ts";
import { certificateOfApplication } from "../../modules/certificates/index.ts";
import { APPLICATION_LABELS, applicantOf, applicationPrice, listMoments, loadApplication, processState, REQUIREMENT_LABELS, type Applicant, type LoadedApplication, type MomentRow } from "../../modules/certification/index.ts";
import { canDecideApplication, computeChecklist, decideApplication, listDecisions, loadApplicationParties, type ChecklistItem, type DecisionRow, type FinalDecision } from "../../modules/review/index.ts";
import { APPLICATION_CHIPS, APPLICATION_KIND_LABELS, formatKronor, latestDecisionAt, RecipientDetails, REQUIREMENT_CHIPS, StepIndicator } from "../certification/process-page.tsx";
import type { AppEnv } from "../env.ts";
import { redirectAfterPost } from "../htmx.ts";
import { page } from "../render.tsx";
import { Breadcrumbs, staffApplicationUrl } from "./application-paths.tsx";
import { file, review, reviewPage } from "./review-moment.tsx";
import { decisionQueue, momentQueue } from "./queues.tsx";
import { DataTable, type Column } from "../views/data-table.tsx";
import { ErrorSummary, Field } from "../views/form.tsx";
import { MomentTabs } from "../views/moment-tabs.tsx";
import { formatDate, formatDateTime } from "../views/time.ts";

type Ctx = Context<AppEnv>;

const personUrl = (id: string) => `/personal/personer/${id}`;
const companyUrl = (id: string) => `/personal/foretag/${id}`;

const DONE: Record<string, string> = {
  godkant: "Momentet är godkänt. Den sökande har fått ett mejl.",
  "ej-godkant": "Momentet är ej godkänt. Den sökande har fått ett mejl med din kommentar.",
  beviljad: "Ansökan är beviljad och certifikatet utfärdat. Den sökande har fått ett mejl.",
  returnerad: "Ansökan är returnerad för komplettering. Den sökande har fått ett mejl.",
  avslagen: "Ansökan är avslagen. Den sökande har fått ett mejl.",
};

const DoneNotice = ({ c }: { c: Ctx }) => {
  const done = ownEntry(DONE, c.req.query("klart"));
  return done ? (
    <div class="notice notice--success" role="status">
      <p>{done}</p>
    </div>
  ) : null;
};

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
          <dt>Ansökan</dt>
          <dd>
            {APPLICATION_KIND_LABELS[app.application.kind]}
            {app.application.renewsCertificateId ? (
              <>
                {" "}
                av <a href={`/personal/certifikat/${app.application.renewsCertificateId}`}>certifikatet</a>
              </>
            ) : null}
          </dd>
          <dt>Status</dt>
          <dd>
            <span class={`status ${APPLICATION_CHIPS[state.status] ?? "status--muted"}`}>{APPLICATION_LABELS[state.status]}</span>
          </dd>
          {app.scheme.invoiced ? (
            <>
              <dt>Avgift</dt>
              <dd>{formatKronor(applicationPrice(app))} exkl. moms</dd>
            </>
          ) : null}
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
      <MomentTabs base={staffApplicationUrl(id)} label="Ansökan" events={events} query={c.req.query()}>
        <DataTable prefix="moment" caption="Moment" columns={staffMomentColumns(id)} rows={moments} path={staffApplicationUrl(id)} query={c.req.query()} empty="Inga moment." />
      </MomentTabs>
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
  const chosen = ownEntry(DECISIONS, values.beslut);
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
