// An application as staff see it: Moment with their files, the final-review checklist, the
// decision forms and the Beslut so far; and the routes of the staff's application pages (the
// queues are in queues.tsx, reviewing one Moment in review-moment.tsx). Every action goes through
// the review module, which checks the role, impartiality and four eyes again.
import { Hono, type Context } from "hono";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { swedishDate } from "../../lib/dates.ts";
import { Conflict, Forbidden, Invalid, type FieldErrors } from "../../lib/errors.ts";
import { ownEntry } from "../../lib/own-key.ts";
import { listSubjectEvents } from "../../modules/audit/index.ts";
import { certificateOfApplication } from "../../modules/certificates/index.ts";
import { APPLICATION_LABELS, applicantOf, applicationPrice, listMoments, loadApplication, processState, REQUIREMENT_LABELS, type Applicant, type LoadedApplication, type MomentRow } from "../../modules/certification/index.ts";
import { applicantName, canDecideApplication, computeChecklist, decideApplication, failingItems, listDecisions, listMomentsToReview, loadApplicationParties, validUntilFrom, type ChecklistItem, type DecisionRow, type FinalDecision, type ManualChecks } from "../../modules/review/index.ts";
import { APPLICATION_CHIPS, APPLICATION_KIND_LABELS, formatKronor, latestDecisionAt, RecipientDetails, REQUIREMENT_CHIPS, StepIndicator } from "../certification/process-page.tsx";
import type { AppEnv } from "../env.ts";
import { applicationExams, ExamMomentNote, examStatusLabel, type ApplicationExam } from "../examinations/exam-moment.tsx";
import { redirectAfterPost } from "../htmx.ts";
import { page } from "../render.tsx";
import { Breadcrumbs, staffApplicationUrl } from "./application-paths.tsx";
import { file, review, reviewPage } from "./review-moment.tsx";
import { decisionQueue, momentQueue } from "./queues.tsx";
import { DataTable, type Column } from "../views/data-table.tsx";
import { ConfirmStep, isConfirmed } from "../views/confirm.tsx";
import { ErrorSummary, Field } from "../views/form.tsx";
import { MomentTabs } from "../views/moment-tabs.tsx";
import { formatDate, formatDateTime } from "../views/time.ts";
import { t, labels } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;

const personUrl = (id: string) => `/personal/personer/${id}`;
const companyUrl = (id: string) => `/personal/foretag/${id}`;

const DONE: Readonly<Record<string, string>> = labels({
  godkant: "staff.app.done.approved",
  "ej-godkant": "staff.app.done.rejected",
  beviljad: "staff.app.done.granted",
  returnerad: "staff.app.done.returned",
  avslagen: "staff.app.done.refused",
});

/** Where the reviewer came from: the Moment queue (`?fran=moment`), else the application's own way in. */
export const cameFromQueue = (c: Ctx) => c.req.query("fran") === "moment";

/** "Nästa i kön": the oldest Moment still waiting for review, after one has just been reviewed. */
async function nextInQueue(c: Ctx) {
  const [next] = await listMomentsToReview(c.var.deps.db);
  return next ?? null;
}

const DoneNotice = async ({ c }: { c: Ctx }) => {
  const key = c.req.query("klart");
  const done = ownEntry(DONE, key);
  if (!done) return null;
  const reviewed = key === "godkant" || key === "ej-godkant";
  const next = reviewed ? await nextInQueue(c) : null;
  return (
    <div class="notice notice--success" role="status">
      <p>{done}</p>
      {reviewed ? (
        next ? (
          <p>
            {t("staff.app.nextInQueue")}{" "}
            <a href={staffApplicationUrl(next.applicationId, `/moment/${next.momentId}`)}>
              {next.momentName}, {applicantName(next)}
            </a>{" "}
            · <a href="/personal/moment">{t("staff.queue.moments")}</a>
          </p>
        ) : (
          <p>
            {t("staff.app.queueEmpty")} <a href="/personal/moment">{t("staff.queue.moments")}</a>
          </p>
        )
      ) : null}
    </div>
  );
};

// ------------------------------------------------------------------------------------------------
// One application

interface Failure {
  message: string;
  form?: "bevilja" | "returnera" | "avsla";
  errors?: FieldErrors;
  values?: Record<string, string>;
  checked?: ManualChecks;
}

