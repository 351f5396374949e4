import { and, eq } from "drizzle-orm";
import { invoices } from "../../db/schema/index.ts";
import { Conflict, Forbidden } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { INVOICE_LABELS } from "./labels.ts";
import { canManageInvoice } from "./policy.ts";
import { getInvoice } from "./queries.ts";
import { t } from "../../lib/i18n/index.ts";

/**
 * "Markera som betald": an unpaid invoice becomes paid. Only from unpaid, in the update itself, so
 * two people marking it at once record one payment, and a credited invoice is never paid.
 */
export async function markInvoicePaid(deps: Deps, actor: Actor, invoiceId: string): Promise<void> {
  const allowed = canManageInvoice(actor);
  if (!allowed.ok) throw new Forbidden(allowed.reason);
  const found = await getInvoice(deps.db, actor, invoiceId);
  const now = deps.clock.now();
  await deps.db.transaction(
    async (tx) => {
      const moved = await tx
        .update(invoices)
        .set({ status: "paid" })
        .where(and(eq(invoices.id, invoiceId), eq(invoices.status, "unpaid")))
        .returning({ id: invoices.id });
      if (moved.length === 0) {
        const current = await tx.select({ status: invoices.status }).from(invoices).where(eq(invoices.id, invoiceId)).get();
        throw new Conflict(t("invoicing.cannotMarkPaid", INVOICE_LABELS[current?.status ?? "paid"].toLowerCase()));
      }
      await recordEvent(tx, actor, now, {
        action: "invoice.paid",
        subjectType: "invoice",
        subjectId: invoiceId,
        personId: found.applicantPersonId,
        companyId: found.applicantCompanyId,
        details: { number: found.invoice.number, totalOre: found.invoice.totalOre, recipient: found.invoice.recipientName },
      });
    },
    { behavior: "immediate" },
  );
}
