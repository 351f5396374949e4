// Min Sida's certification pages: apply, the Certifieringsprocess with its Moment and Händelselogg,
// upload, intyga, fakturamottagare, granska och skicka in, återkalla, and the files. Each action goes through the
// certification module, which checks again who may do it.
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Child } from "hono/jsx";
import { NotFound } from "../../lib/errors.ts";
import { downloadHeaders } from "../../lib/uploads/download-headers.ts";
import { certificatePdf } from "../../modules/certificates/index.ts";
import { downloadCredential } from "../../modules/credentials/index.ts";
import { readApplicationFile, readTemplate } from "../../modules/certification/index.ts";
import { getCompanyPage, isCompanyAdmin } from "../../modules/employments/index.ts";
import type { AppEnv } from "../env.ts";
import { personPage } from "../portal/person-page.tsx";
import { page } from "../render.tsx";
import { declarationPage, submitDeclaration } from "./declaration.tsx";
import { recipientPage, submitRecipient } from "./invoice-recipient.tsx";
import { MAX_BODY_BYTES, momentPage, tooLarge, uploadMomentFile } from "./moment-page.tsx";
import { schemeFieldFragment, showApplyForm, submitApplyForm, type ApplyTarget } from "./new-application.tsx";
import { renderCertificatePage } from "./certificate-page.tsx";
import { renderProcessPage } from "./process-page.tsx";
import { submitSummary, summaryPage } from "./summary.tsx";
import { submitRenewal } from "./renewal.tsx";
import { submitWithdraw, withdrawPage } from "./withdraw.tsx";
import { t } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;

const PERSON_TARGET: ApplyTarget = {
  path: "/min-sida/ansok",
  cancel: "/min-sida",
  subject: "PERSON",
  page: (c, form, status) =>
    personPage(
      c,
      "/min-sida",
      <section aria-labelledby="ansok">
        <h2 id="ansok">
          <a href="/min-sida" class="back-link" aria-label={t("apply.back")}>
            ←
          </a>{" "}
          {t("apply.new")}
        </h2>
        <p>{t("apply.intro")}</p>
        {form}
      </section>,
      status,
    ),
};

/** A company applies from its page; the route checks the admin before anything is read. */
async function companyTarget(c: Ctx): Promise<ApplyTarget> {
  const companyId = c.req.param("id")!;
  if (!(await isCompanyAdmin(c.var.deps.db, c.var.user!, companyId))) throw new NotFound();
  const { company } = await getCompanyPage(c.var.deps.db, c.var.user!, companyId);
  const back = `/min-sida/foretag/${companyId}`;
  const around = (form: Child) => (
    <section class="narrow">
      <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
        <a href="/min-sida">{t("nav.minSida")}</a> › <a href={back}>{company.name}</a> › {t("apply.company")}
      </nav>
      <h1>{t("apply.company")}</h1>
      <p>{t("apply.company.intro", company.name)}</p>
      {form}
    </section>
  );
  return { path: `${back}/ansok`, cancel: back, subject: "COMPANY", companyId, page: (cx, form, status) => page(cx, { title: t("apply.company"), status }, around(form)) };
}

async function fileResponse(c: Ctx, file: Promise<{ bytes: Buffer; mime: Parameters<typeof downloadHeaders>[0]["mime"]; originalName: string; size: number }>) {
  const f = await file;
  return c.body(new Uint8Array(f.bytes), 200, downloadHeaders(f));
}

export function certificationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/ansok", (c) => showApplyForm(c, PERSON_TARGET));
  app.get("/ansok/certifikat", (c) => schemeFieldFragment(c, PERSON_TARGET));
  app.post("/ansok", (c) => submitApplyForm(c, PERSON_TARGET));

  app.get("/foretag/:id/ansok", async (c) => showApplyForm(c, await companyTarget(c)));
  app.get("/foretag/:id/ansok/certifikat", async (c) => schemeFieldFragment(c, await companyTarget(c)));
  app.post("/foretag/:id/ansok", async (c) => submitApplyForm(c, await companyTarget(c)));

  app.get("/ansokningar/:id", (c) => renderProcessPage(c, c.req.param("id"), "moment"));
  app.get("/ansokningar/:id/handelselogg", (c) => renderProcessPage(c, c.req.param("id"), "handelselogg"));

  app.get("/ansokningar/:id/moment/:momentId", (c) => momentPage(c));
  app.post("/ansokningar/:id/moment/:momentId", bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => momentPage(c as Ctx, { fil: tooLarge() }, 413) }), (c) => uploadMomentFile(c));

  app.get("/ansokningar/:id/intyga", (c) => declarationPage(c));
  app.post("/ansokningar/:id/intyga", (c) => submitDeclaration(c));

  app.get("/ansokningar/:id/fakturamottagare", (c) => recipientPage(c));
  app.post("/ansokningar/:id/fakturamottagare", (c) => submitRecipient(c));

  app.get("/ansokningar/:id/skicka-in", (c) => summaryPage(c));
  app.post("/ansokningar/:id/skicka-in", (c) => submitSummary(c));

  app.get("/ansokningar/:id/aterkalla", (c) => withdrawPage(c));
  app.post("/ansokningar/:id/aterkalla", (c) => submitWithdraw(c));

  app.get("/certifikat/:id", (c) => renderCertificatePage(c, c.req.param("id"), "moment"));
  app.get("/certifikat/:id/pdf", async (c) => {
    const { bytes, filename } = await certificatePdf(c.var.deps, c.var.user!, c.req.param("id"));
    return c.body(new Uint8Array(bytes), 200, downloadHeaders({ mime: "application/pdf", originalName: filename, size: bytes.length }));
  });
  // "Ladda ned digitalt certifikat": the version as a W3C Verifiable Credential (decision 019).
  app.get("/certifikat/:id/digitalt", async (c) => {
    const { jwt, filename } = await downloadCredential(c.var.deps, c.var.user!, c.req.param("id"));
    const bytes = new TextEncoder().encode(jwt);
    // A download like every other (lib/uploads/download-headers.ts), of the credential's own type.
    const headers = downloadHeaders({ mime: "application/pdf", originalName: filename, size: bytes.length });
    return c.body(bytes, 200, { ...headers, "Content-Type": "application/vc+jwt" });
  });
  app.post("/certifikat/:id/fornya", (c) => submitRenewal(c, (message) => renderCertificatePage(c, c.req.param("id"), "moment", message)));
  app.get("/certifikat/:id/handelselogg", (c) => renderCertificatePage(c, c.req.param("id"), "handelselogg"));

  // Files: the applicant's own (and staff), always as a download.
  app.get("/ansokningar/:id/filer/:documentId", (c) => fileResponse(c, readApplicationFile(c.var.deps, c.var.user!, c.req.param("id"), c.req.param("documentId"))));
  app.get("/filmallar/:requirementId", (c) => fileResponse(c, readTemplate(c.var.deps, c.req.param("requirementId"))));

  return app;
}
