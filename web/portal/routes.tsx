import { Hono } from "hono";
import { requireUser } from "../accounts/guards.ts";
import { certificationRoutes } from "../certification/routes.tsx";
import { companyAdminRoutes } from "../companies/company-routes.tsx";
import { employmentRoutes } from "../companies/employments.tsx";
import type { AppEnv } from "../env.ts";
import { examinationPortalRoutes } from "../examinations/portal-routes.tsx";
import { casePortalRoutes } from "../cases/own-case.tsx";
import { changePasswordRoutes } from "./change-password.tsx";
import { editDetailsRoutes } from "./edit-details.tsx";
import { minSidaRoutes } from "./min-sida.tsx";

/** Min Sida: everything here needs a logged-in person. */
export function portalRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use("*", requireUser);
  app.route("/", changePasswordRoutes());
  app.route("/", editDetailsRoutes());
  app.route("/", minSidaRoutes());
  app.route("/", employmentRoutes());
  app.route("/", certificationRoutes());
  app.route("/", companyAdminRoutes());
  app.route("/", examinationPortalRoutes());
  app.route("/", casePortalRoutes());
  return app;
}
