// The company page under Min Sida and its actions, for the company's admins only. Every action
// goes through the module, which checks again who may do it.
import { Hono, type Context, type MiddlewareHandler } from "hono";
import type { Child } from "hono/jsx";
import { z } from "zod";
import { Conflict, Forbidden, Invalid, NotFound, type FieldErrors } from "../../lib/errors.ts";
import { attestActivity } from "../../modules/lifecycle/renewal.ts";
import { formatOrgNumber } from "../../lib/identity/orgnummer.ts";
import { addCompanyAdmin, decideEmployment, endEmployment, getCompanyPage, isCompanyAdmin, removeCompanyAdmin, updateCompanyDetails, type Company } from "../../modules/employments/index.ts";
import type { AppEnv } from "../env.ts";
import { formValues, parseForm } from "../form-input.ts";
import { isHtmx, redirectAfterPost } from "../htmx.ts";
import { formPage, page } from "../render.tsx";
import { ConfirmStep, isConfirmed } from "../views/confirm.tsx";
import { ErrorSummary, Field } from "../views/form.tsx";
import { CompanyDetailsFields } from "./company-details-fields.tsx";
import { companyUrl, renderCompanyPage, type DoneKey } from "./company-page.tsx";
import { companyDetailsSchema, dateField, toCompanyDetails } from "./fields.ts";
import { t } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;

/**
 * Only the company's admins. Everyone else, staff and the company's other employees included,
 * learns nothing: the page "does not exist" (staff have their own read-only page).
 */
const onlyAdmins: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!(await isCompanyAdmin(c.var.deps.db, c.var.user!, c.req.param("id")!))) throw new NotFound();
  await next();
};

/**
 * Runs an action and shows the result: the page with the new state (htmx swaps it in; a plain
 * browser is sent back to the section), or the page with what went wrong.
 */
/** What to say after an action: a key of the page's notices (company-page.tsx) and whom it was about. */
interface Done {
  key: DoneKey;
  personId?: string;
}

async function act(c: Ctx, section: string, run: (values: Record<string, string>) => Promise<void | Response>, form?: string, done?: Done) {
  const id = c.req.param("id")!;
  const values = await formValues(c);
  try {
    // An action that cannot be undone answers its first post with the confirm step.
    const confirm = await run(values);
    if (confirm) return confirm;
  } catch (e) {
    if (e instanceof Invalid) return renderCompanyPage(c, "admin", id, { message: Object.values(e.fields).join(" ") || e.message, form, errors: e.fields, values }, 422);
    if (e instanceof Conflict) return renderCompanyPage(c, "admin", id, { message: e.message, form, values }, 409);
    if (e instanceof Forbidden) return renderCompanyPage(c, "admin", id, { message: e.message, form, values }, 403);
    throw e;
  }
  // Removing oneself, or ending one's own employment, can end being an admin: back to the tab.
  if (!(await isCompanyAdmin(c.var.deps.db, c.var.user!, id))) return redirectAfterPost(c, "/min-sida/anstallningar");
  if (isHtmx(c)) return renderCompanyPage(c, "admin", id, undefined, 200, undefined, done);
  const query = done ? `?klart=${done.key}${done.personId ? `&vem=${encodeURIComponent(done.personId)}` : ""}` : "";
  return c.redirect(`${companyUrl("admin", id)}${query}#${section}`, 303);
}

const endSchema = z.object({ slutdatum: dateField(() => t("employment.endDate.missing")) });

/** Who asked to be employed (for the message after Bekräfta); read before the request is decided. */
async function requesterOf(c: Ctx): Promise<string | undefined> {
  const data = await getCompanyPage(c.var.deps.db, c.var.user!, c.req.param("id")!).catch(() => null);
  return data?.requests.find((r) => r.employment.id === c.req.param("eid"))?.person.id;
}

