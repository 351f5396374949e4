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
import { Field } from "../views/form.tsx";
import { formatDateTime } from "../views/time.ts";

type Ctx = Context<AppEnv>;

const hits = (n: number) => <p class="hits">{n === 1 ? "1 träff" : `${n} träffar`}</p>;

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
        {hits(rows.length)}
        <div class="table-wrap">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">Företag</th>
                <th scope="col">Organisationsnummer</th>
                <th scope="col">Registrerad av</th>
                <th scope="col">Registrerad</th>
                <th scope="col">Registreringsbevis</th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colspan={5} class="empty">
                    Inga registreringar väntar på granskning.
                  </td>
                </tr>
              ) : (
                rows.map(({ company: co, registrant: r }) => (
                  <tr>
                    <td>
                      <a href={companyUrl("staff", co.id)}>{co.name}</a>
                    </td>
                    <td>{formatOrgNumber(co.orgNumber)}</td>
                    <td>
                      {r.givenName} {r.familyName}
                    </td>
                    <td>
                      <time datetime={co.createdAt.toISOString()}>{formatDateTime(co.createdAt)}</time>
                    </td>
                    <td>
                      {co.registrationDocumentId ? (
                        <a href={`${companyUrl("staff", co.id)}/registreringsbevis`} download aria-label={`Ladda ned registreringsbeviset för ${co.name}`}>
                          Ladda ned
                        </a>
                      ) : (
                        "Saknas"
                      )}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
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
          <Field name="q" label="Sök företag: namn eller organisationsnummer" value={q} autocomplete="off" maxlength={100} hint="Namn: en del av namnet räcker. Organisationsnummer: hela numret." />
          <div class="button-row">
            <button type="submit" class="button">
              Sök
            </button>
          </div>
        </form>
        {hits(rows.length)}
        <div class="table-wrap">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">Företag</th>
                <th scope="col">Organisationsnummer</th>
                <th scope="col">Ort</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colspan={4} class="empty">
                    Inga företag matchar sökningen.
                  </td>
                </tr>
              ) : (
                rows.map((co) => (
                  <tr>
                    <td>
                      <a href={companyUrl("staff", co.id)}>{co.name}</a>
                    </td>
                    <td>{formatOrgNumber(co.orgNumber)}</td>
                    <td>{co.city}</td>
                    <td>
                      <StatusChip status={co.status} of={COMPANY_STATUS} />
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
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
