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
import { flatString } from "./views/flat-string.ts";
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
  if (!options.scripts && !options.head) {
    const [before, between, after] = shell(config.org, !config.production, user);
    const inner = (<>{body}</>).toString() as string | Promise<string>;
    const title = escapeHtml(options.title);
    return typeof inner === "string" ? before + title + between + inner + after : inner.then((html) => before + title + between + html + after);
  }
  return layoutHtml(config.org, !config.production, user, options, body);
}

function layoutHtml(org: OrgConfig, devTools: boolean, user: SessionUser | null, options: Omit<PageOptions, "status">, body: Child): string | Promise<string> {
  return (
    <Layout title={options.title} org={org} user={user} devTools={devTools} scripts={options.scripts} head={options.head}>
      {body}
    </Layout>
  ).toString();
}

// The layout around a page is the same for every page but for its title and its main part, for
// each kind of visitor (none, applicant, staff) and language: rendered once with two marks, it is
// kept as three pieces to put the title and the page between. Rendering it anew took about half the
// time of a public page such as /c/{number}. A new version of an asset (its ?v=) makes a new shell.
const TITLE_MARK = "\u0001title\u0001";
const BODY_MARK = "\u0001body\u0001";
type Shell = [string, string, string];
const shells = new WeakMap<OrgConfig, Map<string, Shell>>();

function shell(org: OrgConfig, devTools: boolean, user: SessionUser | null): Shell {
  const kind = user === null ? "visitor" : isStaff(user) ? "staff" : "applicant";
  const key = `${language()}|${kind}|${devTools}|${assetHref("app.css")}|${assetHref("htmx.min.js")}`;
  let byKey = shells.get(org);
  if (!byKey) shells.set(org, (byKey = new Map()));
  let pieces = byKey.get(key);
  if (!pieces) {
    const html = layoutHtml(org, devTools, user, { title: TITLE_MARK }, raw(BODY_MARK)) as string;
    const [before, rest] = split(html, TITLE_MARK);
    const [between, after] = split(rest, BODY_MARK);
    // Flat, so that every page walks three pieces, not the rope the layout was rendered as.
    pieces = [flatString(before), flatString(between), flatString(after)];
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