const fullName = (given: string, family: string) => `${given} ${family}`;

function staffMomentColumns(applicationId: string, fromQueue: boolean, exams: ApplicationExam[]): Column<MomentRow>[] {
  // The review page's way back follows the reviewer: the queue, or this application.
  const reviewUrl = (m: MomentRow) => staffApplicationUrl(applicationId, `/moment/${m.id}${fromQueue ? "" : "?fran=ansokan"}`);
  return [
    { key: "moment", label: t("moment.col.moment"), value: (m) => m.name, render: (m) => <a href={reviewUrl(m)}>{m.name}</a> },
    {
      key: "status",
      label: t("cert.status"),
      value: (m) => REQUIREMENT_LABELS[m.status],
      groupable: true,
      render: (m) => (
        <>
          <span class={`status ${REQUIREMENT_CHIPS[m.status]}`}>{examStatusLabel(m) ?? REQUIREMENT_LABELS[m.status]}</span>
          {m.status === "rejected" && m.reviewComment ? <p class="review-comment">{t("staff.app.comment", m.reviewComment)}</p> : null}
          {m.exam ? <ExamMomentNote moment={m} exams={exams} staff /> : null}
        </>
      ),
    },
    {
      key: "fil",
      label: t("staff.col.lastFile"),
      value: (m) => m.latestFileName,
      render: (m) => (m.latestDocumentId ? <a href={staffApplicationUrl(applicationId, `/filer/${m.latestDocumentId}`)}>{m.latestFileName}</a> : null),
    },
    { key: "andrad", label: t("moment.col.updated"), value: (m) => m.updatedAt },
    { key: "andrad-av", label: t("staff.col.updatedBy"), value: (m) => fullName(m.updatedByName, m.updatedByFamilyName), groupable: true },
    {
      key: "atgard",
      label: t("common.action"),
      value: () => null,
      sortable: false,
      render: (m) =>
        m.status === "awaiting_review" ? (
          <a class="button button--secondary" href={reviewUrl(m)}>
            {t("staff.app.review")}<span class="visually-hidden"> {m.name}</span>
          </a>
        ) : null,
    },
  ];
}

const decisionColumns = (): Column<DecisionRow>[] => [
  { key: "beslut", label: t("staff.col.decision"), value: (d) => d.label, groupable: true },
  { key: "datum", label: t("staff.col.decidedAt"), value: (d) => d.decidedAt },
  { key: "av", label: t("staff.col.decidedBy"), value: (d) => d.decidedBy, groupable: true },
  { key: "motivering", label: t("common.reason"), value: (d) => d.reason },
];

const applicantLink = (a: Applicant) => (a.kind === "person" ? <a href={personUrl(a.personId)}>{t("process.showPerson")}</a> : <a href={companyUrl(a.companyId)}>{t("process.showCompany")}</a>);

/** ✓ done, ✗ missing, ☐ for a person to check (ticked on Bevilja och utfärda); in words too. */
const Checklist = ({ items }: { items: ChecklistItem[] }) => (
  <ul class="checklist">
    {items.map((i) => (
      <li class={i.ok ? "checklist__ok" : i.check ? "checklist__todo" : "checklist__missing"}>
        <span aria-hidden="true">{i.ok ? "✓" : i.check ? "☐" : "✗"}</span> <strong>{i.label}</strong>: <span class="visually-hidden">{i.ok ? t("staff.check.ok") : i.check ? t("staff.check.todo") : t("staff.check.missing")}</span>
        {i.detail}
      </li>
    ))}
  </ul>
);

