import { Hono } from "hono";
import { requireStaff, requireUser } from "../accounts/guards.ts";
import { listPendingCompanies } from "../../modules/employments/index.ts";
import type { AppEnv } from "../env.ts";
import { page } from "../render.tsx";
import { staffCompanyRoutes } from "./companies.tsx";

const ROLE_NAMES: Record<string, string> = { reviewer: "Granskare", decider: "Beslutsfattare", admin: "Administratör", applicant: "Sökande" };

/** /personal: the staff module. Only staff roles may open anything here. */
export function staffRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use("*", requireUser, requireStaff);
  app.get("/", async (c) => {
    const user = c.var.user!;
    const pending = (await listPendingCompanies(c.var.deps.db)).length;
    return page(
      c,
      { title: "Personal" },
      <>
        <h1>Personal</h1>
        <p>
          Inloggad som <strong>{user.name}</strong> ({user.roles.map((r) => ROLE_NAMES[r] ?? r).join(", ")}).
        </p>
        <section aria-labelledby="koer">
          <h2 id="koer">Arbetsköer</h2>
          <ul class="cards">
            <li class="card card--link">
              <h3>
                <a href="/personal/foretagsregistreringar">Företagsregistreringar</a>
              </h3>
              <p>{pending === 0 ? "Inga registreringar väntar på granskning." : pending === 1 ? "1 registrering väntar på granskning." : `${pending} registreringar väntar på granskning.`}</p>
            </li>
            <li class="card card--link">
              <h3>
                <a href="/personal/foretag">Sök företag</a>
              </h3>
              <p>Sök på namn eller organisationsnummer och öppna ett företags sida.</p>
            </li>
          </ul>
          <p class="notice notice--info">Köerna "Moment att granska" och "Ansökningar för beslut" öppnar i kommande versioner av tjänsten, tillsammans med certifieringsprocessen.</p>
        </section>
      </>,
    );
  });
  app.route("/", staffCompanyRoutes());
  return app;
}
