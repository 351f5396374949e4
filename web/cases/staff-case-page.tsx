// One case as staff see it: what it concerns, who lodged it (a complainant's contact details only
// for who handles it), the grounds and files, its Händelselogg, and the handler's steps Börja
// utreda, Avgör and Avskriv. Each step's first post shows the mail that will be sent (the confirm
// step of web/views/confirm.tsx); the second does it.
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { swedishDate, swedishLongDate } from "../../lib/dates.ts";
import type { FieldErrors } from "../../lib/errors.ts";
import { formatOrgNumber } from "../../lib/identity/orgnummer.ts";
import { ownEntry } from "../../lib/own-key.ts";
import { listSubjectEvents } from "../../modules/audit/index.ts";
import { CERTIFICATE_LABELS, certificateTransition, publicStatus } from "../../modules/certificates/index.ts";
import { APPEALED_LABELS, canHandleCase, CASE_KIND_LABELS, OUTCOME_LABELS, caseStatusText, effectsFor, getCaseRow, handlingDays, listCaseFiles, loadEffectContext, loadHandlingParties, personOfUser, type CaseRow, type EffectContext, type StepPlan } from "../../modules/cases/index.ts";
import { APPLICATION_LABELS, applicantOf } from "../../modules/certification/index.ts";
import { listDecisions } from "../../modules/review/index.ts";
import type { AppEnv } from "../env.ts";
import { page } from "../render.tsx";
import { staffApplicationUrl } from "../staff/application-paths.tsx";
import { EventLog } from "../views/event-log.tsx";
import { ActionNotices, ErrorSummary, Field } from "../views/form.tsx";
import { formatDateTime } from "../views/time.ts";
import { CASE_CHIPS } from "./own-case.tsx";
import { CASES_PATH, staffCaseUrl } from "./paths.ts";
import { t, labels } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;

export type StepForm = "utred" | "avgor" | "avskriv";

export interface Failure {
  message: string;
  form?: StepForm;
  errors?: FieldErrors;
  values?: Record<string, string>;
  momentIds?: string[];
}

const DONE: Readonly<Record<string, string>> = labels({
  utreds: "staff.case.done.investigating",
  overtaget: "staff.case.done.takenOver",
  avgjort: "staff.case.done.decided",
  avskrivet: "staff.case.done.dismissed",
});

const personLink = (id: string, name: string) => <a href={`/personal/personer/${id}`}>{name}</a>;

export const Breadcrumbs = ({ children }: { children: Child }) => (
  <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
    <a href="/personal">{t("nav.staff")}</a> › <a href={CASES_PATH}>{t("staff.overview.cases")}</a> › {children}
  </nav>
);

/** "Mejlet som skickas till …", exactly as it will be queued, or that nobody is mailed. */
export const MailPreview = ({ plan, kind }: { plan: Pick<StepPlan, "to" | "mail">; kind: CaseRow["kind"] }) =>
  plan.mail && plan.to ? (
    <div class="mail-preview">
      <p>
        {plan.to.name ?? t("staff.case.mail.submitter")} ({plan.to.email}) {t("staff.case.mail.gets")}
      </p>
      <pre>{`${t("staff.case.mail.subject")} ${plan.mail.subject}\n\n${plan.mail.text}`}</pre>
    </div>
  ) : plan.to === null && kind === "complaint" ? (
    t("staff.case.mail.noAddress")
  ) : (
    t("staff.case.mail.none")
  );

async function concernedNames(c: Ctx, row: CaseRow) {
  const { db } = c.var.deps;
  const person = row.personId ? await applicantOf(db, { personId: row.personId, companyId: null }).catch(() => null) : null;
  const company = row.companyId ? await applicantOf(db, { personId: null, companyId: row.companyId }).catch(() => null) : null;
  return { person, company };
}

