// The status lists follow certificates.status in the transaction of the change, whoever writes:
// the staff decisions, the daily sweep, a renewal, the issuing itself, and a plain UPDATE that
// no module knows of (triggers of migration 0011). The published list is signed, tagged by its
// version and answers 304 until a bit changes.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq, sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/libsql/migrator";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase, type DbOrTx } from "../../db/client.ts";
import { applications, certificates, credentialStatusEntries, persons, schemes, statusLists, users } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { applicationInFinalReview } from "../../test/applications.ts";
import { startTestApp, TEST_ORIGIN, type TestApp } from "../../test/harness.ts";
import { buildVerificationWorld, type VerificationWorld } from "../../test/verification-world.ts";
import { applyCertificateDecision } from "../certificates/index.ts";
import { createRenewedVersion } from "../lifecycle/grant-renewal.ts";
import { runDailySweep } from "../lifecycle/sweep.ts";
import { decideApplication, reinstateCertificate, suspendCertificate } from "../review/index.ts";
import { readBit } from "./status-list.ts";

let t: TestApp;
let w: VerificationWorld;
const deps = () => t.runtime.deps;

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-03-15T09:00:00Z"), env: { PUBLIC_RATE_LIMIT: "0" } });
  w = await buildVerificationWorld(deps());
});
afterAll(() => t.close());

const entry = async (db: DbOrTx, number: number) => (await db.select().from(credentialStatusEntries).where(eq(credentialStatusEntries.certificateNumber, number)).get())!;
const version = async (db: DbOrTx, list = 1) => (await db.select({ v: statusLists.version }).from(statusLists).where(eq(statusLists.list, list)).get())!.v;
const current = async (number: number) => (await deps().db.select().from(certificates).where(eq(certificates.number, number)).orderBy(sql`${certificates.version} desc`).get())!;

/** The bit as a verifier reads it: the published, signed list at the entry's index. */
async function publishedBit(number: number, purpose: "revocation" | "suspension"): Promise<boolean> {
  const e = await entry(deps().db, number);
  const jwt = await (await t.app.request(`${TEST_ORIGIN}/api/v1/status-lists/${e.list}/${purpose}`)).text();
  const vc = JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString());
  return readBit(vc.credentialSubject.encodedList, e.idx)!;
}

/** Every certificate number has a place, and its bits are its current version's status. */
async function bitsFollowStatus(): Promise<void> {
  const wrong = await deps().db.all<{ number: number }>(sql`
    select c.number from certificates c left join credential_status_entries e on e.certificate_number = c.number
    where not exists (select 1 from certificates newer where newer.supersedes_certificate_id = c.id)
      and (e.certificate_number is null or e.revoked <> (c.status in ('withdrawn', 'ended')) or e.suspended <> (c.status = 'suspended'))`);
  expect(wrong).toEqual([]);
}

