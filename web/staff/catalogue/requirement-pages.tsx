// The scheme's Moment tab, "Nytt moment", and one Moment's page: change it, upload its Filmall,
// retire it. Each form posts on its own; after an error htmx gets back just that form.
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { DEFAULT_MAX_UPLOAD_BYTES } from "../../../lib/uploads/accept-upload.ts";
import { downloadHeaders } from "../../../lib/uploads/download-headers.ts";
import { FILE_TYPES } from "../../../lib/uploads/file-types.ts";
import {
  addRequirement,
  getRequirement,
  getScheme,
  listExamParts,
  listRequirements,
  readRequirementTemplate,
  retireRequirement,
  updateRequirement,
  uploadTemplate,
  type RequirementRow,
} from "../../../modules/catalogue/index.ts";
import type { AppEnv } from "../../env.ts";
import { formValues, formWithFiles } from "../../form-input.ts";
import { isHtmx, redirectAfterPost } from "../../htmx.ts";
import { formPage, page } from "../../render.tsx";
import { DataTable, type Column } from "../../views/data-table.tsx";
import { Field } from "../../views/form.tsx";
import { formatDate, formatDateTime } from "../../views/time.ts";
import { attempt, type Failure } from "./attempt.ts";
import { acceptedFrom, requirementInput, requirementValues } from "./form-values.ts";
import { Buttons, CatalogueForm } from "./form-parts.tsx";
import { Breadcrumbs, DoneNotice, requirementUrl, schemeFrame, schemePageTitle, schemeUrl } from "./frame.tsx";
import { CheckboxField, CheckboxGroup, SelectField } from "./inputs.tsx";
import { TYPE_LABELS } from "./labels.ts";

type Ctx = Context<AppEnv>;
type Values = Record<string, string>;

// The file may be 20 MB; a bigger body is refused unread (see the route's bodyLimit).
export const MAX_TEMPLATE_BODY_BYTES = DEFAULT_MAX_UPLOAD_BYTES + 1024 * 1024;
export const TEMPLATE_TOO_LARGE = "Filen är för stor: en filmall får vara högst 20 MB. Spara den med lägre upplösning och försök igen.";
const ACCEPT_FILES = "application/pdf,image/jpeg,image/png,image/webp,.pdf,.jpg,.jpeg,.png,.webp";

const typesText = (acceptedTypes: string) =>
  acceptedTypes
    .split(",")
    .map((t) => TYPE_LABELS[t] ?? t)
    .join(", ");

const TypeChoices = ({ values, errors }: { values: Values; errors?: Failure["errors"] }) => (
  <CheckboxGroup
    name="acceptedTypes"
    legend="Godkända filtyper"
    hint="Vilka slags filer den sökande får ladda upp för momentet."
    options={FILE_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t]! }))}
    checked={acceptedFrom(values)}
    errors={errors}
  />
);

export const APPLIES_TO_LABELS: Record<string, string> = { initial: "Nytt certifikat", extension: "Årlig förlängning", recertification: "Omcertifiering" };

/** "Gäller": which application asks for the Moment, and whether an employer may attest it. */
const AppliesTo = ({ values, errors }: { values: Values; errors?: Failure["errors"] }) => (
  <>
    <SelectField
      name="appliesTo"
      label="Gäller"
      required
      value={values.appliesTo || "initial"}
      errors={errors}
      options={Object.entries(APPLIES_TO_LABELS).map(([value, label]) => ({ value, label }))}
      hint="Vilken ansökan momentet ingår i: det första certifikatet, den årliga förlängningen eller omcertifieringen."
    />
    <CheckboxField name="attestable" label="Kan intygas av arbetsgivaren" checked={values.attestable === "1"} errors={errors} hint="För årlig förlängning: företagets certifikatsadministratör kan intyga yrkesverksamheten i stället för en uppladdad fil." />
  </>
);

