import { persons, userRoles, users } from "../db/schema/index.ts";
import { newId } from "../lib/ids.ts";
import { hashPassword } from "../lib/password/hash.ts";
import type { Deps, Role } from "../modules/deps.ts";
import { loginCode } from "./mail-sink.ts";
import type { BrowserClient, TestApp } from "./harness.ts";

export const GOOD_PASSWORD = "Kylaggregat-Vinter-2026";

/** A person with a login, straight into the database (what registration would have made). */
export async function seedUser(
  deps: Deps,
  p: { email: string; password?: string; givenName?: string; familyName?: string; personnummer?: string | null; roles?: Role[]; mustChangePassword?: boolean },
) {
  const personId = newId();
  const userId = newId();
  const now = deps.clock.now();
  await deps.db.insert(persons).values({
    id: personId,
    personnummer: p.personnummer ?? null,
    birthDate: "1980-01-01",
    givenName: p.givenName ?? "Test",
    familyName: p.familyName ?? "Person",
    email: p.email,
    identityMethod: p.personnummer ? "bankid" : "manual",
    createdAt: now,
  });
  await deps.db.insert(users).values({ id: userId, personId, passwordHash: await hashPassword(p.password ?? GOOD_PASSWORD), mustChangePassword: p.mustChangePassword ?? false, createdAt: now });
  for (const role of p.roles ?? ["applicant"]) await deps.db.insert(userRoles).values({ userId, role });
  return { personId, userId };
}

/** Password, then the e-mailed code: returns the response to the code step. */
export async function logIn(t: TestApp, client: BrowserClient, email: string, password = GOOD_PASSWORD): Promise<Response> {
  const before = t.mail.messages.length;
  const res = await client.post("/logga-in", { epost: email, losenord: password });
  if (res.status !== 303) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const mail = await t.mail.waitFor((m) => m.to.includes(email) && /^(Engångskod|One-time code)/.test(m.subject) && t.mail.messages.indexOf(m) >= before);
  return client.post("/logga-in/kod", { code: loginCode(mail) });
}
