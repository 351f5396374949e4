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

type Ctx = Context<AppEnv>;
type LoadedInvoice = Awaited<ReturnType<typeof getInvoice>>;

export const staffInvoiceUrl = (id: string, rest = "") => `/personal/fakturor/${id}${rest}`;
const LIST = "/personal/fakturor";
const TABLE_PREFIX = "fakturor";

const RECIPIENT_KINDS: Record<string, string> = { company: "Företag", personal: "Sökanden personligen", alternative: "Alternativ fakturaadress" };

const DONE: Record<string, string> = {
  betald: "Fakturan är markerad som betald.",
  skickad: "Fakturan är skickad med e-post till mottagaren.",
  post: "Fakturans PDF är sparad. Mottagaren har ingen e-postadress, så fakturan skickas per post.",
};

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
    else errors.status = "Välj en status i listan.";
  }
  for (const key of ["fran", "till"] as const) {
    if (!values[key]) continue;
    if (isIsoDate(values[key])) filter[key === "fran" ? "from" : "to"] = values[key];
    else errors[key] = `Skriv ${key === "fran" ? "Från datum" : "Till datum"} som ÅÅÅÅ-MM-DD, till exempel 2026-03-01.`;
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    errors.till = "Till datum kan inte vara före Från datum.";
    delete filter.to;
  }
  return { filter, values, errors };
}

function filterQuery(values: FilterValues): string {
  const qs = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== ""));
  return qs.size ? `?${qs}` : "";
}

