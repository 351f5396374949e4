// What the staff's application pages share: where they are and the way back.
import type { Child } from "hono/jsx";
import { t } from "../../lib/i18n/index.ts";

export const staffApplicationUrl = (id: string, rest = "") => `/personal/ansokningar/${id}${rest}`;

export const Breadcrumbs = ({ children }: { children: Child }) => (
  <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
    <a href="/personal">{t("nav.staff")}</a> › {children}
  </nav>
);
