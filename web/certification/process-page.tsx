// The Certifieringsprocess page: "<Namn>: <Teknikområde> - <Certifikat>", the five steps with the
// current one marked, Information, and the tabs Moment and Händelselogg. What the applicant can do
// next is offered where they look for it: upload per Moment, the link to intyga, the recipient.
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ownEntry } from "../../lib/own-key.ts";
import { listSubjectEvents } from "../../modules/audit/index.ts";
import {
  APPLICATION_LABELS,
  applicantOf,
  applicationPrice,
  awaitingSubmission,
  canActAsApplicant,
  canApplicant,
  currentStep,
  latestReviewAt,
  listMoments,
  loadApplication,
  processState,
  REQUIREMENT_LABELS,
  STEP_NAMES,
  type Applicant,
  type LoadedApplication,
  type MomentRow,
  type ProcessState,
  type Step,
} from "../../modules/certification/index.ts";
import type { Deps } from "../../modules/deps.ts";
import { listDecisions } from "../../modules/review/index.ts";
import type { AppEnv } from "../env.ts";
import { page } from "../render.tsx";
import { DataTable, type Column } from "../views/data-table.tsx";
import { ActionNotices } from "../views/form.tsx";
import { Icon } from "../views/icons.tsx";
import { MomentTabs } from "../views/moment-tabs.tsx";
import { formatDate } from "../views/time.ts";
import { applicationExams, ExamMomentNote, examStatusLabel, type ApplicationExam } from "../examinations/exam-moment.tsx";
import { processUrl } from "./paths.ts";
import { swedishDate } from "../../lib/dates.ts";
import { AppealPanel, appealPanelData } from "../cases/appeal-panel.tsx";
import { t, labels, language } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;

export type ProcessTab = "moment" | "handelselogg";

/** Messages after a redirect, named by `?klart=`; nothing from the query is shown as text. */
const DONE: Record<string, string> = labels({
  startad: "process.done.started",
  uppladdad: "process.done.uploaded",
  intygad: "process.done.declared",
  granskas: "process.done.submitted",
  aterkallad: "minSida.withdrawn",
});

export const REQUIREMENT_CHIPS: Record<string, string> = { awaiting_file: "status--pending", awaiting_review: "status--warning", approved: "status--approved", rejected: "status--rejected" };
export const APPLICATION_CHIPS: Record<string, string> = { in_progress: "status--pending", final_review: "status--warning", issued: "status--approved", refused: "status--rejected", returned: "status--rejected", withdrawn: "status--muted" };

export const APPLICATION_KIND_LABELS: Record<"initial" | "extension" | "recertification", string> = labels({ initial: "applicationKind.initial", extension: "renewal.extension", recertification: "renewal.recertification" });

const kronor = { sv: new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 }), en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }) };
export const formatKronor = (ore: number) => t("common.kronor", kronor[language()].format(ore / 100));

export const applicationTitle = (applicant: Applicant, app: LoadedApplication) => `${applicant.name}: ${app.area.name} - ${app.scheme.name}`;

