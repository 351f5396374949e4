import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { persons, userRoles, users } from "../../db/schema/index.ts";
import type { Actor, Role } from "../deps.ts";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  return db
    .select({ user: users, person: persons })
    .from(users)
    .innerJoin(persons, eq(persons.id, users.personId))
    .where(eq(persons.email, normaliseEmail(email)))
    .get();
}

export async function findUserById(db: DbOrTx, userId: string) {
  return db.select({ user: users, person: persons }).from(users).innerJoin(persons, eq(persons.id, users.personId)).where(eq(users.id, userId)).get();
}

export async function findUserByPersonnummer(db: DbOrTx, personnummer: string) {
  return db
    .select({ user: users, person: persons })
    .from(users)
    .innerJoin(persons, eq(persons.id, users.personId))
    .where(eq(persons.personnummer, personnummer))
    .get();
}

export async function actorForUser(db: DbOrTx, userId: string): Promise<Actor> {
  const row = await findUserById(db, userId);
  if (!row) throw new Error(`no user ${userId}`);
  const roles = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
  return { userId, personId: row.person.id, name: fullName(row.person), roles: roles.map((r) => r.role as Role) };
}

export function fullName(p: { givenName: string; familyName: string }): string {
  return `${p.givenName} ${p.familyName}`;
}
