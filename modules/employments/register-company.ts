import { and, eq, ne } from "drizzle-orm";
import { companies } from "../../db/schema/index.ts";
import { Conflict, Invalid } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { formatOrgNumber, parseOrgNumber } from "../../lib/identity/orgnummer.ts";
import type { AcceptedUpload } from "../../lib/uploads/accept-upload.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { storeDocumentWith } from "../documents/index.ts";
import type { CompanyDetails } from "./update-company-details.ts";
import { t } from "../../lib/i18n/index.ts";

export interface CompanyRegistration extends CompanyDetails {
  orgNumber: string;
  registrationCertificate: AcceptedUpload;
}

export function alreadyRegistered(orgNumber: string): string {
  // An admin cannot add a person: the person asks (Ny anställning) and the admin confirms.
  return t("coreg.already", formatOrgNumber(orgNumber));
}

/**
 * "Registrera företag": the company waits for staff ("Väntar på granskning"); the registrant
 * becomes its first admin when it is approved. An organisationsnummer can be registered once.
 */
export async function registerCompany(deps: Deps, actor: Actor & { userId: string; personId: string }, input: CompanyRegistration): Promise<{ companyId: string }> {
  const org = parseOrgNumber(input.orgNumber);
  if (!org.ok) throw new Invalid({ orgnr: org.message });
  const live = () => deps.db.select({ id: companies.id }).from(companies).where(and(eq(companies.orgNumber, org.value), ne(companies.status, "refused"))).get();
  // Checked before the file is stored, and again (by the unique index) when the row is written.
  if (await live()) throw new Conflict(alreadyRegistered(org.value));
  const now = deps.clock.now();
  const companyId = newId();
  try {
    await storeDocumentWith(deps, input.registrationCertificate, actor.userId, async (tx, documentId) => {
      await tx.insert(companies).values({
        id: companyId,
        orgNumber: org.value,
        name: input.name,
        addressLine1: input.addressLine1,
        addressLine2: input.addressLine2,
        postalCode: input.postalCode,
        city: input.city,
        country: input.country,
        phone: input.phone,
        email: input.email,
        status: "pending",
        registeredByPersonId: actor.personId,
        registrationDocumentId: documentId,
        createdAt: now,
      });
      await recordEvent(tx, actor, now, {
        action: "company.registered",
        subjectType: "company",
        subjectId: companyId,
        companyId,
        personId: actor.personId,
        details: { name: input.name, orgNumber: org.value },
      });
    });
  } catch (error) {
    if (await live()) throw new Conflict(alreadyRegistered(org.value));
    throw error;
  }
  return { companyId };
}
