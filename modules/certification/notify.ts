import { eq } from "drizzle-orm";
import { persons } from "../../db/schema/index.ts";
import type { Actor, Deps } from "../deps.ts";
import type { LoadedApplication } from "./load-application.ts";
import { finalReviewMail } from "./mails.ts";

/** "Ansökan granskas": the person who finished the last step is told by mail. */
export async function notifyIfSubmitted(deps: Deps, actor: Actor, app: LoadedApplication): Promise<void> {
  const personId = app.application.personId ?? actor.personId;
  if (!personId) return;
  const p = await deps.db.select().from(persons).where(eq(persons.id, personId)).get();
  if (!p) return;
  await deps.mail.send(finalReviewMail(deps.config, p.email, `${p.givenName} ${p.familyName}`, `${app.area.name} - ${app.scheme.name}`, app.application.id));
}
