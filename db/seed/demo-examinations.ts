// The demo's examination centre, made through the real operations: an admin creates and approves
// it and invites Erik (an existing account) as its examinator; Erik puts up a provtillfälle two
// weeks ahead and registers Sven to it by personnummer, which starts Sven's process for category
// II. So the public Examinationscentra page, Erik's centre, and Sven's Prov tab all show something.
import { eq } from "drizzle-orm";
import { addDays, swedishDate } from "../../lib/dates.ts";
import { actorForUser } from "../../modules/accounts/find-user.ts";
import type { Actor, Deps } from "../../modules/deps.ts";
import { approveCentre, createCentre, createSession, inviteExaminator, registerCandidate } from "../../modules/examinations/index.ts";
import { listExaminableSchemes, listExamParts } from "../../modules/catalogue/index.ts";
import { persons, users } from "../schema/index.ts";

type UserActor = Actor & { userId: string; personId: string };

async function actorByEmail(deps: Deps, email: string): Promise<UserActor> {
  const row = await deps.db.select({ userId: users.id }).from(users).innerJoin(persons, eq(persons.id, users.personId)).where(eq(persons.email, email)).get();
  if (!row) throw new Error(`demo user ${email} missing`);
  return (await actorForUser(deps.db, row.userId)) as UserActor;
}

export const DEMO_CENTRE = { name: "Exempel Examination AB", orgNumber: "5568901234", city: "Västerås" };

export async function seedDemoExaminations(deps: Deps): Promise<void> {
  const [admin, erik] = await Promise.all([actorByEmail(deps, "bo.beslut@example.org"), actorByEmail(deps, "erik.examinator@example.org")]);
  const examinable = await listExaminableSchemes(deps.db);
  const fgas = examinable.filter((s) => s.scheme.code.startsWith("fgas-person-"));
  const { centreId } = await createCentre(deps, admin, {
    name: DEMO_CENTRE.name,
    orgNumber: DEMO_CENTRE.orgNumber,
    addressLine1: "Provvägen 1",
    postalCode: "721 30",
    city: DEMO_CENTRE.city,
    email: "prov@exempelexamination.example",
    phone: "021-10 20 30",
    website: "https://exempelexamination.example",
    schemeIds: fgas.map((s) => s.scheme.id),
  });
  await approveCentre(deps, admin, { centreId });
  await inviteExaminator(deps, admin, { centreId, email: "erik.examinator@example.org", givenName: null, familyName: null });
  const category2 = fgas.find((s) => s.scheme.code === "fgas-person-ii")!;
  const parts = await listExamParts(deps.db, category2.scheme.id);
  const { sessionId } = await createSession(deps, erik, {
    centreId,
    schemeId: category2.scheme.id,
    date: addDays(swedishDate(deps.clock.now()), 14),
    startTime: "09:00",
    place: "Provhallen, Provvägen 1, 721 30 Västerås",
    seats: 12,
    partIds: parts.map((p) => p.id),
  });
  await registerCandidate(deps, erik, { sessionId, candidate: "19800101-9812" });
}
