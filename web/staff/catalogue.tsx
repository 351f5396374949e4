// /personal/katalog: admins edit technical areas, schemes (settings, förbindelsetext versions) and
// their Moment (with Filmall) without touching code. Mounted in staffRoutes, behind requireUser and
// requireStaff; this adds that only admins get in. The catalogue module checks the role again.
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { Forbidden } from "../../lib/errors.ts";
import { canEditCatalogue } from "../../modules/catalogue/index.ts";
import type { AppEnv } from "../env.ts";
import { areaPage, newAreaPage, submitArea, submitNewArea } from "./catalogue/area-pages.tsx";
import { declarationTab, submitDeclarationText } from "./catalogue/declaration-page.tsx";
import { cataloguePage } from "./catalogue/list-page.tsx";
import {
  downloadTemplate,
  MAX_TEMPLATE_BODY_BYTES,
  newRequirementPage,
  requirementPage,
  requirementsTab,
  submitNewRequirement,
  submitRequirement,
  submitRetire,
  submitTemplate,
  templateTooLarge,
} from "./catalogue/requirement-pages.tsx";
import { newSchemePage, schemeEventsPage, schemeSettingsPage, submitNewScheme, submitSchemeSettings } from "./catalogue/scheme-pages.tsx";
import { t } from "../../lib/i18n/index.ts";

const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!canEditCatalogue(c.var.user)) throw new Forbidden(t("catalogue.adminsOnly"));
  await next();
};

export function catalogueRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Scoped to /katalog: this app is mounted at the staff area's root, beside other staff pages.
  app.use("/katalog", requireAdmin);
  app.use("/katalog/*", requireAdmin);

  app.get("/katalog", (c) => cataloguePage(c));

  app.get("/katalog/teknikomraden/nytt", (c) => newAreaPage(c));
  app.post("/katalog/teknikomraden/nytt", (c) => submitNewArea(c));
  app.get("/katalog/teknikomraden/:id", (c) => areaPage(c));
  app.post("/katalog/teknikomraden/:id", (c) => submitArea(c));

  app.get("/katalog/certifikat/nytt", (c) => newSchemePage(c));
  app.post("/katalog/certifikat/nytt", (c) => submitNewScheme(c));
  app.get("/katalog/certifikat/:id", (c) => schemeSettingsPage(c));
  app.post("/katalog/certifikat/:id", (c) => submitSchemeSettings(c));
  app.get("/katalog/certifikat/:id/forbindelsetext", (c) => declarationTab(c));
  app.post("/katalog/certifikat/:id/forbindelsetext", (c) => submitDeclarationText(c));
  app.get("/katalog/certifikat/:id/moment", (c) => requirementsTab(c));
  app.get("/katalog/certifikat/:id/moment/nytt", (c) => newRequirementPage(c));
  app.post("/katalog/certifikat/:id/moment/nytt", (c) => submitNewRequirement(c));
  app.get("/katalog/certifikat/:id/handelselogg", (c) => schemeEventsPage(c));

  app.get("/katalog/moment/:id", (c) => requirementPage(c));
  app.post("/katalog/moment/:id", (c) => submitRequirement(c));
  app.get("/katalog/moment/:id/filmall", (c) => downloadTemplate(c));
  app.post(
    "/katalog/moment/:id/filmall",
    bodyLimit({ maxSize: MAX_TEMPLATE_BODY_BYTES, onError: (c) => requirementPage(c as Context<AppEnv>, { form: "template", errors: { file: templateTooLarge() }, status: 413 }) }),
    (c) => submitTemplate(c),
  );
  app.post("/katalog/moment/:id/avveckla", (c) => submitRetire(c));

  return app;
}