describe("the status lists follow the certificates", () => {
  it("give every certificate number a place of its own at random in a list of 131 072", async () => {
    const places = await deps().db.select().from(credentialStatusEntries);
    expect(places).toHaveLength(Object.keys(w.numbers).length);
    expect(new Set(places.map((p) => `${p.list}/${p.idx}`)).size).toBe(places.length);
    expect(await deps().db.select().from(statusLists)).toEqual([{ list: 1, size: 131_072, used: places.length, version: expect.any(Number) }]);
    await bitsFollowStatus();
  });

  it("flip a bit in the transaction that changes the status, and not at all when it rolls back", async () => {
    const number = w.numbers.mac;
    const before = await version(deps().db);
    const rolledBack = new Error("rolled back on purpose");
    await expect(
      deps().db.transaction(async (tx) => {
        await tx.update(certificates).set({ status: "suspended" }).where(eq(certificates.number, number));
        // Inside the transaction, right after the statement: the bit and the list's version moved.
        expect(await entry(tx, number)).toMatchObject({ suspended: true, revoked: false });
        expect(await version(tx)).toBe(before + 1);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(await entry(deps().db, number)).toMatchObject({ suspended: false, revoked: false });
    expect(await version(deps().db)).toBe(before);
    expect(await publishedBit(number, "suspension")).toBe(false);
  });

  it("follow applyCertificateDecision inside its transaction (the staff decisions' one writer)", async () => {
    const cert = await current(w.numbers.external);
    const decisionId = cert.latestDecisionId!;
    await deps().db.transaction(async (tx) => {
      await applyCertificateDecision(tx, { certificateId: cert.id, from: ["active"], to: "suspended", decisionId, on: "2026-03-15", now: deps().clock.now() });
      expect(await entry(tx, cert.number)).toMatchObject({ suspended: true });
      tx.rollback();
    }).catch(() => undefined);
    expect(await entry(deps().db, cert.number)).toMatchObject({ suspended: false });
  });

  it("show a suspension and a reinstatement in the published list, with a new ETag each time", async () => {
    const number = w.numbers.external;
    const url = `${TEST_ORIGIN}/api/v1/status-lists/1/suspension`;
    const first = await t.app.request(url);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/vc+jwt");
    expect(first.headers.get("cache-control")).toBe("public, max-age=60");
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    const etag = first.headers.get("etag")!;
    expect((await t.app.request(url, { headers: { "If-None-Match": etag } })).status).toBe(304);

    const cert = await current(number);
    await suspendCertificate(deps(), w.dag, { certificateId: cert.id, reason: "Läckagekontroll saknas.", until: "2026-12-31" });
    expect(await publishedBit(number, "suspension")).toBe(true);
    const after = await t.app.request(url, { headers: { "If-None-Match": etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);

    await reinstateCertificate(deps(), w.dag, { certificateId: cert.id, reason: null });
    expect(await publishedBit(number, "suspension")).toBe(false);
    expect(await publishedBit(number, "revocation")).toBe(false);
    await bitsFollowStatus();
  });

  it("follow the daily sweep: a suspension that ends clears the bit; an expiry sets none (the dates say it)", async () => {
    const anna = await current(w.numbers.suspended);
    expect(await publishedBit(anna.number, "suspension")).toBe(true);
    t.clock!.set(new Date("2027-01-02T09:00:00Z"));
    try {
      const r = await runDailySweep(deps(), { lease: false });
      expect(r.reinstated).toBeGreaterThanOrEqual(1);
      expect((await current(anna.number)).status).toBe("active");
      expect(await publishedBit(anna.number, "suspension")).toBe(false);
      const olle = await current(w.numbers.expired);
      expect(olle.status).toBe("expired");
      expect(await entry(deps().db, olle.number)).toMatchObject({ revoked: false, suspended: false });
      await bitsFollowStatus();
    } finally {
      t.clock!.set(new Date("2026-03-15T09:00:00Z"));
    }
  });

  it("follow a new version: a renewal keeps the number's place and carries a running suspension", async () => {
    const old = await current(w.numbers.mac);
    await suspendCertificate(deps(), w.dag, { certificateId: old.id, reason: "Utredning pågår.", until: "2026-12-31" });
    const place = await entry(deps().db, old.number);
    const applicationId = await applicationInFinalReview(deps(), { schemeCode: "fgas-utbildningsintyg-mac", personId: w.sven.personId, byUserId: w.sven.userId, reviewerUserId: w.dag.userId });
    await deps().db.update(certificates).set({ validUntil: "2026-06-30", cycleEndsOn: "2031-03-14" }).where(eq(certificates.id, old.id));
    const renewed = await deps().db.transaction((tx) =>
      createRenewedVersion(tx, { kind: "extension", renewsCertificateId: old.id, applicationId, submittedOn: "2026-03-15", rules: { validityYears: 1, recertificationYears: 5 }, today: "2026-03-15", now: deps().clock.now() }),
    );
    expect(renewed).toMatchObject({ number: old.number, version: 2, status: "suspended" });
    expect(await entry(deps().db, old.number)).toEqual({ ...place, suspended: true, revoked: false });
    // A change to the superseded version moves nothing; one to the current version does.
    await deps().db.update(certificates).set({ status: "withdrawn" }).where(eq(certificates.id, old.id));
    expect(await entry(deps().db, old.number)).toMatchObject({ suspended: true, revoked: false });
    await deps().db.update(certificates).set({ status: "active" }).where(eq(certificates.id, renewed.id));
    expect(await entry(deps().db, old.number)).toMatchObject({ suspended: false, revoked: false });
    await bitsFollowStatus();
  });

  it("follow any sequence of status changes by anyone (a property)", async () => {
    const ids = (await deps().db.select({ id: certificates.id }).from(certificates)).map((r) => r.id);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...ids), fc.constantFrom("active", "suspended", "withdrawn", "expired", "ended") as fc.Arbitrary<"active">), { minLength: 1, maxLength: 12 }), async (changes) => {
        for (const [id, status] of changes) await deps().db.update(certificates).set({ status }).where(eq(certificates.id, id));
        await bitsFollowStatus();
      }),
      { numRuns: 30 },
    );
  });

  it("give a new certificate its place when it is issued, and open list 2 when list 1 is half full", async () => {
    await deps().db.update(statusLists).set({ used: 65_536 }).where(eq(statusLists.list, 1));
    const applicationId = await applicationInFinalReview(deps(), { schemeCode: "fgas-person-ii", personId: w.anna.personId, byUserId: w.anna.userId, reviewerUserId: w.sven.userId });
    const issued = (await decideApplication(deps(), w.dag, { applicationId, decision: "grant" })).certificate!;
    expect(await entry(deps().db, issued.number)).toMatchObject({ list: 2, revoked: false, suspended: false });
    expect(await deps().db.select().from(statusLists).where(eq(statusLists.list, 2)).get()).toEqual({ list: 2, size: 131_072, used: 1, version: 0 });
    const res = await t.app.request(`${TEST_ORIGIN}/api/v1/status-lists/2/revocation`);
    expect(res.status).toBe(200);
    for (const missing of ["/api/v1/status-lists/3/revocation", "/api/v1/status-lists/1/other", "/api/v1/status-lists/0/revocation", "/api/v1/status-lists/x/suspension", "/api/v1/status-lists/99999999999/revocation"]) {
      const r = await t.app.request(`${TEST_ORIGIN}${missing}`);
      expect(r.status, missing).toBe(404);
      expect(r.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    }
  });

  it("hand out places at random, not in the order of issue", async () => {
    const db = deps().db;
    const personId = newId();
    const userId = newId();
    const now = deps().clock.now();
    await db.insert(persons).values({ id: personId, birthDate: "1970-01-01", givenName: "Många", familyName: "Certifikat", email: "manga@example.se", identityMethod: "manual", createdAt: now });
    await db.insert(users).values({ id: userId, personId, createdAt: now });
    const schemeId = (await db.select({ id: schemes.id }).from(schemes).where(eq(schemes.code, "fgas-person-i")).get())!.id;
    const rows = Array.from({ length: 300 }, (_, i) => ({ applicationId: newId(), number: 700_000 + i }));
    await db.transaction(async (tx) => {
      await tx.insert(applications).values(rows.map((r) => ({ id: r.applicationId, schemeId, kind: "initial" as const, personId, status: "issued" as const, createdAt: now, createdByUserId: userId, updatedAt: now })));
      await tx.insert(certificates).values(rows.map((r) => ({ id: newId(), number: r.number, applicationId: r.applicationId, personId, schemeId, status: "active" as const, issuedOn: "2026-03-15", createdAt: now, updatedAt: now })));
    });
    const places = await db.select({ number: credentialStatusEntries.certificateNumber, idx: credentialStatusEntries.idx }).from(credentialStatusEntries).where(sql`${credentialStatusEntries.certificateNumber} >= 700000`).orderBy(credentialStatusEntries.certificateNumber);
    expect(places).toHaveLength(300);
    const idx = places.map((p) => p.idx);
    // Spread over the whole list: each quarter gets some (a chance of failing below 4 * 0.75^300).
    for (let q = 0; q < 4; q++) expect(idx.some((i) => i >= q * 32_768 && i < (q + 1) * 32_768), `quarter ${q}`).toBe(true);
    // Not rising with the number: about half the neighbours go down.
    const falls = idx.slice(1).filter((v, i) => v < idx[i]!).length;
    expect(falls).toBeGreaterThan(100);
    expect(falls).toBeLessThan(200);
  });
});

describe("migration 0011 on a database that already has certificates", () => {
  it("gives every number a place with the bits of its current version", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "certportal-0011-"));
    try {
      const migrations = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../db/migrations");
      const upTo0010 = path.join(dir, "migrations");
      await cp(migrations, upTo0010, { recursive: true });
      const journal = path.join(upTo0010, "meta", "_journal.json");
      const entries = JSON.parse(await readFile(journal, "utf8")) as { entries: { tag: string }[] };
      await writeFile(journal, JSON.stringify({ ...entries, entries: entries.entries.filter((e) => e.tag < "0011") }));
      const database = await openDatabase(`file:${path.join(dir, "certportal.db")}`);
      try {
        const db = database.db;
        await migrate(db, { migrationsFolder: upTo0010 });
        const now = new Date("2026-03-15T09:00:00Z");
        // Rows as the tables were at 0010 (today's schema may have more columns), in plain SQL.
        const personId = newId();
        const userId = newId();
        const schemeId = newId();
        const areaId = newId();
        await db.run(sql`insert into technical_areas (id, code, name, sort_order) values (${areaId}, 'fgas', 'F-gaser', 1)`);
        await db.run(sql`insert into schemes (id, code, area_id, name, scope, subject, kind, invoiced, sort_order) values (${schemeId}, 'fgas-person-i', ${areaId}, 'Personcertifikat kategori I', 'Allt', 'PERSON', 'CERTIFICATE', 1, 1)`);
        await db.run(sql`insert into persons (id, birth_date, given_name, family_name, email, identity_method, created_at) values (${personId}, '1970-01-01', 'Före', 'Migreringen', 'fore@example.se', 'manual', ${now.getTime()})`);
        await db.run(sql`insert into users (id, person_id, created_at) values (${userId}, ${personId}, ${now.getTime()})`);
        const application = (id: string, kind: string) =>
          db.run(sql`insert into applications (id, scheme_id, kind, person_id, status, created_at, created_by_user_id, updated_at) values (${id}, ${schemeId}, ${kind}, ${personId}, 'issued', ${now.getTime()}, ${userId}, ${now.getTime()})`);
        const statuses = ["active", "suspended", "withdrawn", "ended", "expired"] as const;
        const ids: string[] = [];
        for (const [i, status] of statuses.entries()) {
          const applicationId = newId();
          ids.push(newId());
          await application(applicationId, "initial");
          await db.run(sql`insert into certificates (id, number, application_id, person_id, scheme_id, status, issued_on, created_at, updated_at) values (${ids[i]!}, ${10_001 + i}, ${applicationId}, ${personId}, ${schemeId}, ${status}, '2025-01-01', ${now.getTime()}, ${now.getTime()})`);
        }
        // Number 10001 has a second version, suspended: that is the one that counts.
        const renewalApplication = newId();
        await application(renewalApplication, "extension");
        await db.run(sql`insert into certificates (id, number, version, supersedes_certificate_id, application_id, person_id, scheme_id, status, issued_on, created_at, updated_at) values (${newId()}, 10001, 2, ${ids[0]!}, ${renewalApplication}, ${personId}, ${schemeId}, 'suspended', '2026-01-01', ${now.getTime()}, ${now.getTime()})`);

        await migrateDatabase(db);
        const placed = await db.select().from(credentialStatusEntries).orderBy(credentialStatusEntries.certificateNumber);
        expect(placed.map((p) => [p.certificateNumber, p.list, p.revoked, p.suspended])).toEqual([
          [10_001, 1, false, true],
          [10_002, 1, false, true],
          [10_003, 1, true, false],
          [10_004, 1, true, false],
          [10_005, 1, false, false],
        ]);
        expect(new Set(placed.map((p) => p.idx)).size).toBe(5);
        expect(await db.select().from(statusLists)).toEqual([{ list: 1, size: 131_072, used: 5, version: 4 }]);
        // And from now on the triggers keep them.
        await db.update(certificates).set({ status: "active" }).where(and(eq(certificates.number, 10_002)));
        expect((await db.select().from(credentialStatusEntries).where(eq(credentialStatusEntries.certificateNumber, 10_002)).get())!.suspended).toBe(false);
      } finally {
        database.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
