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
import { CheckboxField, CheckboxGroup, SelectField } from "../../views/inputs.tsx";
import { TYPE_LABELS } from "./labels.ts";
import { t, labels } from "../../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;
type Values = Record<string, string>;

// The file may be 20 MB; a bigger body is refused unread (see the route's bodyLimit).
export const MAX_TEMPLATE_BODY_BYTES = DEFAULT_MAX_UPLOAD_BYTES + 1024 * 1024;
export const templateTooLarge = () => t("catalogue.template.tooLarge");
const ACCEPT_FILES = "application/pdf,image/jpeg,image/png,image/webp,.pdf,.jpg,.jpeg,.png,.webp";

const typesText = (acceptedTypes: string) =>
  acceptedTypes
    .split(",")
    .map((t) => TYPE_LABELS[t] ?? t)
    .join(", ");

const TypeChoices = ({ values, errors }: { values: Values; errors?: Failure["errors"] }) => (
  <CheckboxGroup
    name="acceptedTypes"
    legend={t("catalogue.req.types")}
    hint={t("catalogue.req.types.hint")}
    options={FILE_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t]! }))}
    checked={acceptedFrom(values)}
    errors={errors}
  />
);

export const APPLIES_TO_LABELS: Readonly<Record<string, string>> = labels({ initial: "catalogue.newScheme", extension: "staff.renewal.annual", recertification: "staff.renewal.recert" });

/** "Gäller": which application asks for the Moment, and whether an employer may attest it. */
const AppliesTo = ({ values, errors }: { values: Values; errors?: Failure["errors"] }) => (
  <>
    <SelectField
      name="appliesTo"
      label={t("staff.case.concerns")}
      required
      value={values.appliesTo || "initial"}
      errors={errors}
      options={Object.entries(APPLIES_TO_LABELS).map(([value, label]) => ({ value, label }))}
      hint={t("catalogue.req.appliesTo.hint")}
    />
    <CheckboxField name="attestable" label={t("catalogue.req.attestable")} checked={values.attestable === "1"} errors={errors} hint={t("catalogue.req.attestable.hint")} />
  </>
);