export async function renderProcessPage(c: Ctx, id: string, tab: ProcessTab, options: { failure?: string; status?: ContentfulStatusCode } = {}) {
  const { db } = c.var.deps;
  const user = c.var.user!;
  const app = await loadApplication(db, user, id);
  const [applicant, moments, lastDecision, mayAct, events] = await Promise.all([
    applicantOf(db, app.application),
    listMoments(db, id),
    latestDecisionAt(db, id),
    canActAsApplicant(db, user, app.application),
    tab === "handelselogg" ? listSubjectEvents(db, "application", id) : Promise.resolve(null),
  ]);
  const exams = moments.some((m) => m.exam) ? await applicationExams(c.var.deps, id) : [];
  // Överklaga beslut: what went against the applicant, for who may act for them.
  const appeals = mayAct ? await appealPanelData(db, { applicationId: id }, swedishDate(c.var.deps.clock.now())) : null;
  const state = processState(app);
  const title = applicationTitle(applicant, app);
  const done = ownEntry(DONE, c.req.query("klart"));
  const query = c.req.query();
  return page(
    c,
    { title, status: options.status },
    <>
      <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
        <a href="/min-sida">{t("nav.minSida")}</a> ›{" "}
        {applicant.kind === "company" ? (
          <>
            <a href={`/min-sida/foretag/${applicant.companyId}`}>{applicant.name}</a> ›{" "}
          </>
        ) : null}
        {t("process.title")}
      </nav>
      <header class="page-header">
        <h1>{title}</h1>
        <div class="button-row">
          <a class="button button--secondary" href={applicant.kind === "person" ? "/min-sida" : `/min-sida/foretag/${applicant.companyId}`}>
            <Icon name="search" /> 
            {applicant.kind === "person" ? t("process.showPerson") : t("process.showCompany")}
          </a>
          {mayAct && currentStep(state) === 4 && canApplicant(state, "set_recipient").ok ? (
            <a class="button" href={processUrl(id, "/fakturamottagare")}>
              {t("recipient.title")}
            </a>
          ) : null}
          {mayAct && awaitingSubmission(state) ? (
            <a class="button" href={processUrl(id, "/skicka-in")}>
              {t("submit.title")}
            </a>
          ) : null}
          {mayAct && canApplicant(state, "withdraw").ok ? (
            <a class="button button--secondary" href={processUrl(id, "/aterkalla")}>
              {t("withdraw.title")}
            </a>
          ) : null}
        </div>
      </header>
      <ActionNotices failure={options.failure} done={done} />
      <StepIndicator state={state} />
      <NextThing id={id} state={state} mayAct={mayAct} moments={moments} closedReason={app.application.closedReason} />
      <AppealPanel data={appeals} />
      <section aria-labelledby="information">
        <h2 id="information">{t("process.information")}</h2>
        <dl class="details">
          <dt>{t("process.application")}</dt>
          <dd>{APPLICATION_KIND_LABELS[app.application.kind]}</dd>
          <dt>{t("cert.status")}</dt>
          <dd>
            <span class={`status ${APPLICATION_CHIPS[state.status] ?? "status--muted"}`}>{APPLICATION_LABELS[state.status]}</span>
          </dd>
          {app.scheme.invoiced ? (
            <>
              <dt>{t("process.fee")}</dt>
              <dd>
                {t("process.exVat", formatKronor(applicationPrice(app)))}
                {app.application.priceOre !== null ? t("process.priceWhenSent") : ""}
              </dd>
            </>
          ) : null}
          <dt>{t("cert.lastDecision")}</dt>
          <dd>{lastDecision ? formatDate(lastDecision) : t("process.noDecision")}</dd>
          {app.application.declaredAt ? (
            <>
              <dt>{t("process.declared")}</dt>
              <dd>{formatDate(app.application.declaredAt)}</dd>
            </>
          ) : null}
          <RecipientDetails recipient={app.recipient} />
        </dl>
      </section>
      <MomentTabs base={processUrl(id)} label={t("process.title")} events={events} query={query}>
        <p>{t("process.allMoments")}</p>
        {t("process.momentsSwedishOnly") ? <p class="hint">{t("process.momentsSwedishOnly")}</p> : null}
        <div class="moment-table">
          <DataTable prefix="moment" caption={t("common.moments")} columns={momentColumns(id, mayAct && canApplicant(state, "upload").ok, exams)} rows={moments} path={processUrl(id)} query={query} empty={t("process.noMoments")} defaultSort={{ key: "moment", dir: "asc" }} />
        </div>
      </MomentTabs>
    </>,
  );
}

/** "Senaste beslut": the latest review of a Moment or decision on the application. */
export async function latestDecisionAt(db: Deps["db"], applicationId: string): Promise<Date | null> {
  const [reviewed, decided] = await Promise.all([latestReviewAt(db, applicationId), listDecisions(db, { applicationId })]);
  const dates = [reviewed, decided.at(-1)?.decidedAt ?? null].filter((d): d is Date => d !== null);
  return dates.sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
}

/** The frozen Fakturamottagare, as a details row. */
export const RecipientDetails = ({ recipient }: { recipient: LoadedApplication["recipient"] }) =>
  recipient ? (
    <>
      <dt>{t("process.recipient")}</dt>
      <dd>
        {recipient.name}, {recipient.addressLine1}, {recipient.postalCode} {recipient.city}
        {recipient.reference ? t("process.reference", recipient.reference) : ""}
      </dd>
    </>
  ) : null;

/**
 * 1–5 with the current step marked in words too ("pågår", "klart"), not only by colour. Step 5 is
 * the certification body's: it is never the applicant's current step. While the application waits
 * to be sent or is in final review, step 5 says so ("Ansökan granskas"), as the status does.
 */
