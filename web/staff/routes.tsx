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
import { t, labels } from "../../lib/i18n/index.ts";

const ROLE_NAMES: Readonly<Record<string, string>> = labels({ reviewer: "staff.role.reviewer", decider: "staff.role.decider", admin: "staff.role.admin", applicant: "staff.col.applicant" });

/** /personal: the staff module. Only staff roles may open anything here. */
export function staffRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use("*", requireUser, requireStaff);
  app.get("/", async (c) => {
    const user = c.var.user!;
    const { db, clock } = c.var.deps;
    const mailAdmin = canOperateMail(user);
    const [overview, cases, outbox] = await Promise.all([staffOverview(db, clock.now()), caseQueueFigures(db, clock.now()), mailAdmin ? countOutbox(db, clock.now()) : null]);
        const isAdmin = user.roles.includes("admin");
    return page(
      c,
      { title: t("nav.staff") },
      <>
        <h1>{t("nav.staff")}</h1>
        <p>
          {t("staff.home.loggedInAs")} <strong>{user.name}</strong> ({user.roles.map((r) => ROLE_NAMES[r] ?? r).join(", ")}).
        </p>
        <StaffOverviewSections o={overview} cases={cases} />
        <section aria-labelledby="sok">
          <h2 id="sok">{t("staff.home.search")}</h2>
          <ul class="cards">
            <li class="card card--link">
              <h3>
                <a href="/personal/personer">{t("staff.home.persons")}</a>
              </h3>
              <p>{t("staff.home.persons.text")}</p>
            </li>
            <li class="card card--link">
              <h3>
                <a href="/personal/foretag">{t("staff.home.companies")}</a>
              </h3>
              <p>{t("staff.home.companies.text")}</p>
            </li>
            <li class="card card--link">
              <h3>
                <a href="/personal/fakturor">{t("staff.home.invoices")}</a>
              </h3>
              <p>{t("staff.home.invoices.text")}</p>
            </li>
            <li class="card card--link">
              <h3>
                <a href="/personal/examinationscentra">{t("nav.centres")}</a>
              </h3>
              <p>{t("staff.home.centres.text")}</p>
            </li>
            {isAdmin ? (
              <li class="card card--link">
                <h3>
                  <a href="/personal/katalog">{t("staff.home.catalogue")}</a>
                </h3>
                <p>{t("staff.home.catalogue.text")}</p>
              </li>
            ) : null}
          </ul>
        </section>
        {outbox ? (
          <section aria-labelledby="drift">
            <h2 id="drift">{t("staff.home.operations")}</h2>
            <ul class="cards">
              <li class="card card--link">
                <h3>
                  <a href={outbox.failed > 0 ? `${OUTBOX_PATH}?visa=misslyckade` : OUTBOX_PATH}>{t("staff.outbox.title")}</a>
                  {outbox.failed > 0 ? <span class="card__alert"> {t("staff.home.outbox.failed", outbox.failed)}</span> : null}
                </h3>
                <p class="card__count">
                  {outbox.failed > 0 ? `${t("staff.home.outbox.notSent", outbox.failed)} ` : ""}
                  {t("staff.home.outbox.pending", outbox.pending)}
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