const REQUIREMENT_COLUMNS: Column<RequirementRow>[] = [
  {
    key: "moment",
    label: "Moment",
    value: (r) => r.requirement.name,
    render: (r) => (
      <>
        <a href={requirementUrl(r.requirement.id)}>{r.requirement.name}</a>
        {r.requirement.exam ? <span class="hint"> (provmoment)</span> : null}
      </>
    ),
  },
  { key: "galler", label: "Gäller", value: (r) => APPLIES_TO_LABELS[r.requirement.appliesTo] ?? r.requirement.appliesTo, groupable: true },
  { key: "beskrivning", label: "Beskrivning", value: (r) => r.requirement.description },
  { key: "filtyper", label: "Filtyper", value: (r) => typesText(r.requirement.acceptedTypes), groupable: true },
  {
    key: "filmall",
    label: "Filmall",
    value: (r) => r.template?.name ?? "Ingen",
    render: (r) =>
      r.template ? (
        <a href={requirementUrl(r.requirement.id, "/filmall")}>
          {r.template.name}
          <span class="visually-hidden"> (filmall för {r.requirement.name})</span>
        </a>
      ) : (
        "Ingen"
      ),
  },
  {
    key: "status",
    label: "Status",
    value: (r) => (r.requirement.retiredAt ? "Avvecklat" : "Aktivt"),
    groupable: true,
    render: (r) =>
      r.requirement.retiredAt ? <span class="status status--muted">Avvecklat {formatDate(r.requirement.retiredAt)}</span> : <span class="status status--active">Aktivt</span>,
  },
];

export async function requirementsTab(c: Ctx) {
  const { db } = c.var.deps;
  const ctx = await getScheme(db, c.req.param("id")!);
  const [rows, parts] = await Promise.all([listRequirements(db, ctx.scheme.id), listExamParts(db, ctx.scheme.id)]);
  return page(
    c,
    { title: schemePageTitle(ctx.scheme, "moment") },
    schemeFrame(
      c,
      ctx,
      "moment",
      <>
        <p class="prose">Varje ny ansökan får de aktiva momenten. Ett avvecklat moment läggs inte till nya ansökningar; ansökningar som redan har det behåller det.</p>
        <div class="button-row">
          <a class="button" href={schemeUrl(ctx.scheme.id, "/moment/nytt")}>
            Nytt moment
          </a>
        </div>
        <DataTable prefix="moment" caption="Moment" columns={REQUIREMENT_COLUMNS} rows={rows} path={schemeUrl(ctx.scheme.id, "/moment")} query={c.req.query()} empty="Certifikatet har inga moment ännu." />
        {parts.length ? (
          <section aria-labelledby="provdelar" class="prose">
            <h2 id="provdelar">Prov</h2>
            <p>
              Provdelar vid examinationscentra: {parts.map((p) => (p.maxPoints === null ? `${p.name} (godkänd / ej godkänd)` : `${p.name} (0–${p.maxPoints} poäng${p.passPoints !== null ? `, godkänt från ${p.passPoints}` : ""})`)).join(", ")}. Ett
              godkänt prov godkänner provmomentet i den sökandes certifieringsprocess.
            </p>
          </section>
        ) : null}
      </>,
    ),
  );
}