export function companyAdminRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use("/foretag/:id", onlyAdmins);
  app.use("/foretag/:id/*", onlyAdmins);

  app.get("/foretag/:id", (c) => renderCompanyPage(c, "admin", c.req.param("id")));

  app.get("/foretag/:id/uppgifter", async (c) => {
    const { company } = await getCompanyPage(c.var.deps.db, c.var.user!, c.req.param("id"));
    return page(c, { title: t("company.editDetails") }, aroundDetails(company)(<DetailsForm company={company} values={valuesOf(company)} />));
  });

  app.post("/foretag/:id/uppgifter", async (c) => {
    const { company } = await getCompanyPage(c.var.deps.db, c.var.user!, c.req.param("id"));
    const values = await formValues(c);
    try {
      const input = parseForm(companyDetailsSchema, values);
      await updateCompanyDetails(c.var.deps, c.var.user!, company.id, toCompanyDetails(input));
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      return formPage(c, { title: t("company.editDetails"), status: 422 }, <DetailsForm company={company} values={values} errors={e.fields} />, aroundDetails(company));
    }
    return redirectAfterPost(c, companyUrl("admin", company.id));
  });

  app.post("/foretag/:id/forfragningar/:eid/bekrafta", async (c) =>
    act(c, "forfragningar", () => decideEmployment(c.var.deps, c.var.user!, { employmentId: c.req.param("eid"), confirm: true, reason: null }), undefined, { key: "bekraftad", personId: await requesterOf(c) }),
  );

  app.post("/foretag/:id/forfragningar/:eid/avboj", (c) =>
    act(
      c,
      "forfragningar",
      (values) => decideEmployment(c.var.deps, c.var.user!, { employmentId: c.req.param("eid"), confirm: false, reason: (values.motivering ?? "").slice(0, 1000) || null }),
      `avboj-${c.req.param("eid")}`,
      { key: "avbojd" },
    ),
  );

  app.post("/foretag/:id/anstallda/:eid/avsluta", (c) =>
    act(
      c,
      "anstallda",
      async (values) => {
        const input = parseForm(endSchema, values);
        if (!isConfirmed(values)) return confirmEnd(c, values, input.slutdatum);
        await endEmployment(c.var.deps, c.var.user!, { employmentId: c.req.param("eid"), endDate: input.slutdatum });
      },
      `avsluta-${c.req.param("eid")}`,
      { key: "avslutad" },
    ),
  );

  // "Intyga yrkesverksamhet": the row's button names one certificate; "för valda" the ticked ones.
  app.post("/foretag/:id/intyga", async (c) => {
    const body = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
    const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === "string");
    const one = list(body.certifikat);
    const ids = one.length ? one : list(body.valda);
    let attested = 0;
    const shown = await act(c, "att-intyga", async () => {
      attested = (await attestActivity(c.var.deps, c.var.user!, { companyId: c.req.param("id"), certificateIds: ids })).attested;
    });
    if (attested && isHtmx(c)) return renderCompanyPage(c, "admin", c.req.param("id"), undefined, 200, attested === 1 ? t("company.attested.one") : t("company.attested.many", attested));
    return shown;
  });

  app.post("/foretag/:id/administratorer/:personId", (c) =>
    act(c, "administratorer", () => addCompanyAdmin(c.var.deps, c.var.user!, { companyId: c.req.param("id"), personId: c.req.param("personId") }), undefined, { key: "administrator", personId: c.req.param("personId") }),
  );

  app.post("/foretag/:id/administratorer/:personId/ta-bort", (c) =>
    act(c, "administratorer", async (values) => {
      if (!isConfirmed(values)) return confirmRemoveAdmin(c, values);
      await removeCompanyAdmin(c.var.deps, c.var.user!, { companyId: c.req.param("id"), personId: c.req.param("personId") });
    }, undefined, { key: "administrator-borttagen", personId: c.req.param("personId") }),
  );

  return app;
}

// ---------------------------------------------------------------------------------------------
// Avsluta and Ta bort: the confirm step, naming the consequence

const confirmCrumbs = (company: Company, what: string) => (
  <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
    <a href="/min-sida">{t("nav.minSida")}</a> › <a href={companyUrl("admin", company.id)}>{company.name}</a> › {what}
  </nav>
);

