// /personal/examinationscentra: the centres, "Nytt examinationscenter", a centre's page with
// Godkänn, Ändra uppgifter, Stäng av / Återaktivera, its examinators (Bjud in examinator, Ta bort), its provtillfällen and Händelselogg,
// and each provtillfälle read-only. Admins manage; every staff member reads.
import { Hono, type Context } from "hono";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { Conflict, Forbidden, Invalid, type FieldErrors } from "../../lib/errors.ts";
import { formatOrgNumber, parseOrgNumber } from "../../lib/identity/orgnummer.ts";
import { ownEntry } from "../../lib/own-key.ts";
import { downloadHeaders } from "../../lib/uploads/download-headers.ts";
import { listExaminableSchemes } from "../../modules/catalogue/index.ts";
import { approveCentre, canManageCentres, centreStatus, createCentre, getCentre, reinstateCentre, suspendCentre, updateCentre, inviteExaminator, listCentreEvents, listCentres, readProtocol, removeExaminator, type CentreListRow, type ExaminatorRow } from "../../modules/examinations/index.ts";
import type { AppEnv } from "../env.ts";
import { redirectAfterPost } from "../htmx.ts";
import { page } from "../render.tsx";
import { DataTable, type Column } from "../views/data-table.tsx";
import { EventLog } from "../views/event-log.tsx";
import { ActionNotices, ErrorSummary, Field } from "../views/form.tsx";
import { CheckboxGroup } from "../views/inputs.tsx";
import { formatDate, formatDateTime } from "../views/time.ts";
import { CentreSummary, staffSessionColumns } from "./centre-page.tsx";
import { own, postedForm } from "./form.ts";
import { CENTRE_STATUS, staffCentreUrl } from "./labels.ts";
import { renderSessionPage } from "./session-page.tsx";
import { t, labels, language } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;
const LIST = "/personal/examinationscentra";

const Breadcrumbs = ({ here, centre }: { here: string | null; centre?: { id: string; name: string } }) => (
  <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
    <a href="/personal">{t("nav.staff")}</a> › {here === null ? t("nav.centres") : <a href={LIST}>{t("nav.centres")}</a>}
    {centre ? (
      <>
        {" "}
        › <a href={staffCentreUrl(centre.id)}>{centre.name}</a>
      </>
    ) : null}
    {here !== null ? ` › ${here}` : null}
  </nav>
);

const Status = ({ status }: { status: string }) => <span class={`status ${CENTRE_STATUS[status]?.chip ?? "status--muted"}`}>{CENTRE_STATUS[status]?.label ?? status}</span>;

const listColumns = (): Column<CentreListRow>[] => [
  { key: "namn", label: t("staff.centre.col.centre"), value: (r) => r.centre.name, render: (r) => <a href={staffCentreUrl(r.centre.id)}>{r.centre.name}</a> },
  { key: "ort", label: t("common.city"), value: (r) => r.centre.city, groupable: true },
  { key: "status", label: t("cert.status"), value: (r) => CENTRE_STATUS[centreStatus(r.centre)]!.label, groupable: true, render: (r) => <Status status={centreStatus(r.centre)} /> },
  { key: "certifikat", label: t("common.certificate"), value: (r) => r.schemes, numeric: true },
  { key: "examinatorer", label: t("staff.centre.examinators"), value: (r) => r.examinators, numeric: true },
  { key: "provtillfallen", label: t("staff.centre.sessions"), value: (r) => r.sessions, numeric: true },
];

async function listPage(c: Ctx) {
  const rows = await listCentres(c.var.deps.db);
  return page(
    c,
    { title: t("nav.centres") },
    <>
      <Breadcrumbs here={null} />
      <header class="page-header">
        <h1>{t("nav.centres")}</h1>
        {canManageCentres(c.var.user!) ? (
          <div class="button-row">
            <a class="button" href={`${LIST}/nytt`}>
              <span aria-hidden="true">+ </span>{t("staff.centre.new")}
            </a>
          </div>
        ) : null}
      </header>
      <p>{t("staff.centre.intro")}</p>
      <DataTable prefix="centra" caption={t("nav.centres")} columns={listColumns()} rows={rows} path={LIST} query={c.req.query()} empty={t("staff.centre.none")} defaultSort={{ key: "namn", dir: "asc" }} />
    </>,
  );
}