export async function newRequirementPage(c: Ctx, values?: Values, failure?: Failure) {
  const ctx = await getScheme(c.var.deps.db, c.req.param("id")!);
  const shown = values ?? Object.fromEntries(FILE_TYPES.map((t) => [`acceptedTypes_${t}`, "1"]));
  const errors = failure?.errors;
  return formPage(
    c,
    { title: `Nytt moment – ${ctx.scheme.name}`, status: failure?.status },
    <CatalogueForm action={schemeUrl(ctx.scheme.id, "/moment/nytt")} errors={errors} message={failure?.message} label="Nytt moment">
      <Field name="name" label="Namn" required value={shown.name} errors={errors} maxlength={200} hint="Som den sökande ser det, t.ex. Diplom/ Intyg." />
      <Field name="description" label="Beskrivning" required rows={3} value={shown.description} errors={errors} maxlength={2000} hint="Vad den sökande ska ladda upp." />
      <TypeChoices values={shown} errors={errors} />
      <AppliesTo values={shown} errors={errors} />
      <Field
        name="code"
        label="Kod"
        value={shown.code}
        errors={errors}
        maxlength={60}
        autocomplete="off"
        hint="Frivilligt: ett fast namn för systemet. Lämna tomt så bildas koden av namnet. Koden kan inte ändras senare."
      />
      <Buttons submit="Lägg till moment" cancel={schemeUrl(ctx.scheme.id, "/moment")} />
    </CatalogueForm>,
    (form) =>
      schemeFrame(
        c,
        ctx,
        "moment",
        <section class="narrow" aria-labelledby="nytt-moment">
          <h2 id="nytt-moment">Nytt moment</h2>
          <p>Momentet läggs sist och ingår i ansökningar som påbörjas från och med nu. Pågående ansökningar påverkas inte.</p>
          {form}
        </section>,
      ),
  );
}

export async function submitNewRequirement(c: Ctx) {
  const values = await formValues(c);
  const schemeId = c.req.param("id")!;
  const result = await attempt(() => addRequirement(c.var.deps, c.var.user!, { schemeId, code: values.code ?? null, ...requirementInput(values) }));
  if (!result.ok) return newRequirementPage(c, values, result);
  return redirectAfterPost(c, `${schemeUrl(schemeId, "/moment")}?klart=tillagt`);
}

type RequirementForm = "details" | "template" | "retire";

/** One Moment's page; `failed` names the form that needs correcting (htmx then gets just that form). */
export async function requirementPage(c: Ctx, failed?: { form: RequirementForm; values?: Values } & Failure) {
  const { requirement, scheme, area, template } = await getRequirement(c.var.deps.db, c.req.param("id")!);
  const retired = requirement.retiredAt !== null;
  const failure = (form: RequirementForm) => (failed?.form === form ? failed : undefined);
  const shown = failed?.form === "details" && failed.values ? failed.values : requirementValues(requirement);

  const forms: Record<RequirementForm, Child> = {
    details: (
      <CatalogueForm action={requirementUrl(requirement.id)} errors={failure("details")?.errors} message={failure("details")?.message} label="Ändra moment">
        <Field name="name" label="Namn" required value={shown.name} errors={failure("details")?.errors} maxlength={200} />
        <Field name="description" label="Beskrivning" required rows={3} value={shown.description} errors={failure("details")?.errors} maxlength={2000} />
        <TypeChoices values={shown} errors={failure("details")?.errors} />
        <AppliesTo values={shown} errors={failure("details")?.errors} />
        <Buttons submit="Spara" cancel={schemeUrl(scheme.id, "/moment")} />
      </CatalogueForm>
    ),
    template: (
      <CatalogueForm action={requirementUrl(requirement.id, "/filmall")} multipart errors={failure("template")?.errors} message={failure("template")?.message} label="Ladda upp filmall">
        <Field
          name="file"
          label={template ? "Ny filmall" : "Filmall"}
          type="file"
          required
          errors={failure("template")?.errors}
          hint={`PDF eller bild (JPEG, PNG, WebP), högst 20 MB.${template ? " Ersätter den nuvarande för nedladdning; den gamla sparas." : ""}`}
          attrs={{ accept: ACCEPT_FILES }}
        />
        <Buttons submit="Ladda upp filmall" />
      </CatalogueForm>
    ),
    retire: (
      <CatalogueForm action={requirementUrl(requirement.id, "/avveckla")} message={failure("retire")?.message} label="Avveckla moment">
        <p>Nya ansökningar får inte momentet. Ansökningar som redan har det behåller det, med filer och granskning, och det ska fortfarande godkännas där.</p>
        <div class="button-row">
          <button type="submit" class="button button--danger">
            Avveckla moment
          </button>
        </div>
      </CatalogueForm>
    ),
  };
  if (failed && isHtmx(c)) return c.html(<>{forms[failed.form]}</>, failed.status);

  return page(
    c,
    { title: `${requirement.name} – ${scheme.name}`, status: failed?.status },
    <>
      <Breadcrumbs trail={[{ href: schemeUrl(scheme.id), label: scheme.name }, { href: schemeUrl(scheme.id, "/moment"), label: "Moment" }, { label: requirement.name }]} />
      <h1>{requirement.name}</h1>
      <p class="lead">
        Moment i {area.name} - {scheme.name} · kod <code>{requirement.code}</code> ·{" "}
        {retired ? <span class="status status--muted">Avvecklat {formatDate(requirement.retiredAt!)}</span> : <span class="status status--active">Aktivt</span>}
      </p>
      <DoneNotice c={c} />
      {retired ? (
        <div class="notice notice--info" role="status">
          <p>Momentet är avvecklat och läggs inte till nya ansökningar. Ansökningar som redan har det behåller det.</p>
        </div>
      ) : null}
      <dl class="details">
        <dt>Beskrivning</dt>
        <dd>{requirement.description}</dd>
        <dt>Godkända filtyper</dt>
        <dd>{typesText(requirement.acceptedTypes)}</dd>
        <dt>Filmall</dt>
        <dd>
          {template ? (
            <>
              <a href={requirementUrl(requirement.id, "/filmall")}>Ladda ned filmall ({template.name})</a> <span class="muted">uppladdad {formatDateTime(template.uploadedAt)}</span>
            </>
          ) : (
            "Ingen"
          )}
        </dd>
      </dl>
      {retired ? null : (
        <>
          <section class="narrow" aria-labelledby="andra-moment">
            <h2 id="andra-moment">Ändra moment</h2>
            {forms.details}
          </section>
          <section class="narrow" aria-labelledby="filmall">
            <h2 id="filmall">Filmall</h2>
            <p>En mall som den sökande laddar ned, fyller i och laddar upp som momentets fil.</p>
            {forms.template}
          </section>
          <section class="narrow" aria-labelledby="avveckla">
            <h2 id="avveckla">Avveckla moment</h2>
            {forms.retire}
          </section>
        </>
      )}
    </>,
  );
}

