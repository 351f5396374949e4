// Helpers for tests of review and issuance: applications and the people around them, written
// straight to the database (what the applicant's steps would have made), so a test can start at
// final review. The whole flow through the operations is tested in modules/certification.
import { and, desc, eq, isNull } from "drizzle-orm";
import { applicationRequirements, applications, companies, companyAdmins, declarationTexts, employments, invoiceRecipients, persons, requirements, schemes } from "../db/schema/index.ts";
import { newId } from "../lib/ids.ts";
import type { Deps } from "../modules/deps.ts";

let serial = 0;

/** A person without a login (no password hashing): enough to be an applicant or an employee. */
export async function insertPerson(deps: Deps, p: { givenName?: string; familyName?: string; email?: string; identityMethod?: "bankid" | "manual" } = {}): Promise<{ personId: string; email: string }> {
  serial += 1;
  const personId = newId();
  const email = p.email ?? `person${serial}-${personId.slice(0, 6)}@example.se`;
  await deps.db.insert(persons).values({
    id: personId,
    personnummer: null,
    birthDate: "1980-01-01",
    givenName: p.givenName ?? "Test",
    familyName: p.familyName ?? `Person ${serial}`,
    email,
    identityMethod: p.identityMethod ?? "manual",
    createdAt: deps.clock.now(),
  });
  return { personId, email };
}

/** An approved company with its admins and active employees. */
export async function insertCompany(deps: Deps, input: { name?: string; adminPersonIds?: string[]; employeePersonIds?: string[]; employmentStart?: string }): Promise<string> {
  serial += 1;
  const companyId = newId();
  const now = deps.clock.now();
  const registrant = input.adminPersonIds?.[0] ?? input.employeePersonIds?.[0];
  if (!registrant) throw new Error("a company needs a person");
  await deps.db.insert(companies).values({
    id: companyId,
    orgNumber: String(5560000000 + serial).slice(0, 10),
    name: input.name ?? `Företag ${serial} AB`,
    addressLine1: "Industrivägen 1",
    postalCode: "123 45",
    city: "Västerås",
    country: "Sverige",
    email: `faktura${serial}@foretag.example.se`,
    status: "approved",
    registeredByPersonId: registrant,
    createdAt: now,
  });
  for (const personId of input.adminPersonIds ?? []) await deps.db.insert(companyAdmins).values({ companyId, personId, createdAt: now });
  for (const personId of input.employeePersonIds ?? []) await employ(deps, personId, companyId, { startDate: input.employmentStart });
  return companyId;
}

export async function employ(deps: Deps, personId: string, companyId: string, e: { startDate?: string; endDate?: string | null; status?: "active" | "ended" | "requested" } = {}): Promise<string> {
  const id = newId();
  await deps.db.insert(employments).values({ id, personId, companyId, startDate: e.startDate ?? "2020-01-01", endDate: e.endDate ?? null, status: e.status ?? "active", requestedAt: deps.clock.now() });
  return id;
}

export async function schemeByCode(deps: Deps, code: string) {
  const s = await deps.db.select().from(schemes).where(eq(schemes.code, code)).get();
  if (!s) throw new Error(`no scheme ${code}`);
  return s;
}

/**
 * An application that has done all its steps and waits in final review: every Moment approved by
 * `reviewerUserId`, the newest förbindelsetext accepted, and (if invoiced) an alternative address
 * as Fakturamottagare.
 */
export async function applicationInFinalReview(
  deps: Deps,
  input: {
    schemeCode: string;
    personId?: string;
    companyId?: string;
    byUserId: string;
    reviewerUserId: string;
    recipient?: { name?: string; email?: string | null; reference?: string | null; companyId?: string | null } | false;
    /** A renewal of this certificate version (its Moment are the catalogue's for that kind). */
    renews?: { kind: "extension" | "recertification"; certificateId: string };
  },
): Promise<string> {
  const scheme = await schemeByCode(deps, input.schemeCode);
  const now = deps.clock.now();
  const id = newId();
  const text = await deps.db.select().from(declarationTexts).where(eq(declarationTexts.schemeId, scheme.id)).orderBy(desc(declarationTexts.version)).get();
  await deps.db.insert(applications).values({
    id,
    schemeId: scheme.id,
    kind: input.renews?.kind ?? "initial",
    renewsCertificateId: input.renews?.certificateId ?? null,
    personId: input.personId ?? null,
    companyId: input.companyId ?? null,
    status: "final_review",
    createdAt: now,
    createdByUserId: input.byUserId,
    updatedAt: now,
    declarationTextId: text!.id,
    declaredAt: now,
    declaredByUserId: input.byUserId,
    submittedAt: now,
  });
  const reqs = await deps.db.select().from(requirements).where(and(eq(requirements.schemeId, scheme.id), eq(requirements.appliesTo, input.renews?.kind ?? "initial"), isNull(requirements.retiredAt)));
  for (const r of reqs) {
    await deps.db.insert(applicationRequirements).values({ id: newId(), applicationId: id, requirementId: r.id, status: "approved", createdAt: now, createdByUserId: input.byUserId, updatedAt: now, updatedByUserId: input.reviewerUserId, reviewedByUserId: input.reviewerUserId });
  }
  if (scheme.invoiced && input.recipient !== false) {
    const r = input.recipient ?? {};
    await deps.db.insert(invoiceRecipients).values({
      applicationId: id,
      kind: r.companyId ? "company" : "alternative",
      companyId: r.companyId ?? null,
      name: r.name ?? "Faktura Mottagare",
      addressLine1: "Betalvägen 3",
      postalCode: "211 20",
      city: "Malmö",
      country: "Sverige",
      email: r.email === undefined ? "faktura@example.se" : r.email,
      reference: r.reference ?? null,
      createdAt: now,
      createdByUserId: input.byUserId,
    });
  }
  return id;
}
