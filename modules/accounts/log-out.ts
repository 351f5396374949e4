import { recordEvent } from "../audit/index.ts";
import type { Deps } from "../deps.ts";
import type { SessionUser } from "./sessions.ts";
import { invalidateSession } from "./sessions.ts";

export async function logOut(deps: Deps, user: SessionUser): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await invalidateSession(tx, user.sessionId);
    await recordEvent(tx, user, now, { action: "user.logged_out", subjectType: "user", subjectId: user.userId, personId: user.personId });
  });
}