// ---------------------------------------------------------------------------------------------
// Nytt examinationscenter

const fields = (): [name: string, label: string, opts: { required?: boolean; hint?: string; type?: string; inputmode?: "numeric" | "email" | "tel"; max: number }][] => [
  ["namn", t("verify.field.name"), { required: true, max: 200 }],
  ["orgnr", t("common.orgNumber"), { required: true, hint: t("staff.centre.orgnr.hint"), inputmode: "numeric", max: 20 }],
  ["adressrad1", t("address.line1"), { required: true, max: 200 }],
  ["postnummer", t("address.postalCode"), { required: true, max: 20 }],
  ["ort", t("common.city"), { required: true, hint: t("staff.centre.city.hint"), max: 100 }],
  ["epost", t("common.emailAddress"), { hint: t("staff.centre.email.hint"), type: "email", inputmode: "email", max: 254 }],
  ["telefon", t("common.phoneNumber"), { hint: t("staff.centre.phone.hint"), type: "tel", inputmode: "tel", max: 30 }],
  ["webbplats", t("centres.website"), { hint: t("staff.centre.website.hint"), max: 200 }],
];

async function newCentrePage(c: Ctx, form: CentreForm = {}, status?: ContentfulStatusCode) {
  if (!canManageCentres(c.var.user!)) throw new Forbidden(t("examinations.createAdminsOnly"));
  return centreFormPage(c, { title: t("staff.centre.new"), intro: t("staff.centre.new.intro"), action: `${LIST}/nytt`, cancel: LIST, breadcrumbs: <Breadcrumbs here={t("staff.centre.new")} /> }, form, status);
}

interface CentreForm {
  values?: Record<string, string>;
  schemeIds?: string[];
  errors?: FieldErrors;
}

