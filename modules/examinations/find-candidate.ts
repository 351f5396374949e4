import { Invalid } from "../../lib/errors.ts";
import { parsePersonnummer } from "../../lib/identity/personnummer.ts";
import { findUserByEmail, findUserByPersonnummer, fullName } from "../accounts/index.ts";
import type { Deps } from "../deps.ts";

export const ACCOUNT_FIRST =
  "Kontot måste skapas först. Det finns inget konto med det personnumret eller den e-postadressen: be personen registrera ett konto (Registrera konto på webbplatsen) och anmäl hen sedan.";

/**
 * The candidate an examinator names by exact personnummer or exact e-mail address of an existing
 * account. Never a search: an unknown person gets the same message whatever was typed, and no
 * list of people is shown.
 */
export async function findCandidate(deps: Deps, typed: string): Promise<{ personId: string; name: string; email: string }> {
  const text = typed.trim();
  if (!text) throw new Invalid({ kandidat: "Ange kandidatens personnummer (tolv siffror) eller e-postadressen till kandidatens konto." });
  if (text.length > 254) throw new Invalid({ kandidat: ACCOUNT_FIRST });
  let found;
  if (text.includes("@")) {
    found = await findUserByEmail(deps.db, text);
  } else {
    const pn = parsePersonnummer(text, deps.clock.now());
    if (!pn.ok) throw new Invalid({ kandidat: `${pn.message} Eller ange e-postadressen till kandidatens konto.` });
    found = await findUserByPersonnummer(deps.db, pn.value);
  }
  if (!found) throw new Invalid({ kandidat: ACCOUNT_FIRST });
  return { personId: found.person.id, name: fullName(found.person), email: found.person.email };
}
