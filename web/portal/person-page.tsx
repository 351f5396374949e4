import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { getPerson } from "../../modules/accounts/index.ts";
import type { AppEnv } from "../env.ts";
import { page } from "../render.tsx";
import { Tabs } from "../views/tabs.tsx";
import { PersonDetails } from "./person-view.tsx";
import { t } from "../../lib/i18n/index.ts";

const TABS = [
  { href: "/min-sida", label: "minSida.tab.certificates" },
  { href: "/min-sida/anstallningar", label: "minSida.tab.employments" },
  { href: "/min-sida/prov", label: "minSida.tab.exams" },
  { href: "/min-sida/fakturor", label: "minSida.tab.invoices" },
  { href: "/min-sida/handelselogg", label: "common.eventLog" },
] as const;

/**
 * Min Sida: the person's name and buttons, the tabs, the chosen tab's content below. Personuppgifter
 * and Faktureringsadress show on Min Sida itself (`details`), not again above every tab and form;
 * `before` goes above them (Nästa steg).
 */
export async function personPage(c: Context<AppEnv>, tab: string, content: Child, status: ContentfulStatusCode = 200, options: { details?: boolean; before?: Child } = {}) {
  const user = c.var.user!;
  const person = await getPerson(c.var.deps.db, user.personId);
  return page(
    c,
    { title: t("nav.minSida"), status },
    <>
      <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
        <a href="/min-sida">{t("nav.minSida")}</a>
      </nav>
      <header class="page-header">
        <h1>
          {person.givenName} {person.familyName}
        </h1>
        <div class="button-row">
          <a class="button button--secondary" href="/min-sida/andra-uppgifter">
            {t("minSida.editDetails")}
          </a>
          <a class="button button--secondary" href="/min-sida/andra-losenord">
            {t("minSida.changePassword")}
          </a>
        </div>
      </header>
      {options.before}
      {options.details ? <PersonDetails person={person} showPersonnummer={true} language={user.language} /> : null}
      <Tabs tabs={TABS.map((tab) => ({ href: tab.href, label: t(tab.label) }))} current={tab} label={t("nav.minSida")} />
      <div class="tab-panel">{content}</div>
    </>,
  );
}