const requirementColumns = (): Column<RequirementRow>[] => [
  {
    key: "moment",
    label: t("moment.col.moment"),
    value: (r) => r.requirement.name,
    render: (r) => (
      <>
        <a href={requirementUrl(r.requirement.id)}>{r.requirement.name}</a>
        {r.requirement.exam ? <span class="hint"> {t("catalogue.req.exam")}</span> : null}
      </>
    ),
  },
  { key: "galler", label: t("staff.case.concerns"), value: (r) => APPLIES_TO_LABELS[r.requirement.appliesTo] ?? r.requirement.appliesTo, groupable: true },
  { key: "beskrivning", label: t("staff.invoice.col.description"), value: (r) => r.requirement.description },
  { key: "filtyper", label: t("catalogue.req.col.types"), value: (r) => typesText(r.requirement.acceptedTypes), groupable: true },
  {
    key: "filmall",
    label: t("catalogue.req.template"),
    value: (r) => r.template?.name ?? t("catalogue.req.none"),
    render: (r) =>
      r.template ? (
        <a href={requirementUrl(r.requirement.id, "/filmall")}>
          {r.template.name}
          <span class="visually-hidden"> {t("catalogue.req.templateFor", r.requirement.name)}</span>
        </a>
      ) : (
        t("catalogue.req.none")
      ),
  },
  {
    key: "status",
    label: t("cert.status"),
    value: (r) => (r.requirement.retiredAt ? t("catalogue.req.retired") : t("catalogue.req.active")),
    groupable: true,
    render: (r) =>
      r.requirement.retiredAt ? <span class="status status--muted">{t("catalogue.req.retiredOn", formatDate(r.requirement.retiredAt))}</span> : <span class="status status--active">{t("catalogue.req.active")}</span>,
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
        <p class="prose">{t("catalogue.req.intro")}</p>
        <div class="button-row">
          <a class="button" href={schemeUrl(ctx.scheme.id, "/moment/nytt")}>
            {t("catalogue.req.new")}
          </a>
        </div>
        <DataTable prefix="moment" caption={t("common.moments")} columns={requirementColumns()} rows={rows} path={schemeUrl(ctx.scheme.id, "/moment")} query={c.req.query()} empty={t("catalogue.req.noneYet")} />
        {parts.length ? (
          <section aria-labelledby="provdelar" class="prose">
            <h2 id="provdelar">{t("catalogue.req.exams")}</h2>
            <p>
              {t("catalogue.req.examParts", parts.map((p) => (p.maxPoints === null ? t("catalogue.req.part.verdict", p.name) : p.passPoints !== null ? t("catalogue.req.part.pointsPass", p.name, p.maxPoints, p.passPoints) : t("catalogue.req.part.points", p.name, p.maxPoints))).join(", "))}
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
    { title: `${t("catalogue.req.new")} – ${ctx.scheme.name}`, status: failure?.status },
    <CatalogueForm action={schemeUrl(ctx.scheme.id, "/moment/nytt")} errors={errors} message={failure?.message} label={t("catalogue.req.new")}>
      <Field name="name" label={t("verify.field.name")} required value={shown.name} errors={errors} maxlength={200} hint={t("catalogue.req.name.hint")} />
      <Field name="description" label={t("staff.invoice.col.description")} required rows={3} value={shown.description} errors={errors} maxlength={2000} hint={t("catalogue.req.description.hint")} />
      <TypeChoices values={shown} errors={errors} />
      <AppliesTo values={shown} errors={errors} />
      <Field
        name="code"
        label={t("catalogue.col.code")}
        value={shown.code}
        errors={errors}
        maxlength={60}
        autocomplete="off"
        hint={t("catalogue.req.code.hint")}
      />
      <Buttons submit={t("catalogue.req.add")} cancel={schemeUrl(ctx.scheme.id, "/moment")} />
    </CatalogueForm>,
    (form) =>
      schemeFrame(
        c,
        ctx,
        "moment",
        <section class="narrow" aria-labelledby="nytt-moment">
          <h2 id="nytt-moment">{t("catalogue.req.new")}</h2>
          <p>{t("catalogue.req.new.intro")}</p>
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
      <CatalogueForm action={requirementUrl(requirement.id)} errors={failure("details")?.errors} message={failure("details")?.message} label={t("catalogue.req.change")}>
        <Field name="name" label={t("verify.field.name")} required value={shown.name} errors={failure("details")?.errors} maxlength={200} />
        <Field name="description" label={t("staff.invoice.col.description")} required rows={3} value={shown.description} errors={failure("details")?.errors} maxlength={2000} />
        <TypeChoices values={shown} errors={failure("details")?.errors} />
        <AppliesTo values={shown} errors={failure("details")?.errors} />
        <Buttons submit={t("common.save")} cancel={schemeUrl(scheme.id, "/moment")} />
      </CatalogueForm>
    ),
    template: (
      <CatalogueForm action={requirementUrl(requirement.id, "/filmall")} multipart errors={failure("template")?.errors} message={failure("template")?.message} label={t("catalogue.req.upload")}>
        <Field
          name="file"
          label={template ? t("catalogue.req.newTemplate") : t("catalogue.req.template")}
          type="file"
          required
          errors={failure("template")?.errors}
          hint={`${t("catalogue.req.file.hint")}${template ? ` ${t("catalogue.req.file.replaces")}` : ""}`}
          attrs={{ accept: ACCEPT_FILES }}
        />
        <Buttons submit={t("catalogue.req.upload")} />
      </CatalogueForm>
    ),
    retire: (
      <CatalogueForm action={requirementUrl(requirement.id, "/avveckla")} message={failure("retire")?.message} label={t("catalogue.req.retire")}>
        <p>{t("catalogue.req.retire.text")}</p>
        <div class="button-row">
          <button type="submit" class="button button--danger">
            {t("catalogue.req.retire")}
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
      <Breadcrumbs trail={[{ href: schemeUrl(scheme.id), label: scheme.name }, { href: schemeUrl(scheme.id, "/moment"), label: t("common.moments") }, { label: requirement.name }]} />
      <h1>{requirement.name}</h1>
      <p class="lead">
        {t("catalogue.req.in", `${area.name} - ${scheme.name}`)} · {t("catalogue.code")} <code>{requirement.code}</code> ·{" "}
        {retired ? <span class="status status--muted">{t("catalogue.req.retiredOn", formatDate(requirement.retiredAt!))}</span> : <span class="status status--active">{t("catalogue.req.active")}</span>}
      </p>
      <DoneNotice c={c} />
      {retired ? (
        <div class="notice notice--info" role="status">
          <p>{t("catalogue.req.isRetired")}</p>
        </div>
      ) : null}
      <dl class="details">
        <dt>{t("staff.invoice.col.description")}</dt>
        <dd>{requirement.description}</dd>
        <dt>{t("catalogue.req.types")}</dt>
        <dd>{typesText(requirement.acceptedTypes)}</dd>
        <dt>{t("catalogue.req.template")}</dt>
        <dd>
          {template ? (
            <>
              <a href={requirementUrl(requirement.id, "/filmall")}>{t("catalogue.req.download", template.name)}</a> <span class="muted">{t("catalogue.req.uploaded", formatDateTime(template.uploadedAt))}</span>
            </>
          ) : (
            t("catalogue.req.none")
          )}
        </dd>
      </dl>
      {retired ? null : (
        <>
          <section class="narrow" aria-labelledby="andra-moment">
            <h2 id="andra-moment">{t("catalogue.req.change")}</h2>
            {forms.details}
          </section>
          <section class="narrow" aria-labelledby="filmall">
            <h2 id="filmall">{t("catalogue.req.template")}</h2>
            <p>{t("catalogue.req.template.text")}</p>
            {forms.template}
          </section>
          <section class="narrow" aria-labelledby="avveckla">
            <h2 id="avveckla">{t("catalogue.req.retire")}</h2>
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
  if (!file) return requirementPage(c, { form: "template", errors: { file: t("catalogue.template.missing") }, status: 422 });
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
