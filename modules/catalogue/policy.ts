import { Forbidden } from "../../lib/errors.ts";
import type { Actor } from "../deps.ts";
import { t } from "../../lib/i18n/index.ts";

/**
 * Who may change the catalogue: admins only. Reviewers and deciders work with applications that
 * rest on the catalogue; letting them change what they judge against would not be impartial.
 */
export function canEditCatalogue(actor: Actor | null): boolean {
  return actor !== null && actor.roles.includes("admin");
}

export function assertCanEditCatalogue(actor: Actor): void {
  if (!canEditCatalogue(actor)) throw new Forbidden(t("catalogue.adminsOnlyChange"));
}