const DecisionForms = ({ app, moments, checklist, failure, action }: { app: LoadedApplication; moments: MomentRow[]; checklist: ChecklistItem[]; failure?: Failure; action: string }) => {
  const errorsOf = (form: Failure["form"]) => (failure && failure.form === form ? failure.errors : undefined);
  const valuesOf = (form: Failure["form"]) => (failure && failure.form === form ? (failure.values ?? {}) : {});
  return (
    <div class="decision-forms">
      <form method="post" action={action} class="form" novalidate>
        <h3>{t("staff.grant")}</h3>
        <input type="hidden" name="beslut" value="bevilja" />
        <ErrorSummary errors={errorsOf("bevilja")} />
        <ManualChecksField items={checklist.filter((i) => i.check)} errors={errorsOf("bevilja")} checked={failure?.form === "bevilja" ? failure.checked : undefined} />
        {app.scheme.validUntilFromEvidence ? (
          <Field name="giltigttill" label={t("cert.validUntil")} type="date" required value={valuesOf("bevilja").giltigttill} errors={errorsOf("bevilja")} hint={t("staff.grant.validUntilHint")} />
        ) : (
          <p class="hint">{app.scheme.validityYears ? t("staff.grant.validUntilYears", app.scheme.validityYears) : t("staff.grant.noEnd")}</p>
        )}
        <button type="submit" class="button">
          {t("staff.grant")}
        </button>
      </form>
      <form method="post" action={action} class="form" novalidate>
        <h3>{t("staff.return")}</h3>
        <input type="hidden" name="beslut" value="returnera" />
        <ErrorSummary errors={errorsOf("returnera")} />
        <fieldset class={errorsOf("returnera")?.moment ? "field field--error" : "field"}>
          <legend>{t("staff.return.moments")}</legend>
          {errorsOf("returnera")?.moment ? <p class="error">{errorsOf("returnera")!.moment}</p> : null}
          {moments.map((m) => (
            <label class="checkbox">
              <input type="checkbox" name="moment" value={m.id} /> {m.name}
            </label>
          ))}
        </fieldset>
        <Field id="motivering-returnera" name="motivering" label={t("staff.return.what")} rows={3} required value={valuesOf("returnera").motivering} errors={errorsOf("returnera")} maxlength={2000} />
        <button type="submit" class="button button--secondary">
          {t("staff.return")}
        </button>
      </form>
      <form method="post" action={action} class="form" novalidate>
        <h3>{t("staff.refuse")}</h3>
        <input type="hidden" name="beslut" value="avsla" />
        <ErrorSummary errors={errorsOf("avsla")} />
        <Field id="motivering-avsla" name="motivering" label={t("common.reason")} rows={3} required value={valuesOf("avsla").motivering} errors={errorsOf("avsla")} maxlength={2000} />
        <button type="submit" class="button button--danger">
          {t("staff.refuse")}
        </button>
      </form>
    </div>
  );
};

