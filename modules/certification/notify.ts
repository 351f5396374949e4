import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { persons } from "../../db/schema/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { enqueueMail } from "../outbox/outbox.ts";
import type { LoadedApplication } from "./load-application.ts";
import { finalReviewMail } from "./mails.ts";

/** "Ansökan granskas": the person who finished the last step is told by mail, queued in the same transaction. */
export async function notifyIfSubmitted(tx: Tx, deps: Deps, actor: Actor, app: LoadedApplication): Promise<void> {
  const personId = app.application.personId ?? actor.personId;
  if (!personId) return;
  const p = await tx.select().from(persons).where(eq(persons.id, personId)).get();
  if (!p) return;
  await enqueueMail(tx, deps.clock.now(), "application.submitted", finalReviewMail(deps.config, p.email, `${p.givenName} ${p.familyName}`, `${app.area.name} - ${app.scheme.name}`, app.application.id));
}
