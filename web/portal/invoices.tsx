// Min Sida → Fakturor: the invoices of the person's own applications, whoever pays them, each as a
// PDF download. A company's invoices are on the company's page.
import type { Context } from "hono";
import { swedishDate } from "../../lib/dates.ts";
import { listInvoicesForPerson } from "../../modules/invoicing/index.ts";
import type { AppEnv } from "../env.ts";
import { HolderInvoicesTable, invoicePdfResponse, ownInvoicePdfUrl } from "../invoicing/views.tsx";
import { personPage } from "./person-page.tsx";
import { t } from "../../lib/i18n/index.ts";

export const INVOICES_TAB = "/min-sida/fakturor";

export async function invoicesTab(c: Context<AppEnv>) {
  const { db, clock } = c.var.deps;
  const rows = await listInvoicesForPerson(db, c.var.user!.personId);
  return personPage(
    c,
    INVOICES_TAB,
    <section aria-labelledby="fakturor">
      <h2 id="fakturor">{t("minSida.tab.invoices")}</h2>
      <p>{t("invoices.intro", c.var.deps.config.org.bankgiro)}</p>
      <HolderInvoicesTable rows={rows} today={swedishDate(clock.now())} path={INVOICES_TAB} query={c.req.query()} empty={t("invoices.none")} links={{ pdf: ownInvoicePdfUrl }} />
    </section>,
  );
}

/** The PDF for the applicant or a company admin who may see it; 404 for anyone else. */
export const invoicePdfDownload = (c: Context<AppEnv>) => invoicePdfResponse(c, c.req.param("id")!);
