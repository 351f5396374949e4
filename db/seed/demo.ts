import { count, inArray } from "drizzle-orm";
import { persons, userRoles, users } from "../schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { hashPassword } from "../../lib/password/hash.ts";
import { recordEvent } from "../../modules/audit/index.ts";
import { systemActor, type Deps, type Role } from "../../modules/deps.ts";

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
    password: "Kyltekniker-Sven-2026",
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
    password: "Montor-Maria-2026",
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
    password: "Foretagsadmin-Karin-2026",
    note: "företagskoppling kommer med registrering av företag",
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
    password: "Granskning-Greta-2026",
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
  await deps.db.transaction(
    async (tx) => {
      for (const [i, p] of DEMO_PEOPLE.entries()) {
        const personId = newId();
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
    },
    { behavior: "immediate" },
  );
  return logins;
}
