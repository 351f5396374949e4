// "Registrera företag": a logged-in person registers a company with its registreringsbevis. The
// company waits for staff ("Väntar på granskning"); once approved the registrant is its first
// certifikatsadministratör.
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Child } from "hono/jsx";
import { z } from "zod";
import { Conflict, Invalid, NotFound, type FieldErrors } from "../../lib/errors.ts";
import { formatOrgNumber } from "../../lib/identity/orgnummer.ts";
import { acceptUpload, DEFAULT_MAX_UPLOAD_BYTES, type AcceptedUpload } from "../../lib/uploads/accept-upload.ts";
import { listPersonCompanies, registerCompany } from "../../modules/employments/index.ts";
import { requireUser } from "../accounts/guards.ts";
import type { AppEnv } from "../env.ts";
import { formWithFiles, parseForm } from "../form-input.ts";
import { redirectAfterPost } from "../htmx.ts";
import { formPage, page } from "../render.tsx";
import { ErrorSummary, Field } from "../views/form.tsx";
import { CompanyDetailsFields } from "./company-details-fields.tsx";
import { Rich } from "../views/rich.tsx";
import { companyDetailsSchema, orgNumberField, toCompanyDetails } from "./fields.ts";
import { t } from "../../lib/i18n/index.ts";

type Values = Record<string, string>;

const PATH = "/registrera-foretag";
const title = () => t("nav.registerCompany");
const FILE = "registreringsbevis";
export const ACCEPT_FILES = "application/pdf,image/jpeg,image/png,image/webp,.pdf,.jpg,.jpeg,.png,.webp";
// The file may be 20 MB; the rest of the form is small. A bigger body is refused unread.
const MAX_BODY_BYTES = DEFAULT_MAX_UPLOAD_BYTES + 1024 * 1024;
const tooLarge = () => t("coreg.tooLarge");

const schema = z.object({ orgnr: orgNumberField(() => t("company.orgnr.missing")), ...companyDetailsSchema.shape });

const RegisterForm = ({ values, errors }: { values: Values; errors?: FieldErrors }) => {
  // A file input cannot be filled in again by the server: after any error the file is chosen anew.
  const again = errors && Object.keys(errors).length > 0 && !errors[FILE];
  return (
    <form method="post" action={PATH} enctype="multipart/form-data" hx-post={PATH} hx-target="this" hx-swap="outerHTML" class="form" novalidate>
      <ErrorSummary errors={errors} />
      <fieldset>
        <legend>{t("common.company")}</legend>
        <Field name="orgnr" label={t("common.orgNumber")} hint={t("coreg.orgnr.hint")} required value={values.orgnr} errors={errors} inputmode="numeric" autocomplete="off" maxlength={13} />
        <Field name="namn" label={t("search.name")} required value={values.namn} errors={errors} autocomplete="organization" maxlength={200} />
      </fieldset>
      <CompanyDetailsFields values={values} errors={errors} />
      <Field
        name={FILE}
        label={t("coreg.certificate")}
        type="file"
        required
        errors={errors}
        hint={t("coreg.certificate.hint") + (again ? t("coreg.chooseAgain") : "")}
        attrs={{ accept: ACCEPT_FILES }}
      />
      <div class="button-row">
        <button type="submit" class="button">
          {t("nav.registerCompany")}
        </button>
        <a class="button button--secondary" href="/min-sida/anstallningar">
          {t("common.cancel")}
        </a>
      </div>
    </form>
  );
};

const around = (form: Child) => (
  <section class="narrow">
    <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
      <a href="/min-sida">{t("nav.minSida")}</a> › {title()}
    </nav>
    <h1>{title()}</h1>
    <p>{t("coreg.intro")}</p>
    <p>
      <Rich text={t("coreg.existing")} />
    </p>
    {form}
  </section>
);

const LogInFirst = ({ systemName }: { systemName: string }) => (
  <section class="narrow" aria-labelledby="company-title">
    <h1 id="company-title">{title()}</h1>
    <p>{t("coreg.loggedOut", systemName)}</p>
    <p>{t("coreg.logInFirst")}</p>
    <div class="button-row">
      <a class="button" href={`/logga-in?next=${PATH}`}>
        {t("nav.logIn")}
      </a>
      <a class="button button--secondary" href="/registrera-konto">
        {t("nav.registerAccount")}
      </a>
    </div>
  </section>
);

