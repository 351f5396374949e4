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

type Ctx = Context<AppEnv>;

export const OUTBOX_PATH = "/personal/utgaende-e-post";
const TITLE = "Utgående e-post";
/** Longest error text shown; the rest is cut (the database keeps 500 characters). */
const ERROR_CHARS = 160;

/** The tabs by their Swedish query value; Väntar is the page without one. */
const VIEWS: Record<string, { view: OutboxView; label: string; count: (c: OutboxCounts) => number; empty: string; note: string }> = {
  vantar: { view: "pending", label: "Väntar", count: (c) => c.pending, empty: "Inga brev väntar på att skickas.", note: `Visar de ${LIST_LIMIT} äldsta` },
  misslyckade: { view: "failed", label: "Misslyckade", count: (c) => c.failed, empty: "Inga brev har misslyckats.", note: `Visar de ${LIST_LIMIT} äldsta` },
  skickade: { view: "sent", label: "Skickade senaste dygnet", count: (c) => c.sentLastDay, empty: "Inga brev har skickats det senaste dygnet.", note: `Visar de ${LIST_LIMIT} senast skickade` },
};
const viewUrl = (key: string) => (key === "vantar" ? OUTBOX_PATH : `${OUTBOX_PATH}?visa=${key}`);

const STATUS: Record<OutboxRow["status"], { label: string; chip: string }> = {
  pending: { label: "Väntar", chip: "status--pending" },
  failed: { label: "Misslyckades", chip: "status--danger" },
  sent: { label: "Skickad", chip: "status--success" },
};

const DONE: Record<string, string> = {
  "skickas-igen": "Brevet ligger i kön igen och skickas nu.",
};

const StatusChip = ({ row }: { row: OutboxRow }) => <span class={`status ${STATUS[row.status].chip}`}>{row.sending ? "Skickas nu" : STATUS[row.status].label}</span>;

const When = ({ at }: { at: Date | null }) => (at ? <time datetime={at.toISOString()}>{formatDateTime(at)}</time> : <span class="muted">–</span>);

function shortError(text: string): string {
  return text.length > ERROR_CHARS ? `${text.slice(0, ERROR_CHARS)}…` : text;
}

const RetryForm = ({ row, back }: { row: OutboxRow; back: string }) => (
  <form method="post" action={`${OUTBOX_PATH}/${row.id}/skicka-igen`} class="inline-form">
    <input type="hidden" name="visa" value={back} />
    <button type="submit" class="button button--secondary" aria-label={`Skicka igen: ${row.kindLabel} till ${row.to}`}>
      Skicka igen
    </button>
  </form>
);

function columns(view: OutboxView, back: string): Column<OutboxRow>[] {
  const cols: (Column<OutboxRow> | false)[] = [
    { key: "status", label: "Status", value: (r) => STATUS[r.status].label, render: (r) => <StatusChip row={r} />, sortable: false },
    { key: "skapad", label: "Skapad", value: (r) => r.createdAt },
    view === "sent" && { key: "skickad", label: "Skickad", value: (r) => r.sentAt },
    { key: "typ", label: "Typ", value: (r) => r.kindLabel, groupable: true },
    { key: "mottagare", label: "Mottagare", value: (r) => r.to },
    { key: "amne", label: "Ämne", value: (r) => r.subject, render: (r) => (r.subject === null ? <span class="muted">Visas inte (engångskod eller engångslänk)</span> : r.subject) },
    { key: "forsok", label: "Försök", value: (r) => r.attempts, numeric: true },
    view === "pending" && { key: "nasta", label: "Nästa försök", value: (r) => r.nextAttemptAt, render: (r) => <When at={r.nextAttemptAt} /> },
    view !== "sent" && {
      key: "fel",
      label: "Senaste fel",
      value: (r) => r.lastError,
      render: (r) => (r.lastError ? <span class="mail-error">{shortError(r.lastError)}</span> : <span class="muted">–</span>),
      sortable: false,
    },
    view !== "sent" && {
      key: "atgard",
      label: "Åtgärd",
      value: () => null,
      sortable: false,
      render: (r) => (r.retryable ? <RetryForm row={r} back={back} /> : r.sending ? <span class="muted">Skickas just nu</span> : <span class="muted">Väntar på sin tur</span>),
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
    { title: TITLE, status: failure?.status },
    <>
      <Breadcrumbs>{TITLE}</Breadcrumbs>
      <h1>{TITLE}</h1>
      <p class="lead">
        Brev som systemet skickar, till exempel engångskoder, beslut och fakturor. Ett brev som inte går fram försöks igen med allt längre uppehåll; efter det sista försöket hamnar det under
        Misslyckade.
      </p>
      <ActionNotices failure={failure?.message} done={done} />
      <Tabs label="Utgående e-post" current={viewUrl(key)} tabs={Object.entries(VIEWS).map(([k, t]) => ({ href: viewUrl(k), label: `${t.label} (${t.count(counts)})` }))} />
      <section aria-labelledby="lista">
        <h2 id="lista">{v.label}</h2>
        {total > rows.length ? (
          <p class="notice notice--info">
            {v.note} av {total} brev.
          </p>
        ) : null}
        {v.view === "failed" && counts.failed > 0 ? (
          <form method="post" action={`${OUTBOX_PATH}/skicka-igen-alla`} class="button-row">
            <input type="hidden" name="visa" value="misslyckade" />
            <button type="submit" class="button">
              Skicka igen alla misslyckade
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
  return count === 0 ? "Det fanns inga misslyckade brev att skicka igen." : count === 1 ? "1 brev ligger i kön igen och skickas nu." : `${count} brev ligger i kön igen och skickas nu.`;
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
  if (!canOperateMail(c.var.user)) throw new Forbidden("Utgående e-post sköts bara av administratörer.");
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
