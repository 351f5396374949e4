// Staff and companies: the queue of registrations to review, the search, the company page
// (read-only, with the registration and its decision) and the registreringsbevis.
import { Hono, type Context } from "hono";
import { Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { formatOrgNumber } from "../../lib/identity/orgnummer.ts";
import { downloadHeaders, inlineImageHeaders } from "../../lib/uploads/download-headers.ts";
import { isImageMime } from "../../lib/uploads/file-types.ts";
import { readDocument } from "../../modules/documents/index.ts";
import { decideCompanyRegistration, getCompanyPage, listPendingCompanies, searchCompanies } from "../../modules/employments/index.ts";
import { companyUrl, renderCompanyPage } from "../companies/company-page.tsx";
import { COMPANY_STATUS, StatusChip } from "../companies/labels.tsx";
import type { AppEnv } from "../env.ts";
import { formValues } from "../form-input.ts";
import { isHtmx } from "../htmx.ts";
import { page } from "../render.tsx";
import { DataTable, type Column } from "../views/data-table.tsx";
import { Field } from "../views/form.tsx";

type Ctx = Context<AppEnv>;

type Registration = Awaited<ReturnType<typeof listPendingCompanies>>[number];
type Company = Awaited<ReturnType<typeof searchCompanies>>[number];

const companyLink = (co: { id: string; name: string }) => <a href={companyUrl("staff", co.id)}>{co.name}</a>;

const REGISTRATION_COLUMNS: Column<Registration>[] = [
  { key: "foretag", label: "Företag", value: ({ company }) => company.name, render: ({ company }) => companyLink(company) },
  { key: "orgnr", label: "Organisationsnummer", value: ({ company }) => formatOrgNumber(company.orgNumber) },
  { key: "registrerad-av", label: "Registrerad av", value: ({ registrant: r }) => `${r.givenName} ${r.familyName}` },
  { key: "registrerad", label: "Registrerad", value: ({ company }) => company.createdAt },
  {
    key: "bevis",
    label: "Registreringsbevis",
    value: ({ company }) => (company.registrationDocumentId ? "Finns" : "Saknas"),
    groupable: true,
    render: ({ company: co }) =>
      co.registrationDocumentId ? (
        <a href={`${companyUrl("staff", co.id)}/registreringsbevis`} download aria-label={`Ladda ned registreringsbeviset för ${co.name}`}>
          Ladda ned
        </a>
      ) : (
        "Saknas"
      ),
  },
];

const COMPANY_COLUMNS: Column<Company>[] = [
  { key: "foretag", label: "Företag", value: (co) => co.name, render: companyLink },
  { key: "orgnr", label: "Organisationsnummer", value: (co) => formatOrgNumber(co.orgNumber) },
  { key: "ort", label: "Ort", value: (co) => co.city, groupable: true },
  { key: "status", label: "Status", value: (co) => COMPANY_STATUS[co.status]?.label ?? co.status, groupable: true, render: (co) => <StatusChip status={co.status} of={COMPANY_STATUS} /> },
];

const Breadcrumbs = ({ here }: { here: string }) => (
  <nav class="breadcrumbs" aria-label="Du är här">
    <a href="/personal">Personal</a> › {here}
  </nav>
);

/** Mounted under /personal, behind requireUser and requireStaff. */
export function staffCompanyRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/foretagsregistreringar", async (c) => {
    const rows = await listPendingCompanies(c.var.deps.db);
    return page(
      c,
      { title: "Företagsregistreringar" },
      <>
        <Breadcrumbs here="Företagsregistreringar" />
        <h1>Företagsregistreringar</h1>
        <p>Registreringar som väntar på granskning, äldst först. Öppna ett företag för att se registreringsbeviset och besluta.</p>
        <DataTable prefix="reg" caption="Företagsregistreringar" columns={REGISTRATION_COLUMNS} rows={rows} path="/personal/foretagsregistreringar" query={c.req.query()} empty="Inga registreringar väntar på granskning." defaultSort={{ key: "registrerad", dir: "asc" }} />
      </>,
    );
  });

  app.get("/foretag", async (c) => {
    const q = (c.req.query("q") ?? "").trim().slice(0, 100);
    const rows = await searchCompanies(c.var.deps.db, q);
    return page(
      c,
      { title: "Sök företag" },
      <>
        <Breadcrumbs here="Företag" />
        <h1>Företag</h1>
        <form method="get" action="/personal/foretag" role="search" aria-label="Sök företag" class="search-form">
          {/* A new search keeps the table's sort and grouping. */}
          {Object.entries(c.req.query())
            .filter(([k, v]) => k.startsWith("foretag_") && v)
            .map(([k, v]) => (
              <input type="hidden" name={k} value={v} />
            ))}
          <Field name="q" label="Sök företag: namn eller organisationsnummer" value={q} autocomplete="off" maxlength={100} hint="Namn: en del av namnet räcker. Organisationsnummer: hela numret." />
          <div class="button-row">
            <button type="submit" class="button">
              Sök
            </button>
          </div>
        </form>
        {/* The search above is the database's (exact organisationsnummer, part of a name); the table sorts and groups what it found. */}
        <DataTable prefix="foretag" caption="Företag" columns={COMPANY_COLUMNS} rows={rows} path="/personal/foretag" query={c.req.query()} empty="Inga företag matchar sökningen." searchable={false} defaultSort={{ key: "foretag", dir: "asc" }} />
      </>,
    );
  });

  app.get("/foretag/:id", (c) => renderCompanyPage(c, "staff", c.req.param("id")));

  app.post("/foretag/:id/beslut", async (c) => {
    const id = c.req.param("id");
    const values = await formValues(c);
    if (values.beslut !== "godkann" && values.beslut !== "godkann-inte") {
      return renderCompanyPage(c, "staff", id, { message: "Välj Godkänn eller Godkänn inte." }, 422);
    }
    try {
      await decideCompanyRegistration(c.var.deps, c.var.user!, { companyId: id, approve: values.beslut === "godkann", reason: (values.motivering ?? "").slice(0, 2000) || null });
    } catch (e) {
      if (e instanceof Invalid) {
        const motivering = e.fields.reason ?? Object.values(e.fields).join(" ");
        return renderCompanyPage(c, "staff", id, { message: motivering, form: "beslut", errors: { motivering }, values }, 422);
      }
      // A staff member's own registration is decided by someone else; a decided one stays decided.
      if (e instanceof Forbidden) return renderCompanyPage(c, "staff", id, { message: e.message }, 403);
      if (e instanceof Conflict) return renderCompanyPage(c, "staff", id, { message: e.message }, 409);
      throw e;
    }
    if (isHtmx(c)) return renderCompanyPage(c, "staff", id);
    return c.redirect(companyUrl("staff", id), 303);
  });

  app.get("/foretag/:id/registreringsbevis", (c) => registrationCertificate(c));

  return app;
}

/** The registreringsbevis: a download; an image may also be shown in the page (?visa=1). */
async function registrationCertificate(c: Ctx) {
  const { document } = await getCompanyPage(c.var.deps.db, c.var.user!, c.req.param("id")!);
  if (!document) throw new NotFound();
  const file = await readDocument(c.var.deps, document.id);
  const inline = c.req.query("visa") === "1" && isImageMime(file.mime);
  const headers = inline && isImageMime(file.mime) ? inlineImageHeaders({ ...file, mime: file.mime }) : downloadHeaders(file);
  return c.body(new Uint8Array(file.bytes), 200, headers);
}
