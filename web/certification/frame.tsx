import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { applicantOf, loadApplication, type Applicant, type LoadedApplication } from "../../modules/certification/index.ts";
import type { AppEnv } from "../env.ts";
import { isHtmx } from "../htmx.ts";
import { page } from "../render.tsx";
import { processUrl } from "./paths.ts";
import { applicationTitle } from "./process-page.tsx";
import { t } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;

/** The application behind a page under the process page, and who applies (NotFound if not theirs). */
export async function applicationFor(c: Ctx): Promise<{ app: LoadedApplication; applicant: Applicant }> {
  const app = await loadApplication(c.var.deps.db, c.var.user!, c.req.param("id")!);
  return { app, applicant: await applicantOf(c.var.deps.db, app.application) };
}

/**
 * A page one step below the Certifieringsprocess (upload, intyga, fakturamottagare, återkalla): the
 * way back, the heading, then the content. An htmx form post with an error gets just the form.
 */
export function subPage(c: Ctx, ctx: { app: LoadedApplication; applicant: Applicant }, heading: string, body: Child, options: { status?: ContentfulStatusCode; form?: Child } = {}) {
  if (isHtmx(c) && options.form && options.status && options.status >= 400) return c.html(<>{options.form}</>, options.status);
  const back = processUrl(ctx.app.application.id);
  return page(
    c,
    { title: `${heading} – ${ctx.app.scheme.name}`, status: options.status },
    <section class="narrow">
      <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
        <a href="/min-sida">{t("nav.minSida")}</a> › <a href={back}>{applicationTitle(ctx.applicant, ctx.app)}</a> › {heading}
      </nav>
      <h1>
        <a href={back} class="back-link" aria-label={t("process.back")}>
          ←
        </a>{" "}
        {heading}
      </h1>
      {body}
    </section>,
  );
}
