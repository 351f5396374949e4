// Min Sida → Fakturor: the invoices of the person's own applications, whoever pays them, each as a
// PDF download. A company's invoices are on the company's page.
import type { Context } from "hono";
import { swedishDate } from "../../lib/dates.ts";
import { listInvoicesForPerson } from "../../modules/invoicing/index.ts";
import type { AppEnv } from "../env.ts";
import { HolderInvoicesTable, invoicePdfResponse, ownInvoicePdfUrl } from "../invoicing/views.tsx";
import { personPage } from "./person-page.tsx";

export const INVOICES_TAB = "/min-sida/fakturor";

export async function invoicesTab(c: Context<AppEnv>) {
  const { db, clock } = c.var.deps;
  const rows = await listInvoicesForPerson(db, c.var.user!.personId);
  return personPage(
    c,
    INVOICES_TAB,
    <section aria-labelledby="fakturor">
      <h2 id="fakturor">Fakturor</h2>
      <p>Fakturor för dina certifikat. Betala till bankgiro {c.var.deps.config.org.bankgiro} och ange fakturans OCR-nummer, som står i PDF:en.</p>
      <HolderInvoicesTable rows={rows} today={swedishDate(clock.now())} path={INVOICES_TAB} query={c.req.query()} empty="Du har inga fakturor." links={{ pdf: ownInvoicePdfUrl }} />
    </section>,
  );
}

/** The PDF for the applicant or a company admin who may see it; 404 for anyone else. */
export const invoicePdfDownload = (c: Context<AppEnv>) => invoicePdfResponse(c, c.req.param("id")!);