/** The checklist's manual to-dos as boxes the decider ticks with the grant (recorded in the decision). */
const ManualChecksField = ({ items, errors, checked }: { items: ChecklistItem[]; errors?: FieldErrors; checked?: ManualChecks }) =>
  items.length === 0 ? null : (
    <fieldset class={errors?.kontrollerat ? "field field--error" : "field"} id="f-kontrollerat" aria-describedby={errors?.kontrollerat ? "f-kontrollerat-error" : undefined}>
      <legend>
        {t("staff.grant.checked")}<span class="required" aria-hidden="true"> *</span>
      </legend>
      {errors?.kontrollerat ? (
        <p class="error" id="f-kontrollerat-error">
          <span class="visually-hidden">{t("form.errorPrefix")}</span>
          {errors.kontrollerat}
        </p>
      ) : null}
      {items.map((i) => (
        <label class="checkbox">
          <input type="checkbox" name="kontrollerat" value={i.key} checked={checked?.includes(i.key)} /> {i.check}
        </label>
      ))}
    </fieldset>
  );

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
  const exams = moments.some((m) => m.exam) ? await applicationExams(c.var.deps, id) : [];
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
        {cameFromQueue(c) ? <a href="/personal/moment">{t("staff.queue.moments")}</a> : <a href="/personal/ansokningar">{t("staff.queue.decisions")}</a>} › {applicant.name}
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
        <h2 id="information">{t("staff.app.information")}</h2>
        <dl class="details">
          <dt>{t("staff.col.application")}</dt>
          <dd>
            {APPLICATION_KIND_LABELS[app.application.kind]}
            {app.application.renewsCertificateId ? (
              <>
                {" "}
                {t("staff.app.renewalOf")} <a href={`/personal/certifikat/${app.application.renewsCertificateId}`}>{t("staff.app.theCertificate")}</a>
              </>
            ) : null}
          </dd>
          <dt>{t("cert.status")}</dt>
          <dd>
            <span class={`status ${APPLICATION_CHIPS[state.status] ?? "status--muted"}`}>{APPLICATION_LABELS[state.status]}</span>
          </dd>
          {app.scheme.invoiced ? (
            <>
              <dt>{t("staff.app.fee")}</dt>
              <dd>{formatKronor(applicationPrice(app))} {t("staff.app.exclVat")}</dd>
            </>
          ) : null}
          <dt>{t("staff.app.lastDecision")}</dt>
          <dd>{lastDecision ? formatDate(lastDecision) : t("staff.app.noDecision")}</dd>
          <dt>{t("staff.app.started")}</dt>
          <dd>{formatDateTime(app.application.createdAt)}</dd>
          {app.application.submittedAt ? (
            <>
              <dt>{t("staff.col.submitted")}</dt>
              <dd>{formatDateTime(app.application.submittedAt)}</dd>
            </>
          ) : null}
          <RecipientDetails recipient={app.recipient} />
          {certificateId ? (
            <>
              <dt>{t("common.certificate")}</dt>
              <dd>
                <a href={`/personal/certifikat/${certificateId.id}`}>{t("staff.app.certificateNr", certificateId.number)}</a>
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      {inFinalReview ? (
        <section aria-labelledby="sista-granskning">
          <h2 id="sista-granskning">{t("staff.app.finalReview")}</h2>
          <Checklist items={checklist!} />
          {mayDecide!.ok ? <DecisionForms app={app} moments={moments} checklist={checklist!} failure={failure} action={action} /> : <p class="notice notice--info">{mayDecide!.reason}</p>}
        </section>
      ) : null}
      {decisions.length ? (
        <section aria-labelledby="beslut">
          <h2 id="beslut">{t("staff.col.decision")}</h2>
          <DataTable prefix="beslutslista" caption={t("staff.col.decision")} columns={decisionColumns()} rows={decisions} path={staffApplicationUrl(id)} query={c.req.query()} empty={t("staff.app.noDecisions")} searchable={false} />
        </section>
      ) : null}
      <MomentTabs base={staffApplicationUrl(id)} label={t("staff.col.application")} events={events} query={c.req.query()}>
        <DataTable prefix="moment" caption={t("common.moments")} columns={staffMomentColumns(id, cameFromQueue(c), exams)} rows={moments} path={staffApplicationUrl(id)} query={c.req.query()} empty={t("staff.app.noMoments")} />
      </MomentTabs>
    </>,
  );
}

/** The posted form with every value of a repeated name (the Moment and the manual checks). */
async function decisionForm(c: Ctx): Promise<{ values: Record<string, string>; momentIds: string[]; checked: ManualChecks }> {
  const body = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string" && k !== "moment" && k !== "kontrollerat") values[k] = v;
  const checked = listOf(body.kontrollerat).filter((k): k is ChecklistItem["key"] => k === "identity");
  return { values, momentIds: listOf(body.moment), checked };
}

const DECISIONS: Record<string, { decision: FinalDecision; form: Failure["form"]; done: string }> = {
  bevilja: { decision: "grant", form: "bevilja", done: "beviljad" },
  returnera: { decision: "return", form: "returnera", done: "returnerad" },
  avsla: { decision: "refuse", form: "avsla", done: "avslagen" },
};

/** The posted Moment and manual checks, each a repeated name. */
const listOf = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === "string");

async function decide(c: Ctx) {
  const id = c.req.param("id")!;
  const { values, momentIds, checked } = await decisionForm(c);
  const chosen = ownEntry(DECISIONS, values.beslut);
  if (!chosen) return renderStaffApplication(c, id, "moment", { message: t("staff.app.chooseDecision") }, 422);
  const failed = (e: unknown) => {
    if (e instanceof Invalid) return renderStaffApplication(c, id, "moment", { message: Object.values(e.fields).join(" ") || e.message, form: chosen.form, errors: e.fields, values, checked }, 422);
    if (e instanceof Conflict) return renderStaffApplication(c, id, "moment", { message: e.message }, 409);
    if (e instanceof Forbidden) return renderStaffApplication(c, id, "moment", { message: e.message }, 403);
    throw e;
  };
  if (chosen.decision !== "return" && !isConfirmed(values)) {
    try {
      if (chosen.decision === "grant") await requireManualChecks(c, id, checked);
      const confirm = await confirmDecision(c, id, chosen.decision, values, checked);
      if (confirm) return confirm;
    } catch (e) {
      return failed(e);
    }
  }
  try {
    if (chosen.decision === "grant") await requireManualChecks(c, id, checked);
    await decideApplication(c.var.deps, c.var.user!, { applicationId: id, decision: chosen.decision, reason: values.motivering ?? null, validUntil: values.giltigttill || null, momentIds, checked });
  } catch (e) {
    return failed(e);
  }
  return redirectAfterPost(c, staffApplicationUrl(id, `?klart=${chosen.done}`));
}

