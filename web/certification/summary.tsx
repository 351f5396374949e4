// "Granska och skicka in": the last look before the application goes to the certification body.
// Everything that is sent is shown (Moment with their files, the förbindelse, the fakturamottagare,
// the fee) and the one button says what it does. Intyga and Ange fakturamottagare lead here; they
// do not send the application themselves.
import type { Context } from "hono";
import { Conflict } from "../../lib/errors.ts";
import { acceptedDeclaration, applicationPrice, awaitingSubmission, canActAsApplicant, canApplicant, listMoments, processState, REQUIREMENT_LABELS, submitApplication } from "../../modules/certification/index.ts";
import type { AppEnv } from "../env.ts";
import { redirectAfterPost } from "../htmx.ts";
import { formatDate } from "../views/time.ts";
import { TableScroll } from "../views/table-scroll.tsx";
import { applicationFor, subPage } from "./frame.tsx";
import { processUrl } from "./paths.ts";
import { formatKronor, REQUIREMENT_CHIPS } from "./process-page.tsx";

type Ctx = Context<AppEnv>;

export const SUMMARY_HEADING = "Granska och skicka in";
export const SUBMIT_BUTTON = "Skicka in ansökan";

export async function summaryPage(c: Ctx, failure?: string, status?: 409) {
  const ctx = await applicationFor(c);
  const { app } = ctx;
  const id = app.application.id;
  const state = processState(app);
  const [moments, declaration, mayAct] = await Promise.all([
    listMoments(c.var.deps.db, id),
    app.application.declarationTextId ? acceptedDeclaration(c.var.deps, app.application.declarationTextId) : Promise.resolve(null),
    canActAsApplicant(c.var.deps.db, c.var.user!, app.application),
  ]);
  const allowed = canApplicant(state, "submit");
  const ready = mayAct && awaitingSubmission(state);
  const r = app.recipient;
  const mayChangeRecipient = ready && app.scheme.invoiced;
  return subPage(
    c,
    ctx,
    SUMMARY_HEADING,
    <>
      {failure ? (
        <div class="notice notice--error" role="alert" tabindex={-1}>
          <p>{failure}</p>
        </div>
      ) : null}
      <p>Kontrollera det du skickar in. När du väljer {SUBMIT_BUTTON} går ansökan till sista granskning hos oss och kan inte längre ändras. Du får ett mejl när den är beslutad.</p>

      <section aria-labelledby="sammanfattning-moment">
        <h2 id="sammanfattning-moment">Moment</h2>
        <TableScroll label="Moment och uppladdade filer">
          <table class="data summary-table">
            <caption class="visually-hidden">Moment och uppladdade filer</caption>
            <thead>
              <tr>
                <th scope="col">Moment</th>
                <th scope="col">Status</th>
                <th scope="col">Fil</th>
              </tr>
            </thead>
            <tbody>
              {moments.map((m) => (
                <tr>
                  <td>{m.name}</td>
                  <td>
                    <span class={`status ${REQUIREMENT_CHIPS[m.status]}`}>{REQUIREMENT_LABELS[m.status]}</span>
                  </td>
                  <td>{m.latestDocumentId ? <a href={processUrl(id, `/filer/${m.latestDocumentId}`)}>{m.latestFileName}</a> : m.reviewComment ?? "Ingen fil"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="sammanfattning-forbindelse">
        <h2 id="sammanfattning-forbindelse">Förbindelse</h2>
        {app.application.declaredAt ? (
          <p>
            Intygad {formatDate(app.application.declaredAt)}
            {declaration ? `, förbindelsetext version ${declaration.version}` : ""}. <a href={processUrl(id, "/intyga")}>Läs förbindelsetexten</a>
          </p>
        ) : (
          <p>Ansökan är inte intygad ännu.</p>
        )}
      </section>

      <section aria-labelledby="sammanfattning-faktura">
        <h2 id="sammanfattning-faktura">Fakturamottagare</h2>
        {!app.scheme.invoiced ? (
          <p>Ingen faktura skickas för det här certifikatet.</p>
        ) : r ? (
          <>
            <address>
              {r.name}
              <br />
              {r.addressLine1}
              {r.addressLine2 ? (
                <>
                  <br />
                  {r.addressLine2}
                </>
              ) : null}
              <br />
              {r.postalCode} {r.city}
              <br />
              {r.country}
            </address>
            {r.reference ? <p>Fakturareferens/Ordernr: {r.reference}</p> : null}
            <p>
              Avgift: {formatKronor(applicationPrice(app))} exkl. moms. Fakturan skickas när certifikatet är utfärdat.
            </p>
            {mayChangeRecipient ? (
              <p>
                <a href={processUrl(id, "/fakturamottagare")}>Ändra fakturamottagare</a>
              </p>
            ) : null}
          </>
        ) : (
          <p>Ingen fakturamottagare angiven ännu.</p>
        )}
      </section>

      {ready ? (
        <form method="post" action={processUrl(id, "/skicka-in")} class="form">
          <div class="button-row">
            <button type="submit" class="button">
              {SUBMIT_BUTTON}
            </button>
            <a class="button button--secondary" href={processUrl(id)}>
              Avbryt
            </a>
          </div>
        </form>
      ) : (
        <p class="notice notice--info">
          {!mayAct ? "Bara den som ansöker kan skicka in ansökan." : state.status === "final_review" ? "Ansökan är inskickad och granskas. Du får ett mejl när den är beslutad." : allowed.ok ? "" : allowed.reason}
        </p>
      )}
    </>,
    { status },
  );
}

export async function submitSummary(c: Ctx) {
  const id = c.req.param("id")!;
  try {
    await submitApplication(c.var.deps, c.var.user!, { applicationId: id });
  } catch (e) {
    if (e instanceof Conflict) return summaryPage(c, e.message, 409);
    throw e;
  }
  return redirectAfterPost(c, processUrl(id, "?klart=granskas"));
}
