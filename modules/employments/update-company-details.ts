import { eq } from "drizzle-orm";
import { companies } from "../../db/schema/index.ts";
import { NotFound } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { isCompanyAdmin } from "./policy.ts";

export interface CompanyDetails {
  name: string;
  addressLine1: string;
  addressLine2: string | null;
  postalCode: string;
  city: string;
  country: string;
  phone: string | null;
  email: string | null;
}

const FIELDS = ["name", "addressLine1", "addressLine2", "postalCode", "city", "country", "phone", "email"] as const;

/** "Företagsuppgifter", edited by an admin. The organisationsnummer never changes. */
export async function updateCompanyDetails(deps: Deps, actor: Actor & { userId: string }, companyId: string, input: CompanyDetails): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(
    async (tx) => {
      if (!(await isCompanyAdmin(tx, actor, companyId))) throw new NotFound();
      const c = await tx.select().from(companies).where(eq(companies.id, companyId)).get();
      if (!c) throw new NotFound();
      const changed = FIELDS.filter((f) => (c[f] ?? null) !== (input[f] ?? null));
      if (changed.length === 0) return;
      await tx
        .update(companies)
        .set(Object.fromEntries(changed.map((f) => [f, input[f] ?? null])))
        .where(eq(companies.id, companyId));
      await recordEvent(tx, actor, now, { action: "company.details_changed", subjectType: "company", subjectId: companyId, companyId, details: { fields: changed } });
    },
    { behavior: "immediate" },
  );
}