/**
 * A person must still check what the checklist marks ☐ (identity without BankID): the grant is
 * not made from this page until the decider has ticked it. The module records the tick.
 */
async function requireManualChecks(c: Ctx, id: string, checked: ManualChecks): Promise<void> {
  const { db, clock } = c.var.deps;
  const app = await loadApplication(db, c.var.user!, id);
  if (app.application.status !== "final_review") return;
  const todo = (await computeChecklist(db, app, swedishDate(clock.now()))).filter((i) => i.check && !checked.includes(i.key));
  if (todo.length) throw new Invalid({ kontrollerat: t("staff.grant.tickFirst", todo.map((i) => i.check).join(" ")) });
}

/**
 * "Bevilja och utfärda" and "Avslå" cannot be undone: the first post is checked (who may decide,
 * the checklist and its manual ticks, the date, the reason) and answered with a page that names
 * what will happen. Null where the input is wrong in a way the decision itself explains.
 */
async function confirmDecision(c: Ctx, id: string, decision: "grant" | "refuse", values: Record<string, string>, checked: ManualChecks) {
  const { db, clock } = c.var.deps;
  const user = c.var.user!;
  const today = swedishDate(clock.now());
  const app = await loadApplication(db, user, id);
  const applicant = await applicantOf(db, app.application);
  const allowed = canDecideApplication(user, await loadApplicationParties(db, user, app.application, app.scheme, today));
  if (!allowed.ok) throw new Forbidden(allowed.reason);
  if (app.application.status !== "final_review") return null;
  const title = `${app.area.name} - ${app.scheme.name}`;
  const to = applicant.kind === "person" ? applicant.name : t("staff.app.companyAdmins", applicant.name);
  let consequences: Child[];
  if (decision === "grant") {
    const items = await computeChecklist(db, app, today);
    const manual = items.filter((i) => i.check);
    if (failingItems(items).length) return null;
    validUntilFrom(app, values.giltigttill || null, today);
    const price = applicationPrice(app);
    consequences = [
      t("staff.grant.c1", title, applicant.name),
      ...(app.scheme.invoiced && price > 0 && app.recipient ? [t("staff.grant.invoice", formatKronor(price), app.recipient.name)] : []),
      t("staff.decision.mailed", to),
      ...manual.map((i) => t("staff.grant.savedWithCheck", i.check ?? "")),
      t("staff.grant.final"),
    ];
  } else {
    const reason = values.motivering?.trim();
    if (!reason) return null;
    consequences = [t("staff.refuse.c1", title, applicant.name), <>{t("staff.refuse.mailed", to)} ”{reason}”</>];
  }
  const heading = decision === "grant" ? t("staff.grant.heading") : t("staff.refuse.heading");
  return page(
    c,
    { title: heading },
    <ConfirmStep
      heading={heading}
      consequences={consequences}
      action={staffApplicationUrl(id, "/beslut")}
      values={{ ...values, ...(checked.length ? { kontrollerat: [...checked] } : {}) }}
      button={decision === "grant" ? t("staff.grant") : t("staff.refuse")}
      danger={decision === "refuse"}
      cancel={staffApplicationUrl(id)}
      breadcrumbs={
        <Breadcrumbs>
          <a href="/personal/ansokningar">{t("staff.queue.decisions")}</a> › <a href={staffApplicationUrl(id)}>{applicant.name}</a> › {decision === "grant" ? t("staff.grant") : t("staff.refuse")}
        </Breadcrumbs>
      }
    />,
  );
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
