// "+ Ansök om nytt certifikat": Teknikområde, then Certifikat (the list follows the area), Spara.
// With htmx the Certifikat list is fetched when the area changes; without JavaScript a
// "Visa certifikat" button (inside <noscript>) reloads the form with the area's certificates.
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { Conflict, Invalid, type FieldErrors } from "../../lib/errors.ts";
import { listApplicableSchemes, startApplication, type ApplicableAreas } from "../../modules/certification/index.ts";
import type { AppEnv } from "../env.ts";
import { formValues } from "../form-input.ts";
import { isHtmx, redirectAfterPost } from "../htmx.ts";
import { ErrorSummary } from "../views/form.tsx";
import { formatDate } from "../views/time.ts";
import { processUrl } from "./paths.ts";
import { t } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;
type Values = Record<string, string>;

/** Where the form lives and what it applies for: a person's own, or a company's certificate. */
export interface ApplyTarget {
  path: string;
  cancel: string;
  subject: "PERSON" | "COMPANY";
  companyId?: string;
  /** The whole page around the form (htmx gets just the form back after an error). */
  page: (c: Ctx, form: Child, status: ContentfulStatusCode) => Response | Promise<Response>;
}

const SelectField = (p: { id: string; name: string; label: string; errors?: FieldErrors; disabled?: boolean; attrs?: Record<string, string>; children: Child; after?: Child }) => {
  const error = p.errors?.[p.name];
  return (
    <div class={error ? "field field--error" : "field"} id={`${p.id}-falt`}>
      <label for={p.id}>
        {p.label}
        <span class="required" aria-hidden="true">
          {" "}
          *
        </span>
      </label>
      <select id={p.id} name={p.name} required disabled={p.disabled} aria-invalid={error ? "true" : undefined} aria-describedby={error ? `${p.id}-error` : undefined} {...(p.attrs ?? {})}>
        {p.children}
      </select>
      {error ? (
        <p class="error" id={`${p.id}-error`}>
          <span class="visually-hidden">{t("form.errorPrefix")}</span>
          {error}
        </p>
      ) : null}
      {p.after}
    </div>
  );
};

/** The Certifikat list of one area; disabled until an area is chosen. htmx swaps it whole. */
export const SchemeField = ({ areas, areaId, schemeId, errors }: { areas: ApplicableAreas; areaId?: string; schemeId?: string; errors?: FieldErrors }) => {
  const area = areas.find((a) => a.id === areaId);
  return (
    <SelectField id="certifikat" name="certifikat" label={t("common.certificate")} errors={errors} disabled={!area}>
      <option value="">{area ? t("apply.chooseCertificate") : t("apply.chooseAreaFirst")}</option>
      {area?.schemes.map((s) => (
        <option value={s.id} selected={s.id === schemeId}>
          {s.name}
        </option>
      ))}
    </SelectField>
  );
};

const ApplyForm = ({ target, areas, values, errors }: { target: ApplyTarget; areas: ApplicableAreas; values: Values; errors?: FieldErrors }) => (
  <form method="post" action={target.path} hx-post={target.path} hx-target="this" hx-swap="outerHTML" class="form" novalidate>
    <ErrorSummary errors={errors} />
    <SelectField
      id="teknikomrade"
      name="teknikomrade"
      label={t("common.area")}
      errors={errors}
      attrs={{ "hx-get": `${target.path}/certifikat`, "hx-trigger": "change", "hx-target": "#certifikat-falt", "hx-swap": "outerHTML" }}
      after={
        <noscript>
          <button type="submit" class="button button--secondary" formmethod="get" formaction={target.path} formnovalidate>
            {t("apply.showCertificates")}
          </button>
        </noscript>
      }
    >
      <option value="">{t("apply.chooseArea")}</option>
      {areas.map((a) => (
        <option value={a.id} selected={a.id === values.teknikomrade}>
          {a.name}
        </option>
      ))}
    </SelectField>
    <SchemeField areas={areas} areaId={values.teknikomrade} schemeId={values.certifikat} errors={errors} />
    <div class="button-row">
      <button type="submit" class="button">
        {t("common.save")}
      </button>
      <a class="button button--secondary" href={target.cancel}>
        {t("common.cancel")}
      </a>
    </div>
  </form>
);

const today = (c: Ctx) => formatDate(c.var.deps.clock.now());

/** GET: the form, with the area (and certificate) of the query already chosen. */
export async function showApplyForm(c: Ctx, target: ApplyTarget, values: Values = c.req.query(), errors?: FieldErrors, status: 200 | 409 | 422 = 200) {
  const areas = await listApplicableSchemes(c.var.deps.db, target.subject, today(c));
  const form = <ApplyForm target={target} areas={areas} values={values} errors={errors} />;
  if (isHtmx(c) && errors) return c.html(form, status);
  return target.page(c, form, status);
}

/** GET …/certifikat?teknikomrade=: the Certifikat field for the chosen area (htmx). */
export async function schemeFieldFragment(c: Ctx, target: ApplyTarget) {
  const areas = await listApplicableSchemes(c.var.deps.db, target.subject, today(c));
  c.header("Cache-Control", "no-store");
  return c.html(<SchemeField areas={areas} areaId={c.req.query("teknikomrade")} />);
}

/** POST: starts the application and opens its Certifieringsprocess. */
export async function submitApplyForm(c: Ctx, target: ApplyTarget) {
  const values = await formValues(c);
  const areas = await listApplicableSchemes(c.var.deps.db, target.subject, today(c));
  const area = areas.find((a) => a.id === values.teknikomrade);
  const errors: FieldErrors = {};
  if (!area) errors.teknikomrade = t("apply.chooseAnArea");
  else if (!area.schemes.some((s) => s.id === values.certifikat)) errors.certifikat = t("apply.chooseScheme");
  if (Object.keys(errors).length) return showApplyForm(c, target, values, errors, 422);
  try {
    const { applicationId } = await startApplication(c.var.deps, c.var.user!, { schemeId: values.certifikat!, companyId: target.companyId ?? null });
    return redirectAfterPost(c, `${processUrl(applicationId)}?klart=startad`);
  } catch (e) {
    if (e instanceof Conflict) return showApplyForm(c, target, values, { certifikat: e.message }, 409);
    if (e instanceof Invalid) return showApplyForm(c, target, values, e.fields, 422);
    throw e;
  }
}
