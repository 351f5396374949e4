import { Invalid } from "../../lib/errors.ts";
import { sv } from "../../lib/i18n/sv.ts";
import { parsePersonnummer } from "../../lib/identity/personnummer.ts";
import { findUserByEmail, findUserByPersonnummer, fullName } from "../accounts/index.ts";
import type { Deps } from "../deps.ts";
import { t } from "../../lib/i18n/index.ts";

/** In Swedish, for the tests; an examinator is told it in the page's language. */
export const ACCOUNT_FIRST = sv["exam.accountFirst"];

/**
 * The candidate an examinator names by exact personnummer or exact e-mail address of an existing
 * account. Never a search: an unknown person gets the same message whatever was typed, and no
 * list of people is shown.
 */
export async function findCandidate(deps: Deps, typed: string): Promise<{ personId: string; name: string; email: string }> {
  const text = typed.trim();
  if (!text) throw new Invalid({ kandidat: t("exam.candidate.missing") });
  if (text.length > 254) throw new Invalid({ kandidat: t("exam.accountFirst") });
  let found;
  if (text.includes("@")) {
    found = await findUserByEmail(deps.db, text);
  } else {
    const pn = parsePersonnummer(text, deps.clock.now());
    if (!pn.ok) throw new Invalid({ kandidat: `${pn.message} ${t("exam.candidate.orEmail")}` });
    found = await findUserByPersonnummer(deps.db, pn.value);
  }
  if (!found) throw new Invalid({ kandidat: t("exam.accountFirst") });
  return { personId: found.person.id, name: fullName(found.person), email: found.person.email };
}