/** The employee's row, checked as the module will: a Slutdatum before the start is refused now. */
async function confirmEnd(c: Ctx, values: Record<string, string>, endDate: string) {
  const data = await getCompanyPage(c.var.deps.db, c.var.user!, c.req.param("id")!);
  const row = data.employees.find((e) => e.employment.id === c.req.param("eid"));
  if (!row) throw new Conflict(t("employment.notActive"));
  if (endDate < row.employment.startDate) throw new Invalid({ slutdatum: t("employment.endBeforeStart", row.employment.startDate) });
  const name = `${row.person.givenName} ${row.person.familyName}`;
  const self = row.person.id === c.var.user!.personId;
  const admin = data.admins.some((a) => a.personId === row.person.id) && data.admins.length > 1;
  const company = data.company;
  return page(
    c,
    { title: t("employment.end.title") },
    <ConfirmStep
      heading={self ? t("company.end.headingSelf") : t("company.end.heading", name)}
      consequences={[
        self ? t("company.end.1self", company.name, endDate) : t("company.end.1", name, company.name, endDate),
        self ? t("company.end.2self", company.name) : t("company.end.2", company.name),
        ...(admin ? [self ? t("company.end.3self", company.name) : t("company.end.3", name, company.name)] : []),
      ]}
      action={`${companyUrl("admin", company.id)}/anstallda/${row.employment.id}/avsluta`}
      values={values}
      button={t("company.end.button")}
      danger
      cancel={`${companyUrl("admin", company.id)}#anstallda`}
      breadcrumbs={confirmCrumbs(company, t("employment.end"))}
    />,
  );
}

async function confirmRemoveAdmin(c: Ctx, values: Record<string, string>) {
  const data = await getCompanyPage(c.var.deps.db, c.var.user!, c.req.param("id")!);
  const admin = data.admins.find((a) => a.personId === c.req.param("personId"));
  if (!admin) throw new NotFound();
  if (data.admins.length === 1) throw new Conflict(t("company.lastAdmin"));
  const self = admin.personId === c.var.user!.personId;
  const name = `${admin.givenName} ${admin.familyName}`;
  const company = data.company;
  return page(
    c,
    { title: t("company.removeAdmin.title") },
    <ConfirmStep
      heading={self ? t("company.removeAdmin.headingSelf", company.name) : t("company.removeAdmin.heading", name)}
      consequences={[
        self ? t("company.removeAdmin.1self", company.name) : t("company.removeAdmin.1", name, company.name),
        self ? t("company.removeAdmin.2self") : t("company.removeAdmin.2", name),
      ]}
      action={`${companyUrl("admin", company.id)}/administratorer/${admin.personId}/ta-bort`}
      values={values}
      button={t("company.remove")}
      danger
      irreversible={false}
      cancel={`${companyUrl("admin", company.id)}#administratorer`}
      breadcrumbs={confirmCrumbs(company, t("company.removeAdmin"))}
    />,
  );
}

// ---------------------------------------------------------------------------------------------
// Ändra företagsuppgifter

function valuesOf(c: Company): Record<string, string> {
  return { namn: c.name, adressrad1: c.addressLine1, adressrad2: c.addressLine2 ?? "", postnummer: c.postalCode, ort: c.city, land: c.country, telefon: c.phone ?? "", epost: c.email ?? "" };
}

const DetailsForm = ({ company, values, errors }: { company: Company; values: Record<string, string>; errors?: FieldErrors }) => {
  const action = `${companyUrl("admin", company.id)}/uppgifter`;
  return (
    <form method="post" action={action} hx-post={action} hx-target="this" hx-swap="outerHTML" class="form" novalidate>
      <ErrorSummary errors={errors} />
      <fieldset>
        <legend>{t("common.company")}</legend>
        <p>
          <strong>{t("company.orgNumberLabel")}</strong> {formatOrgNumber(company.orgNumber)}
        </p>
        <Field name="namn" label={t("search.name")} required value={values.namn} errors={errors} autocomplete="organization" maxlength={200} />
      </fieldset>
      <CompanyDetailsFields values={values} errors={errors} />
      <div class="button-row">
        <button type="submit" class="button">
          {t("common.save")}
        </button>
        <a class="button button--secondary" href={companyUrl("admin", company.id)}>
          {t("common.cancel")}
        </a>
      </div>
    </form>
  );
};

const aroundDetails = (company: Company) => (form: Child) => (
  <section class="narrow">
    <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
      <a href="/min-sida">{t("nav.minSida")}</a> › <a href={companyUrl("admin", company.id)}>{company.name}</a> › {t("company.editDetails")}
    </nav>
    <h1>{t("company.editDetails")}</h1>
    <p>{t("company.editDetails.intro")}</p>
    {form}
  </section>
);
