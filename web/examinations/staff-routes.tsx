// /personal/examinationscentra: the centres, "Nytt examinationscenter", a centre's page with
// Godkänn, its examinators (Bjud in examinator, Ta bort), its provtillfällen and Händelselogg,
// and each provtillfälle read-only. Admins manage; every staff member reads.
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { Conflict, Forbidden, Invalid, type FieldErrors } from "../../lib/errors.ts";
import { formatOrgNumber, parseOrgNumber } from "../../lib/identity/orgnummer.ts";
import { ownEntry } from "../../lib/own-key.ts";
import { downloadHeaders } from "../../lib/uploads/download-headers.ts";
import { listExaminableSchemes } from "../../modules/catalogue/index.ts";
import { approveCentre, canManageCentres, createCentre, getCentre, inviteExaminator, listCentreEvents, listCentres, readProtocol, removeExaminator, type CentreListRow, type ExaminatorRow } from "../../modules/examinations/index.ts";
import type { AppEnv } from "../env.ts";
import { redirectAfterPost } from "../htmx.ts";
import { page } from "../render.tsx";
import { DataTable, type Column } from "../views/data-table.tsx";
import { EventLog } from "../views/event-log.tsx";
import { ActionNotices, ErrorSummary, Field } from "../views/form.tsx";
import { formatDate, formatDateTime } from "../views/time.ts";
import { CentreSummary, staffSessionColumns } from "./centre-page.tsx";
import { own, postedForm } from "./form.ts";
import { CENTRE_STATUS, staffCentreUrl } from "./labels.ts";
import { renderSessionPage } from "./session-page.tsx";

type Ctx = Context<AppEnv>;
const LIST = "/personal/examinationscentra";

const Breadcrumbs = ({ here, centre }: { here: string; centre?: { id: string; name: string } }) => (
  <nav class="breadcrumbs" aria-label="Du är här">
    <a href="/personal">Personal</a> › {here === "Examinationscentra" ? "Examinationscentra" : <a href={LIST}>Examinationscentra</a>}
    {centre ? (
      <>
        {" "}
        › <a href={staffCentreUrl(centre.id)}>{centre.name}</a>
      </>
    ) : null}
    {here !== "Examinationscentra" ? ` › ${here}` : null}
  </nav>
);

const Status = ({ status }: { status: string }) => <span class={`status ${CENTRE_STATUS[status]?.chip ?? "status--muted"}`}>{CENTRE_STATUS[status]?.label ?? status}</span>;

const LIST_COLUMNS: Column<CentreListRow>[] = [
  { key: "namn", label: "Examinationscenter", value: (r) => r.centre.name, render: (r) => <a href={staffCentreUrl(r.centre.id)}>{r.centre.name}</a> },
  { key: "ort", label: "Ort", value: (r) => r.centre.city, groupable: true },
  { key: "status", label: "Status", value: (r) => CENTRE_STATUS[r.centre.status]?.label ?? r.centre.status, groupable: true, render: (r) => <Status status={r.centre.status} /> },
  { key: "certifikat", label: "Certifikat", value: (r) => r.schemes, numeric: true },
  { key: "examinatorer", label: "Examinatorer", value: (r) => r.examinators, numeric: true },
  { key: "provtillfallen", label: "Provtillfällen", value: (r) => r.sessions, numeric: true },
];

async function listPage(c: Ctx) {
  const rows = await listCentres(c.var.deps.db);
  return page(
    c,
    { title: "Examinationscentra" },
    <>
      <Breadcrumbs here="Examinationscentra" />
      <header class="page-header">
        <h1>Examinationscentra</h1>
        {canManageCentres(c.var.user!) ? (
          <div class="button-row">
            <a class="button" href={`${LIST}/nytt`}>
              <span aria-hidden="true">+ </span>Nytt examinationscenter
            </a>
          </div>
        ) : null}
      </header>
      <p>Organisationer som håller prov för certifiering. Ett godkänt examinationscenter visas på den publika sidan Examinationscentra med sina kommande provtillfällen.</p>
      <DataTable prefix="centra" caption="Examinationscentra" columns={LIST_COLUMNS} rows={rows} path={LIST} query={c.req.query()} empty="Inga examinationscentra ännu." defaultSort={{ key: "namn", dir: "asc" }} />
    </>,
  );
}

