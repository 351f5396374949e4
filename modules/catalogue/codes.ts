// Codes are the stable names of areas, schemes and requirements (the start-up seeding matches on
// them). An admin may type one or let the name give it; a taken one is said at the field.
import { isUniqueViolation } from "../../db/errors.ts";
import { Invalid } from "../../lib/errors.ts";
import { t } from "../../lib/i18n/index.ts";

/** "Personcertifikat kategori VI" → "personcertifikat-kategori-vi": å, ä and ö lose their dots. */
export function codeFromName(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

/** The code given, or one made from the name; Invalid at `code` when neither gives one. */
export function resolveCode(code: string | null, name: string): { code: string; derived: boolean } {
  if (code) return { code, derived: false };
  const derived = codeFromName(name);
  if (!derived) throw new Invalid({ code: t("catalogue.code.cannotDerive") });
  return { code: derived, derived: true };
}

export function codeTaken(code: { code: string; derived: boolean }, usedBy: "area" | "scheme" | "requirement"): Invalid {
  const by = usedBy === "area" ? t("catalogue.code.byArea") : usedBy === "scheme" ? t("catalogue.code.byScheme") : t("catalogue.code.byRequirement");
  return new Invalid({
    code: code.derived ? t("catalogue.code.takenDerived", code.code, by) : t("catalogue.code.taken", code.code, by),
  });
}

/** For a .catch(): a unique index that refused a row two requests raced to write is the same taken code. */
export function uniqueAs(taken: Invalid) {
  return (error: unknown): never => {
    throw isUniqueViolation(error) ? taken : error;
  };
}