export async function renderStaffCase(c: Ctx, id: string, failure?: Failure, status?: ContentfulStatusCode) {
  const { db, clock } = c.var.deps;
  const user = c.var.user!;
  const row = await getCaseRow(db, id);
  const now = clock.now();
  const today = swedishDate(now);
  const may = canHandleCase(user, await loadHandlingParties(db, user, row, today));
  const [files, events, ctx, names, submitter, handler, appealedBy] = await Promise.all([
    listCaseFiles(db, row.id),
    listSubjectEvents(db, "case", row.id),
    loadEffectContext(db, user, row),
    concernedNames(c, row),
    row.submittedByUserId ? personOfUser(db, row.submittedByUserId) : Promise.resolve(null),
    row.handlerUserId ? personOfUser(db, row.handlerUserId) : Promise.resolve(null),
    row.appealedDecidedByUserId ? personOfUser(db, row.appealedDecidedByUserId) : Promise.resolve(null),
  ]);
  const decisions = row.applicationId || row.certificateId ? [...(row.applicationId ? await listDecisions(db, { applicationId: row.applicationId }) : []), ...(row.certificateId ? await listDecisions(db, { certificateId: row.certificateId }) : [])] : [];
  const appealed = row.appealedDecisionId ? decisions.find((d) => d.id === row.appealedDecisionId) : undefined;
  const result = row.resultDecisionId ? decisions.find((d) => d.id === row.resultDecisionId) : undefined;
  const isHandler = row.handlerUserId !== null && row.handlerUserId === user.userId;
  // The complainant's own details: for who handles the case (or may take it while nobody has).
  const seesContact = isHandler || (row.status === "received" && may.ok);
  const title = `${t("case.title", row.number)}: ${CASE_KIND_LABELS[row.kind].toLowerCase()}`;
  const days = handlingDays(row);
  return page(
    c,
    { title: t("case.title", row.number), status },
    <>
      <Breadcrumbs>{t("case.title", row.number)}</Breadcrumbs>
      <h1>{title}</h1>
      <ActionNotices failure={failure?.message} done={ownEntry(DONE, c.req.query("klart"))} />
      <section aria-labelledby="arendet">
        <h2 id="arendet">{t("staff.case.theCase")}</h2>
        <dl class="details">
          <dt>{t("cert.status")}</dt>
          <dd>
            <span class={`status ${CASE_CHIPS[row.status] ?? "status--muted"}`}>{caseStatusText(row)}</span>
          </dd>
          <dt>{t("ownCase.received")}</dt>
          <dd>{formatDateTime(row.receivedAt)}</dd>
          <dt>{t("staff.case.handler")}</dt>
          <dd>{handler ? `${handler.givenName} ${handler.familyName}` : t("staff.case.noHandler")}</dd>
          {row.closedAt ? (
            <>
              <dt>{t("staff.case.closed")}</dt>
              <dd>
                {formatDateTime(row.closedAt)} {t("staff.case.handlingTime", days ?? 0)}
              </dd>
            </>
          ) : null}
          {row.kind === "appeal" ? (
            <>
              <dt>{t("ownCase.appealed")}</dt>
              <dd>
                {row.appealedKind === "moment" ? t("staff.case.momentRejected", ctx.momentName ?? t("staff.case.moment")) : APPEALED_LABELS[row.appealedKind!]}
                {row.appealedAt ? `, ${swedishLongDate(swedishDate(row.appealedAt))}` : ""}
                {appealedBy ? `, ${t("staff.case.by", `${appealedBy.givenName} ${appealedBy.familyName}`)}` : ""}
                {appealed?.reason ? <p class="review-comment">{t("staff.case.reason", appealed.reason)}</p> : null}
              </dd>
              <dt>{t("staff.case.deadline")}</dt>
              <dd>{row.deadlineOn ? swedishLongDate(row.deadlineOn) : "–"}</dd>
              <dt>{t("staff.case.appealedBy")}</dt>
              <dd>{submitter ? personLink(submitter.personId, `${submitter.givenName} ${submitter.familyName}`) : "–"}</dd>
            </>
          ) : null}
          <dt>{t("staff.case.concerns")}</dt>
          <dd>
            <Concerns row={row} ctx={ctx} names={names} today={today} />
          </dd>
          {row.kind === "complaint" ? (
            <>
              <dt>{t("staff.case.lodgedBy")}</dt>
              <dd>
                {seesContact ? (
                  <Contact row={row} submitter={submitter} />
                ) : (
                  <span class="muted">{t("staff.case.contactHidden")}</span>
                )}
              </dd>
            </>
          ) : null}
          <dt>{row.kind === "appeal" ? t("staff.case.grounds") : t("staff.invoice.col.description")}</dt>
          <dd class="pre-wrap">{row.description}</dd>
          <dt>{t("staff.case.files")}</dt>
          <dd>
            {files.length ? (
              <ul>
                {files.map((f) => (
                  <li>
                    <a href={staffCaseUrl(row.id, `/filer/${f.documentId}`)}>{f.name}</a>
                  </li>
                ))}
              </ul>
            ) : (
              t("ownCase.none")
            )}
          </dd>
          {result ? (
            <>
              <dt>{t("staff.case.result")}</dt>
              <dd>
                {result.label}, {result.effectiveOn}, {t("staff.case.by", result.decidedBy)}
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="handlaggning">
        <h2 id="handlaggning">{t("staff.case.handling")}</h2>
        <Steps row={row} may={may} isHandler={isHandler} isAdmin={user.roles.includes("admin")} handlerName={handler ? `${handler.givenName} ${handler.familyName}` : null} ctx={ctx} today={today} failure={failure} />
      </section>
      <EventLog events={events} path={staffCaseUrl(row.id)} query={c.req.query()} />
    </>,
  );
}

const Concerns = ({ row, ctx, names, today }: { row: CaseRow; ctx: EffectContext; names: Awaited<ReturnType<typeof concernedNames>>; today: string }) => {
  const parts: Child[] = [];
  if (names.person?.kind === "person") parts.push(personLink(names.person.personId, names.person.name));
  if (names.company?.kind === "company") parts.push(<a href={`/personal/foretag/${names.company.companyId}`}>{names.company.name}</a>);
  if (ctx.certificate) {
    const shown = publicStatus(ctx.certificate, today);
    parts.push(
      <a href={`/personal/certifikat/${ctx.certificate.id}`}>
        {t("staff.app.certificateNr", ctx.certificate.number)} ({ctx.certificate.title}, {CERTIFICATE_LABELS[shown]})
      </a>,
    );
  } else if (ctx.application) {
    parts.push(
      <a href={staffApplicationUrl(ctx.application.application.id)}>
        {t("staff.case.applicationFor", `${ctx.application.area.name} - ${ctx.application.scheme.name}`)} ({APPLICATION_LABELS[ctx.application.application.status]})
      </a>,
    );
  }
  if (row.kind === "complaint" && row.orgNumberGiven && !names.company) parts.push(t("staff.case.orgNumberGiven", formatOrgNumber(row.orgNumberGiven)));
  if (parts.length === 0) return <>{t("staff.case.nothingGiven")}</>;
  return (
    <ul class="plain-list">
      {parts.map((p) => (
        <li>{p}</li>
      ))}
    </ul>
  );
};

const Contact = ({ row, submitter }: { row: CaseRow; submitter: Awaited<ReturnType<typeof personOfUser>> }) => {
  const lines = [row.contactName, row.contactEmail, row.contactPhone].filter(Boolean);
  return (
    <>
      {lines.length ? lines.join(", ") : t("staff.case.noContact")}
      {submitter ? <p class="hint">{t("staff.home.loggedInAs")} {personLink(submitter.personId, `${submitter.givenName} ${submitter.familyName}`)} {t("staff.case.whenLodged")}</p> : null}
    </>
  );
};

interface StepsProps {
  row: CaseRow;
  may: ReturnType<typeof canHandleCase>;
  isHandler: boolean;
  isAdmin: boolean;
  handlerName: string | null;
  ctx: EffectContext;
  today: string;
  failure?: Failure;
}

const Steps = (p: StepsProps) => {
  const { row, may, isHandler } = p;
  if (row.status === "decided" || row.status === "dismissed") return <p>{t("staff.case.isClosed", caseStatusText(row).toLowerCase())}</p>;
  if (!may.ok) return <p class="notice notice--info">{may.reason}</p>;
  const errorsOf = (form: StepForm) => (p.failure?.form === form ? p.failure.errors : undefined);
  const valueOf = (form: StepForm, key: string) => (p.failure?.form === form ? p.failure.values?.[key] : undefined);
  const action = (path: string) => staffCaseUrl(row.id, path);
  const take = (takeOver: boolean) => (
    <form method="post" action={action("/utred")} class="form" novalidate>
      <h3>{takeOver ? t("staff.case.takeOver") : t("staff.case.take")}</h3>
      <p class="hint">{takeOver ? t("staff.case.takeOver.hint", p.handlerName ?? "") : t("staff.case.take.hint")}</p>
      <ErrorSummary errors={errorsOf("utred")} />
      <Field
        id="motivering-utred"
        name="motivering"
        label={takeOver ? t("staff.case.takeOver.why") : t("staff.case.take.message")}
        rows={3}
        required
        maxlength={10_000}
        value={valueOf("utred", "motivering")}
        errors={errorsOf("utred")}
        hint={takeOver ? t("staff.case.takeOver.whyHint") : t("staff.case.take.messageHint")}
      />
      <button type="submit" class="button">
        {takeOver ? t("staff.case.takeOver") : t("staff.case.take")}
      </button>
    </form>
  );
  const dismiss = (
    <form method="post" action={action("/avskriv")} class="form" novalidate>
      <h3>{t("staff.case.dismiss")}</h3>
      <p class="hint">{t("staff.case.dismiss.hint")}</p>
      <ErrorSummary errors={errorsOf("avskriv")} />
      <Field id="motivering-avskriv" name="motivering" label={t("common.reason")} rows={3} required maxlength={10_000} value={valueOf("avskriv", "motivering")} errors={errorsOf("avskriv")} hint={t("staff.case.reasonHint")} />
      <button type="submit" class="button button--danger">
        {t("staff.case.dismiss")}
      </button>
    </form>
  );
  if (row.status === "received") {
    return (
      <div class="decision-forms">
        {take(false)}
        {dismiss}
      </div>
    );
  }
  if (!isHandler) return p.isAdmin ? <div class="decision-forms">{take(true)}</div> : <p class="notice notice--info">{t("staff.case.otherHandler", p.handlerName ?? "")}</p>;
  return (
    <div class="decision-forms">
      <DecideForm {...p} errors={errorsOf("avgor")} values={p.failure?.form === "avgor" ? (p.failure.values ?? {}) : {}} momentIds={p.failure?.form === "avgor" ? (p.failure.momentIds ?? []) : []} />
      {dismiss}
    </div>
  );
};

const OUTCOMES = ["granted", "partly_granted", "rejected"] as const;

const FieldError = ({ errors, name }: { errors?: FieldErrors; name: string }) =>
  errors?.[name] ? (
    <p class="error" id={`f-${name}-error`}>
      <span class="visually-hidden">{t("form.errorPrefix")}</span>
      {errors[name]}
    </p>
  ) : null;

const DecideForm = (p: StepsProps & { errors?: FieldErrors; values: Record<string, string>; momentIds: string[] }) => {
  const { row, ctx, errors, values } = p;
  const effects = effectsFor(row);
  const cert = ctx.certificate;
  const can = (a: "suspend" | "withdraw") => cert !== null && certificateTransition(cert, a, p.today).ok;
  return (
    <form method="post" action={staffCaseUrl(row.id, "/avgor")} class="form" novalidate>
      <h3>{t("staff.case.decide")}</h3>
      <ErrorSummary errors={errors} />
      <fieldset class={errors?.utfall ? "radio-group radio-group--inline field--error" : "radio-group radio-group--inline"} id="f-utfall" aria-describedby={errors?.utfall ? "f-utfall-error" : undefined}>
        <legend>
          {t("staff.case.outcome")}<span class="required" aria-hidden="true"> *</span>
        </legend>
        <FieldError errors={errors} name="utfall" />
        {OUTCOMES.map((value) => (
          <label>
            <input type="radio" name="utfall" value={value} checked={values.utfall === value} /> {OUTCOME_LABELS[value]}
          </label>
        ))}
      </fieldset>
      <Field id="motivering-avgor" name="motivering" label={t("common.reason")} rows={4} required maxlength={10_000} value={values.motivering} errors={errors} hint={t("staff.case.reasonHint")} />
      {effects.length ? (
        <fieldset class={errors?.atgard ? "field field--error" : "field"} id="f-atgard" aria-describedby={errors?.atgard ? "f-atgard-error" : undefined}>
          <legend>{row.kind === "appeal" ? t("staff.case.effect.appeal") : t("staff.case.effect.complaint")}</legend>
          <FieldError errors={errors} name="atgard" />
          {effects.includes("reopen") && ctx.application?.application.status === "refused" ? (
            <>
              <label class="checkbox">
                <input type="checkbox" name="atgard" value="reopen" checked={values.atgard === "reopen"} /> {t("staff.case.effect.reopen")}
              </label>
              <fieldset class={errors?.moment ? "field field--error" : "field"} id="f-moment">
                <legend>{t("staff.case.effect.moments")}</legend>
                <FieldError errors={errors} name="moment" />
                {ctx.application.moments
                  .filter((m) => m.moment.status === "approved")
                  .map((m) => (
                    <label class="checkbox">
                      <input type="checkbox" name="moment" value={m.moment.id} checked={p.momentIds.includes(m.moment.id)} /> {m.requirement.name}
                    </label>
                  ))}
              </fieldset>
            </>
          ) : null}
          {effects.includes("reinstate") && cert && (cert.status === "suspended" || cert.status === "withdrawn") ? (
            <label class="checkbox">
              <input type="checkbox" name="atgard" value="reinstate" checked={values.atgard === "reinstate"} /> {t("staff.case.effect.reinstate", cert.number)}
            </label>
          ) : null}
          {effects.includes("approve_moment") && ctx.momentName ? (
            <label class="checkbox">
              <input type="checkbox" name="atgard" value="approve_moment" checked={values.atgard === "approve_moment"} /> {t("staff.case.effect.approveMoment", ctx.momentName)}
            </label>
          ) : null}
          {effects.includes("suspend") && cert ? (
            <>
              <label class="checkbox">
                <input type="radio" name="atgard" value="" checked={!values.atgard} /> {t("staff.case.effect.none")}
              </label>
              {can("suspend") ? (
                <label class="checkbox">
                  <input type="radio" name="atgard" value="suspend" checked={values.atgard === "suspend"} /> {t("staff.case.effect.suspend", cert.number)}
                </label>
              ) : null}
              {can("withdraw") ? (
                <label class="checkbox">
                  <input type="radio" name="atgard" value="withdraw" checked={values.atgard === "withdraw"} /> {t("staff.case.effect.withdraw", cert.number)}
                </label>
              ) : null}
              <Field name="tilldatum" label={t("staff.cert.suspend.until")} type="date" value={values.tilldatum} errors={errors} hint={t("staff.case.effect.untilHint")} />
              <Field name="skal" label={t("staff.case.effect.holderReason")} rows={3} maxlength={10_000} value={values.skal} errors={errors} hint={t("staff.case.effect.holderReasonHint")} />
            </>
          ) : null}
        </fieldset>
      ) : null}
      <button type="submit" class="button">
        {t("staff.case.decide")}
      </button>
    </form>
  );
};
