import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./env.ts";
import { isHtmx } from "./htmx.ts";
import { Layout } from "./views/layout.tsx";

export interface PageOptions {
  title: string;
  status?: ContentfulStatusCode;
  scripts?: string[];
  head?: Child;
}

/** A whole page in the site's layout. */
export function page(c: Context<AppEnv>, options: PageOptions, body: Child): Response | Promise<Response> {
  return c.html(pageHtml(c, options, body), options.status ?? 200);
}

/** The HTML of a whole page in the site's layout (for an answer made whole, web/lean-answer.ts). */
export function pageHtml(c: Context<AppEnv>, options: Omit<PageOptions, "status">, body: Child): string | Promise<string> {
  const { config } = c.get("deps");
  return (
    <Layout title={options.title} org={config.org} user={c.get("user")} devTools={!config.production} scripts={options.scripts} head={options.head}>
      {body}
    </Layout>
  ).toString();
}

/**
 * A form that htmx posted gets just its own fragment back (a 422 replaces the form in place);
 * a browser without JavaScript gets the whole page around it.
 */
export function formPage(c: Context<AppEnv>, options: PageOptions, form: Child, around: (form: Child) => Child = (f) => f): Response | Promise<Response> {
  if (isHtmx(c)) return c.html(<>{form}</>, options.status ?? 200);
  return page(c, options, around(form));
}