function showForm(c: Context<AppEnv>, values: Values, errors: FieldErrors, status: 409 | 413 | 422) {
  return formPage(c, { title: title(), status }, <RegisterForm values={values} errors={errors} />, around);
}

async function readFile(file: File | undefined): Promise<{ upload: AcceptedUpload } | { error: string }> {
  if (!file) return { error: t("coreg.chooseFile") };
  try {
    return { upload: await acceptUpload({ bytes: new Uint8Array(await file.arrayBuffer()), originalName: file.name, declaredType: file.type }) };
  } catch (e) {
    if (e instanceof Invalid) return { error: Object.values(e.fields).join(" ") };
    throw e;
  }
}

export function registerCompanyRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // A visitor is told to log in first; a logged-in person (past any forced password change) gets the form.
  app.get(
    PATH,
    async (c, next) => {
      if (!c.var.user) return page(c, { title: title() }, <LogInFirst systemName={c.var.deps.config.org.systemName} />);
      await next();
    },
    requireUser,
    (c) => page(c, { title: title() }, around(<RegisterForm values={{ land: t("recipient.sweden") }} />)),
  );

  app.post(
    PATH,
    requireUser,
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => showForm(c as Context<AppEnv>, { land: t("recipient.sweden") }, { [FILE]: tooLarge() }, 413) }),
    async (c) => {
      const user = c.var.user!;
      const { values, files } = await formWithFiles(c);
      const errors: FieldErrors = {};
      let input: z.infer<typeof schema> | null = null;
      try {
        input = parseForm(schema, values);
      } catch (e) {
        if (!(e instanceof Invalid)) throw e;
        Object.assign(errors, e.fields);
      }
      const file = await readFile(files[FILE]);
      if ("error" in file) errors[FILE] = file.error;
      if (!input || !("upload" in file)) return showForm(c, values, errors, 422);

      try {
        const { companyId } = await registerCompany(c.var.deps, user, { orgNumber: input.orgnr, ...toCompanyDetails(input), registrationCertificate: file.upload });
        return redirectAfterPost(c, `${PATH}/tack/${companyId}`);
      } catch (e) {
        // Already registered: said at the number, on the form, with what the person typed.
        if (e instanceof Conflict) return showForm(c, values, { orgnr: e.message }, 409);
        if (e instanceof Invalid) return showForm(c, values, renameFileError(e.fields), 422);
        throw e;
      }
    },
  );

  app.get(`${PATH}/tack/:id`, requireUser, async (c) => {
    const user = c.var.user!;
    const mine = await listPersonCompanies(c.var.deps.db, user.personId);
    const company = [...mine.registered, ...mine.administered].find((co) => co.id === c.req.param("id"));
    if (!company) throw new NotFound();
    const pending = company.status === "pending";
    return page(
      c,
      { title: pending ? t("coreg.pending.title", company.name) : title() },
      <section class="narrow">
        <h1>{pending ? t("coreg.pending.heading", company.name) : t("coreg.reviewed", company.name)}</h1>
        <p>{t("coreg.received", `${company.name} (${formatOrgNumber(company.orgNumber)})`)}</p>
        <h2>{t("coreg.next")}</h2>
        <ol>
          <li>{t("coreg.next.1")}</li>
          <li>
            {t("coreg.next.2.before")}
            <strong>{user.email}</strong>
            {t("coreg.next.2.after")}
          </li>
          <li>
            <Rich text={t("coreg.next.3")} />
          </li>
        </ol>
        <div class="button-row">
          <a class="button" href="/min-sida/anstallningar">
            {t("coreg.toEmployments")}
          </a>
        </div>
      </section>,
    );
  });

  return app;
}

function renameFileError(fields: FieldErrors): FieldErrors {
  const { file, ...rest } = fields;
  return file ? { ...rest, [FILE]: file } : rest;
}
