import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, sessions } from "../../db/schema/index.ts";
import { hashSecret, splitToken } from "../../lib/crypto/tokens.ts";
import { startTestApp, type TestApp } from "../../test/harness.ts";
import { seedUser } from "../../test/fixtures.ts";
import { createSession, invalidateUserSessions, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, validateSession } from "./sessions.ts";

let t: TestApp;
let userId: string;
beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-11-22T08:00:00Z") });
  userId = (await seedUser(t.runtime.deps, { email: "s@example.se", roles: ["applicant", "reviewer"] })).userId;
});
afterAll(() => t.close());

const now = () => t.clock!.now();

describe("sessions the Lucia way", () => {
  it("stores only SHA-256 of the secret, never the token", async () => {
    const { token } = await createSession(t.runtime.deps.db, userId, "password", now());
    const { id, secret } = splitToken(token)!;
    const row = await t.runtime.deps.db.select().from(sessions).where(eq(sessions.id, id)).get();
    expect(Buffer.from(row!.secretHash).equals(hashSecret(secret))).toBe(true);
    const all = JSON.stringify(await t.runtime.deps.db.all(sql`select * from sessions`));
    expect(all).not.toContain(secret);
    expect(token.length).toBeGreaterThan(50);
  });

  it("finds the user and roles for a valid token and nothing for a wrong secret or id", async () => {
    const { token } = await createSession(t.runtime.deps.db, userId, "password", now());
    const user = await validateSession(t.runtime.deps.db, token, now());
    expect(user).toMatchObject({ userId, email: "s@example.se", name: "Test Person" });
    expect([...user!.roles].sort()).toEqual(["applicant", "reviewer"]);
    const { id, secret } = splitToken(token)!;
    const flipped = secret.slice(0, -1) + (secret.endsWith("a") ? "b" : "a");
    expect(await validateSession(t.runtime.deps.db, `${id}.${flipped}`, now())).toBeNull();
    expect(await validateSession(t.runtime.deps.db, `nope.${secret}`, now())).toBeNull();
    for (const bad of [undefined, "", "x", "a.b.c", ".", "a."]) expect(await validateSession(t.runtime.deps.db, bad, now())).toBeNull();
  });

  it("slides on use but expires after the idle time and at the absolute limit", async () => {
    const db = t.runtime.deps.db;
    const { token } = await createSession(db, userId, "password", now());
    t.clock!.advance(SESSION_IDLE_MS - 60_000);
    expect(await validateSession(db, token, now())).not.toBeNull();
    t.clock!.advance(SESSION_IDLE_MS - 60_000);
    expect(await validateSession(db, token, now())).not.toBeNull();
    t.clock!.advance(SESSION_IDLE_MS + 1000);
    expect(await validateSession(db, token, now())).toBeNull();
    const { id } = splitToken(token)!;
    expect(await db.select().from(sessions).where(eq(sessions.id, id)).get()).toBeUndefined();

    const long = await createSession(db, userId, "password", now());
    for (let elapsed = 0; elapsed < SESSION_ABSOLUTE_MS - SESSION_IDLE_MS; elapsed += SESSION_IDLE_MS / 2) {
      t.clock!.advance(SESSION_IDLE_MS / 2);
      expect(await validateSession(db, long.token, now())).not.toBeNull();
    }
    // 11 hours old and used every half hour: one more hour crosses the absolute limit, not the idle one.
    t.clock!.advance(SESSION_IDLE_MS - 60_000);
    expect(await validateSession(db, long.token, now())).not.toBeNull();
    t.clock!.advance(2 * 60_000);
    expect(await validateSession(db, long.token, now())).toBeNull();
  });

  it("ends every session of a user at once (password or role change)", async () => {
    const db = t.runtime.deps.db;
    const a = await createSession(db, userId, "password", now());
    const b = await createSession(db, userId, "bankid", now());
    await invalidateUserSessions(db, userId);
    expect(await validateSession(db, a.token, now())).toBeNull();
    expect(await validateSession(db, b.token, now())).toBeNull();
  });
});

describe("the Händelselogg", () => {
  it("is append-only: the database refuses UPDATE and DELETE", async () => {
    const db = t.runtime.deps.db;
    await db.insert(events).values({ at: now(), actorName: "Test", action: "test.action", subjectType: "test", subjectId: "1" });
    await expect(db.update(events).set({ action: "changed" }).where(eq(events.action, "test.action"))).rejects.toThrow();
    await expect(db.delete(events).where(eq(events.action, "test.action"))).rejects.toThrow();
    expect(await db.select().from(events).where(eq(events.action, "test.action")).get()).toBeDefined();
  });
});
