// Staff and invoices: the list with its filter (status, date range) and CSV export, and one
// invoice with its lines, totals, OCR, recipient, PDF, "Markera som betald" and "Skicka igen".
// Every staff role reads; the invoicing module lets only deciders and admins change anything.
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { INVOICE_STATUSES, type InvoiceStatus } from "../../db/schema/invoices.ts";
import { isIsoDate, swedishDate } from "../../lib/dates.ts";
import { Conflict, Forbidden, type FieldErrors } from "../../lib/errors.ts";
import { ownEntry } from "../../lib/own-key.ts";
import { listSubjectEvents } from "../../modules/audit/index.ts";
import { canManageInvoice, getInvoice, INVOICE_LABELS, listInvoices, markInvoicePaid, sendInvoice, type InvoiceFilter, type InvoiceListRow } from "../../modules/invoicing/index.ts";
import type { AppEnv } from "../env.ts";
import { redirectAfterPost } from "../htmx.ts";
import { Amount, InvoiceStatusChip, invoicePdfResponse } from "../invoicing/views.tsx";
import { page } from "../render.tsx";
import { DataTable, type Column } from "../views/data-table.tsx";
import { EventLog } from "../views/event-log.tsx";
import { ActionNotices, ErrorSummary, Field } from "../views/form.tsx";
import { formatDateTime } from "../views/time.ts";
import { invoicesCsv } from "./invoice-csv.ts";
import { t, labels } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;
type LoadedInvoice = Awaited<ReturnType<typeof getInvoice>>;

export const staffInvoiceUrl = (id: string, rest = "") => `/personal/fakturor/${id}${rest}`;
const LIST = "/personal/fakturor";
const TABLE_PREFIX = "fakturor";

const RECIPIENT_KINDS: Readonly<Record<string, string>> = labels({ company: "common.company", personal: "staff.invoice.kind.personal", alternative: "staff.invoice.kind.alternative" });

const DONE: Readonly<Record<string, string>> = labels({
  betald: "staff.invoice.done.paid",
  skickad: "staff.invoice.done.sent",
  post: "staff.invoice.done.post",
});

// ---- the filter -------------------------------------------------------------------------------

interface FilterValues {
  status: string;
  fran: string;
  till: string;
}

/** The filter from the query: what is valid filters, what is not is said at its field. */
function readFilter(query: Record<string, string>): { filter: InvoiceFilter; values: FilterValues; errors: FieldErrors } {
  const values = { status: (query.status ?? "").trim(), fran: (query.fran ?? "").trim(), till: (query.till ?? "").trim() };
  const errors: FieldErrors = {};
  const filter: InvoiceFilter = {};
  if (values.status) {
    if ((INVOICE_STATUSES as readonly string[]).includes(values.status)) filter.status = values.status as InvoiceStatus;
    else errors.status = t("staff.invoice.filter.status");
  }
  for (const key of ["fran", "till"] as const) {
    if (!values[key]) continue;
    if (isIsoDate(values[key])) filter[key === "fran" ? "from" : "to"] = values[key];
    else errors[key] = t("staff.invoice.filter.date", key === "fran" ? t("staff.invoice.from") : t("staff.invoice.to"));
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    errors.till = t("staff.invoice.filter.order");
    delete filter.to;
  }
  return { filter, values, errors };
}

function filterQuery(values: FilterValues): string {
  const qs = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== ""));
  return qs.size ? `?${qs}` : "";
}

