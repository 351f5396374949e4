// "Nytt teknikområde" and a technical area's page: its name and order, its schemes, its Händelselogg.
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { listSubjectEvents } from "../../../modules/audit/index.ts";
import { createArea, getArea, listSchemes, updateArea, type Area } from "../../../modules/catalogue/index.ts";
import type { AppEnv } from "../../env.ts";
import { formValues } from "../../form-input.ts";
import { redirectAfterPost } from "../../htmx.ts";
import { formPage } from "../../render.tsx";
import { EventLog } from "../../views/event-log.tsx";
import { Field } from "../../views/form.tsx";
import { attempt, type Failure } from "./attempt.ts";
import { areaInput } from "./form-values.ts";
import { Buttons, CatalogueForm } from "./form-parts.tsx";
import { areaUrl, Breadcrumbs, CATALOGUE_PATH, DoneNotice, NEW_AREA_PATH, schemeUrl } from "./frame.tsx";
import { t } from "../../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;
type Values = Record<string, string>;

const AreaForm = ({ action, values, failure, isNew }: { action: string; values: Values; failure?: Failure; isNew: boolean }) => (
  <CatalogueForm action={action} errors={failure?.errors} message={failure?.message}>
    <Field name="name" label={t("verify.field.name")} required value={values.name} errors={failure?.errors} maxlength={100} hint={t("catalogue.area.name.hint")} />
    {isNew ? (
      <Field
        name="code"
        label={t("catalogue.col.code")}
        value={values.code}
        errors={failure?.errors}
        maxlength={60}
        autocomplete="off"
        hint={t("catalogue.code.hint")}
      />
    ) : null}
    <Field name="sortOrder" label={t("catalogue.col.order")} inputmode="numeric" value={values.sortOrder} errors={failure?.errors} maxlength={4} hint={t("catalogue.area.order.hint")} />
    <Buttons submit={t("common.save")} cancel={CATALOGUE_PATH} />
  </CatalogueForm>
);

const newAround = (form: Child) => (
  <section class="narrow">
    <Breadcrumbs trail={[{ label: t("catalogue.newArea") }]} />
    <h1>{t("catalogue.newArea")}</h1>
    <p>{t("catalogue.area.intro")}</p>
    {form}
  </section>
);

export function newAreaPage(c: Ctx, values: Values = {}, failure?: Failure) {
  return formPage(c, { title: t("catalogue.newArea"), status: failure?.status }, <AreaForm action={NEW_AREA_PATH} values={values} failure={failure} isNew />, newAround);
}

export async function submitNewArea(c: Ctx) {
  const values = await formValues(c);
  const result = await attempt(() => createArea(c.var.deps, c.var.user!, areaInput(values)));
  if (!result.ok) return newAreaPage(c, values, result);
  return redirectAfterPost(c, `${CATALOGUE_PATH}?klart=omrade`);
}

async function areaAround(c: Ctx, area: Area) {
  const [schemes, events] = await Promise.all([listSchemes(c.var.deps.db), listSubjectEvents(c.var.deps.db, "area", area.id)]);
  const own = schemes.filter((s) => s.area.id === area.id);
  return (form: Child) => (
    <>
      <Breadcrumbs trail={[{ label: area.name }]} />
      <h1>{area.name}</h1>
      <p class="lead">
        {t("common.area")} · {t("catalogue.code")} <code>{area.code}</code>
      </p>
      <DoneNotice c={c} />
      <section class="narrow" aria-labelledby="andra">
        <h2 id="andra">{t("catalogue.area.change")}</h2>
        {form}
      </section>
      <section aria-labelledby="omradets-certifikat">
        <h2 id="omradets-certifikat">{t("catalogue.area.schemes")}</h2>
        {own.length ? (
          <ul>
            {own.map((s) => (
              <li>
                <a href={schemeUrl(s.scheme.id)}>{s.scheme.name}</a>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("catalogue.area.noSchemes")}</p>
        )}
      </section>
      <EventLog events={events} path={areaUrl(area.id)} query={c.req.query()} />
    </>
  );
}

export async function areaPage(c: Ctx, values?: Values, failure?: Failure) {
  const area = await getArea(c.var.deps.db, c.req.param("id")!);
  const shown = values ?? { name: area.name, sortOrder: String(area.sortOrder) };
  return formPage(c, { title: area.name, status: failure?.status }, <AreaForm action={areaUrl(area.id)} values={shown} failure={failure} isNew={false} />, await areaAround(c, area));
}

export async function submitArea(c: Ctx) {
  const values = await formValues(c);
  const areaId = c.req.param("id")!;
  const result = await attempt(() => updateArea(c.var.deps, c.var.user!, { areaId, name: areaInput(values).name, sortOrder: areaInput(values).sortOrder }));
  if (!result.ok) return areaPage(c, values, result);
  return redirectAfterPost(c, `${areaUrl(areaId)}?klart=${result.value.changed.length ? "sparat" : "oforandrat"}`);
}

