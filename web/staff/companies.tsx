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
import { t } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;

type Registration = Awaited<ReturnType<typeof listPendingCompanies>>[number];
type Company = Awaited<ReturnType<typeof searchCompanies>>[number];

const companyLink = (co: { id: string; name: string }) => <a href={companyUrl("staff", co.id)}>{co.name}</a>;

const registrationColumns = (): Column<Registration>[] => [
  { key: "foretag", label: t("common.company"), value: ({ company }) => company.name, render: ({ company }) => companyLink(company) },
  { key: "orgnr", label: t("common.orgNumber"), value: ({ company }) => formatOrgNumber(company.orgNumber) },
  { key: "registrerad-av", label: t("staff.company.col.registeredBy"), value: ({ registrant: r }) => `${r.givenName} ${r.familyName}` },
  { key: "registrerad", label: t("staff.company.col.registered"), value: ({ company }) => company.createdAt },
  {
    key: "bevis",
    label: t("staff.company.col.certificate"),
    value: ({ company }) => (company.registrationDocumentId ? t("staff.company.present") : t("staff.company.missing")),
    groupable: true,
    render: ({ company: co }) =>
      co.registrationDocumentId ? (
        <a href={`${companyUrl("staff", co.id)}/registreringsbevis`} download aria-label={t("staff.company.download", co.name)}>
          {t("staff.review.download")}
        </a>
      ) : (
        t("staff.company.missing")
      ),
  },
];

const companyColumns = (): Column<Company>[] => [
  { key: "foretag", label: t("common.company"), value: (co) => co.name, render: companyLink },
  { key: "orgnr", label: t("common.orgNumber"), value: (co) => formatOrgNumber(co.orgNumber) },
  { key: "ort", label: t("common.city"), value: (co) => co.city, groupable: true },
  { key: "status", label: t("cert.status"), value: (co) => COMPANY_STATUS[co.status]?.label ?? co.status, groupable: true, render: (co) => <StatusChip status={co.status} of={COMPANY_STATUS} /> },
];

const Breadcrumbs = ({ here }: { here: string }) => (
  <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
    <a href="/personal">{t("nav.staff")}</a> › {here}
  </nav>
);

/** Mounted under /personal, behind requireUser and requireStaff. */
export function staffCompanyRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/foretagsregistreringar", async (c) => {
    const rows = await listPendingCompanies(c.var.deps.db);
    return page(
      c,
      { title: t("staff.overview.companies") },
      <>
        <Breadcrumbs here={t("staff.overview.companies")} />
        <h1>{t("staff.overview.companies")}</h1>
        <p>{t("staff.company.queue.intro")}</p>
        <DataTable prefix="reg" caption={t("staff.overview.companies")} columns={registrationColumns()} rows={rows} path="/personal/foretagsregistreringar" query={c.req.query()} empty={t("staff.overview.companies.none")} defaultSort={{ key: "registrerad", dir: "asc" }} />
      </>,
    );
  });

  app.get("/foretag", async (c) => {
    const q = (c.req.query("q") ?? "").trim().slice(0, 100);
    const rows = await searchCompanies(c.var.deps.db, q);
    return page(
      c,
      { title: t("staff.home.companies") },
      <>
        <Breadcrumbs here={t("common.company")} />
        <h1>{t("common.company")}</h1>
        <form method="get" action="/personal/foretag" role="search" aria-label={t("staff.home.companies")} class="search-form">
          {/* A new search keeps the table's sort and grouping. */}
          {Object.entries(c.req.query())
            .filter(([k, v]) => k.startsWith("foretag_") && v)
            .map(([k, v]) => (
              <input type="hidden" name={k} value={v} />
            ))}
          <Field name="q" label={t("staff.company.search.label")} value={q} autocomplete="off" maxlength={100} hint={t("staff.company.search.hint")} />
          <div class="button-row">
            <button type="submit" class="button">
              {t("table.search")}
            </button>
          </div>
        </form>
        {/* The search above is the database's (exact organisationsnummer, part of a name); the table sorts and groups what it found. */}
        <DataTable prefix="foretag" caption={t("common.company")} columns={companyColumns()} rows={rows} path="/personal/foretag" query={c.req.query()} empty={t("staff.company.noMatch")} searchable={false} defaultSort={{ key: "foretag", dir: "asc" }} />
      </>,
    );
  });

  app.get("/foretag/:id", (c) => renderCompanyPage(c, "staff", c.req.param("id")));

  app.post("/foretag/:id/beslut", async (c) => {
    const id = c.req.param("id");
    const values = await formValues(c);
    if (values.beslut !== "godkann" && values.beslut !== "godkann-inte") {
      return renderCompanyPage(c, "staff", id, { message: t("staff.company.choose") }, 422);
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
