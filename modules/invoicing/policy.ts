import { isStaff, type Actor } from "../deps.ts";
import { t } from "../../lib/i18n/index.ts";

export type Permission = { ok: true } | { ok: false; reason: string };

const deny = (reason: string): Permission => ({ ok: false, reason });

/** Every staff role reads invoices; what the applicant and company admins see is getInvoice's rule. */
export function canListInvoices(actor: Actor): boolean {
  return isStaff(actor);
}

/**
 * Marking an invoice as paid and sending it again act on money owed, so they are for those who
 * decide (deciders, admins), not for reviewers who only read.
 */
export function canManageInvoice(actor: Actor): Permission {
  if (!actor.roles.some((r) => r === "decider" || r === "admin")) return deny(t("invoicing.decidersOnly"));
  return { ok: true };
}
