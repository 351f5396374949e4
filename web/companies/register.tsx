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
import { companyDetailsSchema, orgNumberField, toCompanyDetails } from "./fields.ts";

type Values = Record<string, string>;

const PATH = "/registrera-foretag";
const TITLE = "Registrera företag";
const FILE = "registreringsbevis";
export const ACCEPT_FILES = "application/pdf,image/jpeg,image/png,image/webp,.pdf,.jpg,.jpeg,.png,.webp";
// The file may be 20 MB; the rest of the form is small. A bigger body is refused unread.
const MAX_BODY_BYTES = DEFAULT_MAX_UPLOAD_BYTES + 1024 * 1024;
const TOO_LARGE = "Filen är för stor: registreringsbeviset får vara högst 20 MB. Skanna eller spara det med lägre upplösning och fyll i formuläret igen.";

const schema = z.object({ orgnr: orgNumberField("Ange företagets organisationsnummer."), ...companyDetailsSchema.shape });

const RegisterForm = ({ values, errors }: { values: Values; errors?: FieldErrors }) => {
  // A file input cannot be filled in again by the server: after any error the file is chosen anew.
  const again = errors && Object.keys(errors).length > 0 && !errors[FILE];
  return (
    <form method="post" action={PATH} enctype="multipart/form-data" hx-post={PATH} hx-target="this" hx-swap="outerHTML" class="form" novalidate>
      <ErrorSummary errors={errors} />
      <fieldset>
        <legend>Företag</legend>
        <Field name="orgnr" label="Organisationsnummer" hint="Tio siffror, med eller utan bindestreck, t.ex. 556016-0680" required value={values.orgnr} errors={errors} inputmode="numeric" autocomplete="off" maxlength={13} />
        <Field name="namn" label="Företagsnamn" required value={values.namn} errors={errors} autocomplete="organization" maxlength={200} />
      </fieldset>
      <CompanyDetailsFields values={values} errors={errors} />
      <Field
        name={FILE}
        label="Registreringsbevis"
        type="file"
        required
        errors={errors}
        hint={`Registreringsbevis från Bolagsverket (eller motsvarande), som PDF eller bild (JPEG, PNG, WebP), högst 20 MB.${again ? " Välj filen igen: den sparas först när alla uppgifter är rätt ifyllda." : ""}`}
        attrs={{ accept: ACCEPT_FILES }}
      />
      <div class="button-row">
        <button type="submit" class="button">
          Registrera företag
        </button>
        <a class="button button--secondary" href="/min-sida/anstallningar">
          Avbryt
        </a>
      </div>
    </form>
  );
};

const around = (form: Child) => (
  <section class="narrow">
    <nav class="breadcrumbs" aria-label="Du är här">
      <a href="/min-sida">Min Sida</a> › {TITLE}
    </nav>
    <h1>{TITLE}</h1>
    <p>
      Vi granskar registreringen och registreringsbeviset. När den är godkänd blir du företagets certifikatsadministratör: du bekräftar anställda, ser deras certifikat och kan
      ansöka om företagscertifikat.
    </p>
    <p>
      Finns företaget redan registrerat? Koppla dig då till det under <a href="/min-sida/anstallningar">Anställningar</a> med <strong>Ny anställning</strong>.
    </p>
    {form}
  </section>
);

const LogInFirst = ({ systemName }: { systemName: string }) => (
  <section class="narrow" aria-labelledby="company-title">
    <h1 id="company-title">{TITLE}</h1>
    <p>
      Ett företag registreras av en person som är inloggad i {systemName}. Den som registrerar företaget blir dess certifikatsadministratör och kan sedan bekräfta anställda och
      ansöka om företagscertifikat.
    </p>
    <p>Logga in först. Har du inget personkonto, registrera ett.</p>
    <div class="button-row">
      <a class="button" href={`/logga-in?next=${PATH}`}>
        Logga in
      </a>
      <a class="button button--secondary" href="/registrera-konto">
        Registrera konto
      </a>
    </div>
  </section>
);

function showForm(c: Context<AppEnv>, values: Values, errors: FieldErrors, status: 409 | 413 | 422) {
  return formPage(c, { title: TITLE, status }, <RegisterForm values={values} errors={errors} />, around);
}

async function readFile(file: File | undefined): Promise<{ upload: AcceptedUpload } | { error: string }> {
  if (!file) return { error: "Välj registreringsbeviset: en PDF-fil eller en bild." };
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
      if (!c.var.user) return page(c, { title: TITLE }, <LogInFirst systemName={c.var.deps.config.org.systemName} />);
      await next();
    },
    requireUser,
    (c) => page(c, { title: TITLE }, around(<RegisterForm values={{ land: "Sverige" }} />)),
  );

  app.post(
    PATH,
    requireUser,
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => showForm(c as Context<AppEnv>, { land: "Sverige" }, { [FILE]: TOO_LARGE }, 413) }),
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
      { title: pending ? `${company.name} väntar på granskning` : TITLE },
      <section class="narrow">
        <h1>{pending ? `Tack! ${company.name} väntar på granskning` : `${company.name} är granskat`}</h1>
        <p>
          Registreringen av {company.name} ({formatOrgNumber(company.orgNumber)}) är mottagen.
        </p>
        <h2>Så går det vidare</h2>
        <ol>
          <li>Vi granskar uppgifterna och registreringsbeviset.</li>
          <li>
            Du får ett mejl till <strong>{user.email}</strong> när registreringen är godkänd. Kan vi inte godkänna den får du veta varför.
          </li>
          <li>
            När företaget är godkänt är du dess certifikatsadministratör. Företaget syns då under <strong>Mina företag</strong> på fliken Anställningar, där du öppnar företagssidan och
            bekräftar anställda.
          </li>
        </ol>
        <div class="button-row">
          <a class="button" href="/min-sida/anstallningar">
            Till Anställningar
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
