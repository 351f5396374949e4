import { Hono } from "hono";
import { listPersonEvents } from "../../modules/audit/index.ts";
import { employmentsTab } from "../companies/employments.tsx";
import type { AppEnv } from "../env.ts";
import { EventLog } from "../views/event-log.tsx";
import { personPage } from "./person-page.tsx";

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
  app.get("/anstallningar", (c) => employmentsTab(c));
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