export async function submitRequirement(c: Ctx) {
  const values = await formValues(c);
  const requirementId = c.req.param("id")!;
  const result = await attempt(() => updateRequirement(c.var.deps, c.var.user!, { requirementId, ...requirementInput(values) }));
  if (!result.ok) return requirementPage(c, { form: "details", values, ...result });
  return redirectAfterPost(c, `${requirementUrl(requirementId)}?klart=${result.value.changed.length ? "sparat" : "oforandrat"}`);
}

export async function submitTemplate(c: Ctx) {
  const { files } = await formWithFiles(c);
  const file = files.file;
  if (!file) return requirementPage(c, { form: "template", errors: { file: "Välj filmallen att ladda upp: en PDF-fil eller en bild." }, status: 422 });
  const requirementId = c.req.param("id")!;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const result = await attempt(() => uploadTemplate(c.var.deps, c.var.user!, { requirementId, file: { bytes, originalName: file.name, declaredType: file.type } }));
  if (!result.ok) return requirementPage(c, { form: "template", ...result });
  return redirectAfterPost(c, `${requirementUrl(requirementId)}?klart=filmall`);
}

export async function submitRetire(c: Ctx) {
  const requirementId = c.req.param("id")!;
  const { scheme } = await getRequirement(c.var.deps.db, requirementId);
  const result = await attempt(() => retireRequirement(c.var.deps, c.var.user!, { requirementId }));
  if (!result.ok) return requirementPage(c, { form: "retire", ...result });
  return redirectAfterPost(c, `${schemeUrl(scheme.id, "/moment")}?klart=avvecklat`);
}

/** The current Filmall, for admins; applicants download it from Min Sida. */
export async function downloadTemplate(c: Ctx) {
  const file = await readRequirementTemplate(c.var.deps, c.req.param("id")!);
  return c.body(new Uint8Array(file.bytes), 200, downloadHeaders(file));
}