// ---------------------------------------------------------------------------------------------
// Nytt examinationscenter

const FIELDS: [name: string, label: string, opts: { required?: boolean; hint?: string; type?: string; inputmode?: "numeric" | "email" | "tel"; max: number }][] = [
  ["namn", "Namn", { required: true, max: 200 }],
  ["orgnr", "Organisationsnummer", { required: true, hint: "Tio siffror, t.ex. 556016-0680.", inputmode: "numeric", max: 20 }],
  ["adressrad1", "Adressrad 1", { required: true, max: 200 }],
  ["postnummer", "Postnummer", { required: true, max: 20 }],
  ["ort", "Ort", { required: true, hint: "Examinationscentra listas per ort på den publika sidan.", max: 100 }],
  ["epost", "E-postadress", { hint: "Publiceras som kontakt: ange en funktionsadress, t.ex. prov@centret.se, inte en persons.", type: "email", inputmode: "email", max: 254 }],
  ["telefon", "Telefonnummer", { hint: "Publiceras som kontakt: centrets växel eller provbokning.", type: "tel", inputmode: "tel", max: 30 }],
  ["webbplats", "Webbplats", { hint: "Adress som börjar med https://, publiceras som kontakt.", max: 200 }],
];

async function newCentrePage(c: Ctx, form: { values?: Record<string, string>; schemeIds?: string[]; errors?: FieldErrors } = {}, status?: ContentfulStatusCode) {
  if (!canManageCentres(c.var.user!)) throw new Forbidden("Bara administratörer kan lägga upp examinationscentra.");
  const examinable = await listExaminableSchemes(c.var.deps.db);
  const v = form.values ?? {};
  const errors = form.errors ?? {};
  const chosen = form.schemeIds ?? [];
  return page(
    c,
    { title: "Nytt examinationscenter", status },
    <section class="narrow">
      <Breadcrumbs here="Nytt examinationscenter" />
      <h1>Nytt examinationscenter</h1>
      <p>Examinationscentret väntar på godkännande när det är sparat. Bjud sedan in dess examinatorer från centrets sida.</p>
      <form method="post" action={`${LIST}/nytt`} class="form" novalidate>
        <ErrorSummary errors={form.errors} />
        {FIELDS.map(([name, label, o]) => (
          <Field name={name} label={label} required={o.required} hint={o.hint} type={o.type} inputmode={o.inputmode} maxlength={o.max} value={v[name] ?? ""} errors={errors} />
        ))}
        <fieldset class={errors.certifikat ? "field field--error" : "field"} aria-describedby={errors.certifikat ? "f-certifikat-error" : undefined}>
          <legend>Certifikat som centret får examinera</legend>
          <p class="hint">Certifikat med ett prov i katalogen. Teknikområdena följer av certifikaten.</p>
          {examinable.map((s, i) => (
            <div class="checkbox">
              <input type="checkbox" id={i === 0 ? "f-certifikat" : `f-certifikat-${i}`} name="certifikat" value={s.scheme.id} checked={chosen.includes(s.scheme.id)} />
              <label for={i === 0 ? "f-certifikat" : `f-certifikat-${i}`}>
                {s.area.name} - {s.scheme.name}
              </label>
            </div>
          ))}
          {errors.certifikat ? (
            <p class="error" id="f-certifikat-error">
              <span class="visually-hidden">Fel: </span>
              {errors.certifikat}
            </p>
          ) : null}
        </fieldset>
        <div class="button-row">
          <button type="submit" class="button">
            Spara
          </button>
          <a class="button button--secondary" href={LIST}>
            Avbryt
          </a>
        </div>
      </form>
    </section>,
  );
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The form as the module's input, or the Swedish message at each field that is wrong. */
function centreInput(values: Record<string, string>, schemeIds: string[]) {
  const errors: FieldErrors = {};
  const text = (name: string) => (values[name] ?? "").trim();
  const max = (name: string) => FIELDS.find((f) => f[0] === name)![2].max;
  for (const [name, label, o] of FIELDS) {
    if (o.required && !text(name)) errors[name] = `Ange ${label.toLocaleLowerCase("sv-SE")}.`;
    else if (text(name).length > o.max) errors[name] = `${label} får vara högst ${max(name)} tecken.`;
  }
  const org = parseOrgNumber(text("orgnr"));
  if (!errors.orgnr && !org.ok) errors.orgnr = org.message;
  if (text("epost") && !EMAIL.test(text("epost")) && !errors.epost) errors.epost = "Ange en giltig e-postadress, t.ex. prov@centret.se.";
  if (text("telefon") && !errors.telefon && !(/^\+?[\d\s()-]+$/.test(text("telefon")) && text("telefon").replace(/\D/g, "").length >= 6)) errors.telefon = "Ange telefonnumret med siffror, t.ex. 021-10 20 30.";
  if (text("webbplats") && !errors.webbplats && !/^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(text("webbplats"))) errors.webbplats = "Ange webbplatsen som en adress som börjar med https://.";
  if (Object.keys(errors).length) throw new Invalid(errors);
  const optional = (name: string) => text(name) || null;
  return { name: text("namn"), orgNumber: org.ok ? org.value : "", addressLine1: text("adressrad1"), postalCode: text("postnummer"), city: text("ort"), email: optional("epost")?.toLowerCase() ?? null, phone: optional("telefon"), website: optional("webbplats"), schemeIds };
}

async function submitNewCentre(c: Ctx) {
  if (!canManageCentres(c.var.user!)) throw new Forbidden("Bara administratörer kan lägga upp examinationscentra.");
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
// A centre's page

const DONE: Record<string, string> = {
  skapat: "Examinationscentret är sparat och väntar på godkännande.",
  godkant: "Examinationscentret är godkänt. Dess examinatorer kan nu lägga upp provtillfällen, och det visas på sidan Examinationscentra.",
  inbjuden: "Examinatorn är tillagd och har fått ett mejl.",
  skapad: "Ett konto har skapats och inbjudan med ett engångslösenord har skickats.",
  borttagen: "Examinatorn är borttagen från examinationscentret.",
};

interface CentreFailure {
  form: "godkann" | "bjud-in" | "ta-bort";
  message: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
}

function examinatorColumns(centreId: string, manage: boolean): Column<ExaminatorRow>[] {
  const columns: Column<ExaminatorRow>[] = [
    { key: "namn", label: "Namn", value: (r) => `${r.givenName} ${r.familyName}`, render: (r) => <a href={`/personal/personer/${r.personId}`}>{`${r.givenName} ${r.familyName}`}</a> },
    { key: "epost", label: "E-postadress", value: (r) => r.email },
    { key: "tillagd", label: "Tillagd", value: (r) => formatDate(r.addedAt) },
  ];
  if (manage) {
    columns.push({
      key: "atgard",
      label: "Åtgärd",
      value: () => null,
      sortable: false,
      render: (r) => (
        <form method="post" action={`${staffCentreUrl(centreId)}/examinatorer/${r.id}/ta-bort`} class="inline-form">
          <button type="submit" class="button button--secondary">
            Ta bort<span class="visually-hidden"> {`${r.givenName} ${r.familyName}`}</span>
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
  const st = CENTRE_STATUS[centre.status]!;
  const values = failure?.values ?? {};
  const at = (form: CentreFailure["form"]) => (failure?.form === form ? failure : undefined);
  return page(
    c,
    { title: centre.name, status },
    <>
      <Breadcrumbs here={centre.name} />
      <header class="page-header">
        <h1>{centre.name}</h1>
        {manage && centre.status === "pending" ? (
          <form method="post" action={`${path}/godkann`} class="inline-form">
            <button type="submit" class="button">
              Godkänn
            </button>
          </form>
        ) : null}
      </header>
      <ActionNotices done={failure ? undefined : ownEntry(DONE, c.req.query("klart"))} failure={failure && failure.form !== "bjud-in" ? failure.message : undefined} />
      <CentreSummary details={details} statusLabel={st.label} statusChip={st.chip} />
      <section aria-labelledby="uppgifter">
        <h2 id="uppgifter">Uppgifter</h2>
        <dl class="details">
          <dt>Organisationsnummer</dt>
          <dd>{formatOrgNumber(centre.orgNumber)}</dd>
          <dt>Adress</dt>
          <dd>
            {centre.addressLine1}, {centre.postalCode} {centre.city}
          </dd>
          <dt>E-postadress</dt>
          <dd>{centre.email ?? "Ingen angiven"}</dd>
          <dt>Telefonnummer</dt>
          <dd>{centre.phone ?? "Inget angivet"}</dd>
          <dt>Webbplats</dt>
          <dd>{centre.website ?? "Ingen angiven"}</dd>
          <dt>Upplagt</dt>
          <dd>{formatDateTime(centre.createdAt)}</dd>
          {centre.approvedAt ? (
            <>
              <dt>Godkänt</dt>
              <dd>{formatDateTime(centre.approvedAt)}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="examinatorer">
        <h2 id="examinatorer">Examinatorer</h2>
        <DataTable prefix="examinator" caption="Examinatorer" columns={examinatorColumns(centre.id, manage)} rows={details.examinators} path={path} query={c.req.query()} empty="Inga examinatorer ännu." searchable={false} />
        {manage ? (
          <form method="post" action={`${path}/examinatorer`} class="form narrow" novalidate>
            <h3>Bjud in examinator</h3>
            <p class="hint">Med e-post till ett befintligt konto eller ett nytt. Rollen gäller bara vid det här examinationscentret.</p>
            {at("bjud-in") && !at("bjud-in")!.errors ? (
              <div class="notice notice--error" role="alert">
                <p>{at("bjud-in")!.message}</p>
              </div>
            ) : null}
            <ErrorSummary errors={at("bjud-in")?.errors} />
            <Field name="epost" label="E-postadress" type="email" inputmode="email" required maxlength={254} value={values.epost ?? ""} errors={at("bjud-in")?.errors} />
            <Field name="fornamn" label="Förnamn" maxlength={100} value={values.fornamn ?? ""} errors={at("bjud-in")?.errors} hint="Behövs bara om personen inte har något konto: då skapas ett, med ett engångslösenord i inbjudan." />
            <Field name="efternamn" label="Efternamn" maxlength={100} value={values.efternamn ?? ""} errors={at("bjud-in")?.errors} />
            <div class="button-row">
              <button type="submit" class="button">
                Bjud in examinator
              </button>
            </div>
          </form>
        ) : null}
      </section>
      <section aria-labelledby="provtillfallen">
        <h2 id="provtillfallen">Provtillfällen</h2>
        <DataTable prefix="prov" caption="Provtillfällen" columns={staffSessionColumns()} rows={details.sessions} path={path} query={c.req.query()} empty="Inga provtillfällen ännu." defaultSort={{ key: "datum", dir: "desc" }} />
      </section>
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
  app.post("/examinationscentra/:id/godkann", (c) =>
    centreAct(c, "godkann", async () => {
      await approveCentre(c.var.deps, c.var.user!, { centreId: c.req.param("id") });
      return "godkant";
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