const FilterForm = ({ values, errors, query }: { values: FilterValues; errors: FieldErrors; query: Record<string, string> }) => (
  <form method="get" action={LIST} class="search-form" aria-label="Filtrera fakturor" novalidate>
    {/* A new filter keeps the table's sort and grouping. */}
    {Object.entries(query)
      .filter(([k, v]) => k.startsWith(`${TABLE_PREFIX}_`) && v)
      .map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
    <div class={errors.status ? "field field--error" : "field"}>
      <label for="f-status">Status</label>
      <select id="f-status" name="status" aria-invalid={errors.status ? "true" : undefined} aria-describedby={errors.status ? "f-status-error" : undefined}>
        <option value="" selected={!values.status}>
          Alla
        </option>
        {INVOICE_STATUSES.map((s) => (
          <option value={s} selected={values.status === s}>
            {INVOICE_LABELS[s]}
          </option>
        ))}
      </select>
      {errors.status ? (
        <p class="error" id="f-status-error">
          <span class="visually-hidden">Fel: </span>
          {errors.status}
        </p>
      ) : null}
    </div>
    <Field name="fran" label="Från datum" type="date" value={values.fran} errors={errors} />
    <Field name="till" label="Till datum" type="date" value={values.till} errors={errors} />
    <div class="button-row">
      <button type="submit" class="button">
        Filtrera
      </button>
      <a class="button button--secondary" href={LIST}>
        Rensa filter
      </a>
    </div>
  </form>
);

// ---- the list -----------------------------------------------------------------------------------

function listColumns(today: string): Column<InvoiceListRow>[] {
  return [
    { key: "nummer", label: "Fakturanummer", value: (r) => r.invoice.number, render: (r) => <a href={staffInvoiceUrl(r.invoice.id)}>{r.invoice.number}</a> },
    { key: "datum", label: "Fakturadatum", value: (r) => r.invoice.issuedOn, groupable: true },
    { key: "forfaller", label: "Förfallodatum", value: (r) => r.invoice.dueOn },
    { key: "mottagare", label: "Mottagare", value: (r) => r.invoice.recipientName, groupable: true },
    { key: "certifikat", label: "Certifikat nr", value: (r) => r.certificateNumber, render: (r) => <a href={`/personal/certifikat/${r.invoice.certificateId}`}>{r.certificateNumber}</a> },
    { key: "belopp", label: "Att betala", value: (r) => r.invoice.totalOre, render: (r) => <Amount ore={r.invoice.totalOre} />, numeric: true },
    { key: "status", label: "Status", value: (r) => INVOICE_LABELS[r.invoice.status], groupable: true, render: (r) => <InvoiceStatusChip status={r.invoice.status} dueOn={r.invoice.dueOn} today={today} /> },
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
    { title: "Fakturor", status: invalid ? 422 : 200 },
    <>
      <nav class="breadcrumbs" aria-label="Du är här">
        <a href="/personal">Personal</a> › Fakturor
      </nav>
      <header class="page-header">
        <h1>Fakturor</h1>
        {invalid ? null : (
          <div class="button-row">
            <a class="button button--secondary" href={`${LIST}/export.csv${filterQuery(values)}`} download>
              Exportera CSV
            </a>
          </div>
        )}
      </header>
      <p>Fakturor skapas när ett fakturerat certifikat utfärdas. Filtrera på status och fakturadatum; Exportera CSV tar med samma urval.</p>
      <ErrorSummary errors={invalid ? errors : undefined} message="Filtret behöver rättas:" />
      <FilterForm values={values} errors={errors} query={query} />
      <p>
        Obetalt i urvalet:{" "}
        <strong>
          <Amount ore={unpaid} />
        </strong>
      </p>
      <DataTable prefix={TABLE_PREFIX} caption="Fakturor" columns={listColumns(today)} rows={rows} path={LIST} query={query} empty="Inga fakturor matchar filtret." defaultSort={{ key: "datum", dir: "desc" }} />
    </>,
  );
}

async function exportCsv(c: Ctx) {
  const { filter, values, errors } = readFilter(c.req.query());
  if (Object.keys(errors).length) return c.text(`Filtret behöver rättas: ${Object.values(errors).join(" ")}`, 422);
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
    <dt>Fakturanummer</dt>
    <dd>{inv.number}</dd>
    <dt>Fakturadatum</dt>
    <dd>{inv.issuedOn}</dd>
    <dt>Förfallodatum</dt>
    <dd>{inv.dueOn}</dd>
    <dt>OCR-nummer</dt>
    <dd>{inv.ocr}</dd>
  </>
);

/** How the invoice reached (or will reach) the recipient. */
const Delivery = ({ inv, sentAt }: { inv: LoadedInvoice["invoice"]; sentAt: Date | null }) => {
  if (!inv.recipientEmail) return <>Skickas per post: mottagaren har ingen e-postadress. Ladda ned PDF:en, skriv ut den och skicka den till adressen nedan.</>;
  if (inv.pdfDocumentId)
    return (
      <>
        Skickad med e-post till {inv.recipientEmail}
        {sentAt ? (
          <>
            {" "}
            (senast <time datetime={sentAt.toISOString()}>{formatDateTime(sentAt)}</time>)
          </>
        ) : null}
      </>
    );
  return <>Inte skickad: utskicket till {inv.recipientEmail} misslyckades. Välj Skicka igen.</>;
};

const Recipient = ({ inv }: { inv: LoadedInvoice["invoice"] }) => (
  <section aria-labelledby="mottagare">
    <h2 id="mottagare">Fakturamottagare</h2>
    <p class="hint">Som den angavs i steg 4 när ansökan gjordes; senare ändringar av en profil eller ett företag ändrar inte fakturan.</p>
    <dl class="details">
      <dt>Typ</dt>
      <dd>{RECIPIENT_KINDS[inv.recipientKind] ?? inv.recipientKind}</dd>
      <dt>Namn</dt>
      <dd>{inv.recipientCompanyId ? <a href={`/personal/foretag/${inv.recipientCompanyId}`}>{inv.recipientName}</a> : inv.recipientName}</dd>
      <dt>Adress</dt>
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
      <dt>Telefonnummer</dt>
      <dd>{inv.recipientPhone ?? "Inget angivet"}</dd>
      <dt>E-postadress</dt>
      <dd>{inv.recipientEmail ?? "Ingen angiven"}</dd>
      <dt>Fakturareferens/Ordernr</dt>
      <dd>{inv.recipientReference ?? "Ingen angiven"}</dd>
    </dl>
  </section>
);

type Line = LoadedInvoice["lines"][number];
const LINE_COLUMNS: Column<Line>[] = [
  { key: "beskrivning", label: "Beskrivning", value: (l) => l.description },
  { key: "antal", label: "Antal", value: (l) => l.quantity, numeric: true },
  { key: "apris", label: "À-pris", value: (l) => l.unitPriceOre, render: (l) => <Amount ore={l.unitPriceOre} />, numeric: true },
  { key: "belopp", label: "Belopp", value: (l) => l.amountOre, render: (l) => <Amount ore={l.amountOre} />, numeric: true },
];

const Actions = ({ inv, may }: { inv: LoadedInvoice["invoice"]; may: ReturnType<typeof canManageInvoice> }) => {
  if (!may.ok) return <p class="notice notice--info">{may.reason}</p>;
  const canPay = inv.status === "unpaid";
  const canSend = inv.recipientEmail !== null;
  if (!canPay && !canSend) return <p>Fakturan är {INVOICE_LABELS[inv.status].toLowerCase()} och går per post; det finns inget mer att göra här.</p>;
  return (
    <div class="button-row">
      {canPay ? (
        <form method="post" action={staffInvoiceUrl(inv.id, "/betald")} class="inline-form">
          <button type="submit" class="button">
            Markera som betald
          </button>
        </form>
      ) : null}
      {canSend ? (
        <form method="post" action={staffInvoiceUrl(inv.id, "/skicka")} class="inline-form">
          <button type="submit" class="button button--secondary" aria-describedby="skicka-igen-hint">
            Skicka igen
          </button>
          <span class="hint" id="skicka-igen-hint">
            {" "}
            Fakturan mejlas som PDF till {inv.recipientEmail}.
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
  const applicant = found.applicantPersonId ? { href: `/personal/personer/${found.applicantPersonId}`, label: "Visa sökande" } : { href: `/personal/foretag/${found.applicantCompanyId}`, label: "Visa företag" };
  return page(
    c,
    { title: `Faktura ${inv.number}`, status },
    <>
      <nav class="breadcrumbs" aria-label="Du är här">
        <a href="/personal">Personal</a> › <a href={LIST}>Fakturor</a> › Faktura {inv.number}
      </nav>
      <header class="page-header">
        <div>
          <h1>Faktura {inv.number}</h1>
          <p class="lead">
            {inv.recipientName}, <Amount ore={inv.totalOre} /> <InvoiceStatusChip status={inv.status} dueOn={inv.dueOn} today={today} />
          </p>
        </div>
        <div class="button-row">
          <a class="button" href={staffInvoiceUrl(id, "/pdf")} download>
            Ladda ned PDF
          </a>
          <a class="button button--secondary" href={`/personal/ansokningar/${inv.applicationId}`}>
            Visa certifieringsprocess
          </a>
          <a class="button button--secondary" href={`/personal/certifikat/${inv.certificateId}`}>
            Visa certifikat
          </a>
          <a class="button button--secondary" href={applicant.href}>
            {applicant.label}
          </a>
        </div>
      </header>
      <ActionNotices failure={failure?.message} done={done} />
      <section aria-labelledby="faktura">
        <h2 id="faktura">Faktura</h2>
        <dl class="details">
          <Dates inv={inv} />
          <dt>Status</dt>
          <dd>
            <InvoiceStatusChip status={inv.status} dueOn={inv.dueOn} today={today} />
          </dd>
          <dt>Certifikat nr</dt>
          <dd>
            <a href={`/personal/certifikat/${inv.certificateId}`}>{found.certificateNumber}</a>
          </dd>
          <dt>Utskick</dt>
          <dd>
            <Delivery inv={inv} sentAt={sentAt} />
          </dd>
        </dl>
      </section>
      <section aria-labelledby="rader">
        <h2 id="rader">Fakturarader</h2>
        <DataTable prefix="rad" caption="Fakturarader" columns={LINE_COLUMNS} rows={found.lines} path={staffInvoiceUrl(id)} query={c.req.query()} empty="Fakturan har inga rader." searchable={false} />
        <dl class="details invoice-totals">
          <dt>Netto</dt>
          <dd>
            <Amount ore={inv.netOre} />
          </dd>
          <dt>Moms {inv.vatPercent} %</dt>
          <dd>
            <Amount ore={inv.vatOre} />
          </dd>
          <dt>Att betala</dt>
          <dd>
            <strong>
              <Amount ore={inv.totalOre} />
            </strong>
          </dd>
        </dl>
      </section>
      <Recipient inv={inv} />
      <section aria-labelledby="atgarder">
        <h2 id="atgarder">Åtgärder</h2>
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
      return renderStaffInvoice(c, id, { message: "Fakturan kunde inte skickas just nu. Inget har ändrats; försök igen om en stund." }, 502);
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
