import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./env.ts";
import { isHtmx } from "./htmx.ts";
import { raw } from "hono/html";
import type { OrgConfig } from "../lib/config.ts";
import type { SessionUser } from "../modules/accounts/index.ts";
import { isStaff } from "../modules/deps.ts";
import { assetHref } from "./static-assets.ts";
import { Layout } from "./views/layout.tsx";
import { language } from "../lib/i18n/index.ts";

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
  const user = c.get("user");
  const here = hereOf(c);
  if (!options.scripts && !options.head) {
    const [before, afterTitle, afterHere, after] = shell(config.org, !config.production, user);
    const inner = (<>{body}</>).toString() as string | Promise<string>;
    const head = before + escapeHtml(options.title) + afterTitle + escapeHtml(here) + afterHere;
    return typeof inner === "string" ? head + inner + after : inner.then((html) => head + html + after);
  }
  return layoutHtml(config.org, !config.production, user, options, body, here);
}

function layoutHtml(org: OrgConfig, devTools: boolean, user: SessionUser | null, options: Omit<PageOptions, "status">, body: Child, here: string): string | Promise<string> {
  return (
    <Layout title={options.title} org={org} user={user} devTools={devTools} scripts={options.scripts} head={options.head} here={here}>
      {body}
    </Layout>
  ).toString();
}

/** This page's path and query: where the language switch returns to. */
function hereOf(c: Context<AppEnv>): string {
  const url = c.req.url;
  return url.slice(url.indexOf("/", url.indexOf("//") + 2)).slice(0, 2000);
}

// The layout around a page is the same for every page but for its title and its main part, for
// each kind of visitor (none, applicant, staff) and language: rendered once with three marks, it is
// kept as four pieces to put the title, the page's address (for the language switch) and the page
// between. Rendering it anew took about half the time of a public page such as /c/{number}. A new
// version of an asset (its ?v=) makes a new shell.
const TITLE_MARK = "\u0001title\u0001";
const HERE_MARK = "\u0001here\u0001";
const BODY_MARK = "\u0001body\u0001";
type Shell = [string, string, string, string];
const shells = new WeakMap<OrgConfig, Map<string, Shell>>();

function shell(org: OrgConfig, devTools: boolean, user: SessionUser | null): Shell {
  const kind = user === null ? "visitor" : isStaff(user) ? "staff" : "applicant";
  const key = `${language()}|${kind}|${devTools}|${assetHref("app.css")}|${assetHref("htmx.min.js")}`;
  let byKey = shells.get(org);
  if (!byKey) shells.set(org, (byKey = new Map()));
  let pieces = byKey.get(key);
  if (!pieces) {
    const html = layoutHtml(org, devTools, user, { title: TITLE_MARK }, raw(BODY_MARK), HERE_MARK) as string;
    const [before, rest] = split(html, TITLE_MARK);
    const [afterTitle, rest2] = split(rest, HERE_MARK);
    const [afterHere, after] = split(rest2, BODY_MARK);
    pieces = [before, afterTitle, afterHere, after];
    byKey.set(key, pieces);
  }
  return pieces;
}

function split(text: string, mark: string): [string, string] {
  const at = text.indexOf(mark);
  if (at === -1 || text.indexOf(mark, at + 1) !== -1) throw new Error(`the layout must show ${JSON.stringify(mark)} exactly once`);
  return [text.slice(0, at), text.slice(at + mark.length)];
}

/** As hono/jsx escapes text. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>'"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "'": "&#39;", '"': "&quot;" })[ch]!);
}

/**
 * A form that htmx posted gets just its own fragment back (a 422 replaces the form in place);
 * a browser without JavaScript gets the whole page around it.
 */
export function formPage(c: Context<AppEnv>, options: PageOptions, form: Child, around: (form: Child) => Child = (f) => f): Response | Promise<Response> {
  if (isHtmx(c)) return c.html(<>{form}</>, options.status ?? 200);
  return page(c, options, around(form));
}