/** Nytt examinationscenter and Ändra uppgifter: the same fields, but the organisationsnummer only when new. */
async function centreFormPage(
  c: Ctx,
  at: { title: string; intro: string; action: string; cancel: string; breadcrumbs: Child; orgNumber?: string },
  form: CentreForm,
  status?: ContentfulStatusCode,
) {
  const examinable = await listExaminableSchemes(c.var.deps.db);
  const v = form.values ?? {};
  const errors = form.errors ?? {};
  const chosen = form.schemeIds ?? [];
  return page(
    c,
    { title: at.title, status },
    <section class="narrow">
      {at.breadcrumbs}
      <h1>{at.title}</h1>
      <p>{at.intro}</p>
      <form method="post" action={at.action} class="form" novalidate>
        <ErrorSummary errors={form.errors} />
        {at.orgNumber ? (
          <dl class="details">
            <dt>{t("common.orgNumber")}</dt>
            <dd>{at.orgNumber}</dd>
          </dl>
        ) : null}
        {fields()
          .filter(([name]) => !(at.orgNumber && name === "orgnr"))
          .map(([name, label, o]) => (
            <Field name={name} label={label} required={o.required} hint={o.hint} type={o.type} inputmode={o.inputmode} maxlength={o.max} value={v[name] ?? ""} errors={errors} />
          ))}
        <CheckboxGroup name="certifikat" legend={t("staff.centre.schemes")} hint={t("staff.centre.schemes.hint")} options={examinable.map((s) => ({ value: s.scheme.id, label: `${s.area.name} - ${s.scheme.name}` }))} checked={chosen} errors={errors} asList />
        <div class="button-row">
          <button type="submit" class="button">
            {t("common.save")}
          </button>
          <a class="button button--secondary" href={at.cancel}>
            {t("common.cancel")}
          </a>
        </div>
      </form>
    </section>,
  );
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The form as the module's input, or the message at each field that is wrong (no organisationsnummer in an edit). */
function centreInput(values: Record<string, string>, schemeIds: string[], edit = false) {
  const errors: FieldErrors = {};
  const text = (name: string) => (values[name] ?? "").trim();
  const all = fields().filter(([name]) => !(edit && name === "orgnr"));
  const max = (name: string) => all.find((f) => f[0] === name)![2].max;
  for (const [name, label, o] of all) {
    if (o.required && !text(name)) errors[name] = t("staff.centre.field.missing", label.toLocaleLowerCase(language() === "en" ? "en-GB" : "sv-SE"));
    else if (text(name).length > o.max) errors[name] = t("staff.centre.field.tooLong", label, max(name));
  }
  const org = edit ? ({ ok: true, value: "" } as const) : parseOrgNumber(text("orgnr"));
  if (!errors.orgnr && !org.ok) errors.orgnr = org.message;
  if (text("epost") && !EMAIL.test(text("epost")) && !errors.epost) errors.epost = t("staff.centre.email.invalid");
  if (text("telefon") && !errors.telefon && !(/^\+?[\d\s()-]+$/.test(text("telefon")) && text("telefon").replace(/\D/g, "").length >= 6)) errors.telefon = t("staff.centre.phone.invalid");
  if (text("webbplats") && !errors.webbplats && !/^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(text("webbplats"))) errors.webbplats = t("staff.centre.website.invalid");
  if (Object.keys(errors).length) throw new Invalid(errors);
  const optional = (name: string) => text(name) || null;
  return { name: text("namn"), orgNumber: org.ok ? org.value : "", addressLine1: text("adressrad1"), postalCode: text("postnummer"), city: text("ort"), email: optional("epost")?.toLowerCase() ?? null, phone: optional("telefon"), website: optional("webbplats"), schemeIds };
}

async function submitNewCentre(c: Ctx) {
  if (!canManageCentres(c.var.user!)) throw new Forbidden(t("examinations.createAdminsOnly"));
  const { values, lists } = await postedForm(c);
  const schemeIds = (own(lists, "certifikat") ?? []).slice(0, 50).map((s) => s.slice(0, 100));
  try {
    const { centreId } = await createCentre(c.var.deps, c.var.user!, centreInput(values, schemeIds));
    return redirectAfterPost(c, `${staffCentreUrl(centreId)}?klart=skapat`);
  } catch (e) {
    if (e instanceof Invalid) return newCentrePage(c, { values, schemeIds, errors: e.fields }, 422);
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Ändra uppgifter

async function editCentrePage(c: Ctx, form?: CentreForm, status?: ContentfulStatusCode) {
  if (!canManageCentres(c.var.user!)) throw new Forbidden(t("examinations.editAdminsOnly"));
  const details = await getCentre(c.var.deps.db, c.var.user!, c.req.param("id")!);
  const { centre } = details;
  const shown: CentreForm = form ?? {
    values: { namn: centre.name, adressrad1: centre.addressLine1, postnummer: centre.postalCode, ort: centre.city, epost: centre.email ?? "", telefon: centre.phone ?? "", webbplats: centre.website ?? "" },
    schemeIds: details.schemes.map((s) => s.scheme.id),
  };
  const path = staffCentreUrl(centre.id);
  return centreFormPage(c, { title: t("staff.centre.edit"), intro: t("staff.centre.edit.intro"), action: `${path}/andra`, cancel: path, breadcrumbs: <Breadcrumbs here={t("staff.centre.edit")} centre={centre} />, orgNumber: formatOrgNumber(centre.orgNumber) }, shown, status);
}

async function submitEditCentre(c: Ctx) {
  if (!canManageCentres(c.var.user!)) throw new Forbidden(t("examinations.editAdminsOnly"));
  const id = c.req.param("id")!;
  const { values, lists } = await postedForm(c);
  const schemeIds = (own(lists, "certifikat") ?? []).slice(0, 50).map((s) => s.slice(0, 100));
  try {
    const { orgNumber: _, ...input } = centreInput(values, schemeIds, true);
    const { changed } = await updateCentre(c.var.deps, c.var.user!, id, input);
    return redirectAfterPost(c, `${staffCentreUrl(id)}?klart=${changed.length ? "andrat" : "oforandrat"}`);
  } catch (e) {
    if (e instanceof Invalid) return editCentrePage(c, { values, schemeIds, errors: e.fields }, 422);
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// A centre's page

const DONE: Readonly<Record<string, string>> = labels({
  skapat: "staff.centre.done.created",
  godkant: "staff.centre.done.approved",
  inbjuden: "staff.centre.done.invited",
  skapad: "staff.centre.done.account",
  borttagen: "staff.centre.done.removed",
  andrat: "staff.centre.done.updated",
  oforandrat: "staff.centre.done.unchanged",
  avstangt: "staff.centre.done.suspended",
  ateraktiverat: "staff.centre.done.reinstated",
});

interface CentreFailure {
  form: "godkann" | "bjud-in" | "ta-bort" | "stang-av" | "ateraktivera";
  message: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
}

function examinatorColumns(centreId: string, manage: boolean): Column<ExaminatorRow>[] {
  const columns: Column<ExaminatorRow>[] = [
    { key: "namn", label: t("verify.field.name"), value: (r) => `${r.givenName} ${r.familyName}`, render: (r) => <a href={`/personal/personer/${r.personId}`}>{`${r.givenName} ${r.familyName}`}</a> },
    { key: "epost", label: t("common.emailAddress"), value: (r) => r.email },
    { key: "tillagd", label: t("staff.centre.col.added"), value: (r) => formatDate(r.addedAt) },
  ];
  if (manage) {
    columns.push({
      key: "atgard",
      label: t("common.action"),
      value: () => null,
      sortable: false,
      render: (r) => (
        <form method="post" action={`${staffCentreUrl(centreId)}/examinatorer/${r.id}/ta-bort`} class="inline-form">
          <button type="submit" class="button button--secondary">
            {t("company.remove")}<span class="visually-hidden"> {`${r.givenName} ${r.familyName}`}</span>
          </button>
        </form>
      ),
    });
  }
  return columns;
}

async function centrePage(c: Ctx, failure?: CentreFailure, status?: ContentfulStatusCode) {
  const user = c.var.user!;
  const id = c.req.param("id")!;
  const details = await getCentre(c.var.deps.db, user, id);
  const events = await listCentreEvents(c.var.deps.db, user, id);
  const { centre } = details;
  const manage = canManageCentres(user);
  const path = staffCentreUrl(centre.id);
  const now = centreStatus(centre);
  const st = CENTRE_STATUS[now]!;
  const values = failure?.values ?? {};
  const at = (form: CentreFailure["form"]) => (failure?.form === form ? failure : undefined);
  return page(
    c,
    { title: centre.name, status },
    <>
      <Breadcrumbs here={centre.name} />
      <header class="page-header">
        <h1>{centre.name}</h1>
        {manage && now === "pending" ? (
          <form method="post" action={`${path}/godkann`} class="inline-form">
            <button type="submit" class="button">
              {t("staff.review.approve")}
            </button>
          </form>
        ) : null}
        {manage && now === "suspended" ? (
          <form method="post" action={`${path}/ateraktivera`} class="inline-form">
            <button type="submit" class="button">
              {t("staff.centre.reinstate")}
            </button>
          </form>
        ) : null}
      </header>
      <ActionNotices done={failure ? undefined : ownEntry(DONE, c.req.query("klart"))} failure={failure && failure.form !== "bjud-in" && !failure.errors ? failure.message : undefined} />
      <CentreSummary details={details} statusLabel={st.label} statusChip={st.chip} />
      <section aria-labelledby="uppgifter">
        <h2 id="uppgifter">{t("staff.centre.details")}</h2>
        {manage ? (
          <p>
            <a class="button button--secondary" href={`${path}/andra`}>
              {t("staff.centre.edit")}
            </a>
          </p>
        ) : null}
        <dl class="details">
          <dt>{t("common.orgNumber")}</dt>
          <dd>{formatOrgNumber(centre.orgNumber)}</dd>
          <dt>{t("about.address")}</dt>
          <dd>
            {centre.addressLine1}, {centre.postalCode} {centre.city}
          </dd>
          <dt>{t("common.emailAddress")}</dt>
          <dd>{centre.email ?? t("staff.invoice.noneGiven")}</dd>
          <dt>{t("common.phoneNumber")}</dt>
          <dd>{centre.phone ?? t("staff.invoice.noneGivenNeuter")}</dd>
          <dt>{t("centres.website")}</dt>
          <dd>{centre.website ?? t("staff.invoice.noneGiven")}</dd>
          <dt>{t("staff.centre.created")}</dt>
          <dd>{formatDateTime(centre.createdAt)}</dd>
          {centre.approvedAt ? (
            <>
              <dt>{t("staff.centre.approved")}</dt>
              <dd>{formatDateTime(centre.approvedAt)}</dd>
            </>
          ) : null}
          {centre.suspendedAt ? (
            <>
              <dt>{t("staff.centre.suspendedSince")}</dt>
              <dd>{formatDateTime(centre.suspendedAt)}</dd>
              <dt>{t("staff.centre.suspensionReason")}</dt>
              <dd>{centre.suspensionReason}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="examinatorer">
        <h2 id="examinatorer">{t("staff.centre.examinators")}</h2>
        <DataTable prefix="examinator" caption={t("staff.centre.examinators")} columns={examinatorColumns(centre.id, manage)} rows={details.examinators} path={path} query={c.req.query()} empty={t("staff.centre.noExaminators")} searchable={false} />
        {manage ? (
          <form method="post" action={`${path}/examinatorer`} class="form narrow" novalidate>
            <h3>{t("staff.centre.invite")}</h3>
            <p class="hint">{t("staff.centre.invite.hint")}</p>
            {at("bjud-in") && !at("bjud-in")!.errors ? (
              <div class="notice notice--error" role="alert">
                <p>{at("bjud-in")!.message}</p>
              </div>
            ) : null}
            <ErrorSummary errors={at("bjud-in")?.errors} />
            <Field name="epost" label={t("common.emailAddress")} type="email" inputmode="email" required maxlength={254} value={values.epost ?? ""} errors={at("bjud-in")?.errors} />
            <Field name="fornamn" label={t("common.givenName")} maxlength={100} value={values.fornamn ?? ""} errors={at("bjud-in")?.errors} hint={t("staff.centre.invite.nameHint")} />
            <Field name="efternamn" label={t("common.familyName")} maxlength={100} value={values.efternamn ?? ""} errors={at("bjud-in")?.errors} />
            <div class="button-row">
              <button type="submit" class="button">
                {t("staff.centre.invite")}
              </button>
            </div>
          </form>
        ) : null}
      </section>
      <section aria-labelledby="provtillfallen">
        <h2 id="provtillfallen">{t("staff.centre.sessions")}</h2>
        <DataTable prefix="prov" caption={t("staff.centre.sessions")} columns={staffSessionColumns()} rows={details.sessions} path={path} query={c.req.query()} empty={t("staff.centre.noSessions")} defaultSort={{ key: "datum", dir: "desc" }} />
      </section>
      {manage && now === "approved" ? (
        <section aria-labelledby="stang-av">
          <form method="post" action={`${path}/stang-av`} class="form narrow" novalidate>
            <h2 id="stang-av">{t("staff.centre.suspend.title")}</h2>
            <p class="hint">{t("staff.centre.suspend.hint")}</p>
            <ErrorSummary errors={at("stang-av")?.errors} />
            <Field name="skal" label={t("staff.centre.suspend.reason")} rows={3} required maxlength={1000} hint={t("staff.centre.suspend.reasonHint")} value={values.skal ?? ""} errors={at("stang-av")?.errors} />
            <div class="button-row">
              <button type="submit" class="button button--danger">
                {t("staff.centre.suspend")}
              </button>
            </div>
          </form>
        </section>
      ) : null}
      <EventLog events={events} path={path} query={c.req.query()} />
    </>,
  );
}

async function centreAct(c: Ctx, form: CentreFailure["form"], run: (values: Record<string, string>) => Promise<string>) {
  const id = c.req.param("id")!;
  const { values } = await postedForm(c);
  try {
    const done = await run(values);
    return redirectAfterPost(c, `${staffCentreUrl(id)}?klart=${done}`);
  } catch (e) {
    const status: ContentfulStatusCode | null = e instanceof Invalid ? 422 : e instanceof Conflict ? 409 : e instanceof Forbidden ? 403 : null;
    if (status === null) throw e;
    return centrePage(c, { form, message: (e as Error).message, errors: e instanceof Invalid && Object.keys(e.fields).length ? e.fields : undefined, values }, status);
  }
}

/** Mounted under /personal, behind requireUser and requireStaff. */
export function staffExaminationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/examinationscentra", listPage);
  app.get("/examinationscentra/nytt", (c) => newCentrePage(c));
  app.post("/examinationscentra/nytt", submitNewCentre);
  app.get("/examinationscentra/:id", (c) => centrePage(c));
  app.get("/examinationscentra/:id/andra", (c) => editCentrePage(c));
  app.post("/examinationscentra/:id/andra", submitEditCentre);
  app.post("/examinationscentra/:id/godkann", (c) =>
    centreAct(c, "godkann", async () => {
      await approveCentre(c.var.deps, c.var.user!, { centreId: c.req.param("id") });
      return "godkant";
    }),
  );
  app.post("/examinationscentra/:id/stang-av", (c) =>
    centreAct(c, "stang-av", async (v) => {
      await suspendCentre(c.var.deps, c.var.user!, { centreId: c.req.param("id"), reason: (own(v, "skal") ?? "").slice(0, 2000) });
      return "avstangt";
    }),
  );
  app.post("/examinationscentra/:id/ateraktivera", (c) =>
    centreAct(c, "ateraktivera", async () => {
      await reinstateCentre(c.var.deps, c.var.user!, { centreId: c.req.param("id") });
      return "ateraktiverat";
    }),
  );
  app.post("/examinationscentra/:id/examinatorer", (c) =>
    centreAct(c, "bjud-in", async (v) => {
      const text = (name: string) => (own(v, name) ?? "").slice(0, 300);
      const { newAccount } = await inviteExaminator(c.var.deps, c.var.user!, { centreId: c.req.param("id"), email: text("epost"), givenName: text("fornamn").slice(0, 100), familyName: text("efternamn").slice(0, 100) });
      return newAccount ? "skapad" : "inbjuden";
    }),
  );
  app.post("/examinationscentra/:id/examinatorer/:examinatorId/ta-bort", (c) =>
    centreAct(c, "ta-bort", async () => {
      await removeExaminator(c.var.deps, c.var.user!, { centreId: c.req.param("id"), examinatorId: c.req.param("examinatorId") });
      return "borttagen";
    }),
  );
  app.get("/provtillfallen/:id", (c) => renderSessionPage(c, "staff", c.req.param("id")));
  app.get("/provtillfallen/:id/protokoll", async (c) => {
    const f = await readProtocol(c.var.deps, c.var.user!, c.req.param("id"));
    return c.body(new Uint8Array(f.bytes), 200, downloadHeaders(f));
  });
  return app;
}
