import { Hono } from "hono";
import { requireStaff, requireUser } from "../accounts/guards.ts";
import type { AppEnv } from "../env.ts";
import { page } from "../render.tsx";

const ROLE_NAMES: Record<string, string> = { reviewer: "Granskare", decider: "Beslutsfattare", admin: "Administratör", applicant: "Sökande" };

/** /personal: the staff module. Only staff roles may open anything here. */
export function staffRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use("*", requireUser, requireStaff);
  app.get("/", (c) => {
    const user = c.var.user!;
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
          <p class="notice notice--info">
            Köerna "Moment att granska", "Ansökningar för beslut" och "Företagsregistreringar" öppnar i kommande versioner av tjänsten, tillsammans med företagsregistrering och certifieringsprocessen.
          </p>
        </section>
      </>,
    );
  });
  return app;
}
