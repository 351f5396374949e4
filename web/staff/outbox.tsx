// /personal/utgaende-e-post: the utkorg for admins. Väntar, Misslyckade and Skickade senaste
// dygnet, each with its count, and "Skicka igen" per mail and for all failed ones. Only admins
// (modules/outbox/policy.ts says why); mounted in staffRoutes behind requireUser and requireStaff,
// and the outbox module checks the role again. No mail's body is ever read for this page.
import { Hono, type Context, type MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { Conflict, Forbidden } from "../../lib/errors.ts";
import { ownEntry } from "../../lib/own-key.ts";
import { canOperateMail, LIST_LIMIT, listOutbox, retryAllFailed, retryMail, type OutboxCounts, type OutboxRow, type OutboxView } from "../../modules/outbox/index.ts";
import type { AppEnv } from "../env.ts";
import { formValues } from "../form-input.ts";
import { redirectAfterPost } from "../htmx.ts";
import { page } from "../render.tsx";
import { DataTable, type Column } from "../views/data-table.tsx";
import { ActionNotices } from "../views/form.tsx";
import { Tabs } from "../views/tabs.tsx";
import { formatDateTime } from "../views/time.ts";
import { Breadcrumbs } from "./application-paths.tsx";
import { t, labels } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;

export const OUTBOX_PATH = "/personal/utgaende-e-post";
/** Longest error text shown; the rest is cut (the database keeps 500 characters). */
const ERROR_CHARS = 160;

/** The tabs by their Swedish query value; Väntar is the page without one. */
const VIEWS: Record<string, { view: OutboxView; label: string; count: (c: OutboxCounts) => number; empty: string; note: string }> = {
  vantar: { view: "pending", get label() { return t("staff.outbox.pending"); }, count: (c) => c.pending, get empty() { return t("staff.outbox.pending.none"); }, get note() { return t("staff.outbox.oldest", LIST_LIMIT); } },
  misslyckade: { view: "failed", get label() { return t("staff.outbox.failed"); }, count: (c) => c.failed, get empty() { return t("staff.outbox.failed.none"); }, get note() { return t("staff.outbox.oldest", LIST_LIMIT); } },
  skickade: { view: "sent", get label() { return t("staff.outbox.sent"); }, count: (c) => c.sentLastDay, get empty() { return t("staff.outbox.sent.none"); }, get note() { return t("staff.outbox.latest", LIST_LIMIT); } },
};
const viewUrl = (key: string) => (key === "vantar" ? OUTBOX_PATH : `${OUTBOX_PATH}?visa=${key}`);

const STATUS: Record<OutboxRow["status"], { label: string; chip: string }> = {
  pending: { get label() { return t("staff.outbox.pending"); }, chip: "status--pending" },
  failed: { get label() { return t("staff.outbox.status.failed"); }, chip: "status--danger" },
  sent: { get label() { return t("staff.outbox.status.sent"); }, chip: "status--success" },
};

const DONE: Readonly<Record<string, string>> = labels({
  "skickas-igen": "staff.outbox.done.retry",
});

const StatusChip = ({ row }: { row: OutboxRow }) => <span class={`status ${STATUS[row.status].chip}`}>{row.sending ? t("staff.outbox.sendingNow") : STATUS[row.status].label}</span>;

const When = ({ at }: { at: Date | null }) => (at ? <time datetime={at.toISOString()}>{formatDateTime(at)}</time> : <span class="muted">–</span>);

function shortError(text: string): string {
  return text.length > ERROR_CHARS ? `${text.slice(0, ERROR_CHARS)}…` : text;
}

const RetryForm = ({ row, back }: { row: OutboxRow; back: string }) => (
  <form method="post" action={`${OUTBOX_PATH}/${row.id}/skicka-igen`} class="inline-form">
    <input type="hidden" name="visa" value={back} />
    <button type="submit" class="button button--secondary" aria-label={t("staff.outbox.retry.label", row.kindLabel, row.to)}>
      {t("staff.invoice.sendAgain")}
    </button>
  </form>
);

function columns(view: OutboxView, back: string): Column<OutboxRow>[] {
  const cols: (Column<OutboxRow> | false)[] = [
    { key: "status", label: t("cert.status"), value: (r) => STATUS[r.status].label, render: (r) => <StatusChip row={r} />, sortable: false },
    { key: "skapad", label: t("moment.col.created"), value: (r) => r.createdAt },
    view === "sent" && { key: "skickad", label: t("staff.outbox.status.sent"), value: (r) => r.sentAt },
    { key: "typ", label: t("staff.invoice.kind"), value: (r) => r.kindLabel, groupable: true },
    { key: "mottagare", label: t("staff.invoice.recipient"), value: (r) => r.to },
    { key: "amne", label: t("staff.outbox.col.subject"), value: (r) => r.subject, render: (r) => (r.subject === null ? <span class="muted">{t("staff.outbox.subjectHidden")}</span> : r.subject) },
    { key: "forsok", label: t("staff.outbox.col.attempts"), value: (r) => r.attempts, numeric: true },
    view === "pending" && { key: "nasta", label: t("staff.outbox.col.next"), value: (r) => r.nextAttemptAt, render: (r) => <When at={r.nextAttemptAt} /> },
    view !== "sent" && {
      key: "fel",
      label: t("staff.outbox.col.error"),
      value: (r) => r.lastError,
      render: (r) => (r.lastError ? <span class="mail-error">{shortError(r.lastError)}</span> : <span class="muted">–</span>),
      sortable: false,
    },
    view !== "sent" && {
      key: "atgard",
      label: t("common.action"),
      value: () => null,
      sortable: false,
      render: (r) => (r.retryable ? <RetryForm row={r} back={back} /> : r.sending ? <span class="muted">{t("staff.outbox.sendingJustNow")}</span> : <span class="muted">{t("staff.outbox.waitingTurn")}</span>),
    },
  ];
  return cols.filter((c): c is Column<OutboxRow> => c !== false);
}

/** The view a request names by `visa` (the query, or the form a refused post came from). */
const viewKey = (visa: string | undefined, fallback: string) => (ownEntry(VIEWS, visa) ? visa! : fallback);

async function outboxPage(c: Ctx, failure?: { message: string; status: ContentfulStatusCode; view: string }) {
  const key = failure?.view ?? viewKey(c.req.query("visa"), "vantar");
  const v = VIEWS[key]!;
  const { rows, counts } = await listOutbox(c.var.deps, c.var.user!, v.view);
  const total = v.count(counts);
  const done = ownEntry(DONE, c.req.query("klart")) ?? allDone(c.req.query("alla"));
  return page(
    c,
    { title: t("staff.outbox.title"), status: failure?.status },
    <>
      <Breadcrumbs>{t("staff.outbox.title")}</Breadcrumbs>
      <h1>{t("staff.outbox.title")}</h1>
      <p class="lead">
        {t("staff.outbox.intro")}
      </p>
      <ActionNotices failure={failure?.message} done={done} />
      <Tabs label={t("staff.outbox.title")} current={viewUrl(key)} tabs={Object.entries(VIEWS).map(([k, tab]) => ({ href: viewUrl(k), label: `${tab.label} (${tab.count(counts)})` }))} />
      <section aria-labelledby="lista">
        <h2 id="lista">{v.label}</h2>
        {total > rows.length ? (
          <p class="notice notice--info">
            {t("staff.outbox.shown", v.note, total)}
          </p>
        ) : null}
        {v.view === "failed" && counts.failed > 0 ? (
          <form method="post" action={`${OUTBOX_PATH}/skicka-igen-alla`} class="button-row">
            <input type="hidden" name="visa" value="misslyckade" />
            <button type="submit" class="button">
              {t("staff.outbox.retryAll")}
            </button>
          </form>
        ) : null}
        <DataTable prefix="utkorg" caption={v.label} columns={columns(v.view, key)} rows={rows} path={OUTBOX_PATH} query={c.req.query()} empty={v.empty} />
      </section>
    </>,
  );
}

function allDone(n: string | undefined): string | undefined {
  if (n === undefined || !/^\d{1,6}$/.test(n)) return undefined;
  const count = Number(n);
  return t("staff.outbox.done.retryAll", count);
}

/** A refusal is shown on the list it came from, in words and with its status. */
async function act(c: Ctx, run: (view: string) => Promise<string>) {
  const view = viewKey((await formValues(c)).visa, "misslyckade");
  try {
    return redirectAfterPost(c, await run(view));
  } catch (e) {
    if (e instanceof Conflict) return outboxPage(c, { message: e.message, status: 409, view });
    throw e;
  }
}

const requireMailAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!canOperateMail(c.var.user)) throw new Forbidden(t("outbox.adminsOnly"));
  await next();
};

export function staffOutboxRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Scoped to this page: the app is mounted at the staff area's root, beside other staff pages.
  app.use("/utgaende-e-post", requireMailAdmin);
  app.use("/utgaende-e-post/*", requireMailAdmin);
  app.get("/utgaende-e-post", (c) => outboxPage(c));
  app.post("/utgaende-e-post/skicka-igen-alla", (c) =>
    act(c, async () => {
      const { count } = await retryAllFailed(c.var.deps, c.var.user!);
      return `${OUTBOX_PATH}?visa=misslyckade&alla=${count}`;
    }),
  );
  app.post("/utgaende-e-post/:id/skicka-igen", (c) =>
    act(c, async (view) => {
      await retryMail(c.var.deps, c.var.user!, c.req.param("id"));
      return `${viewUrl(view)}${view === "vantar" ? "?" : "&"}klart=skickas-igen`;
    }),
  );
  return app;
}
