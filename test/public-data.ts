// Companies and certificates written straight to the database, many at a time, for the public
// search and verification tests. (How certificates come to be, with decisions and events, is
// tested in modules/review; test/applications.ts gets there through the real operations.)
import { applications, certificates, companies, users, type CertificateStatus } from "../db/schema/index.ts";
import { nextNumber } from "../db/sequences.ts";
import { newId } from "../lib/ids.ts";
import type { Deps } from "../modules/deps.ts";
import { insertPerson, schemeByCode } from "./applications.ts";

const clerks = new WeakMap<Deps, Promise<{ personId: string; userId: string }>>();

/** A person with a login who "registered" the test companies and applications. */
function clerk(deps: Deps) {
  let found = clerks.get(deps);
  if (!found) {
    found = (async () => {
      const { personId } = await insertPerson(deps, { givenName: "Registrerande", familyName: "Testperson" });
      const userId = newId();
      await deps.db.insert(users).values({ id: userId, personId, createdAt: deps.clock.now() });
      return { personId, userId };
    })();
    clerks.set(deps, found);
  }
  return found;
}

let serial = 0;

/** A legal entity's number (third digit 6), unique within the test run. */
export function testOrgNumber(): string {
  serial += 1;
  return `556${String(1_000_000 + serial * 7919).slice(-7)}`;
}

export interface CertificateSpec {
  schemeCode?: string;
  status?: CertificateStatus;
  issuedOn?: string;
  validUntil?: string | null;
}

/** An issued certificate (and the application it came from); returns its number. */
export async function insertCertificate(deps: Deps, holder: { personId: string } | { companyId: string }, spec: CertificateSpec = {}): Promise<number> {
  const { userId } = await clerk(deps);
  const scheme = await schemeByCode(deps, spec.schemeCode ?? ("companyId" in holder ? "fgas-foretag" : "fgas-utbildningsintyg-mac"));
  const now = deps.clock.now();
  const applicationId = newId();
  const personId = "personId" in holder ? holder.personId : null;
  const companyId = "companyId" in holder ? holder.companyId : null;
  await deps.db.insert(applications).values({ id: applicationId, schemeId: scheme.id, kind: "initial", personId, companyId, status: "issued", createdAt: now, createdByUserId: userId, updatedAt: now });
  const number = await nextNumber(deps.db, "certificate");
  await deps.db.insert(certificates).values({
    id: newId(),
    number,
    applicationId,
    personId,
    companyId,
    schemeId: scheme.id,
    status: spec.status ?? "active",
    issuedOn: spec.issuedOn ?? "2026-01-15",
    validUntil: spec.validUntil === undefined ? "2027-01-14" : spec.validUntil,
    createdAt: now,
    updatedAt: now,
  });
  return number;
}

/** An approved company (unless told otherwise) with the given company certificates. */
export async function insertCertifiedCompany(
  deps: Deps,
  input: { name: string; city?: string; orgNumber?: string; status?: "approved" | "pending" | "refused"; certificates?: CertificateSpec[]; email?: string; phone?: string; addressLine1?: string },
): Promise<{ companyId: string; orgNumber: string; numbers: number[] }> {
  const { personId } = await clerk(deps);
  const companyId = newId();
  const orgNumber = input.orgNumber ?? testOrgNumber();
  await deps.db.insert(companies).values({
    id: companyId,
    orgNumber,
    name: input.name,
    addressLine1: input.addressLine1 ?? "Industrivägen 1",
    postalCode: "123 45",
    city: input.city ?? "Västerås",
    country: "Sverige",
    email: input.email ?? null,
    phone: input.phone ?? null,
    status: input.status ?? "approved",
    registeredByPersonId: personId,
    createdAt: deps.clock.now(),
  });
  const numbers: number[] = [];
  for (const spec of input.certificates ?? [{}]) numbers.push(await insertCertificate(deps, { companyId }, spec));
  return { companyId, orgNumber, numbers };
}
