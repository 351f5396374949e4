// /personal/arenden: the queue "Överklaganden och klagomål", a year's cases with the annual
// review's figures and CSV, one case, its files, and the steps Börja utreda, Avgör and Avskriv,
// each confirmed on a page that shows the mail before it is sent.
import { Hono, type Context } from "hono";
import { Conflict, Forbidden, Invalid } from "../../lib/errors.ts";
import { downloadHeaders } from "../../lib/uploads/download-headers.ts";
import { startOfSwedishDay } from "../../modules/review/index.ts";
import {
  caseStatistics,
  caseYears,
  decideCase,
  dismissCase,
  listCasesReceived,
  listOpenCases,
  OUTCOME_LABELS,
  planDecideCase,
  planDismissCase,
  planTakeCase,
  readCaseFile,
  takeCase,
  type DecideCaseInput,
  type EffectInput,
} from "../../modules/cases/index.ts";
import type { AppEnv } from "../env.ts";
import { redirectAfterPost } from "../htmx.ts";
import { page } from "../render.tsx";
import { ConfirmStep, isConfirmed } from "../views/confirm.tsx";
import { DataTable } from "../views/data-table.tsx";
import { casesCsv } from "./case-csv.ts";
import { caseColumns } from "./case-list.tsx";
import { CASES_PATH, staffCaseUrl } from "./paths.ts";
import { Breadcrumbs, MailPreview, renderStaffCase, type Failure, type StepForm } from "./staff-case-page.tsx";
import { t, formatDecimal } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;

