// The benchmark's data: 100 000 persons, 20 000 companies and 150 000 certificates (each with the
// application it came from), written in large multi-row inserts inside transactions. Names, cities
// and statuses vary the way real ones do, so searches and lookups hit realistic indexes.
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { applications, certificates, companies, persons, schemes, sequences, users, type CertificateStatus } from "../db/schema/index.ts";
import { newId } from "../lib/ids.ts";

export const SIZES = { persons: 100_000, companies: 20_000, certificates: 150_000, companyCertificates: 15_000 };
const FIRST_NUMBER = 10001;

const GIVEN = ["Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Per", "Åsa", "Örjan", "Sofia", "Mikael", "Elin", "Anders", "Lena", "Björn"];
const FAMILY = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Åberg", "Öberg", "Lindqvist", "Ekström"];
const WORDS = ["Kyl", "Kylteknik", "Värme", "Ventilation", "Klimat", "Frys", "Service", "Energi", "Installation", "Montage", "Teknik", "Miljö", "Norr", "Syd", "Väst", "Öst", "Fjäll", "Kust"];
export const CITIES = ["Stockholm", "Göteborg", "Malmö", "Uppsala", "Umeå", "Luleå", "Västerås", "Örebro", "Linköping", "Jönköping", "Sundsvall", "Gävle", "Karlstad", "Växjö"];
export const SEARCH_WORDS = ["kyl", "värme", "ventilation", "klimat", "frys", "energi", "montage", "norr", "kust", "teknik"];

/** A deterministic pseudo-random sequence, so every run builds the same data. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A valid organisationsnummer of an aktiebolag (55…), unique per index. */
export function orgNumberOf(i: number): string {
  const body = `55${String(6_000_000 + i).padStart(7, "0")}`;
  return body + luhnDigit(body);
}

async function inChunks<T>(db: Db, rows: T[], size: number, insert: (tx: Parameters<Parameters<Db["transaction"]>[0]>[0], chunk: T[]) => Promise<unknown>) {
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += size) await insert(tx, rows.slice(i, i + size));
  });
}

export async function buildDataset(db: Db, today: string): Promise<{ numbers: { active: number; suspended: number; last: number }; orgNumbers: string[] }> {
  const rnd = random(20261122);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const now = new Date();
  const schemeRows = await db.select({ id: schemes.id, code: schemes.code, subject: schemes.subject }).from(schemes);
  const personSchemes = schemeRows.filter((s) => s.subject === "PERSON").map((s) => s.id);
  const companyScheme = schemeRows.find((s) => s.code === "fgas-foretag")!.id;

  const clerkPerson = newId();
  const clerkUser = newId();
  await db.insert(persons).values({ id: clerkPerson, birthDate: "1970-01-01", givenName: "Bench", familyName: "Registrator", email: "bench@example.org", identityMethod: "manual", createdAt: now });
  await db.insert(users).values({ id: clerkUser, personId: clerkPerson, createdAt: now });

  const personIds: string[] = [];
  const personRows = Array.from({ length: SIZES.persons }, (_, i) => {
    const id = newId();
    personIds.push(id);
    return { id, birthDate: "1980-01-01", givenName: pick(GIVEN), familyName: pick(FAMILY), email: `person${i}@bench.example.se`, identityMethod: "manual" as const, createdAt: now };
  });
  await inChunks(db, personRows, 500, (tx, chunk) => tx.insert(persons).values(chunk));

  const companyIds: string[] = [];
  const orgNumbers: string[] = [];
  const companyRows = Array.from({ length: SIZES.companies }, (_, i) => {
    const id = newId();
    companyIds.push(id);
    const orgNumber = orgNumberOf(i);
    orgNumbers.push(orgNumber);
    return { id, orgNumber, name: `${pick(WORDS)} ${pick(WORDS)} ${i} AB`, addressLine1: "Industrivägen 1", postalCode: "123 45", city: pick(CITIES), country: "Sverige", status: "approved" as const, registeredByPersonId: clerkPerson, createdAt: now };
  });
  await inChunks(db, companyRows, 500, (tx, chunk) => tx.insert(companies).values(chunk));

  const statusOf = (): { status: CertificateStatus; validUntil: string } => {
    const r = rnd();
    if (r < 0.9) return { status: "active", validUntil: "2029-06-30" };
    if (r < 0.95) return { status: "suspended", validUntil: "2029-06-30" };
    if (r < 0.98) return { status: "active", validUntil: "2025-06-30" }; // expired
    return { status: "withdrawn", validUntil: "2029-06-30" };
  };
  const appRows: (typeof applications.$inferInsert)[] = [];
  const certRows: (typeof certificates.$inferInsert)[] = [];
  let suspended = 0;
  for (let i = 0; i < SIZES.certificates; i++) {
    const forCompany = i < SIZES.companyCertificates;
    const applicationId = newId();
    const holder = forCompany ? { personId: null, companyId: companyIds[i % companyIds.length]! } : { personId: personIds[i % personIds.length]!, companyId: null };
    const schemeId = forCompany ? companyScheme : personSchemes[i % personSchemes.length]!;
    appRows.push({ id: applicationId, schemeId, kind: "initial", ...holder, status: "issued", createdAt: now, createdByUserId: clerkUser, updatedAt: now, closedAt: now });
    const s = statusOf();
    if (s.status === "suspended" && !suspended) suspended = FIRST_NUMBER + i;
    certRows.push({ id: newId(), number: FIRST_NUMBER + i, applicationId, ...holder, schemeId, status: s.status, issuedOn: "2024-06-30", validUntil: s.validUntil, cycleEndsOn: "2029-06-30", createdAt: now, updatedAt: now });
  }
  await inChunks(db, appRows, 400, (tx, chunk) => tx.insert(applications).values(chunk));
  await inChunks(db, certRows, 400, (tx, chunk) => tx.insert(certificates).values(chunk));
  const last = FIRST_NUMBER + SIZES.certificates - 1;
  await db.insert(sequences).values({ name: "certificate", next: last + 1 }).onConflictDoUpdate({ target: sequences.name, set: { next: last + 1 } });
  await db.run(sql`ANALYZE`);
  const firstActive = await db.select({ number: certificates.number }).from(certificates).where(eq(certificates.status, "active")).limit(1).get();
  void today;
  return { numbers: { active: firstActive!.number, suspended, last }, orgNumbers };
}
