import { eq } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.ts";
import { persons, sessions, userRoles, users } from "../../db/schema/index.ts";
import { issueToken, secretMatches, splitToken } from "../../lib/crypto/tokens.ts";
import type { Actor, Role } from "../deps.ts";
import type { Language } from "../../lib/i18n/index.ts";

/** Logged out after an hour without use, and after twelve hours whatever happens. */
export const SESSION_IDLE_MS = 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Writing last-seen on every request would make every page view a write; a minute is enough. */
const TOUCH_AFTER_MS = 60 * 1000;

export interface SessionUser extends Actor {
  userId: string;
  personId: string;
  email: string;
  mustChangePassword: boolean;
  sessionId: string;
  /** The language the account chose for its pages and mail; null until it chooses. */
  language: Language | null;
}

export async function createSession(tx: DbOrTx, userId: string, method: "password" | "bankid", now: Date): Promise<{ token: string; expiresAt: Date }> {
  const t = issueToken();
  await tx.insert(sessions).values({ id: t.id, userId, secretHash: t.secretHash, createdAt: now, lastSeenAt: now, method });
  return { token: t.token, expiresAt: new Date(now.getTime() + SESSION_IDLE_MS) };
}

/** The user behind a session cookie, or null; expired sessions are deleted on sight. */
export async function validateSession(db: Db, token: string | undefined, now: Date): Promise<SessionUser | null> {
  const parts = splitToken(token);
  if (!parts) return null;
  const row = await db
    .select({ session: sessions, user: users, person: persons })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(persons, eq(persons.id, users.personId))
    .where(eq(sessions.id, parts.id))
    .get();
  if (!row || !secretMatches(parts.secret, row.session.secretHash)) return null;
  const t = now.getTime();
  if (t - row.session.lastSeenAt.getTime() > SESSION_IDLE_MS || t - row.session.createdAt.getTime() > SESSION_ABSOLUTE_MS) {
    await db.delete(sessions).where(eq(sessions.id, parts.id));
    return null;
  }
  if (t - row.session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, parts.id));
  }
  const roles = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, row.user.id));
  return {
    sessionId: row.session.id,
    userId: row.user.id,
    personId: row.person.id,
    name: `${row.person.givenName} ${row.person.familyName}`,
    email: row.person.email,
    roles: roles.map((r) => r.role as Role),
    mustChangePassword: row.user.mustChangePassword,
    language: row.user.language ?? null,
  };
}

export async function invalidateSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** On a password change or a change of roles every other session of the user ends. */
export async function invalidateUserSessions(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