export const StepIndicator = ({ state }: { state: ProcessState }) => {
  const current = currentStep(state);
  const closed = !["in_progress", "returned", "final_review", "issued"].includes(state.status);
  const isDone = (n: Step) => state.status === "issued" || n < current || (n === 4 && !state.invoiced && current > 3);
  const waiting = state.status === "final_review" ? t("applicationStatus.final_review") : awaitingSubmission(state) ? t("process.notSentYet") : null;
  return (
    <ol class="steps" aria-label={t("process.steps")}>
      {([1, 2, 3, 4, 5] as Step[]).map((n) => {
        const done = isDone(n);
        const here = !closed && !done && n === current && n !== 5;
        const pending = n === 5 && !done && waiting !== null;
        return (
          <li data-done={done ? "true" : undefined} data-waiting={pending ? "true" : undefined} aria-current={here ? "step" : undefined}>
            {STEP_NAMES[n]}
            <span class="visually-hidden">{done ? (n === 4 && !state.invoiced ? t("process.step.notNeeded") : t("process.step.done")) : here ? t("process.step.current") : pending ? t("process.step.notYet") : ""}</span>
            {pending ? (
              <span class="hint">
                <br />
                {waiting}
              </span>
            ) : null}
            {n === 4 && !state.invoiced ? (
              <span class="hint" aria-hidden="true">
                <br />
                {t("process.noInvoice")}
              </span>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
};

/** What the applicant has to do now, said once and above the details. */
const NextThing = ({ id, state, mayAct, moments, closedReason }: { id: string; state: ProcessState; mayAct: boolean; moments: MomentRow[]; closedReason: string | null }): Child => {
  const rejected = moments.filter((m) => m.status === "rejected");
  if (state.status === "withdrawn") return <Notice kind="info">{closedReason ? t("process.withdrawnBecause", closedReason) : t("minSida.withdrawn")}</Notice>;
  if (state.status === "refused") return <Notice kind="error">{closedReason ? t("process.refusedBecause", closedReason) : t("process.refused")}</Notice>;
  if (state.status === "issued") return <Notice kind="success">{t("process.issued")}</Notice>;
  if (state.status === "final_review") return <Notice kind="info">{t("process.inReview")}</Notice>;
  if (!mayAct) return null;
  if (awaitingSubmission(state)) {
    return (
      <Notice kind="warning">
        {t("process.notSent")} <a href={processUrl(id, "/skicka-in")}>{t("submit.title")}</a>
      </Notice>
    );
  }
  const step = currentStep(state);
  if (rejected.length) {
    return (
      <Notice kind="warning">
        {rejected.length === 1 ? t("process.rejected.one", rejected[0]!.name) : t("process.rejected.many", rejected.length)} {t("process.rejected.readComment")}
      </Notice>
    );
  }
  if (step === 3) {
    return (
      <div class="notice notice--warning">
        <p>
          <span aria-hidden="true">⚠ </span>
          <strong class="visually-hidden">{t("process.important")}</strong>
          {t("process.mustDeclare")} <a href={processUrl(id, "/intyga")}>{t("process.declareLink")}</a>
        </p>
      </div>
    );
  }
  if (step === 4) {
    return (
      <Notice kind="warning">
        {t("process.giveRecipient")} <a href={processUrl(id, "/fakturamottagare")}>{t("recipient.title")}</a>
      </Notice>
    );
  }
  return null;
};

const Notice = ({ kind, children }: { kind: "info" | "warning" | "error" | "success"; children: Child }) => (
  <div class={`notice notice--${kind}`}>
    <p>{children}</p>
  </div>
);

const fullName = (given: string, family: string) => `${given} ${family}`;

export function momentColumns(applicationId: string, canUpload: boolean, exams: ApplicationExam[] = []): Column<MomentRow>[] {
  const columns: Column<MomentRow>[] = [
    {
      key: "ladda-upp",
      label: t("moment.col.upload"),
      value: () => null,
      sortable: false,
      render: (m) =>
        canUpload && m.status !== "approved" ? (
          // In words, not only the manual's arrow.
          // The visible words and the whole name apart: a hidden ": Moment" after visible text is
          // read " : Moment" (the hidden box is out of the flow).
          <a class="upload-link" href={processUrl(applicationId, `/moment/${m.id}`)}>
            <Icon name="upload" /> <span aria-hidden="true">{t("moment.upload")}</span>
            <span class="visually-hidden">{t("moment.uploadFor", m.name)}</span>
          </a>
        ) : null,
    },
    { key: "moment", label: t("moment.col.moment"), value: (m) => m.name, render: (m) => <a href={processUrl(applicationId, `/moment/${m.id}`)}>{m.name}</a> },
    {
      key: "status",
      label: t("cert.status"),
      value: (m) => REQUIREMENT_LABELS[m.status],
      groupable: true,
      render: (m) => (
        <>
          <span class={`status ${REQUIREMENT_CHIPS[m.status]}`}>{examStatusLabel(m) ?? REQUIREMENT_LABELS[m.status]}</span>
          {m.status === "rejected" && m.reviewComment ? <p class="review-comment">{t("moment.reviewComment", m.reviewComment)}</p> : null}
          {m.exam ? <ExamMomentNote moment={m} exams={exams} /> : null}
        </>
      ),
    },
    {
      key: "filmall",
      label: t("moment.col.template"),
      value: (m) => (m.templateDocumentId ? t("moment.col.template") : null),
      sortable: false,
      render: (m) =>
        m.templateDocumentId ? (
          <a href={`/min-sida/filmallar/${m.requirementId}`}>
            {t("moment.template.download")}
            <span class="visually-hidden">{t("moment.template.for", m.name)}</span>
          </a>
        ) : null,
    },
    {
      key: "fil",
      label: t("moment.col.latestFile"),
      value: (m) => m.latestFileName,
      render: (m) => (m.latestDocumentId ? <a href={processUrl(applicationId, `/filer/${m.latestDocumentId}`)}>{m.latestFileName}</a> : null),
    },
    { key: "skapad", label: t("moment.col.created"), value: (m) => m.createdAt },
    { key: "skapad-av", label: t("moment.col.createdBy"), value: (m) => fullName(m.createdByName, m.createdByFamilyName), groupable: true },
    { key: "andrad", label: t("moment.col.updated"), value: (m) => m.updatedAt },
    { key: "andrad-av", label: t("moment.col.updatedBy"), value: (m) => fullName(m.updatedByName, m.updatedByFamilyName), groupable: true },
  ];
  // Nothing to upload (closed, in review, or not the applicant): no empty column.
  return canUpload ? columns : columns.slice(1);
}
