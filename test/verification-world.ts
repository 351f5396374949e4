// The people, company and certificates the public verification tests look at, made through the
// real operations (a reviewer's approved Moment, a decider's grant and suspension), with the
// personal details that must never reach a public page: personnummer, birth date, e-mail,
// mobile, address.
import { eq } from "drizzle-orm";
import { certificates, persons } from "../db/schema/index.ts";
import { luhnCheckDigit } from "../lib/identity/luhn.ts";
import { actorForUser } from "../modules/accounts/find-user.ts";
import type { Actor, Deps, Role } from "../modules/deps.ts";
import { decideApplication, suspendCertificate } from "../modules/review/index.ts";
import { applicationInFinalReview, employ } from "./applications.ts";
import { seedUser } from "./fixtures.ts";
import { insertCertifiedCompany } from "./public-data.ts";

type UserActor = Actor & { userId: string; personId: string };

/** A personnummer (12 digits) with a right check digit; birth numbers 980–999 are Skatteverket's test range. */
export function testPersonnummer(birth: string, serial: string): string {
  const ten = `${birth.slice(2)}${serial}`;
  return `${birth}${serial}${luhnCheckDigit(ten)}`;
}

export interface Holder {
  name: string;
  personId: string;
  userId: string;
  email: string;
  personnummer: string;
  birthDate: string;
  mobile: string;
  address: { line1: string; line2: string; postalCode: string; city: string };
  billingEmail: string;
}

export interface VerificationWorld {
  sven: Holder;
  anna: Holder;
  olle: Holder;
  company: { name: string; orgNumber: string; city: string; email: string; phone: string; addressLine1: string; id: string };
  numbers: { mac: number; external: number; company: number; suspended: number; expired: number };
  dag: UserActor;
}

async function holder(deps: Deps, h: { givenName: string; familyName: string; birth: string; serial: string; mobile: string; line1: string; postalCode: string; city: string }): Promise<Holder> {
  const email = `${h.givenName.toLowerCase()}.${h.familyName.toLowerCase()}@example.se`;
  const personnummer = testPersonnummer(h.birth, h.serial);
  const birthDate = `${h.birth.slice(0, 4)}-${h.birth.slice(4, 6)}-${h.birth.slice(6)}`;
  const { personId, userId } = await seedUser(deps, { email, givenName: h.givenName, familyName: h.familyName, personnummer });
  const billingEmail = `faktura.${h.givenName.toLowerCase()}@example.se`;
  const address = { line1: h.line1, line2: "Lägenhet 1102", postalCode: h.postalCode, city: h.city };
  await deps.db
    .update(persons)
    .set({ birthDate, mobile: h.mobile, addressLine1: address.line1, addressLine2: address.line2, postalCode: address.postalCode, city: address.city, country: "Sverige", billingEmail })
    .where(eq(persons.id, personId));
  return { name: `${h.givenName} ${h.familyName}`, personId, userId, email, personnummer, birthDate, mobile: h.mobile, address, billingEmail };
}

/** Issued on the app's today: Sven's two, Kylteknik i Norr AB's company certificate, Anna's (Vilande) and Olle's (Utgånget). */
export async function buildVerificationWorld(deps: Deps): Promise<VerificationWorld> {
  const actor = async (email: string, roles: Role[]) => (await actorForUser(deps.db, (await seedUser(deps, { email, roles })).userId)) as UserActor;
  const greta = await actor("greta@certorg.example", ["reviewer"]);
  const dag = await actor("dag@certorg.example", ["decider"]);
  const sven = await holder(deps, { givenName: "Sven", familyName: "Svensson", birth: "19800101", serial: "981", mobile: "070-987 65 43", line1: "Hemvägen 12", postalCode: "903 31", city: "Umeå" });
  const anna = await holder(deps, { givenName: "Anna", familyName: "Åkesson", birth: "19850312", serial: "982", mobile: "073-111 22 33", line1: "Storgatan 5", postalCode: "722 11", city: "Västerås" });
  const olle = await holder(deps, { givenName: "Olle", familyName: "Öberg", birth: "19700824", serial: "983", mobile: "+46 76 555 44 33", line1: "Bergsgatan 9", postalCode: "702 10", city: "Örebro" });

  const issue = async (schemeCode: string, who: { personId?: string; companyId?: string }, byUserId: string, validUntil?: string) => {
    const applicationId = await applicationInFinalReview(deps, { schemeCode, ...who, byUserId, reviewerUserId: greta.userId });
    return (await decideApplication(deps, dag, { applicationId, decision: "grant", validUntil })).certificate!;
  };
  const mac = await issue("fgas-utbildningsintyg-mac", { personId: sven.personId }, sven.userId);
  const external = await issue("extern-fgas-i", { personId: sven.personId }, sven.userId, "2030-01-01");

  const company = { name: "Kylteknik i Norr AB", city: "Umeå", email: "info@kylteknik.example.se", phone: "090-12 34 56", addressLine1: "Industrigatan 4" };
  const payload = "5569012345".slice(0, 9);
  const orgNumber = `${payload}${luhnCheckDigit(payload)}`;
  const { companyId } = await insertCertifiedCompany(deps, { ...company, orgNumber, certificates: [] });
  await employ(deps, sven.personId, companyId);
  const companyCert = await issue("fgas-foretag", { companyId }, sven.userId);

  const suspended = await issue("fgas-person-i", { personId: anna.personId }, anna.userId);
  await suspendCertificate(deps, dag, { certificateId: suspended.id, reason: "Läckagekontroller saknas.", until: "2026-12-31" });
  const expired = await issue("fgas-person-ii", { personId: olle.personId }, olle.userId);
  // Giltigt till passed yesterday: the public reads Utgånget although the stored status is active.
  await deps.db.update(certificates).set({ validUntil: "2026-03-14" }).where(eq(certificates.id, expired.id));

  return {
    sven,
    anna,
    olle,
    company: { ...company, orgNumber, id: companyId },
    numbers: { mac: mac.number, external: external.number, company: companyCert.number, suspended: suspended.number, expired: expired.number },
    dag,
  };
}
