import { Hono, type Context } from "hono";
import type { Child } from "hono/jsx";
import { getPerson } from "../../modules/accounts/index.ts";
import { listPersonEvents } from "../../modules/audit/index.ts";
import type { AppEnv } from "../env.ts";
import { page } from "../render.tsx";
import { EventLog } from "../views/event-log.tsx";
import { Tabs } from "../views/tabs.tsx";
import { PersonDetails } from "./person-view.tsx";

const TABS = [
  { href: "/min-sida", label: "Certifikat" },
  { href: "/min-sida/anstallningar", label: "Anställningar" },
  { href: "/min-sida/prov", label: "Prov" },
  { href: "/min-sida/handelselogg", label: "Händelselogg" },
];

async function personPage(c: Context<AppEnv>, tab: string, content: Child) {
  const user = c.var.user!;
  const person = await getPerson(c.var.deps.db, user.personId);
  return page(
    c,
    { title: "Min Sida" },
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
      <PersonDetails person={person} showPersonnummer={true} />
      <Tabs tabs={TABS} current={tab} label="Min Sida" />
      <div class="tab-panel">{content}</div>
    </>,
  );
}

const Certificates = () => (
  <section aria-labelledby="sok-certifikat">
    <h2 id="sok-certifikat">Sök certifikat</h2>
    <p class="notice notice--info">Ansökan om certifikat ("Ansök om nytt certifikat") öppnar i en kommande version av tjänsten. Dina certifikat och pågående ansökningar visas här.</p>
    <p class="hits">0 träffar</p>
    <table class="data">
      <thead>
        <tr>
          <th scope="col">Nr</th>
          <th scope="col">Certifikat</th>
          <th scope="col">Status</th>
          <th scope="col">Årlig förlängning</th>
          <th scope="col">Omcertifiering</th>
        </tr>
      </thead>
      <tbody></tbody>
    </table>
  </section>
);

export function minSidaRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/", (c) => personPage(c, "/min-sida", <Certificates />));
  app.get("/anstallningar", (c) =>
    personPage(
      c,
      "/min-sida/anstallningar",
      <section aria-labelledby="anstallningar">
        <h2 id="anstallningar">Anställningar</h2>
        <p class="notice notice--info">Koppling till företag ("Ny anställning") öppnar i en kommande version av tjänsten. Här visas då dina anställningar och deras status.</p>
      </section>,
    ),
  );
  app.get("/prov", (c) =>
    personPage(
      c,
      "/min-sida/prov",
      <section aria-labelledby="prov">
        <h2 id="prov">Prov</h2>
        <p class="notice notice--info">Prov som ett examinationscenter anmäler dig till visas här när den delen av tjänsten öppnar i en kommande version.</p>
      </section>,
    ),
  );
  app.get("/handelselogg", async (c) => {
    const events = await listPersonEvents(c.var.deps.db, c.var.user!.personId);
    return personPage(c, "/min-sida/handelselogg", <EventLog events={events} />);
  });
  return app;
}
