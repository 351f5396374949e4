import { Forbidden } from "../../lib/errors.ts";
import type { Actor } from "../deps.ts";
import { t } from "../../lib/i18n/index.ts";

/**
 * Who may look at the utkorg and send mail again: admins only. The list names every recipient
 * and what each was told (a refusal, a login code being sent), which reviewers and deciders do
 * not need for their work; keeping the mail running is part of running the system, which
 * DESIGN.md gives the admins (as with the catalogue).
 */
export function canOperateMail(actor: Actor | null): boolean {
  return actor !== null && actor.roles.includes("admin");
}

export function assertCanOperateMail(actor: Actor): void {
  if (!canOperateMail(actor)) throw new Forbidden(t("outbox.adminsOnly"));
}
