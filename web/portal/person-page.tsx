import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { getPerson } from "../../modules/accounts/index.ts";
import type { AppEnv } from "../env.ts";
import { page } from "../render.tsx";
import { Tabs } from "../views/tabs.tsx";
import { PersonDetails } from "./person-view.tsx";

const TABS = [
  { href: "/min-sida", label: "Certifikat" },
  { href: "/min-sida/anstallningar", label: "Anställningar" },
  { href: "/min-sida/prov", label: "Prov" },
  { href: "/min-sida/fakturor", label: "Fakturor" },
  { href: "/min-sida/handelselogg", label: "Händelselogg" },
];

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
    { title: "Min Sida", status },
    <>
      <nav class="breadcrumbs" aria-label="Du är här">
        <a href="/min-sida">Min Sida</a>
      </nav>
      <header class="page-header">
        <h1>
          {person.givenName} {person.familyName}
        </h1>
        <div class="button-row">
          <a class="button button--secondary" href="/min-sida/andra-uppgifter">
            Ändra uppgifter
          </a>
          <a class="button button--secondary" href="/min-sida/andra-losenord">
            Ändra lösenord
          </a>
        </div>
      </header>
      {options.before}
      {options.details ? <PersonDetails person={person} showPersonnummer={true} /> : null}
      <Tabs tabs={TABS} current={tab} label="Min Sida" />
      <div class="tab-panel">{content}</div>
    </>,
  );
}