const FilterForm = ({ values, errors, query }: { values: FilterValues; errors: FieldErrors; query: Record<string, string> }) => (
  <form method="get" action={LIST} class="search-form" aria-label={t("staff.invoice.filter")} novalidate>
    {/* A new filter keeps the table's sort and grouping. */}
    {Object.entries(query)
      .filter(([k, v]) => k.startsWith(`${TABLE_PREFIX}_`) && v)
      .map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
    <div class={errors.status ? "field field--error" : "field"}>
      <label for="f-status">{t("cert.status")}</label>
      <select id="f-status" name="status" aria-invalid={errors.status ? "true" : undefined} aria-describedby={errors.status ? "f-status-error" : undefined}>
        <option value="" selected={!values.status}>
          {t("staff.invoice.all")}
        </option>
        {INVOICE_STATUSES.map((s) => (
          <option value={s} selected={values.status === s}>
            {INVOICE_LABELS[s]}
          </option>
        ))}
      </select>
      {errors.status ? (
        <p class="error" id="f-status-error">
          <span class="visually-hidden">{t("form.errorPrefix")}</span>
          {errors.status}
        </p>
      ) : null}
    </div>
    <Field name="fran" label={t("staff.invoice.from")} type="date" value={values.fran} errors={errors} />
    <Field name="till" label={t("staff.invoice.to")} type="date" value={values.till} errors={errors} />
    <div class="button-row">
      <button type="submit" class="button">
        {t("staff.filter")}
      </button>
      <a class="button button--secondary" href={LIST}>
        {t("staff.invoice.clear")}
      </a>
    </div>
  </form>
);

// ---- the list -----------------------------------------------------------------------------------

function listColumns(today: string): Column<InvoiceListRow>[] {
  return [
    { key: "nummer", label: t("invoice.number"), value: (r) => r.invoice.number, render: (r) => <a href={staffInvoiceUrl(r.invoice.id)}>{r.invoice.number}</a> },
    { key: "datum", label: t("invoice.date"), value: (r) => r.invoice.issuedOn, groupable: true },
    { key: "forfaller", label: t("invoice.dueDate"), value: (r) => r.invoice.dueOn },
    { key: "mottagare", label: t("staff.invoice.recipient"), value: (r) => r.invoice.recipientName, groupable: true },
    { key: "certifikat", label: t("invoice.certificateNumber"), value: (r) => r.certificateNumber, render: (r) => <a href={`/personal/certifikat/${r.invoice.certificateId}`}>{r.certificateNumber}</a> },
    { key: "belopp", label: t("invoice.toPay"), value: (r) => r.invoice.totalOre, render: (r) => <Amount ore={r.invoice.totalOre} />, numeric: true },
    { key: "status", label: t("cert.status"), value: (r) => INVOICE_LABELS[r.invoice.status], groupable: true, render: (r) => <InvoiceStatusChip status={r.invoice.status} dueOn={r.invoice.dueOn} today={today} /> },
  ];
}

async function listPage(c: Ctx) {
  const query = c.req.query();
  const { filter, values, errors } = readFilter(query);
  const rows = await listInvoices(c.var.deps.db, filter);
  const today = swedishDate(c.var.deps.clock.now());
  const invalid = Object.keys(errors).length > 0;
  const unpaid = rows.filter((r) => r.invoice.status === "unpaid").reduce((sum, r) => sum + r.invoice.totalOre, 0);
  return page(
    c,
    { title: t("staff.home.invoices"), status: invalid ? 422 : 200 },
    <>
      <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
        <a href="/personal">{t("nav.staff")}</a> › {t("staff.home.invoices")}
      </nav>
      <header class="page-header">
        <h1>{t("staff.home.invoices")}</h1>
        {invalid ? null : (
          <div class="button-row">
            <a class="button button--secondary" href={`${LIST}/export.csv${filterQuery(values)}`} download>
              {t("staff.invoice.export")}
            </a>
          </div>
        )}
      </header>
      <p>{t("staff.invoice.intro")}</p>
      <ErrorSummary errors={invalid ? errors : undefined} message={t("staff.invoice.filter.fix")} />
      <FilterForm values={values} errors={errors} query={query} />
      <p>
        {t("staff.invoice.unpaid")}{" "}
        <strong>
          <Amount ore={unpaid} />
        </strong>
      </p>
      <DataTable prefix={TABLE_PREFIX} caption={t("staff.home.invoices")} columns={listColumns(today)} rows={rows} path={LIST} query={query} empty={t("staff.invoice.noMatch")} defaultSort={{ key: "datum", dir: "desc" }} />
    </>,
  );
}

async function exportCsv(c: Ctx) {
  const { filter, values, errors } = readFilter(c.req.query());
  if (Object.keys(errors).length) return c.text(`${t("staff.invoice.filter.fix")} ${Object.values(errors).join(" ")}`, 422);
  const rows = await listInvoices(c.var.deps.db, filter);
  const name = ["fakturor", values.status, values.fran && `fran-${values.fran}`, values.till && `till-${values.till}`].filter(Boolean).join("-");
  return c.body(invoicesCsv(rows), 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${name}.csv"`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  });
}

// ---- one invoice --------------------------------------------------------------------------------

interface Failure {
  message: string;
}

const Dates = ({ inv }: { inv: LoadedInvoice["invoice"] }) => (
  <>
    <dt>{t("invoice.number")}</dt>
    <dd>{inv.number}</dd>
    <dt>{t("invoice.date")}</dt>
    <dd>{inv.issuedOn}</dd>
    <dt>{t("invoice.dueDate")}</dt>
    <dd>{inv.dueOn}</dd>
    <dt>{t("staff.invoice.ocr")}</dt>
    <dd>{inv.ocr}</dd>
  </>
);

/** How the invoice reached (or will reach) the recipient. */
const Delivery = ({ inv, sentAt }: { inv: LoadedInvoice["invoice"]; sentAt: Date | null }) => {
  if (!inv.recipientEmail) return <>{t("staff.invoice.byPost")}</>;
  if (inv.pdfDocumentId)
    return (
      <>
        {t("staff.invoice.sentTo", inv.recipientEmail)}
        {sentAt ? (
          <>
            {" "}
            ({t("staff.invoice.latest")} <time datetime={sentAt.toISOString()}>{formatDateTime(sentAt)}</time>)
          </>
        ) : null}
      </>
    );
  return <>{t("staff.invoice.notSent", inv.recipientEmail)}</>;
};

const Recipient = ({ inv }: { inv: LoadedInvoice["invoice"] }) => (
  <section aria-labelledby="mottagare">
    <h2 id="mottagare">{t("checklist.recipient")}</h2>
    <p class="hint">{t("staff.invoice.recipient.hint")}</p>
    <dl class="details">
      <dt>{t("staff.invoice.kind")}</dt>
      <dd>{RECIPIENT_KINDS[inv.recipientKind] ?? inv.recipientKind}</dd>
      <dt>{t("verify.field.name")}</dt>
      <dd>{inv.recipientCompanyId ? <a href={`/personal/foretag/${inv.recipientCompanyId}`}>{inv.recipientName}</a> : inv.recipientName}</dd>
      <dt>{t("about.address")}</dt>
      <dd>
        {inv.recipientAddressLine1}
        {inv.recipientAddressLine2 ? (
          <>
            <br />
            {inv.recipientAddressLine2}
          </>
        ) : null}
        <br />
        {inv.recipientPostalCode} {inv.recipientCity}
        <br />
        {inv.recipientCountry}
      </dd>
      <dt>{t("common.phoneNumber")}</dt>
      <dd>{inv.recipientPhone ?? t("staff.invoice.noneGivenNeuter")}</dd>
      <dt>{t("common.emailAddress")}</dt>
      <dd>{inv.recipientEmail ?? t("staff.invoice.noneGiven")}</dd>
      <dt>{t("staff.invoice.reference")}</dt>
      <dd>{inv.recipientReference ?? t("staff.invoice.noneGiven")}</dd>
    </dl>
  </section>
);

type Line = LoadedInvoice["lines"][number];
const lineColumns = (): Column<Line>[] => [
  { key: "beskrivning", label: t("staff.invoice.col.description"), value: (l) => l.description },
  { key: "antal", label: t("staff.invoice.col.quantity"), value: (l) => l.quantity, numeric: true },
  { key: "apris", label: t("staff.invoice.col.unitPrice"), value: (l) => l.unitPriceOre, render: (l) => <Amount ore={l.unitPriceOre} />, numeric: true },
  { key: "belopp", label: t("staff.invoice.col.amount"), value: (l) => l.amountOre, render: (l) => <Amount ore={l.amountOre} />, numeric: true },
];

const Actions = ({ inv, may }: { inv: LoadedInvoice["invoice"]; may: ReturnType<typeof canManageInvoice> }) => {
  if (!may.ok) return <p class="notice notice--info">{may.reason}</p>;
  const canPay = inv.status === "unpaid";
  const canSend = inv.recipientEmail !== null;
  if (!canPay && !canSend) return <p>{t("staff.invoice.nothingToDo", INVOICE_LABELS[inv.status].toLowerCase())}</p>;
  return (
    <div class="button-row">
      {canPay ? (
        <form method="post" action={staffInvoiceUrl(inv.id, "/betald")} class="inline-form">
          <button type="submit" class="button">
            {t("staff.invoice.markPaid")}
          </button>
        </form>
      ) : null}
      {canSend ? (
        <form method="post" action={staffInvoiceUrl(inv.id, "/skicka")} class="inline-form">
          <button type="submit" class="button button--secondary" aria-describedby="skicka-igen-hint">
            {t("staff.invoice.sendAgain")}
          </button>
          <span class="hint" id="skicka-igen-hint">
            {" "}
            {t("staff.invoice.sendAgain.hint", inv.recipientEmail ?? "")}
          </span>
        </form>
      ) : null}
    </div>
  );
};

export async function renderStaffInvoice(c: Ctx, id: string, failure?: Failure, status?: ContentfulStatusCode) {
  const { db, clock } = c.var.deps;
  const user = c.var.user!;
  const found = await getInvoice(db, user, id);
  const inv = found.invoice;
  const events = await listSubjectEvents(db, "invoice", id);
  const sentAt = events.find((e) => e.action === "invoice.sent")?.at ?? null;
  const today = swedishDate(clock.now());
  const done = ownEntry(DONE, c.req.query("klart"));
  const applicant = found.applicantPersonId ? { href: `/personal/personer/${found.applicantPersonId}`, label: t("staff.invoice.showApplicant") } : { href: `/personal/foretag/${found.applicantCompanyId}`, label: t("process.showCompany") };
  return page(
    c,
    { title: t("staff.invoice.title", inv.number), status },
    <>
      <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
        <a href="/personal">{t("nav.staff")}</a> › <a href={LIST}>{t("staff.home.invoices")}</a> › {t("staff.invoice.title", inv.number)}
      </nav>
      <header class="page-header">
        <div>
          <h1>{t("staff.invoice.title", inv.number)}</h1>
          <p class="lead">
            {inv.recipientName}, <Amount ore={inv.totalOre} /> <InvoiceStatusChip status={inv.status} dueOn={inv.dueOn} today={today} />
          </p>
        </div>
        <div class="button-row">
          <a class="button" href={staffInvoiceUrl(id, "/pdf")} download>
            {t("invoice.downloadPdf")}
          </a>
          <a class="button button--secondary" href={`/personal/ansokningar/${inv.applicationId}`}>
            {t("staff.cert.showProcess")}
          </a>
          <a class="button button--secondary" href={`/personal/certifikat/${inv.certificateId}`}>
            {t("staff.invoice.showCertificate")}
          </a>
          <a class="button button--secondary" href={applicant.href}>
            {applicant.label}
          </a>
        </div>
      </header>
      <ActionNotices failure={failure?.message} done={done} />
      <section aria-labelledby="faktura">
        <h2 id="faktura">{t("staff.invoice.invoice")}</h2>
        <dl class="details">
          <Dates inv={inv} />
          <dt>{t("cert.status")}</dt>
          <dd>
            <InvoiceStatusChip status={inv.status} dueOn={inv.dueOn} today={today} />
          </dd>
          <dt>{t("invoice.certificateNumber")}</dt>
          <dd>
            <a href={`/personal/certifikat/${inv.certificateId}`}>{found.certificateNumber}</a>
          </dd>
          <dt>{t("staff.invoice.delivery")}</dt>
          <dd>
            <Delivery inv={inv} sentAt={sentAt} />
          </dd>
        </dl>
      </section>
      <section aria-labelledby="rader">
        <h2 id="rader">{t("staff.invoice.lines")}</h2>
        <DataTable prefix="rad" caption={t("staff.invoice.lines")} columns={lineColumns()} rows={found.lines} path={staffInvoiceUrl(id)} query={c.req.query()} empty={t("staff.invoice.noLines")} searchable={false} />
        <dl class="details invoice-totals">
          <dt>{t("staff.invoice.net")}</dt>
          <dd>
            <Amount ore={inv.netOre} />
          </dd>
          <dt>{t("staff.invoice.vat", inv.vatPercent)}</dt>
          <dd>
            <Amount ore={inv.vatOre} />
          </dd>
          <dt>{t("invoice.toPay")}</dt>
          <dd>
            <strong>
              <Amount ore={inv.totalOre} />
            </strong>
          </dd>
        </dl>
      </section>
      <Recipient inv={inv} />
      <section aria-labelledby="atgarder">
        <h2 id="atgarder">{t("staff.invoice.actions")}</h2>
        <Actions inv={inv} may={canManageInvoice(user)} />
      </section>
      <EventLog events={events} path={staffInvoiceUrl(id)} query={c.req.query()} />
    </>,
  );
}

/** The actions answer on the invoice's page: a refusal in words with its status, or a redirect. */
async function act(c: Ctx, run: (id: string) => Promise<string>) {
  const id = c.req.param("id")!;
  let done: string;
  try {
    done = await run(id);
  } catch (e) {
    if (e instanceof Forbidden) return renderStaffInvoice(c, id, { message: e.message }, 403);
    if (e instanceof Conflict) return renderStaffInvoice(c, id, { message: e.message }, 409);
    if (e instanceof Error && !("status" in e)) {
      // The mail server or the PDF, not the request: nothing was recorded, so trying again is safe.
      console.error(`Faktura ${id} kunde inte skickas.`, e);
      return renderStaffInvoice(c, id, { message: t("staff.invoice.sendFailed") }, 502);
    }
    throw e;
  }
  return redirectAfterPost(c, staffInvoiceUrl(id, `?klart=${done}`));
}

/** Mounted under /personal, behind requireUser and requireStaff. */
export function staffInvoiceRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/fakturor", listPage);
  app.get("/fakturor/export.csv", exportCsv);
  app.get("/fakturor/:id", (c) => renderStaffInvoice(c, c.req.param("id")));
  app.get("/fakturor/:id/pdf", (c) => invoicePdfResponse(c, c.req.param("id")));
  app.post("/fakturor/:id/betald", (c) =>
    act(c, async (id) => {
      await markInvoicePaid(c.var.deps, c.var.user!, id);
      return "betald";
    }),
  );
  app.post("/fakturor/:id/skicka", (c) => act(c, async (id) => ((await sendInvoice(c.var.deps, c.var.user!, id)).sentTo ? "skickad" : "post")));
  return app;
}
