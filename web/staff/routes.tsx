import { Hono } from "hono";
import { requireStaff, requireUser } from "../accounts/guards.ts";
import { staffOverview } from "../../modules/review/index.ts";
import { staffApplicationRoutes } from "./applications.tsx";
import { staffCertificateRoutes } from "./certificates.tsx";
import { staffPersonRoutes } from "./persons.tsx";
import type { AppEnv } from "../env.ts";
import { page } from "../render.tsx";
import { staffCompanyRoutes } from "./companies.tsx";
import { catalogueRoutes } from "./catalogue.tsx";
import { staffInvoiceRoutes } from "./invoices.tsx";
import { canOperateMail, countOutbox } from "../../modules/outbox/index.ts";
import { OUTBOX_PATH, staffOutboxRoutes } from "./outbox.tsx";
import { staffExaminationRoutes } from "../examinations/staff-routes.tsx";
import { staffCaseRoutes } from "../cases/staff-routes.tsx";
import { caseQueueFigures } from "../../modules/cases/index.ts";
import { DECIDED_PATH, decidedList, EXPIRING_PATH, expiringList, StaffOverviewSections } from "./overview.tsx";

const ROLE_NAMES: Record<string, string> = { reviewer: "Granskare", decider: "Beslutsfattare", admin: "Administratör", applicant: "Sökande" };

/** /personal: the staff module. Only staff roles may open anything here. */
export function staffRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use("*", requireUser, requireStaff);
  app.get("/", async (c) => {
    const user = c.var.user!;
    const { db, clock } = c.var.deps;
    const mailAdmin = canOperateMail(user);
    const [overview, cases, outbox] = await Promise.all([staffOverview(db, clock.now()), caseQueueFigures(db, clock.now()), mailAdmin ? countOutbox(db, clock.now()) : null]);
    const count = (n: number, one: string, many: string, none: string) => (n === 0 ? none : n === 1 ? `1 ${one}` : `${n} ${many}`);
    const isAdmin = user.roles.includes("admin");
    return page(
      c,
      { title: "Personal" },
      <>
        <h1>Personal</h1>
        <p>
          Inloggad som <strong>{user.name}</strong> ({user.roles.map((r) => ROLE_NAMES[r] ?? r).join(", ")}).
        </p>
        <StaffOverviewSections o={overview} cases={cases} />
        <section aria-labelledby="sok">
          <h2 id="sok">Sök och register</h2>
          <ul class="cards">
            <li class="card card--link">
              <h3>
                <a href="/personal/personer">Sök person</a>
              </h3>
              <p>Namn, e-postadress eller personnummer: uppgifter, anställningar, ansökningar, certifikat och händelselogg.</p>
            </li>
            <li class="card card--link">
              <h3>
                <a href="/personal/foretag">Sök företag</a>
              </h3>
              <p>Sök på namn eller organisationsnummer och öppna ett företags sida.</p>
            </li>
            <li class="card card--link">
              <h3>
                <a href="/personal/fakturor">Fakturor</a>
              </h3>
              <p>Utfärdade fakturor, filtrera och exportera som CSV.</p>
            </li>
            <li class="card card--link">
              <h3>
                <a href="/personal/examinationscentra">Examinationscentra</a>
              </h3>
              <p>Godkända och nya examinationscentra, deras examinatorer, provtillfällen och resultat.</p>
            </li>
            {isAdmin ? (
              <li class="card card--link">
                <h3>
                  <a href="/personal/katalog">Katalog</a>
                </h3>
                <p>Teknikområden, certifikat, förbindelsetexter, moment och filmallar.</p>
              </li>
            ) : null}
          </ul>
        </section>
        {outbox ? (
          <section aria-labelledby="drift">
            <h2 id="drift">Drift</h2>
            <ul class="cards">
              <li class="card card--link">
                <h3>
                  <a href={outbox.failed > 0 ? `${OUTBOX_PATH}?visa=misslyckade` : OUTBOX_PATH}>Utgående e-post</a>
                  {outbox.failed > 0 ? <span class="card__alert"> ({outbox.failed} misslyckade)</span> : null}
                </h3>
                <p class="card__count">
                  {outbox.failed > 0 ? `${count(outbox.failed, "brev kunde inte skickas.", "brev kunde inte skickas.", "")} ` : ""}
                  {count(outbox.pending, "brev väntar på att skickas.", "brev väntar på att skickas.", "Inga brev väntar på att skickas.")}
                </p>
              </li>
            </ul>
          </section>
        ) : null}
      </>,
    );
  });
  app.get(DECIDED_PATH.slice("/personal".length), decidedList);
  app.get(EXPIRING_PATH.slice("/personal".length), expiringList);
  app.route("/", staffCompanyRoutes());
  app.route("/", staffApplicationRoutes());
  app.route("/", staffCertificateRoutes());
  app.route("/", staffPersonRoutes());
  app.route("/", catalogueRoutes());
  app.route("/", staffInvoiceRoutes());
  app.route("/", staffOutboxRoutes());
  app.route("/", staffExaminationRoutes());
  app.route("/", staffCaseRoutes());
  return app;
}
