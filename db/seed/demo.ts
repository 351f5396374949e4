import { count, inArray } from "drizzle-orm";
import type { Tx } from "../client.ts";
import { companies, companyAdmins, employments, persons, userRoles, users } from "../schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { hashPassword } from "../../lib/password/hash.ts";
import { recordEvent } from "../../modules/audit/index.ts";
import { systemActor, type Deps, type Role } from "../../modules/deps.ts";
import { seedDemoCertification } from "./demo-certification.ts";
import { seedDemoCases } from "./demo-cases.ts";
import { seedDemoExaminations } from "./demo-examinations.ts";

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
  note?: string;
}

interface DemoPerson {
  label: string;
  givenName: string;
  familyName: string;
  email: string;
  personnummer: string | null;
  birthDate: string;
  mobile: string | null;
  roles: Role[];
  password: string;
  note?: string;
}

/**
 * Personnummer from Skatteverket's range for test persons (birth numbers 980–999), so no real
 * person is named. Passwords follow the password rule and are printed at every start.
 */
export const DEMO_PEOPLE: DemoPerson[] = [
  {
    label: "Sökande (svensk)",
    givenName: "Sven",
    familyName: "Svensson",
    email: "sven.svensson@example.se",
    personnummer: "198001019812",
    birthDate: "1980-01-01",
    mobile: "070-123 45 67",
    roles: ["applicant"],
    password: "Kompressor-Vinter-2026",
    note: "BankID-simulatorn: personnummer 19800101-9812",
  },
  {
    label: "Sökande (utländsk)",
    givenName: "Maria",
    familyName: "Nowak",
    email: "maria.nowak@example.com",
    personnummer: null,
    birthDate: "1985-03-14",
    mobile: null,
    roles: ["applicant"],
    password: "Montage-Fjallsjo-2026",
  },
  {
    label: "Certifikatsadministratör",
    givenName: "Karin",
    familyName: "Lindqvist",
    email: "karin.lindqvist@example.se",
    personnummer: "197506209837",
    birthDate: "1975-06-20",
    mobile: "070-765 43 21",
    roles: ["applicant"],
    password: "Foretagsadmin-Ljung-2026",
    note: "administratör för Exempel Kyl AB",
  },
  {
    label: "Granskare (personal)",
    givenName: "Greta",
    familyName: "Granskare",
    email: "greta.granskare@example.org",
    personnummer: null,
    birthDate: "1970-05-05",
    mobile: null,
    roles: ["reviewer"],
    password: "Granskning-Hostdag-2026",
  },
  {
    label: "Examinator (Exempel Examination AB)",
    givenName: "Erik",
    familyName: "Examinator",
    email: "erik.examinator@example.org",
    personnummer: null,
    birthDate: "1972-02-29",
    mobile: null,
    roles: ["applicant"],
    password: "Provledare-Tallbo-2026",
    note: "examinator vid Exempel Examination AB, se fliken Prov på Min Sida",
  },
  {
    label: "Beslutsfattare och administratör (personal)",
    givenName: "Bo",
    familyName: "Beslut",
    email: "bo.beslut@example.org",
    personnummer: null,
    birthDate: "1968-09-12",
    mobile: null,
    roles: ["decider", "admin"],
    password: "Ordforande-Granit-2026",
  },
];

/** Demo accounts on an empty database (never in production); returns the logins to print. */
export async function seedDemoData(deps: Deps): Promise<DemoLogin[]> {
  if (deps.config.production) return [];
  const logins = DEMO_PEOPLE.map((p) => ({ role: p.label, email: p.email, password: p.password, note: p.note }));
  const [{ n }] = await deps.db.select({ n: count() }).from(persons);
  if (n > 0) {
    const [{ demo }] = await deps.db.select({ demo: count() }).from(persons).where(inArray(persons.email, DEMO_PEOPLE.map((p) => p.email)));
    return demo > 0 ? logins : [];
  }
  const now = deps.clock.now();
  const hashes = await Promise.all(DEMO_PEOPLE.map((p) => hashPassword(p.password)));
  const personIds = DEMO_PEOPLE.map(() => newId());
  await deps.db.transaction(
    async (tx) => {
      for (const [i, p] of DEMO_PEOPLE.entries()) {
        const personId = personIds[i]!;
        const userId = newId();
        await tx.insert(persons).values({
          id: personId,
          personnummer: p.personnummer,
          birthDate: p.birthDate,
          givenName: p.givenName,
          familyName: p.familyName,
          email: p.email,
          mobile: p.mobile,
          identityMethod: p.personnummer ? "bankid" : "manual",
          createdAt: now,
        });
        await tx.insert(users).values({ id: userId, personId, passwordHash: hashes[i]!, mustChangePassword: false, createdAt: now });
        for (const role of p.roles) await tx.insert(userRoles).values({ userId, role });
        await recordEvent(tx, systemActor, now, { action: "person.registered", subjectType: "person", subjectId: personId, personId, details: { demo: true } });
      }
      await seedDemoCompanies(tx, now, { karin: personIds[2]!, sven: personIds[0]!, maria: personIds[1]! });
    },
    { behavior: "immediate" },
  );
  await seedDemoCertification(deps);
  await seedDemoExaminations(deps);
  await seedDemoCases(deps);
  return logins;
}

/**
 * Exempel Kyl AB (approved; Karin is its admin, Sven an employee, Maria has asked to be one) and
 * Nya Ventilation AB (registered by Maria, waiting in the staff queue). Demo companies have no
 * registreringsbevis file.
 */
async function seedDemoCompanies(tx: Tx, now: Date, p: { karin: string; sven: string; maria: string }) {
  const kyl = newId();
  const pending = newId();
  const base = { addressLine2: null, country: "Sverige", createdAt: now, registrationDocumentId: null };
  await tx.insert(companies).values([
    { id: kyl, orgNumber: "5560160680", name: "Exempel Kyl AB", addressLine1: "Kylvägen 1", postalCode: "171 00", city: "Solna", phone: "08-123 456 00", email: "info@exempelkyl.example", status: "approved", registeredByPersonId: p.karin, decidedAt: now, ...base },
    { id: pending, orgNumber: "5599001236", name: "Nya Ventilation AB", addressLine1: "Luftgatan 2", postalCode: "411 00", city: "Göteborg", phone: null, email: null, status: "pending", registeredByPersonId: p.maria, ...base },
  ]);
  await tx.insert(companyAdmins).values({ companyId: kyl, personId: p.karin, createdAt: now });
  await tx.insert(employments).values([
    { id: newId(), personId: p.karin, companyId: kyl, startDate: "2015-03-01", status: "active", requestedAt: now, decidedAt: now },
    { id: newId(), personId: p.sven, companyId: kyl, startDate: "2019-08-15", status: "active", requestedAt: now, decidedAt: now },
    { id: newId(), personId: p.maria, companyId: kyl, startDate: "2026-10-01", status: "requested", requestedAt: now },
  ]);
  for (const [companyId, action] of [[kyl, "company.approved"], [pending, "company.registered"]] as const) {
    await recordEvent(tx, systemActor, now, { action, subjectType: "company", subjectId: companyId, companyId, details: { demo: true } });
  }
}
