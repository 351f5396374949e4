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
import { t } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;

const submitButton = () => t("submit.button");

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
    t("submit.title"),
    <>
      {failure ? (
        <div class="notice notice--error" role="alert" tabindex={-1}>
          <p>{failure}</p>
        </div>
      ) : null}
      <p>{t("submit.intro", submitButton())}</p>

      <section aria-labelledby="sammanfattning-moment">
        <h2 id="sammanfattning-moment">{t("common.moments")}</h2>
        <TableScroll label={t("submit.moments")}>
          <table class="data summary-table">
            <caption class="visually-hidden">{t("submit.moments")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("moment.col.moment")}</th>
                <th scope="col">{t("cert.status")}</th>
                <th scope="col">{t("moment.file")}</th>
              </tr>
            </thead>
            <tbody>
              {moments.map((m) => (
                <tr>
                  <td>{m.name}</td>
                  <td>
                    <span class={`status ${REQUIREMENT_CHIPS[m.status]}`}>{REQUIREMENT_LABELS[m.status]}</span>
                  </td>
                  <td>{m.latestDocumentId ? <a href={processUrl(id, `/filer/${m.latestDocumentId}`)}>{m.latestFileName}</a> : m.reviewComment ?? t("submit.noFile")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="sammanfattning-forbindelse">
        <h2 id="sammanfattning-forbindelse">{t("declaration.title")}</h2>
        {app.application.declaredAt ? (
          <p>
            {t("submit.declaredOn", formatDate(app.application.declaredAt))}
            {declaration ? t("submit.declarationVersion", declaration.version) : ""}. <a href={processUrl(id, "/intyga")}>{t("submit.readDeclaration")}</a>
          </p>
        ) : (
          <p>{t("submit.notDeclared")}</p>
        )}
      </section>

      <section aria-labelledby="sammanfattning-faktura">
        <h2 id="sammanfattning-faktura">{t("process.recipient")}</h2>
        {!app.scheme.invoiced ? (
          <p>{t("rule.noInvoice")}</p>
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
            {r.reference ? <p>{t("submit.reference", r.reference)}</p> : null}
            <p>{t("submit.fee", formatKronor(applicationPrice(app)))}</p>
            {mayChangeRecipient ? (
              <p>
                <a href={processUrl(id, "/fakturamottagare")}>{t("submit.changeRecipient")}</a>
              </p>
            ) : null}
          </>
        ) : (
          <p>{t("submit.noRecipient")}</p>
        )}
      </section>

      {ready ? (
        <form method="post" action={processUrl(id, "/skicka-in")} class="form">
          <div class="button-row">
            <button type="submit" class="button">
              {submitButton()}
            </button>
            <a class="button button--secondary" href={processUrl(id)}>
              {t("common.cancel")}
            </a>
          </div>
        </form>
      ) : (
        <p class="notice notice--info">
          {!mayAct ? t("submit.onlyApplicant") : state.status === "final_review" ? t("submit.sent") : allowed.ok ? "" : allowed.reason}
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
