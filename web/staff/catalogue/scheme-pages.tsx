// "Nytt certifikat", and the scheme page's tabs Inställningar and Händelselogg.
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { listEventsOfSubjects } from "../../../modules/audit/index.ts";
import { createScheme, getScheme, listAreas, listRequirements, updateScheme } from "../../../modules/catalogue/index.ts";
import type { AppEnv } from "../../env.ts";
import { formValues } from "../../form-input.ts";
import { redirectAfterPost } from "../../htmx.ts";
import { formPage, page } from "../../render.tsx";
import { EventLog } from "../../views/event-log.tsx";
import { Field } from "../../views/form.tsx";
import { attempt, type Failure } from "./attempt.ts";
import { schemeInput, schemeValues } from "./form-values.ts";
import { Buttons, CatalogueForm } from "./form-parts.tsx";
import { Breadcrumbs, CATALOGUE_PATH, NEW_SCHEME_PATH, schemeFrame, schemePageTitle, schemeUrl } from "./frame.tsx";
import { SchemeSettings } from "./scheme-form.tsx";
import { t } from "../../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;
type Values = Record<string, string>;

const newAround = (form: Child) => (
  <section class="narrow">
    <Breadcrumbs trail={[{ label: t("catalogue.newScheme") }]} />
    <h1>{t("catalogue.newScheme")}</h1>
    <p>
      {t("catalogue.scheme.new.intro")}
    </p>
    {form}
  </section>
);

export async function newSchemePage(c: Ctx, values?: Values, failure?: Failure) {
  const areas = await listAreas(c.var.deps.db);
  const shown = values ?? { areaId: c.req.query("omrade") ?? "", subject: "PERSON", kind: "CERTIFICATE", invoiced: "1", fourEyes: "1" };
  const errors = failure?.errors;
  return formPage(
    c,
    { title: t("catalogue.newScheme"), status: failure?.status },
    <CatalogueForm action={NEW_SCHEME_PATH} errors={errors} message={failure?.message}>
      <SchemeSettings values={shown} errors={errors} areas={areas} />
      <h2>{t("catalogue.scheme.codeAndDecl")}</h2>
        <Field
          name="code"
          label={t("catalogue.col.code")}
          value={shown.code}
          errors={errors}
          maxlength={60}
          autocomplete="off"
          hint={t("catalogue.code.hint")}
        />
        <Field name="declaration" label={t("catalogue.tab.declaration")} required rows={12} value={shown.declaration} errors={errors} maxlength={20000} hint={t("catalogue.scheme.declaration.hint")} />
      <Buttons submit={t("catalogue.scheme.create")} cancel={CATALOGUE_PATH} />
    </CatalogueForm>,
    newAround,
  );
}

export async function submitNewScheme(c: Ctx) {
  const values = await formValues(c);
  const result = await attempt(() => createScheme(c.var.deps, c.var.user!, { ...schemeInput(values), code: values.code ?? null, declaration: values.declaration ?? "" }));
  if (!result.ok) return newSchemePage(c, values, result);
  return redirectAfterPost(c, `${schemeUrl(result.value.schemeId, "/moment")}?klart=skapat`);
}

export async function schemeSettingsPage(c: Ctx, values?: Values, failure?: Failure) {
  const ctx = await getScheme(c.var.deps.db, c.req.param("id")!);
  const areas = await listAreas(c.var.deps.db);
  const shown = values ?? schemeValues(ctx.scheme);
  return formPage(
    c,
    { title: schemePageTitle(ctx.scheme, "installningar"), status: failure?.status },
    <CatalogueForm action={schemeUrl(ctx.scheme.id)} errors={failure?.errors} message={failure?.message} label={t("catalogue.scheme.settings")}>
      <SchemeSettings values={shown} errors={failure?.errors} areas={areas} />
      <Buttons submit={t("common.save")} cancel={CATALOGUE_PATH} />
    </CatalogueForm>,
    (form) =>
      schemeFrame(
        c,
        ctx,
        "installningar",
        <section class="narrow">
          <p>{t("catalogue.scheme.settings.intro")}</p>
          {form}
        </section>,
      ),
  );
}

export async function submitSchemeSettings(c: Ctx) {
  const values = await formValues(c);
  const schemeId = c.req.param("id")!;
  const result = await attempt(() => updateScheme(c.var.deps, c.var.user!, { schemeId, ...schemeInput(values) }));
  if (!result.ok) return schemeSettingsPage(c, values, result);
  return redirectAfterPost(c, `${schemeUrl(schemeId)}?klart=${result.value.changed.length ? "sparat" : "oforandrat"}`);
}

/** What happened to the scheme and its Moment: who changed the price, published a text, retired a Moment. */
export async function schemeEventsPage(c: Ctx) {
  const { db } = c.var.deps;
  const ctx = await getScheme(db, c.req.param("id")!);
  const requirementIds = (await listRequirements(db, ctx.scheme.id)).map((r) => r.requirement.id);
  const events = await listEventsOfSubjects(db, [
    { type: "scheme", ids: [ctx.scheme.id] },
    { type: "requirement", ids: requirementIds },
  ]);
  return page(c, { title: schemePageTitle(ctx.scheme, "handelselogg") }, schemeFrame(c, ctx, "handelselogg", <EventLog events={events} path={schemeUrl(ctx.scheme.id, "/handelselogg")} query={c.req.query()} />));
}