const yearOf = (d: Date) => Number(new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric" }).format(d));

/** ?ar=2026, else this year; a year far off is not a year anyone asks about. */
function askedYear(c: Ctx): { year: number; bad: boolean } {
  const now = yearOf(c.var.deps.clock.now());
  const raw = (c.req.query("ar") ?? "").trim();
  if (raw === "") return { year: now, bad: false };
  const n = /^\d{4}$/.test(raw) ? Number(raw) : Number.NaN;
  return n >= 2000 && n <= now + 1 ? { year: n, bad: false } : { year: now, bad: true };
}

const yearRange = (year: number) => [startOfSwedishDay(`${year}-01-01`), startOfSwedishDay(`${year + 1}-01-01`)] as const;

async function listPage(c: Ctx) {
  const { db, clock } = c.var.deps;
  const now = clock.now();
  const { year, bad } = askedYear(c);
  const [open, ofYear, years] = await Promise.all([listOpenCases(db), listCasesReceived(db, ...yearRange(year)), caseYears(db)]);
  const f = caseStatistics(ofYear);
  const choices = [...new Set([yearOf(now), year, ...years])].sort((a, b) => b - a);
  return page(
    c,
    { title: t("staff.overview.cases"), status: bad ? 422 : 200 },
    <>
      <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
        <a href="/personal">{t("nav.staff")}</a> › {t("staff.overview.cases")}
      </nav>
      <h1>{t("staff.overview.cases")}</h1>
      <p>
        {t("staff.cases.intro")}
      </p>
      {bad ? (
        <div class="notice notice--warning" role="status">
          <p>{t("staff.cases.badYear", yearOf(now))}</p>
        </div>
      ) : null}
      <section aria-labelledby="att-handlagga">
        <h2 id="att-handlagga">{t("staff.cases.toHandle")}</h2>
        <DataTable prefix="oppna" caption={t("staff.cases.open")} columns={caseColumns(now, { waited: true })} rows={open} path={CASES_PATH} query={c.req.query()} empty={t("staff.overview.cases.none")} defaultSort={{ key: "mottaget", dir: "asc" }} />
      </section>
      <section aria-labelledby="arsuppfoljning">
        <h2 id="arsuppfoljning">{t("staff.cases.annual", year)}</h2>
        <form method="get" action={CASES_PATH} class="search-form">
          <div class="field">
            <label for="ar">{t("staff.cases.year")}</label>
            <select id="ar" name="ar">
              {choices.map((y) => (
                <option value={String(y)} selected={y === year}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button button--secondary">
            {t("table.show")}
          </button>
        </form>
        <dl class="details">
          <dt>{t("staff.cases.received")}</dt>
          <dd>
            {f.received} {t("staff.cases.receivedByKind", f.byKind.appeal, f.byKind.complaint)}
          </dd>
          <dt>{t("staff.cases.decided")}</dt>
          <dd>
            {f.decided} ({OUTCOME_LABELS.granted.toLowerCase()} {f.granted}, {OUTCOME_LABELS.partly_granted.toLowerCase()} {f.partlyGranted}, {OUTCOME_LABELS.rejected.toLowerCase()} {f.rejected})
          </dd>
          <dt>{t("staff.cases.dismissed")}</dt>
          <dd>{f.dismissed}</dd>
          <dt>{t("staff.cases.openCount")}</dt>
          <dd>{f.open}</dd>
          <dt>{t("staff.cases.median")}</dt>
          <dd>{f.medianDays === null ? t("staff.cases.median.none") : t("staff.cases.median.days", formatDecimal(f.medianDays))}</dd>
        </dl>
        <p>
          <a class="button button--secondary" href={`${CASES_PATH}/export.csv?ar=${year}`} download>
            {t("staff.cases.export", year)}
          </a>
        </p>
        <DataTable prefix="ar" caption={t("staff.cases.ofYear", year)} columns={caseColumns(now)} rows={ofYear} path={CASES_PATH} query={c.req.query()} empty={t("staff.cases.noneOfYear", year)} defaultSort={{ key: "mottaget", dir: "desc" }} />
      </section>
    </>,
  );
}

async function exportCsv(c: Ctx) {
  const { year } = askedYear(c);
  const rows = await listCasesReceived(c.var.deps.db, ...yearRange(year));
  return c.body(casesCsv(rows), 200, { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="arenden-${year}.csv"`, "X-Content-Type-Options": "nosniff" });
}

/** The posted form with every value of the repeated names (the Moment to complement). */
async function stepForm(c: Ctx): Promise<{ values: Record<string, string>; momentIds: string[] }> {
  const body = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    const last = Array.isArray(v) ? v.at(-1) : v;
    if (typeof last === "string" && k !== "moment") values[k] = last;
  }
  const moments = body.moment === undefined ? [] : Array.isArray(body.moment) ? body.moment : [body.moment];
  return { values, momentIds: moments.filter((m): m is string => typeof m === "string") };
}

function effectOf(values: Record<string, string>, momentIds: string[]): EffectInput | null {
  switch (values.atgard) {
    case "reopen":
      return { kind: "reopen", momentIds };
    case "reinstate":
      return { kind: "reinstate" };
    case "approve_moment":
      return { kind: "approve_moment" };
    case "suspend":
      return { kind: "suspend", until: values.tilldatum ?? "", holderReason: values.skal ?? "" };
    case "withdraw":
      return { kind: "withdraw", holderReason: values.skal ?? "" };
    default:
      return null;
  }
}

const STEPS: Record<StepForm, { done: (r: { takenOver?: boolean }) => string }> = {
  utred: { done: (r) => (r.takenOver ? "overtaget" : "utreds") },
  avgor: { done: () => "avgjort" },
  avskriv: { done: () => "avskrivet" },
};

/** A step: the first post is checked and answered with the confirm page (the mail shown), the second does it. */
async function step(c: Ctx, form: StepForm) {
  const id = c.req.param("id")!;
  const { values, momentIds } = await stepForm(c);
  const actor = c.var.user! as NonNullable<AppEnv["Variables"]["user"]> & { userId: string };
  const input: DecideCaseInput = { caseId: id, outcome: values.utfall ?? "", reason: values.motivering ?? "", effect: effectOf(values, momentIds) };
  const failed = (e: unknown) => {
    const failure: Failure = { message: "", form, values, momentIds };
    if (e instanceof Invalid) return renderStaffCase(c, id, { ...failure, message: Object.values(e.fields).join(" ") || e.message, errors: e.fields }, 422);
    if (e instanceof Conflict) return renderStaffCase(c, id, { message: e.message }, 409);
    if (e instanceof Forbidden) return renderStaffCase(c, id, { message: e.message }, 403);
    throw e;
  };
  try {
    if (!isConfirmed(values)) return await confirmPage(c, form, input, values, momentIds);
    const result = form === "utred" ? await takeCase(c.var.deps, actor, input) : form === "avskriv" ? (await dismissCase(c.var.deps, actor, input), {}) : (await decideCase(c.var.deps, actor, input), {});
    return redirectAfterPost(c, staffCaseUrl(id, `?klart=${STEPS[form].done(result)}`));
  } catch (e) {
    return failed(e);
  }
}

async function confirmPage(c: Ctx, form: StepForm, input: DecideCaseInput, values: Record<string, string>, momentIds: string[]) {
  const deps = c.var.deps;
  const actor = c.var.user! as NonNullable<AppEnv["Variables"]["user"]> & { userId: string };
  let heading: string;
  let button: string;
  let consequences: (string | ReturnType<typeof MailPreview>)[];
  let irreversible = true;
  let number: number;
  if (form === "utred") {
    const plan = await planTakeCase(deps, actor, input);
    number = plan.row.number;
    heading = plan.takenOver ? t("staff.case.take.over.heading", number) : t("staff.case.take.heading", number);
    button = plan.takenOver ? t("staff.case.takeOver") : t("staff.case.take");
    irreversible = false;
    consequences = [plan.takenOver ? t("staff.case.takeOver.c1") : t("staff.case.take.c1"), <MailPreview plan={plan} kind={plan.row.kind} />];
  } else if (form === "avskriv") {
    const plan = await planDismissCase(deps, actor, input);
    number = plan.row.number;
    heading = t("staff.case.dismiss.heading", number);
    button = t("staff.case.dismiss");
    consequences = [t("staff.case.dismiss.c1"), <MailPreview plan={plan} kind={plan.row.kind} />];
  } else {
    const plan = await planDecideCase(deps, actor, input);
    number = plan.row.number;
    heading = t("staff.case.decide.heading", number);
    button = t("staff.case.decide");
    consequences = [t("staff.case.decide.c1", OUTCOME_LABELS[plan.outcome]), ...(plan.consequence ? [t("staff.case.decide.changes", plan.consequence)] : [t("staff.case.decide.noChange")]), <MailPreview plan={plan} kind={plan.row.kind} />];
  }
  const id = input.caseId;
  return page(
    c,
    { title: heading },
    <ConfirmStep
      heading={heading}
      consequences={consequences}
      action={staffCaseUrl(id, `/${form}`)}
      values={{ ...values, ...(momentIds.length ? { moment: momentIds } : {}) }}
      button={button}
      danger={form === "avskriv"}
      cancel={staffCaseUrl(id)}
      irreversible={irreversible}
      breadcrumbs={
        <Breadcrumbs>
          <a href={staffCaseUrl(id)}>{t("case.title", number)}</a> › {button}
        </Breadcrumbs>
      }
    />,
  );
}

/** Mounted under /personal, behind requireUser and requireStaff. */
export function staffCaseRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/arenden", listPage);
  app.get("/arenden/export.csv", exportCsv);
  app.get("/arenden/:id", (c) => renderStaffCase(c, c.req.param("id")));
  app.post("/arenden/:id/utred", (c) => step(c, "utred"));
  app.post("/arenden/:id/avgor", (c) => step(c, "avgor"));
  app.post("/arenden/:id/avskriv", (c) => step(c, "avskriv"));
  app.get("/arenden/:id/filer/:documentId", async (c) => {
    const f = await readCaseFile(c.var.deps, c.var.user!, c.req.param("id"), c.req.param("documentId"));
    return c.body(new Uint8Array(f.bytes), 200, downloadHeaders(f));
  });
  return app;
}
